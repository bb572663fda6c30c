/** `hubgraph ingest <job>`: load data into the graph. Each job ends with a summary (also as JSON). */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runJob, formatJobSummary, type IngestDeps, type JobSummary } from '../../ingest/job.js';
import { refreshAfterModels, refreshDerived } from '../../ingest/jobs/derived.js';
import { ingestDemo } from '../../ingest/jobs/demo.js';
import { ingestLineage } from '../../ingest/jobs/lineage.js';
import { ingestModelsFile, ingestModelsHub } from '../../ingest/jobs/models.js';
import { ingestPaperCategories, ingestPapersOnline } from '../../ingest/jobs/papers.js';
import { ingestSocialFiles, ingestSocialHub } from '../../ingest/jobs/social.js';
import { ingestTasks } from '../../ingest/jobs/tasks.js';
import { normaliseDate } from '../../ingest/map/fields.js';
import { createArxivClient } from '../../ingest/sources/arxiv/client.js';
import { createHubClient } from '../../ingest/sources/hub/index.js';
import { ErrorCodes, HubgraphError } from '../errors.js';
import { migrate } from '../neo4j/migrate.js';
import type { CliContext } from './context.js';

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function isoDate(v: string): string {
  const date = normaliseDate(v);
  if (date === null) throw new InvalidArgumentError('expected an ISO-8601 date, e.g. 2024-09-20 or 2024-09-20T12:00:00Z');
  return date;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

interface Common {
  restart?: boolean;
  batchSize?: number;
  json?: boolean;
}

function common(cmd: Command): Command {
  return cmd
    .option('--restart', 'ignore the checkpoint of an interrupted run and start over')
    .option('--batch-size <n>', 'rows per write transaction (default HUBGRAPH_BATCH_SIZE)', positive)
    .option('--json', 'print the summary as JSON instead of a table');
}

async function withIngest(context: () => CliContext, opts: Common, work: (deps: IngestDeps) => Promise<JobSummary>): Promise<void> {
  const ctx = context();
  const summary = await ctx.withDb(async (db) => {
    const deps: IngestDeps = {
      db,
      log: ctx.log,
      settings: { ...ctx.config.ingest, ...(opts.batchSize ? { batchSize: opts.batchSize } : {}) },
      dataDir: ctx.config.dataDir,
      restart: opts.restart ?? false,
    };
    return work(deps);
  });
  process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + '\n' : formatJobSummary(summary));
}

