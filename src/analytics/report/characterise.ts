/**
 * What sets a community apart, as opposed to what is merely common in it. Every community of the
 * demo has text-generation as its commonest task; what tells two apart is what they hold MORE of
 * than the whole graph does. For an item x (task, tag, library, paper) carried by n_cx of the
 * community's N_c characterised models and by n_x of the graph's N models:
 *     share p = n_cx / N_c,   background q = n_x / N,   lift = p / q,
 *     score = p · ln(lift)
 * — the item's term in the Kullback–Leibler divergence of the community's item distribution from
 * the graph's (as in "significant terms" / TF-IDF keyword extraction): 0 for an item no more
 * frequent than everywhere, large for one both frequent here and rare elsewhere. Minimum support
 * (n_cx ≥ minCount and p ≥ minShare) keeps one odd model's rare tag from winning on lift alone.
 * Pure: the counts come from report/queries.ts.
 */

export type FacetKind = 'task' | 'tag' | 'library' | 'paper';

/** One item as counted in a community, with its count in the whole graph. */
export interface FacetCount {
  id: string;
  /** Readable name where the graph has one (task and library names, paper titles). */
  name: string | null;
  /** Characterised models of the community that carry it. */
  count: number;
  /** Models of the whole graph that carry it. */
  total: number;
}

export interface DistinctiveItem extends FacetCount {
  kind: FacetKind;
  /** count / the community's characterised models. */
  share: number;
  /** share / (total / the graph's models). */
  lift: number;
  /** share · ln(lift). */
  score: number;
}

export const CHARACTERISE_DEFAULTS = {
  /** Fewest of the community's models that must carry an item for it to characterise. */
  minCount: 3,
  /** Smallest share of the community's models that must carry it. */
  minShare: 0.05,
  /** Smallest lift: an item 1.2 times as common as everywhere (`endpoints_compatible`) says little. */
  minLift: 1.5,
  /** Items kept per kind. */
  first: 5,
};

export type CharacteriseOptions = typeof CHARACTERISE_DEFAULTS;

/**
 * The items of one kind that distinguish a community, best first (score, then count, then id),
 * at most `first`. Items under the minimum support or lift are left out.
 */
export function distinctiveItems(
  kind: FacetKind,
  items: readonly FacetCount[],
  communityModels: number,
  graphModels: number,
  options: Partial<CharacteriseOptions> = {},
): DistinctiveItem[] {
  const o = { ...CHARACTERISE_DEFAULTS, ...options };
  if (communityModels <= 0 || graphModels <= 0) return [];
  const out: DistinctiveItem[] = [];
  for (const x of items) {
    const share = x.count / communityModels;
    if (x.count < o.minCount || share < o.minShare) continue;
    // The graph's count includes the community's own; a stale total below it would only overstate lift.
    const total = Math.max(x.total, x.count);
    const lift = share / (total / graphModels);
    if (!(lift >= o.minLift)) continue;
    out.push({ ...x, total, kind, share, lift, score: share * Math.log(lift) });
  }
  out.sort((a, b) => b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.slice(0, o.first);
}

/** The commonest items (what the report used to call "dominant"): count first, then id. */
export function commonestItems<T extends FacetCount>(items: readonly T[], first: number): T[] {
  return [...items].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, first);
}

export interface Characterisation {
  tasks: DistinctiveItem[];
  tags: DistinctiveItem[];
  libraries: DistinctiveItem[];
  papers: DistinctiveItem[];
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** How an item reads in a label: a task by its id in words, a base-model tag without its prefix, a paper by arXiv id. */
export function itemLabel(x: Pick<DistinctiveItem, 'kind' | 'id'>): string {
  if (x.kind === 'task') return x.id.replace(/-/g, ' ');
  if (x.kind === 'tag') return x.id.replace(/^base_model:(?:(?:finetune|adapter|quantized|merge):)?/, 'from ');
  return x.id;
}

/**
 * A readable name for a community from what distinguishes it: its best task, its best tag or
 * library, its best paper, joined by " · " ("automatic speech recognition · whisper · 2212.04356").
 * A tag that only repeats the task or a library already named is skipped; when fewer than two parts
 * are found, further tags fill in. The task and the tag lead in order of lift, so a family of LLM
 * communities reads "mistral · text generation", "gemma · text generation", not all alike at the
 * start; the paper comes last. `null` when nothing distinguishes it (the report then says why).
 */
export function communityLabel(c: Characterisation, maxParts = 3): string | null {
  const parts: DistinctiveItem[] = [];
  const named = new Set<string>();
  const add = (x: DistinctiveItem | undefined) => {
    if (!x || parts.length >= maxParts) return;
    const key = norm(itemLabel(x));
    const bare = norm(x.id.replace(/^[a-z_]+:/, ''));
    if (named.has(key) || named.has(bare)) return;
    parts.push(x);
    named.add(key);
    named.add(bare);
  };
  add(c.tasks[0]);
  const words = [...c.tags, ...c.libraries].sort((a, b) => b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The first tag or library that says something the task does not.
  for (const w of words) {
    const before = parts.length;
    add(w);
    if (parts.length > before) break;
  }
  add(c.papers[0]);
  for (const w of words) {
    if (parts.length >= 2) break;
    add(w);
  }
  const ordered = [...parts.filter((x) => x.kind !== 'paper').sort((a, b) => b.lift - a.lift), ...parts.filter((x) => x.kind === 'paper')];
  return ordered.length === 0 ? null : ordered.map(itemLabel).join(' · ');
}
