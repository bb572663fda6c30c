/**
 * After a user's own write (follow, unfollow, bulkFollow, followTopic), their stored lists are
 * recomputed at once and stored, so their next answers both reflect the write and come from a
 * stored list — not from the live path until the next batch (issue 18). The refresher calls it too
 * for a user someone followed or unfollowed (their followBack signal changed, so their blend).
 *
 * Each list is the question's own live answer (the write bumped the user's socialVersion, so no
 * stored list is read), at the length the batch stores, converted to the stored fields. The blend
 * is computed from those same answers (their first 50, as the batch does) plus followBack, not by
 * asking the signals again: one read transaction of five queries, one write transaction of four
 * stores. The versions are read first in the read transaction, and each store is a compare-and-set
 * on them: if another write lands meanwhile, that list is not stored and the user is answered
 * live. A failure here never fails the write (it is committed): the lists stay unstored, answers
 * stay live and true, and the error is logged.
 */
import { MAX_FIRST, type CreatorRecommendation } from '../domain/creatorCommon.js';
import { followOfFollow, settingsKey as followOfFollowKey, DEFAULTS as FOLLOW_OF_FOLLOW } from '../domain/followOfFollow.js';
import { popularAmongSimilarUsers, settingsKey as similarUsersKey, DEFAULTS as SIMILAR_USERS } from '../domain/popularAmongSimilarUsers.js';
import { followBack } from '../domain/followBack.js';
import { blend, storedSettingsKey, toStoredEntry, DEFAULTS as BLEND, type SignalName } from '../domain/recommendedCreators.js';
import { secondDegree, settingsKey as secondDegreeKey, DEFAULTS as SECOND_DEGREE } from '../domain/secondDegree.js';
import type { Logger } from '../log.js';
import { loadCypher } from '../neo4j/cypher.js';
import { oneRead, type Db } from '../neo4j/db.js';
import { toParams } from '../neo4j/values.js';

interface UserVersions {
  version: number;
  followersVersion: number;
  follows: number;
  /** The creators the user follows: the blend never proposes them. */
  following: string[];
  runs: string[];
  /** False for a user who follows a topic or belongs to an organization: the batch stores them no blend. */
  blendStored: boolean;
}

/** What one stored list needs: the question's store statement, its settings, its row, and its stamp. */
interface Store {
  question: string;
  cypher: string;
  params: Record<string, unknown>;
  computedAt: string;
}

const ids = (recs: CreatorRecommendation[]) => recs.map((r) => r.creator.id);
const counts = (recs: CreatorRecommendation[]) => recs.map((r) => r.reason.count ?? 0);
const via = (recs: CreatorRecommendation[]) => recs.map((r) => r.reason.via.map((v) => v.id).join(' '));
const bounded = (recs: CreatorRecommendation[]) => recs.some((r) => r.reason.countIsLowerBound === true);

/** The entries of the signals the blend weighs (a signal weighted 0 cannot make it older). */
const weighed = (signals: Partial<Record<SignalName, CreatorRecommendation[]>>) =>
  (Object.keys(signals) as SignalName[]).filter((name) => BLEND.weights[name] > 0).flatMap((name) => signals[name] ?? []);

/** An answer read from its own stored list (each entry carries the list's computedAt): it is stored already. */
const fromStoredList = (recs: CreatorRecommendation[]) => recs.length > 0 && recs.every((r) => typeof r.reason.computedAt === 'string');

/**
 * A list's stamp: when the oldest of its inputs was computed — a blend of signals read from
 * stored lists is as old as they are, not as old as the blend — else now.
 */
function stampOf(inputs: CreatorRecommendation[], now: string): string {
  const stamps = inputs.map((r) => r.reason.computedAt).filter((at): at is string => typeof at === 'string');
  return stamps.length > 0 ? stamps.reduce((a, b) => (a < b ? a : b)) : now;
}

/**
 * The user's lists, as their store statements take them; none for an empty answer (live is cheap
 * then), nor for one its stored list answered (stored already, as old as it says).
 */
