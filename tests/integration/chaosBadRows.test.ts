/**
 * Chaos, issue 17 part (c): input files of known good rows with ~1,000 crafted bad rows of every kind
 * the readers, the mappers and the database refuse (tests/fixtures/badRows.ts builds them, seeded),
 * loaded by the real jobs into the real Neo4j. For each file: the job succeeds; loaded = the good
 * rows, rejected = the bad rows, exactly; the quarantine holds one entry per bad row, at its line,
 * with the reason (and field) its kind calls for; the graph holds exactly the good rows and nothing
 * of a bad one (no node under `<prefix>-bad`, no Creator for a refused author such as
 * `x'}) DETACH DELETE n //`); a second run changes nothing.
 *
 * Also: a truncated .ndjson.gz of the same rows (what it read before the cut is committed and
 * reported), CSV records with a line break inside a quoted field in every variant (they load), and
 * the gaps found while writing this, now closed (issue 17 item 8): ids that are not Hub ids in the
 * social edge files, in lineage, and as a model's base model.
 *
 * At the end one line of figures is printed for the README's reliability section.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runJob, type JobSummary } from '../../ingest/job.js';
import { ingestLineage } from '../../ingest/jobs/lineage.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { ingestSocialFiles } from '../../ingest/jobs/social.js';
import { ingestStandin, STANDIN_SOURCE } from '../../ingest/jobs/standin.js';
import { reasonCategory } from '../../ingest/quarantine.js';
import { ErrorCodes } from '../../src/errors.js';
import {
  boundaryTags,
  INJECTION,
  invalidCreatorIds,
  followsCsv,
  likesNdjson,
  lineageCsv,
  membershipsCsv,
  modelsCsv,
  modelsNdjson,
  musaeFiles,
  QUOTED_NEWLINES,
  quotedNewlineCsv,
  topicFollowsNdjson,
  type GoodExpect,
  type PlantedFile,
  type PlantedRow,
} from '../fixtures/badRows.js';
import { cleanupPrefix, fingerprint, ingestDeps, ingestSuite, namespacePrefix } from './ingestFixtures.js';

const SLOW = 900_000;
/** Small batches: many batches per file (a batch the database refused would be bisected: none is, validation catches every bad row first). */
const BATCH = 250;

interface QuarantineEntry {
  source: string;
  line: number | null;
  field: string | null;
  reason: string;
}

const readEntries = (file: string | null): QuarantineEntry[] =>
  file === null ? [] : readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as QuarantineEntry);

/**
 * Every quarantine entry is a planted bad row's, at its line, with its reason and field; every bad
 * row has exactly one entry. Returns the entries per planted kind.
 */
function checkQuarantine(entries: QuarantineEntry[], files: { file: string; planted: PlantedFile; rows?: PlantedRow[] }[]): Record<string, number> {
  const byPosition = new Map<string, PlantedRow>();
  for (const f of files) for (const r of f.rows ?? f.planted.rows) byPosition.set(`${f.file}:${r.line}`, r);
  const hits = new Map<PlantedRow, number>();
  const wrong: string[] = [];
  for (const e of entries) {
    const row = byPosition.get(`${e.source}:${e.line}`);
    expect(e.reason.trim(), `an empty reason at ${e.source}:${e.line}`).not.toBe('');
    if (!row?.bad) {
      wrong.push(`${path.basename(e.source)}:${e.line} is a ${row ? row.kind : 'non-record'} line, quarantined: ${e.reason}`);
      continue;
    }
    hits.set(row, (hits.get(row) ?? 0) + 1);
    if (!row.reason!.test(e.reason) || (row.field ?? null) !== e.field) {
      wrong.push(`${path.basename(e.source)}:${e.line} (${row.kind}) got field ${e.field}, reason ${e.reason.slice(0, 200)}; expected field ${row.field}, reason ${row.reason}`);
    }
  }
  expect(wrong).toEqual([]);
  const bad = files.flatMap((f) => (f.rows ?? f.planted.rows).filter((r) => r.bad));
  const unquarantined = bad.filter((r) => hits.get(r) !== 1).map((r) => `line ${r.line} (${r.kind}): ${hits.get(r) ?? 0} entries`);
  expect(unquarantined).toEqual([]);
  const perKind: Record<string, number> = {};
  for (const r of bad) perKind[r.kind] = (perKind[r.kind] ?? 0) + 1;
  return perKind;
}