export function registerIngestCommands(program: Command, context: () => CliContext): void {
  const ingest = program.command('ingest').description('load data into the graph (idempotent, resumable; bad rows go to a quarantine file)');

  common(ingest.command('derived'))
    .description('recompute what is derived from the edges: follower counts, the hub creators’ stored commonly-followed-with lists, the users’ stored followOfFollow, secondDegree and popularAmongSimilarUsers lists, the stored similarCreators profile lists and the stored topic leader lists (every social ingest does this; run it after many follows through the API)')
    .action((opts: Common) => withIngest(context, opts, (deps) => runJob(deps, 'derived', refreshDerived)));

  common(ingest.command('demo'))
    .description('load the demo corpus from HUBGRAPH_DATA_DIR (default data/demo): tasks, the 2024-09 models dump, the 2025-01 /api/models records, lineage, paper categories, the social stand-in')
    .action((opts: Common) => withIngest(context, opts, (deps) => ingestDemo(deps)));

  common(ingest.command('models'))
    .description('models from a file (list_models CSV/NDJSON, /api/models JSON or NDJSON, the 2022 dump) or from the live Hub')
    .option('--file <path>', 'a CSV, NDJSON or JSON file (optionally .gz)')
    .option('--source <label>', 'provenance label stored on the models (default: the file name)')
    .option('--recorded-at <date>', 'with --file: when the file’s snapshot was taken (ISO-8601); a model keeps its newest record', isoDate)
    .option('--hub', 'crawl GET /api/models on the live Hub (HF_TOKEN optional)')
    .option('--limit <n>', 'with --hub: at most this many models', positive)
    .addOption(new Option('--sort <field>', 'with --hub: sort order').choices(['downloads', 'likes', 'createdAt']).default('downloads'))
    .action((opts: Common & { file?: string; source?: string; recordedAt?: string; hub?: boolean; limit?: number; sort: 'downloads' | 'likes' | 'createdAt' }) => {
      if (!opts.file === !opts.hub) throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, 'ingest models needs exactly one of --file <path> or --hub');
      return withIngest(context, opts, async (deps) => {
        await migrate(deps.db, deps.log);
        return runJob(deps, 'models', async (run) => {
          if (opts.file) {
            const source = opts.source ?? path.basename(opts.file).replace(/\.(csv|ndjson|jsonl|json)(\.gz)?$/, '');
            await ingestModelsFile(run, opts.file, source, { recordedAt: opts.recordedAt ?? null });
          } else {
            const hub = context().config.ingest.hub;
            const client = createHubClient({ baseUrl: hub.baseUrl, ...(hub.token ? { token: hub.token } : {}), requestsPerMinute: hub.requestsPerMinute, log: deps.log });
            await ingestModelsHub(run, client, { sort: opts.sort, ...(opts.limit ? { limit: opts.limit } : {}), source: opts.source ?? 'hub-api' });
          }
          // New models change creators' task/tag profiles: the stored similarCreators lists follow;
          // and tasks' downloads/likes: so do the stored topicTopContributors lists.
          await refreshAfterModels(run);
        });
      });
    });

  common(ingest.command('tasks'))
    .description('the task list and model-library list shipped in @huggingface/tasks')
    .action((opts: Common) => withIngest(context, opts, (deps) => runJob(deps, 'tasks', (run) => ingestTasks(run))));

  common(ingest.command('lineage'))
    .description('base-model lineage edges from a CSV file (source = base, target = derived, edge = kind)')
    .requiredOption('--file <path>', 'the lineage edge file')
    .action((opts: Common & { file: string }) =>
      withIngest(context, opts, (deps) => runJob(deps, 'lineage', async (run) => void (await ingestLineage(run, opts.file)))),
    );

  common(ingest.command('papers'))
    .description('metadata for every Paper in the graph: arXiv categories from a file (offline), or everything from the arXiv API (--online)')
    .option('--categories <path>', 'arxiv_categories.csv(.gz) (default: the one in HUBGRAPH_DATA_DIR)')
    .option('--online', 'query the arXiv API by id_list (3 s between requests, cached on disk)')
    .action((opts: Common & { categories?: string; online?: boolean }) =>
      withIngest(context, opts, (deps) =>
        runJob(deps, 'papers', async (run) => {
          if (opts.online) {
            const client = createArxivClient({ cacheDir: deps.settings.arxivCacheDir, log: deps.log });
            await ingestPapersOnline(run, client);
            return;
          }
          const file = opts.categories ?? (deps.dataDir ? path.join(deps.dataDir, 'arxiv/hf_cited_categories/arxiv_categories.csv.gz') : undefined);
          if (!file) throw new HubgraphError(ErrorCodes.DATA_DIR_MISSING, 'No category file', { hint: 'pass --categories <path> or set HUBGRAPH_DATA_DIR' });
          await ingestPaperCategories(run, file);
        }),
      ),
    );

  common(ingest.command('social'))
    .description('follows, topic follows, likes and memberships from CSV/NDJSON edge files, or from the Hub')
    .option('--follows <path>', 'follower,followee[,followee_kind,since]')
    .option('--topic-follows <path>', 'user,task')
    .option('--likes <path>', 'user,model')
    .option('--memberships <path>', 'user,organization')
    .option('--hub-followers <names>', 'from the Hub: followers of these users (org:name for organizations), comma-separated', list)
    .option('--hub-following <names>', 'from the Hub: whom these users follow', list)
    .option('--hub-likers <models>', 'from the Hub: who liked these models', list)
    .action(
      (
        opts: Common & { follows?: string; topicFollows?: string; likes?: string; memberships?: string; hubFollowers?: string[]; hubFollowing?: string[]; hubLikers?: string[] },
      ) =>
        withIngest(context, opts, (deps) =>
          runJob(deps, 'social', async (run) => {
            const files = {
              ...(opts.follows ? { follows: opts.follows } : {}),
              ...(opts.topicFollows ? { 'topic-follows': opts.topicFollows } : {}),
              ...(opts.likes ? { likes: opts.likes } : {}),
              ...(opts.memberships ? { memberships: opts.memberships } : {}),
            };
            const hubTargets = { followersOf: opts.hubFollowers ?? [], followingOf: opts.hubFollowing ?? [], likersOf: opts.hubLikers ?? [] };
            if (Object.keys(files).length === 0 && hubTargets.followersOf.length + hubTargets.followingOf.length + hubTargets.likersOf.length === 0) {
              throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, 'ingest social needs at least one edge file or --hub-* option');
            }
            await ingestSocialFiles(run, files);
            if (hubTargets.followersOf.length + hubTargets.followingOf.length + hubTargets.likersOf.length > 0) {
              const hub = context().config.ingest.hub;
              const client = createHubClient({ baseUrl: hub.baseUrl, ...(hub.token ? { token: hub.token } : {}), requestsPerMinute: hub.requestsPerMinute, log: deps.log });
              await ingestSocialHub(run, client, hubTargets);
            }
            await refreshDerived(run);
          }),
        ),
    );
}
