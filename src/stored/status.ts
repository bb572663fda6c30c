/**
 * storedStatus — how fresh the stored answers are, per question: lists stored, the share a question
 * would read now (valid: stored at the owner's current versions), the oldest and newest computedAt,
 * and what last refreshed them. `hubgraph stored status` prints it; /metrics reads the same Cypher.
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';

export interface StoredQuestionStatus {
  question: string;
  lists: number;
  valid: number;
  /** valid ÷ lists (null: none stored, answered live). */
  validShare: number | null;
  oldest: string | null;
  newest: string | null;
}

export interface StoredStatus {
  questions: StoredQuestionStatus[];
  /** The last finished runs of the jobs that refresh lists, newest first. */
  jobs: Array<{ job: string; finishedAt: string }>;
  /** The current analytics runs (topic leaders, authority-ranked followBack). */
  analytics: Array<{ run: string; computedAt: string }>;
}

export async function storedStatus(db: Db, scope = ''): Promise<StoredStatus> {
  const rows = await db.read<Omit<StoredQuestionStatus, 'validShare'>>(loadCypher('stats/stored-answers'), { scope }, { op: 'storedStatus' });
  const [last] = await db.read<Pick<StoredStatus, 'jobs' | 'analytics'>>(loadCypher('stored/last-refreshes'), {}, { op: 'storedStatus.refreshes' });
  return {
    questions: rows.map((r) => ({ ...r, validShare: r.lists > 0 ? r.valid / r.lists : null })),
    jobs: last?.jobs ?? [],
    analytics: last?.analytics ?? [],
  };
}