/** The planted bad rows per kind (what the quarantine's kinds must add up to). */
const plantedKinds = (...files: PlantedFile[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of files) for (const [k, n] of f.kinds) out[k] = (out[k] ?? 0) + n;
  return out;
};

/** The summary's own count by reason category agrees with its quarantine file. */
function checkByReason(summary: JobSummary, entries: QuarantineEntry[]): void {
  const expected: Record<string, number> = {};
  for (const e of entries) expected[reasonCategory(e.reason)] = (expected[reasonCategory(e.reason)] ?? 0) + 1;
  expect(summary.quarantine.byReason).toEqual(expected);
  expect(summary.quarantine.count).toBe(entries.length);
}

const sorted = <T>(items: T[]) => [...items].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
const figure = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

describe('chaos: ~1,000 bad rows of every kind among good rows (issue 17c)', () => {
  const suite = ingestSuite();
  const { dir } = suite;
  const extraPrefixes: string[] = [];
  const prefix = () => {
    const p = namespacePrefix();
    extraPrefixes.push(p);
    return p;
  };
  let runs = 0;
  /** A fresh directory per job run: its own quarantine file, reports and checkpoints. */
  const deps = () => {
    const d = path.join(dir, `run-${++runs}`);
    mkdirSync(d, { recursive: true });
    return ingestDeps(suite.db, d, { batchSize: BATCH });
  };
  const write = (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  const count = async (cypher: string, params: Record<string, unknown>) => (await suite.db.read<{ n: number }>(cypher, params))[0]?.n ?? -1;
  const figures: string[] = [];
  const started = Date.now();

  afterAll(async () => {
    for (const p of extraPrefixes) await cleanupPrefix(suite.db, p);
    // A refused author that leaked would not be under a prefix.
    await suite.db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [INJECTION] });
    console.log(`chaos bad rows (issue 17c): ${figures.join('; ')}; whole suite ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  /** Nodes outside every prefix of this suite, vocabulary and job records aside: a row must never add or remove one. */
  const outside = async () =>
    sorted(
      (
        await suite.db.read<{ n: string }>(
          `MATCH (n) WHERE NOT (n:Tag OR n:Task OR n:Library OR n:Language OR n:License OR n:Dataset OR n:Paper OR n:IngestJob)
             AND NOT any(x IN $prefixes WHERE n.id STARTS WITH x)
           RETURN apoc.text.join(apoc.coll.sort(labels(n)), ':') + ' ' + coalesce(toString(n.id), '(no id)') AS n`,
          { prefixes: [suite.p, ...extraPrefixes] },
        )
      ).map((r) => r.n),
    );

  async function checkModels(p: string, planted: PlantedFile): Promise<void> {
    const rows = await suite.db.read<{ id: string; name: string; author: string | null; downloads: number | null }>(
      `MATCH (m:Model) WHERE m.id STARTS WITH $p
       OPTIONAL MATCH (c:Creator)-[:CREATED]->(m)
       RETURN m.id AS id, m.name AS name, c.id AS author, m.downloads AS downloads`,
      { p },
    );
    const want = (e: GoodExpect) => ({ id: e.key, name: e.name, author: e.author, downloads: e.downloads });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    // Exactly the good rows, each with the first record's values (a later duplicate changes nothing).
    expect(rows.length).toBe(planted.good.length);
    expect([...rows].sort(byId)).toEqual(planted.good.map((r) => want(r.expect!)).sort(byId));
    const creators = await suite.db.read<{ id: string }>('MATCH (c:Creator) WHERE c.id STARTS WITH $p RETURN c.id AS id', { p });
    expect(sorted(creators.map((c) => c.id))).toEqual(sorted([...new Set(planted.good.map((r) => r.expect!.author!))]));
    expect(await count('MATCH (n) WHERE n.id STARTS WITH $bad RETURN count(n) AS n', { bad: `${p}-bad` })).toBe(0);
    const leaked = await suite.db.read<{ id: string }>('MATCH (n) WHERE n.id IN $ids RETURN n.id AS id', { ids: invalidCreatorIds(p) });
    expect(leaked).toEqual([]);
  }

  it(
    'models NDJSON: 2,000 good + 1,000 bad rows — loads the good, quarantines each bad one with its reason; a rerun changes nothing',
    async () => {
      const p = suite.p;
      const planted = modelsNdjson(p);
      const file = write('models.ndjson', planted.bytes);
      const untouched = await outside();
      const load = () => runJob(deps(), 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-fixture')));

      const first = await load();
      expect(first.totals).toMatchObject({ read: 3000, loaded: 2000, rejected: 1000, skipped: 0 });
      const entries = readEntries(first.quarantine.file);
      expect(entries).toHaveLength(1000);
      const perKind = checkQuarantine(entries, [{ file, planted }]);
      expect(perKind).toEqual(plantedKinds(planted));
      checkByReason(first, entries);
      // Every bad row is caught in validation, card values too long to index included: none reaches Neo4j to be refused.
      expect(entries.filter((e) => e.reason.startsWith('refused by Neo4j'))).toEqual([]);

      await checkModels(p, planted);
      for (const tag of boundaryTags(p)) expect(await count('MATCH (t:Tag {id: $tag}) RETURN count(t) AS n', { tag })).toBe(1);
      expect(await outside()).toEqual(untouched);

      const before = await fingerprint(suite.db, p);
      const second = await load();
      expect(second.totals).toMatchObject({ read: 3000, loaded: 2000, rejected: 1000, skipped: 0 });
      expect(second.steps[0]).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
      const again = readEntries(second.quarantine.file);
      expect(checkQuarantine(again, [{ file, planted }])).toEqual(perKind);
      expect(await fingerprint(suite.db, p)).toEqual(before);
      expect(await outside()).toEqual(untouched);

      figures.push(
        `models.ndjson ${planted.good.length} good + ${planted.bad.length} bad (+${planted.rows.length - planted.good.length - planted.bad.length} blank lines) → ` +
          `${first.totals.loaded} loaded, ${entries.length} quarantined [${figure(perKind)}] in ${first.seconds.toFixed(1)} s (rerun ${second.seconds.toFixed(1)} s, unchanged); ` +
          'none refused by Neo4j',
      );
    },
    SLOW,
  );

  it(
    'models CSV (2024-09 list_models: BOM, CRLF, Python tag lists, quoted newlines): 2,000 good + 1,000 bad rows',
    async () => {
      const p = prefix();
      const planted = modelsCsv(p);
      // Many of the good rows carry a line break inside a quoted field (QUOTED_NEWLINES): all load.
      expect(planted.good.filter((r) => r.bytes.includes(0x0a)).length).toBeGreaterThan(500);
      const file = write('models.csv', planted.bytes);
      const load = () => runJob(deps(), 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-fixture')));

      const first = await load();
      expect(first.totals).toMatchObject({ read: 3000, loaded: 2000, rejected: 1000, skipped: 0 });
      const entries = readEntries(first.quarantine.file);
      const perKind = checkQuarantine(entries, [{ file, planted }]);
      expect(perKind).toEqual(plantedKinds(planted));
      checkByReason(first, entries);
      await checkModels(p, planted);

      const before = await fingerprint(suite.db, p);
      const second = await load();
      expect(second.totals).toMatchObject({ read: 3000, loaded: 2000, rejected: 1000, skipped: 0 });
      expect(second.steps[0]).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
      expect(checkQuarantine(readEntries(second.quarantine.file), [{ file, planted }])).toEqual(perKind);
      expect(await fingerprint(suite.db, p)).toEqual(before);

      figures.push(`models.csv ${planted.good.length} good + ${planted.bad.length} bad → ${first.totals.loaded} loaded, ${entries.length} quarantined [${figure(perKind)}] in ${first.seconds.toFixed(1)} s`);
    },
    SLOW,
  );

  it(
    'a truncated .ndjson.gz of the same kind of rows: what was read before the cut is committed and reported, good and bad',
    async () => {
      const p = prefix();
      const planted = modelsNdjson(p, 71);
      const whole = gzipSync(planted.bytes);
      const file = write('models-cut.ndjson.gz', whole.subarray(0, Math.floor(whole.length * 0.55)));
      const d = deps();
      const error = await runJob(d, 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-fixture'))).then(
        () => null,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(error?.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
      const m = /after (\d+) records of step models: (\d+) loaded \(committed\), (\d+) rejected/.exec(error?.message ?? '');
      expect(m, error?.message).not.toBeNull();
      const [read, loaded, rejected] = [Number(m![1]), Number(m![2]), Number(m![3])];
      // The records read are the file's first `read` (blank lines are not records).
      const records = planted.rows.filter((r) => r.kind !== 'skipped').slice(0, read);
      const goodRead = records.filter((r) => !r.bad);
      expect(read).toBeGreaterThan(500);
      expect(read).toBeLessThan(3000);
      expect({ loaded, rejected }).toEqual({ loaded: goodRead.length, rejected: read - goodRead.length });
      const models = await suite.db.read<{ id: string }>('MATCH (m:Model) WHERE m.id STARTS WITH $p RETURN m.id AS id', { p });
      expect(sorted(models.map((x) => x.id))).toEqual(sorted(goodRead.map((r) => r.expect!.key)));
      const qdir = d.settings.quarantineDir;
      const entries = readdirSync(qdir).flatMap((f) => readEntries(path.join(qdir, f)));
      const perKind = checkQuarantine(entries, [{ file, planted, rows: records }]);
      expect(entries).toHaveLength(rejected);
      figures.push(`truncated models.ndjson.gz (cut at 55% of ${whole.length} bytes) → ${read} records read before the cut: ${loaded} loaded, ${rejected} quarantined [${Object.keys(perKind).length} kinds], reported in the error`);
    },
    SLOW,
  );

  it(
    'edge files (lineage, follows, likes, memberships, topic follows): the good edges load, each bad row is quarantined; a rerun changes nothing',
    async () => {
      const p = prefix();
      const lineage = lineageCsv(p);
      const follows = followsCsv(p);
      const likes = likesNdjson(p);
      const members = membershipsCsv(p);
      const topics = topicFollowsNdjson(p);
      const files = {
        lineage: write('lineage.csv', lineage.bytes),
        follows: write('follows.csv', follows.bytes),
        likes: write('likes.ndjson', likes.bytes),
        memberships: write('memberships.csv', members.bytes),
        topics: write('topic-follows.ndjson', topics.bytes),
      };
      const load = () =>
        runJob(deps(), 'edges', async (run) => {
          await ingestLineage(run, files.lineage);
          await ingestSocialFiles(run, { follows: files.follows, 'topic-follows': files.topics, likes: files.likes, memberships: files.memberships });
        });
      const first = await load();
      const step = (s: JobSummary, name: string) => s.steps.find((x) => x.step === name)!;
      for (const [name, planted] of [
        ['lineage', lineage],
        ['follows', follows],
        ['likes', likes],
        ['memberships', members],
        ['topic-follows', topics],
      ] as const) {
        expect(step(first, name), name).toMatchObject({ read: planted.good.length + planted.bad.length, loaded: planted.good.length, rejected: planted.bad.length });
      }
      const entries = readEntries(first.quarantine.file);
      const planted = [
        { file: files.lineage, planted: lineage },
        { file: files.follows, planted: follows },
        { file: files.likes, planted: likes },
        { file: files.memberships, planted: members },
        { file: files.topics, planted: topics },
      ];
      const perKind = checkQuarantine(entries, planted);
      checkByReason(first, entries);

      const edges = async (cypher: string) => sorted((await suite.db.read<{ e: string }>(cypher, { p })).map((r) => r.e));
      const keys = (f: PlantedFile) => sorted(f.good.map((r) => r.expect!.key));
      expect(await edges("MATCH (d:Model)-[:DERIVED_FROM {source: 'hf-lineage'}]->(b:Model) WHERE d.id STARTS WITH $p RETURN d.id + ' -> ' + b.id AS e")).toEqual(keys(lineage));
      expect(await edges("MATCH (a:User)-[:FOLLOWS]->(b:Creator) WHERE a.id STARTS WITH $p RETURN a.id + ' -> ' + b.id AS e")).toEqual(keys(follows));
      expect(await edges("MATCH (a:User)-[:LIKED]->(m:Model) WHERE a.id STARTS WITH $p RETURN a.id + ' -> ' + m.id AS e")).toEqual(keys(likes));
      expect(await edges("MATCH (a:User)-[:MEMBER_OF]->(o:Organization) WHERE a.id STARTS WITH $p RETURN a.id + ' -> ' + o.id AS e")).toEqual(keys(members));
      expect(await edges("MATCH (a:User)-[:FOLLOWS_TOPIC]->(t:Task) WHERE a.id STARTS WITH $p RETURN a.id + ' -> ' + t.id AS e")).toEqual(keys(topics));
      expect(await count('MATCH (n) WHERE n.id STARTS WITH $bad RETURN count(n) AS n', { bad: `${p}-bad` })).toBe(0);
      // Refused user, creator and organization ids, the bare injection string too, made no node.
      expect(await count('MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n', { ids: invalidCreatorIds(p) })).toBe(0);

      const before = await fingerprint(suite.db, p);
      const second = await load();
      expect(second.totals).toMatchObject({ loaded: first.totals.loaded, rejected: first.totals.rejected, relationshipsCreated: 0 });
      expect(checkQuarantine(readEntries(second.quarantine.file), planted)).toEqual(perKind);
      expect(await fingerprint(suite.db, p)).toEqual(before);

      const all = [lineage, follows, likes, members, topics];
      const good = all.reduce((n, f) => n + f.good.length, 0);
      const bad = all.reduce((n, f) => n + f.bad.length, 0);
      figures.push(`edge files ${good} good + ${bad} bad → ${first.totals.loaded} loaded, ${entries.length} quarantined [${figure(perKind)}] in ${first.seconds.toFixed(1)} s`);
    },
    SLOW,
  );

  it(
    'the musae stand-in files (nodes, edges): the good load, bad nodes and edges (and edges to a refused node) are quarantined',
    async () => {
      const p = prefix();
      const musae = musaeFiles(p);
      const sub = path.join(dir, 'musae');
      mkdirSync(sub, { recursive: true });
      const nodesFile = path.join(sub, 'nodes.csv.gz');
      const edgesFile = path.join(sub, 'edges_train.csv.gz');
      writeFileSync(nodesFile, gzipSync(musae.nodes.bytes));
      writeFileSync(edgesFile, gzipSync(musae.edges.bytes));
      const modelsFile = write('musae-models.ndjson', musae.models);
      const load = () => runJob(deps(), 'standin', async (run) => void (await ingestStandin(run, sub, modelsFile)));
      const first = await load();
      const step = (name: string) => first.steps.find((x) => x.step === name)!;
      expect(step('standin-users')).toMatchObject({ loaded: musae.nodes.good.length, rejected: musae.nodes.bad.length });
      expect(step('standin-follows')).toMatchObject({ loaded: musae.goodFollows, rejected: musae.edges.bad.length });
      const entries = readEntries(first.quarantine.file);
      const perKind = checkQuarantine(entries, [
        { file: nodesFile, planted: musae.nodes },
        { file: edgesFile, planted: musae.edges },
      ]);
      expect(await count(`MATCH (a:User)-[r:FOLLOWS {source: $s}]->(b:User) WHERE a.id STARTS WITH $p AND b.id STARTS WITH $p RETURN count(r) AS n`, { p, s: STANDIN_SOURCE })).toBe(musae.goodFollows);
      expect(await count('MATCH (u:User {source: $s}) WHERE u.id STARTS WITH $p RETURN count(u) AS n', { p, s: STANDIN_SOURCE })).toBe(musae.nodes.good.length);
      expect(await count('MATCH (n) WHERE n.id STARTS WITH $bad RETURN count(n) AS n', { bad: `${p}-bad` })).toBe(0);
      const before = await fingerprint(suite.db, p);
      const second = await load();
      expect(second.totals).toMatchObject({ loaded: first.totals.loaded, rejected: first.totals.rejected, relationshipsCreated: 0 });
      expect(await fingerprint(suite.db, p)).toEqual(before);
      figures.push(
        `musae stand-in ${musae.nodes.good.length + musae.edges.good.length} good + ${musae.nodes.bad.length + musae.edges.bad.length} bad → ${first.totals.loaded} loaded (each edge two follows), ${entries.length} quarantined [${figure(perKind)}]`,
      );
    },
    SLOW,
  );

  describe('CSV records with a line break inside a quoted field load (issue 17 item 6)', () => {
    const formats = [
      { name: 'LF line ends', eol: '\n', bom: false, finalEol: true, gz: false },
      { name: 'CRLF line ends and a BOM', eol: '\r\n', bom: true, finalEol: true, gz: false },
      { name: 'CRLF, a BOM, no final line break, gzipped', eol: '\r\n', bom: true, finalEol: false, gz: true },
    ] as const;
    it.each(formats)('$name: every variant (LF, CRLF, last column, escaped quotes, blank lines inside…) loads with its value', async (format) => {
      const p = prefix();
      const cases = QUOTED_NEWLINES.map((_, k) => quotedNewlineCsv(p, k, format));
      // One file per variant, so a failure names it.
      const failures: string[] = [];
      for (const [k, c] of cases.entries()) {
        const name = `quoted-${k}.csv${format.gz ? '.gz' : ''}`;
        const file = write(name, format.gz ? gzipSync(Buffer.from(c.text, 'utf8')) : c.text);
        const summary = await runJob(deps(), 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-fixture')));
        const reasons = readEntries(summary.quarantine.file).map((e) => `line ${e.line}: ${e.reason}`);
        const rows = await suite.db.read<{ id: string; name: string }>('MATCH (m:Model) WHERE m.id IN $ids RETURN m.id AS id, m.name AS name', { ids: c.expect.map((e) => e.key) });
        const got = new Map(rows.map((r) => [r.id, r.name]));
        const missing = c.expect.filter((e) => got.get(e.key) !== e.name).map((e) => `${e.key}: ${JSON.stringify(got.get(e.key))} ≠ ${JSON.stringify(e.name)}`);
        if (summary.totals.loaded !== 4 || reasons.length > 0 || missing.length > 0) {
          failures.push(`${QUOTED_NEWLINES[k]!.name}: loaded ${summary.totals.loaded}/4; ${[...reasons, ...missing].join('; ')}`);
        }
      }
      expect(failures).toEqual([]);
    }, SLOW);
  });

  // Gaps found while writing this suite (once `it.fails`), closed by issue 17 item 8: the id rules
  // of the models file (ingest/map/fields.ts) hold for every id, outside the models file too.
  describe('ids that are not Hub ids, outside the models file (issue 17 item 8)', () => {
    it(
      'follows, likes, memberships and topic follows refuse a user, creator or organization id that is not a Hub namespace',
      async () => {
        const p = prefix();
        const bad = invalidCreatorIds(p).filter((id) => id !== INJECTION);
        const follows = write('gap-follows.ndjson', bad.map((id, k) => JSON.stringify(k % 2 ? { follower: id, followee: `${p}-u1` } : { follower: `${p}-u1`, followee: id })).join('\n'));
        const likes = write('gap-likes.ndjson', bad.map((id) => JSON.stringify({ user: id, model: `${p}-o/m` })).join('\n'));
        const members = write('gap-members.ndjson', bad.map((id) => JSON.stringify({ user: `${p}-u1`, organization: id })).join('\n'));
        const topics = write('gap-topics.ndjson', bad.map((id) => JSON.stringify({ user: id, task: 'fill-mask' })).join('\n'));
        const summary = await runJob(deps(), 'social', async (run) => void (await ingestSocialFiles(run, { follows, likes, memberships: members, 'topic-follows': topics })));
        // Each once became a Creator node (the injection string, NUL, a newline, a slash…).
        const leaked = await suite.db.read<{ id: string }>('MATCH (c:Creator) WHERE c.id IN $ids RETURN c.id AS id', { ids: bad });
        expect(leaked.map((c) => c.id)).toEqual([]);
        expect(summary.totals).toMatchObject({ loaded: 0, rejected: 4 * bad.length });
        const reasons = readEntries(summary.quarantine.file).map((e) => `${e.field}: ${e.reason.split(' (')[0]}`);
        expect(new Set(reasons)).toEqual(new Set(['follower: follower: not a Hub namespace', 'followee: followee: not a Hub namespace', 'user: user: not a Hub namespace', 'organization: organization: not a Hub namespace']));
      },
      SLOW,
    );

    it(
      'lineage refuses an edge whose end is not a Hub repo id (it once made that Model, and a Creator of its "namespace")',
      async () => {
        const p = prefix();
        const base = `${p}-bad ${INJECTION}a/b`;
        const file = write('gap-lineage.csv', `source,target,edge\n${base},${p}-o/derived,finetuned\n${p}-o/base,${p}-bad/x y,merged\n`);
        const summary = await runJob(deps(), 'lineage', async (run) => void (await ingestLineage(run, file)));
        expect(await count('MATCH (n) WHERE n.id STARTS WITH $bad RETURN count(n) AS n', { bad: `${p}-bad` })).toBe(0);
        expect(summary.totals).toMatchObject({ loaded: 0, rejected: 2 });
        expect(readEntries(summary.quarantine.file).map((e) => [e.line, e.field, e.reason.split(', got ')[0]])).toEqual([
          [2, 'source', 'source: not a Hub repo id (namespace/name)'],
          [3, 'target', 'target: not a Hub repo id (namespace/name)'],
        ]);
      },
      SLOW,
    );

    it(
      'a model row makes no Model node of a base model that is not a Hub repo id (tag or card): the row loads without it',
      async () => {
        const p = prefix();
        const badTag = `base_model:finetune:${p}-bad/${INJECTION}`;
        const file = write(
          'gap-base.ndjson',
          [
            { id: `${p}-org/a`, tags: [badTag, `base_model:finetune:${p}-org/b`] },
            { id: `${p}-org/b`, cardData: { base_model: [`${p}-bad x/y/z`, `${p}-org/a`] } },
          ]
            .map((r) => JSON.stringify(r))
            .join('\n'),
        );
        const summary = await runJob(deps(), 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-fixture')));
        expect(await count('MATCH (n) WHERE n.id STARTS WITH $bad RETURN count(n) AS n', { bad: `${p}-bad` })).toBe(0);
        // The choice (ingest/map/models.ts): only the bad base model is dropped; the rows and their good base models load.
        expect(summary.totals).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
        const edges = await suite.db.read<{ e: string }>('MATCH (d:Model)-[:DERIVED_FROM]->(b:Model) WHERE d.id STARTS WITH $p RETURN d.id + \' -> \' + b.id AS e', { p });
        expect(sorted(edges.map((r) => r.e))).toEqual([`${p}-org/a -> ${p}-org/b`, `${p}-org/b -> ${p}-org/a`]);
        // The bad tag stays a plain tag, as any malformed typed tag does.
        expect(await count('MATCH (:Model {id: $id})-[:TAGGED]->(t:Tag {id: $tag}) RETURN count(t) AS n', { id: `${p}-org/a`, tag: badTag })).toBe(1);
      },
      SLOW,
    );
  });
});
