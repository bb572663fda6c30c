/**
 * Reasons travel as data ({ kind, via, count }) from the Cypher result to the client; one pure
 * function turns them into the sentence a client shows. Every kind's wording — its pluralisation,
 * how many intermediaries it names, when a count reads "at least" — is defined once, here, so all
 * questions and the feed speak as one product. docs/reasons.md lists every text.
 */

export type ReasonKind =
  | 'FOLLOWED_BY'
  | 'COMMONLY_FOLLOWED_WITH'
  | 'FOLLOWED_BY_MANY_YOU_FOLLOW'
  | 'FOLLOWS_YOU'
  | 'SIMILAR_CREATOR'
  | 'TOPIC_LEADER'
  | 'FOLLOWED_TOPIC_LEADER'
  | 'POPULAR_CREATOR'
  | 'SAME_ORGANIZATION'
  | 'POPULAR_AMONG_SIMILAR_USERS'
  | 'FOLLOWED_TOPIC'
  | 'FOLLOWED_CREATOR'
  | 'LIKED_BY'
  | 'UPLOADED_BY'
  | 'TRENDING_IN_TOPIC'
  | 'FROM_ORGANIZATION'
  | 'GLOBALLY_TRENDING'
  | 'NEARBY_IN_GRAPH'
  | 'SIMILAR_MODEL';

export type ViaType = 'CREATOR' | 'TASK' | 'PAPER' | 'TAG' | 'MODEL' | 'DATASET' | 'LIBRARY';

export interface ReasonVia {
  type: ViaType;
  id: string;
  /** The node's display name when it has one (a task's "Text Generation"); texts use it over the id. */
  name?: string | null;
}

export type AuthoritySource = 'ANALYTICS' | 'FOLLOWER_COUNT';

export interface ReasonData {
  kind: ReasonKind;
  via: ReasonVia[];
  count?: number | null;
  /**
   * True when `count` counts only what a bounded walk read (followOfFollow and secondDegree walk
   * at most 2,000 follows; the feed's likes read the 200 most recent follows): the true number is
   * at least `count`, and the text says "at least".
   */
  countIsLowerBound?: boolean | null;
  authoritySource?: AuthoritySource | null;
  /** Set when the answer was computed ahead of time (a stored list; ISO-8601), absent when live. */
  computedAt?: string;
}

export interface Reason extends ReasonData {
  text: string;
  countIsLowerBound: boolean;
}

/**
 * The version of what stored lists keep for their reasons (intermediaries, lower-bound flags),
 * part of each stored list's settings key: a list written before it changed is not read (the
 * question is answered live until the next refresh), so no reason is built from a missing field.
 */
export const REASON_FORMAT = 2;

/** How many intermediaries a text names; the rest are counted ("and 62 others"). */
export const NAMED_IN_TEXT = 2;

const handle = (id: string) => `/${id}`;

function idsOf(via: readonly ReasonVia[], type: ViaType): string[] {
  return via.filter((v) => v.type === type).map((v) => v.id);
}

function nameOf(via: readonly ReasonVia[], type: ViaType): string | undefined {
  const v = via.find((x) => x.type === type);
  return v ? (v.name ?? v.id) : undefined;
}

/**
 * "/A", "/A and /B", "/A, /B and 62 others" (`total` counts the named too); the group's suffix is
 * joined so it reads for one, two or many: `few` after one or two names (", whom you follow"),
 * `many` after "N others" (" you follow"). `atLeast`: the total is a lower bound.
 */
export function namedList(ids: readonly string[], total: number, atLeast: boolean, suffix: { few: string; many: string }): string {
  const named = ids.slice(0, NAMED_IN_TEXT).map(handle);
  const others = Math.max(0, total - named.length);
  if (named.length === 0) return `${atLeast ? 'at least ' : ''}${total} creator${total === 1 ? '' : 's'}${suffix.many}`;
  if (others === 0) {
    const list = named.length === 1 ? named[0]! : `${named[0]} and ${named[1]}`;
    return `${list}${suffix.few}`;
  }
  return `${named.join(', ')} and ${atLeast ? 'at least ' : ''}${others} other${others === 1 ? '' : 's'}${suffix.many}`;
}

