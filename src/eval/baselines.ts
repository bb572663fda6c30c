/**
 * Link-prediction baselines for "who to follow", computed in this process from a projection of
 * the follow graph (the graph as the recommenders see it, hidden edges already removed). The
 * follow graph is read undirected (a follow either way makes two accounts neighbours), as in
 * Liben-Nowell & Kleinberg, "The link-prediction problem for social networks", JASIST 2007:
 *
 *   popularity(u, c)        = followers of c                    (the same list for everyone)
 *   commonNeighbours(u, c)  = |N(u) ∩ N(c)|
 *   adamicAdar(u, c)        = Σ_{z ∈ N(u) ∩ N(c)} 1 / ln |N(z)|  (Adamic & Adar, Social Networks 2003)
 *
 * Every baseline proposes only creators (accounts with a follower) that u does not follow yet,
 * never u; ties go to the smaller id, so a baseline is deterministic.
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';

export interface FollowProjection {
  /** Who each account follows. */
  following: Map<string, Set<string>>;
  /** Undirected neighbours. */
  neighbours: Map<string, Set<string>>;
  /** Followers per followed account. */
  followers: Map<string, number>;
}

export async function projectFollows(db: Db, scope: string): Promise<FollowProjection> {
  const rows = await db.read<{ from: string; to: string[] }>(loadCypher('eval/project-follows'), { scope }, { op: 'eval.projectFollows' });
  return buildProjection(rows.flatMap((r) => r.to.map((to): [string, string] => [r.from, to])));
}

export function buildProjection(edges: Iterable<readonly [string, string]>): FollowProjection {
  const following = new Map<string, Set<string>>();
  const neighbours = new Map<string, Set<string>>();
  const followers = new Map<string, number>();
  const add = (m: Map<string, Set<string>>, a: string, b: string) => {
    let s = m.get(a);
    if (!s) m.set(a, (s = new Set()));
    s.add(b);
  };
  for (const [from, to] of edges) {
    if (from === to) continue;
    const before = following.get(from)?.size ?? 0;
    add(following, from, to);
    if ((following.get(from)?.size ?? 0) > before) followers.set(to, (followers.get(to) ?? 0) + 1);
    add(neighbours, from, to);
    add(neighbours, to, from);
  }
  return { following, neighbours, followers };
}

export type Ranked = { id: string; score: number }[];

const byScore = (a: { id: string; score: number }, b: { id: string; score: number }) =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `k` best by score, ties to the smaller id. */
function top(scores: Map<string, number>, k: number): Ranked {
  return [...scores].map(([id, score]) => ({ id, score })).sort(byScore).slice(0, k);
}

export function createBaselines(p: FollowProjection) {
  const popular = [...p.followers].map(([id, score]) => ({ id, score })).sort(byScore);
  const excluded = (u: string) => {
    const f = p.following.get(u);
    return (id: string) => id === u || (f?.has(id) ?? false);
  };
  /** Scores every two-hop candidate of u through its neighbours z with `weight(z)`. */
  const twoHop = (u: string, k: number, weight: (z: string) => number): Ranked => {
    const skip = excluded(u);
    const scores = new Map<string, number>();
    for (const z of p.neighbours.get(u) ?? []) {
      const w = weight(z);
      if (w === 0) continue;
      for (const c of p.neighbours.get(z) ?? []) {
        if (skip(c) || !p.followers.has(c)) continue;
        scores.set(c, (scores.get(c) ?? 0) + w);
      }
    }
    return top(scores, k);
  };
  return {
    popularity(u: string, k: number): Ranked {
      const skip = excluded(u);
      const out: Ranked = [];
      for (const r of popular) {
        if (out.length >= k) break;
        if (!skip(r.id)) out.push(r);
      }
      return out;
    },
    commonNeighbours: (u: string, k: number) => twoHop(u, k, () => 1),
    adamicAdar: (u: string, k: number) =>
      twoHop(u, k, (z) => {
        // z links u and a candidate, so it has at least two neighbours and ln|N(z)| > 0.
        const d = p.neighbours.get(z)?.size ?? 0;
        return d > 1 ? 1 / Math.log(d) : 0;
      }),
  };
}