function stores(
  userId: string,
  v: UserVersions,
  answers: { fof: CreatorRecommendation[]; second: CreatorRecommendation[]; similar: CreatorRecommendation[]; recommended: CreatorRecommendation[]; blendInputs: CreatorRecommendation[] },
  now: string,
): Store[] {
  const owner = { id: userId, follows: v.follows, version: v.version, followersVersion: v.followersVersion };
  const out: Store[] = [];
  const { recommended } = answers;
  const [fof, second, similar] = [answers.fof, answers.second, answers.similar].map((recs) => (fromStoredList(recs) ? [] : recs)) as [
    CreatorRecommendation[],
    CreatorRecommendation[],
    CreatorRecommendation[],
  ];
  if (fof.length > 0) {
    const row = { ...owner, ids: ids(fof), scores: fof.map((r) => r.score), counts: counts(fof), via: via(fof), bounded: bounded(fof) };
    out.push({ question: 'followOfFollow', cypher: 'recommend/follow-of-follow-store', params: { rows: [row], settings: followOfFollowKey(FOLLOW_OF_FOLLOW) }, computedAt: now });
  }
  if (second.length > 0) {
    const row = { ...owner, ids: ids(second), counts: counts(second), via: via(second), bounded: bounded(second) };
    out.push({ question: 'secondDegree', cypher: 'recommend/second-degree-store', params: { rows: [row], settings: secondDegreeKey(SECOND_DEGREE) }, computedAt: now });
  }
  if (similar.length > 0) {
    const row = { ...owner, ids: ids(similar), scores: similar.map((r) => r.score), counts: counts(similar), via: via(similar) };
    out.push({ question: 'popularAmongSimilarUsers', cypher: 'recommend/popular-among-similar-users-store', params: { rows: [row], settings: similarUsersKey(SIMILAR_USERS) }, computedAt: now });
  }
  if (recommended.length > 0) {
    const entries = recommended.map(toStoredEntry);
    const row = {
      ...owner,
      ids: entries.map((e) => e.id),
      scores: entries.map((e) => e.score),
      kinds: entries.map((e) => e.kind),
      counts: entries.map((e) => e.count),
      via: entries.map((e) => e.via),
      sources: entries.map((e) => e.source),
      bounded: entries.map((e) => e.bounded),
    };
    const params = { rows: [row], settings: storedSettingsKey(), runs: v.runs };
    out.push({ question: 'recommendedCreators', cypher: 'recommend/recommended-creators-store', params, computedAt: stampOf(answers.blendInputs, now) });
  }
  return out;
}

/** Recomputes and stores `userId`'s lists; returns the questions whose list was stored. */
export async function refreshUserLists(db: Db, userId: string, log: Logger): Promise<string[]> {
  try {
    const computed = await oneRead(db, 'storedRefresh.user', async (tx) => {
      const [v] = await tx.read<UserVersions>(loadCypher('stored/user-versions'), { userId });
      if (!v) return null;
      const ask = { userId, first: MAX_FIRST };
      const k = BLEND.candidatesPerSignal;
      const [fof, second, similar, back] = await Promise.all([
        followOfFollow(tx, ask),
        secondDegree(tx, ask),
        popularAmongSimilarUsers(tx, ask),
        v.blendStored ? followBack(tx, { userId, first: k }) : [],
      ]);
      // The live blend at first ≤ 50 asks each signal for 50: a 100-long answer's first 50 are those (its order is final).
      const signals = { followOfFollow: fof.slice(0, k), secondDegree: second.slice(0, k), popularAmongSimilarUsers: similar.slice(0, k), followBack: back };
      const recommended = v.blendStored ? blend(signals, BLEND.weights, new Set([userId, ...v.following]), k) : [];
      return stores(userId, v, { fof, second, similar, recommended, blendInputs: weighed(signals) }, new Date().toISOString());
    });
    if (computed === null || computed.length === 0) return [];
    return await db.writeTx(
      async (tx) => {
        const stored: string[] = [];
        for (const s of computed) {
          const result = await tx.run(loadCypher(s.cypher), toParams({ ...s.params, computedAt: s.computedAt }));
          if (result.summary.counters.updates().propertiesSet > 0) stored.push(s.question);
        }
        return stored;
      },
      { op: 'storedRefresh.user' },
    );
  } catch (error) {
    log.warn({ err: error, userId }, "the user's stored lists were not refreshed after their write: answered live until the next refresh");
    return [];
  }
}