/** Either "Followed by …" (the item is the creator) or "/Y is followed by …" (the item is one of /Y's models). */
function lead(about: string | undefined, alone: string, withSubject: string): string {
  return about ? `${handle(about)} ${withSubject}` : alone;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The sentence for a reason. `about`: the creator the reason is about when the item shown is not
 * that creator (a feed item is a model: "/Y is followed by /A, whom you follow"); creator lists
 * leave it out ("Followed by /A, whom you follow").
 */
export function reasonText(reason: ReasonData, about?: string): string {
  const creators = idsOf(reason.via, 'CREATOR');
  const atLeast = reason.countIsLowerBound === true;
  // A count never below the names given: a reason built without one counts its via.
  const total = Math.max(reason.count ?? 0, creators.length);
  const task = nameOf(reason.via, 'TASK') ?? 'a topic';
  switch (reason.kind) {
    case 'FOLLOWED_BY':
      return `${lead(about, 'Followed by', 'is followed by')} ${namedList(creators, total, atLeast, { few: ', whom you follow', many: ' you follow' })}`;
    case 'FOLLOWED_BY_MANY_YOU_FOLLOW': {
      // A head-count of one is no "many": it reads as the single intermediary it is.
      if (total <= 1) return reasonText({ ...reason, kind: 'FOLLOWED_BY' }, about);
      const some = creators.slice(0, NAMED_IN_TEXT).map(handle);
      const including = some.length === 0 ? '' : `, including ${some.join(' and ')}`;
      return `${lead(about, 'Followed by', 'is followed by')} ${atLeast ? 'at least ' : ''}${total} creators you follow${including}`;
    }
    case 'POPULAR_AMONG_SIMILAR_USERS':
      return `${lead(about, 'Followed by', 'is followed by')} ${namedList(creators, total, false, { few: ', whose follows resemble yours', many: ' whose follows resemble yours' })}`;
    case 'COMMONLY_FOLLOWED_WITH': {
      const x = creators[0];
      const shared = reason.count ?? 0;
      if (!x) return lead(about, 'Commonly followed with a creator', 'is commonly followed with a creator');
      return shared > 0
        ? `${lead(about, 'Shares', 'shares')} ${plural(shared, 'follower')} with ${handle(x)}`
        : `${lead(about, 'Commonly followed with', 'is commonly followed with')} ${handle(x)}`;
    }
    case 'FOLLOWS_YOU':
      return lead(about, 'Follows you', 'follows you');
    case 'SIMILAR_CREATOR':
      return `${lead(about, 'Similar to', 'is similar to')} ${creators[0] ? handle(creators[0]) : 'a creator'}`;
    case 'TOPIC_LEADER':
      return `${lead(about, 'Top contributor in', 'is a top contributor in')} ${task}`;
    case 'FOLLOWED_TOPIC_LEADER':
      return `${lead(about, 'Top contributor in', 'is a top contributor in')} ${task}, a topic you follow`;
    case 'POPULAR_CREATOR':
      return reason.authoritySource === 'ANALYTICS'
        ? `${lead(about, 'One of', 'is one of')} the most authoritative creators in the follow graph`
        : `${lead(about, 'One of', 'is one of')} the most followed creators (${plural(reason.count ?? 0, 'follower')})`;
    case 'SAME_ORGANIZATION': {
      const orgs = creators.slice(0, NAMED_IN_TEXT).map(handle);
      const others = Math.max(0, total - orgs.length);
      const list = others > 0 ? `${orgs.join(', ')} and ${plural(others, 'other organization')}` : orgs.join(' and ') || 'an organization';
      return `${lead(about, 'Member of', 'is a member of')} ${list}, like you`;
    }
    case 'FOLLOWED_TOPIC':
      return `Popular in ${task}, a topic you follow`;
    case 'TRENDING_IN_TOPIC':
      return `Trending in ${task}, a topic you follow`;
    case 'FOLLOWED_CREATOR':
    case 'UPLOADED_BY':
      return `From ${creators[0] ? handle(creators[0]) : 'a creator'}, whom you follow`;
    case 'LIKED_BY':
      return `Liked by ${namedList(creators, total, atLeast, { few: ', whom you follow', many: ' you follow' })}`;
    case 'FROM_ORGANIZATION':
      return `From ${creators[0] ? handle(creators[0]) : 'an organization'}`;
    case 'GLOBALLY_TRENDING':
      return 'Trending on the hub';
    case 'NEARBY_IN_GRAPH': {
      const models = idsOf(reason.via, 'MODEL');
      const anchor = models[0] ?? 'a model you know';
      const hop = reason.via.find((v) => v.type === 'PAPER' || v.type === 'DATASET' || (v.type === 'MODEL' && v.id !== models[0]));
      const through = hop ? ` through ${hop.type.toLowerCase()} ${hop.name ?? hop.id}` : '';
      return `Related to ${anchor}${through}`;
    }
    case 'SIMILAR_MODEL': {
      const m = idsOf(reason.via, 'MODEL')[0];
      return m ? `Similar to ${m}` : 'Similar model';
    }
  }
}

/**
 * The reason with its sentence. A FOLLOWED_BY_MANY_YOU_FOLLOW of one intermediary is presented as
 * the FOLLOWED_BY it is (secondDegree asked with minCount 1): "many" must not mean one.
 */
export function withText(reason: ReasonData, about?: string): Reason {
  const single = reason.kind === 'FOLLOWED_BY_MANY_YOU_FOLLOW' && (reason.count ?? 0) <= 1;
  const data: ReasonData = single ? { ...reason, kind: 'FOLLOWED_BY' } : reason;
  return { ...data, countIsLowerBound: data.countIsLowerBound === true, text: reasonText(data, about) };
}
