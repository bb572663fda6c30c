/**
 * The stored answers of topicTopContributors: every task's leaders.
 *
 * Why: answered live, a task's question aggregates every model of the task per creator and
 * normalises the standings over all of them — for text-generation (3,856 models by 954 creators on
 * the demo) that is the slowest task, and under 8 concurrent clients it alone set the question's
 * p99 above the 60 ms target. None of it depends on who asks, so each task's top 100 (the most any
 * `first` may ask for) is stored on its Task node: `leaderIds`, `leaderScores`, `leaderCounts`
 * (the creator's models in the task), `leaderSources` (ANALYTICS or FOLLOWER_COUNT, per row),
 * stamped `leadersAt` and with the `leadersAuthorityWeight` it was computed under. The lists are
 * computed by running the live query itself (cypher/recommend/topic-top-contributors.cypher with
 * $live = true), so a stored answer equals the live one by construction — same scores, same order,
 * same ties. One SET per task: a reader sees a task's old list or its new one.
 *
 * Freshness: a score reads downloads and likes (models ingest), `authority` (analytics runs) and
 * follower counts (social ingest), so the lists are refreshed after every models ingest, every
 * social or demo ingest (refreshDerived), by `hubgraph ingest derived`, and at the end of every
 * analytics run (after its write-back — the authority the API reads — and its GC grace). Between
 * refreshes a stored list is as old as its `leadersAt`, which answers carry as
 * `reason.computedAt`. Tasks without a list — created, or given their first models, since the
 * refresh — and questions asked with another authority weight are answered live, so always current;
 * a task that lost all its models has its list cleared by the next refresh.
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { readByIdPages, writeStoredLists } from './storedLists.js';
import { STORED_LIST_SIZE } from './commonlyFollowedWith.js';

export interface TopicLeaderList {
  /** The task's id. */
  id: string;
  ids: string[];
  scores: number[];
  counts: number[];
  sources: string[];
}

export interface RefreshTopicLeadersOptions {
  /** The weight of the authority term: the API's (topicTopContributors DEFAULTS.authorityWeight). */
  authorityWeight: number;
  /** Only tasks whose ids start with this (tests); default every task. Creators are never scoped. */
  scope?: string;
  /** Tasks per read page and per write transaction. */
  batchSize?: number;
  /** Called after each task's live query: tasks done and the total (the write that follows is a few transactions). */
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshTopicLeadersResult {
  /** Tasks whose list was (re)computed and stored. */
  stored: number;
  /** Tasks whose older list was removed (now answered live). */
  cleared: number;
  /** Σ list lengths: the (task, leader) rows stored. */
  leaders: number;
  /** The task whose live query took longest, and its seconds. */
  slowest: { id: string; seconds: number } | null;
  transactions: number;
  computedAt: string;
  seconds: { read: number; write: number };
}

interface LeaderRow {
  creator: { id: string };
  score: number;
  count: number;
  authoritySource: string;
}

/** The ids of the tasks in scope that have models, page by page in id order. */
async function readTasks(db: Db, scope: string, batchSize: number): Promise<string[]> {
  const rows = await readByIdPages<{ id: string }>(db, 'recommend/topic-top-contributors-tasks', { scope }, batchSize, 'topicLeaders.tasks');
  return rows.map((r) => r.id);
}

export async function refreshTopicLeaders(db: Db, options: RefreshTopicLeadersOptions): Promise<RefreshTopicLeadersResult> {
  const scope = options.scope ?? '';
  const batchSize = options.batchSize ?? 100;
  const { authorityWeight } = options;
  const computedAt = new Date().toISOString();
  let t = Date.now();
  const taskIds = await readTasks(db, scope, batchSize);
  // The live query, bypassing stored lists: what the API would answer with $first = 100.
  const live = loadCypher('recommend/topic-top-contributors');
  const lists: TopicLeaderList[] = [];
  let slowest: RefreshTopicLeadersResult['slowest'] = null;
  for (const [i, taskId] of taskIds.entries()) {
    const started = Date.now();
    const rows = await db.read<LeaderRow>(live, { taskId, first: STORED_LIST_SIZE, authorityWeight, live: true }, { op: 'topicLeaders.read' });
    const seconds = (Date.now() - started) / 1000;
    if (!slowest || seconds > slowest.seconds) slowest = { id: taskId, seconds };
    // A task whose models have no creator answers nothing: no list, so it stays live.
    if (rows.length > 0) {
      lists.push({
        id: taskId,
        ids: rows.map((r) => r.creator.id),
        scores: rows.map((r) => r.score),
        counts: rows.map((r) => r.count),
        sources: rows.map((r) => r.authoritySource),
      });
    }
    options.onProgress?.(i + 1, taskIds.length);
  }
  const read = (Date.now() - t) / 1000;
  t = Date.now();
  // Lists from an earlier refresh that this one did not replace (the task lost all its models)
  // would be stale: they go, and those tasks answer live.
  const { cleared, transactions } = await writeStoredLists(db, {
    store: 'recommend/topic-top-contributors-store',
    clear: 'recommend/topic-top-contributors-clear',
    op: 'topicLeaders',
    lists,
    computedAt,
    scope,
    batchSize,
    extra: { authorityWeight },
  });
  const leaders = lists.reduce((n, l) => n + l.ids.length, 0);
  return { stored: lists.length, cleared, leaders, slowest, transactions, computedAt, seconds: { read, write: (Date.now() - t) / 1000 } };
}
