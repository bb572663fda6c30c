/**
 * The stored lists of owners other than the writer, refreshed just behind the writes that changed
 * their inputs: a creator followed or unfollowed through the API has its commonly-followed-with list
 * recomputed within about `delayMs` plus the recomputation (issue 18; docs/stored-answers.md gives
 * the measured delay). Until then its old list is answered, stamped with its `computedAt`. When the
 * creator is also a user, their recommendedCreators blend is recomputed too (its followBack signal
 * changed, so the old one is not read and they would be answered live until then).
 *
 * Why not in the mutation: a hub's list is a walk of ~10⁵ rows (hundreds of milliseconds), and a
 * hub is followed many times a minute — so follows are coalesced per creator and recomputed one at
 * a time in the background, never on the follower's request. Only creators that have a stored list
 * need it: the others are answered live, always current. The store is a compare-and-set on the
 * creator's followersVersion, read before the walk, so a list older than a later follow is never
 * stored. While Neo4j is down the queue waits (a refresh that failed on the outage is queued
 * again) and drains once it is back. In-process and best-effort: a server that stops drops its
 * queue, and the next `hubgraph ingest derived` recomputes every list.
 */
import { commonlyFollowedWith } from '../domain/commonlyFollowedWith.js';
import { MAX_FIRST } from '../domain/creatorCommon.js';
import type { Logger } from '../log.js';
import { loadCypher } from '../neo4j/cypher.js';
import { oneRead, type Db } from '../neo4j/db.js';
import { refreshUserLists } from './refreshUser.js';

export interface RefresherOptions {
  /** How long a follow waits for others of the same creator before its list is recomputed (default 1 s). */
  delayMs?: number;
  /** Called after each creator's refresh with the seconds from its first queued follow to its list stored (or found unchanged). */
  onRefreshed?: (question: 'commonlyFollowedWith', delaySeconds: number, stored: boolean) => void;
}

export const DEFAULT_DELAY_MS = 1000;

export class StoredRefresher {
  /** Creator id → when its first queued follow arrived (performance.now()). */
  private readonly queue = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly delayMs: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: RefresherOptions = {},
  ) {
    this.delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  }

  /** A creator's follower set changed: its commonly-followed-with list is recomputed shortly. */
  followersChanged(creatorId: string, queuedAt = performance.now()): void {
    if (this.closed) return;
    if (!this.queue.has(creatorId)) this.queue.set(creatorId, queuedAt);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Creators waiting for their refresh. */
  get pending(): number {
    return this.queue.size;
  }

  /** Recomputes every queued creator's list now (one at a time); resolves when the queue is empty. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.queue.size === 0) return;
    this.running = this.drain().finally(() => (this.running = null));
    await this.running;
  }

  /** Stops taking follows and waits for the refresh in progress; the rest of the queue is dropped. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.clear();
    await this.running;
  }

  private async drain(): Promise<void> {
    for (const [creatorId, queuedAt] of this.queue) {
      if (this.closed) return;
      this.queue.delete(creatorId);
      const outcome = await refreshCreatorLists(this.db, creatorId, this.log);
      // A user (no row otherwise: nothing done) whose followers changed: their blend, from their stored signals.
      if (outcome !== 'failed') await refreshUserLists(this.db, creatorId, this.log);
      if (outcome === 'failed' && this.db.outage() !== null) {
        // Neo4j is down: every other refresh would fail too. Keep the queue and try again later.
        this.followersChanged(creatorId, queuedAt);
        return;
      }
      this.options.onRefreshed?.('commonlyFollowedWith', (performance.now() - queuedAt) / 1000, outcome === 'stored');
    }
  }
}

/**
 * Recomputes and stores `creatorId`'s commonly-followed-with list, if it has one. The list is the
 * question's own live answer at the stored length, as the batch computes it. `skipped`: no list to
 * refresh, or a later follow changed the followers meanwhile (the compare-and-set refused it).
 */
export async function refreshCreatorLists(db: Db, creatorId: string, log: Logger): Promise<'stored' | 'skipped' | 'failed'> {
  try {
    const computed = await oneRead(db, 'storedRefresh.creator', async (tx) => {
      const [v] = await tx.read<{ followersVersion: number; stored: boolean }>(loadCypher('stored/creator-versions'), { creatorId });
      if (!v?.stored) return null;
      const recs = await commonlyFollowedWith(tx, { creatorId, first: MAX_FIRST, live: true });
      return {
        id: creatorId,
        followersVersion: v.followersVersion,
        ids: recs.map((r) => r.creator.id),
        scores: recs.map((r) => r.score),
        overlaps: recs.map((r) => r.reason.count ?? 0),
      };
    });
    if (computed === null) return 'skipped';
    const { summary } = await db.write(
      loadCypher('recommend/commonly-followed-with-store'),
      { rows: [computed], computedAt: new Date().toISOString() },
      { op: 'storedRefresh.commonlyFollowedWith' },
    );
    return summary.propertiesSet > 0 ? 'stored' : 'skipped';
  } catch (error) {
    log.warn({ err: error, creatorId }, "a creator's commonly-followed-with list was not refreshed after a follow: its older list is answered until the next refresh");
    return 'failed';
  }
}
