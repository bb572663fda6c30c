/**
 * Reasons travel as data ({ kind, via, count }) from the Cypher result to the client; one pure
 * function turns them into the sentence a client shows. Kept here so every question words its
 * reasons the same way.
 */

export type ReasonKind =
  | 'FOLLOWED_BY'
  | 'COMMONLY_FOLLOWED_WITH'
  | 'FOLLOWED_BY_MANY_YOU_FOLLOW'
  | 'FOLLOWS_YOU'
  | 'SIMILAR_CREATOR'
  | 'TOPIC_LEADER'
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
}

export type AuthoritySource = 'ANALYTICS' | 'FOLLOWER_COUNT';

export interface ReasonData {
  kind: ReasonKind;
  via: ReasonVia[];
  count?: number | null;
  authoritySource?: AuthoritySource | null;
  /** Set when the answer was computed ahead of time (a stored list; ISO-8601), absent when live. */
  computedAt?: string;
}

export interface Reason extends ReasonData {
  text: string;
}

const creator = (id: string | undefined) => `/${id ?? 'someone'}`;

function firstOf(via: ReasonVia[], type: ViaType): string | undefined {
  return via.find((v) => v.type === type)?.id;
}

/** The sentence for a reason, e.g. "Followed by /TheBloke", "32 creators you follow also follow /Undi". */
export function reasonText(reason: ReasonData, subject?: string): string {
  const c = firstOf(reason.via, 'CREATOR');
  const t = firstOf(reason.via, 'TASK');
  const n = reason.count ?? 0;
  switch (reason.kind) {
    case 'FOLLOWED_BY':
      return `Followed by ${creator(c)}`;
    case 'COMMONLY_FOLLOWED_WITH':
      return `Commonly followed with ${creator(c)}`;
    case 'FOLLOWED_BY_MANY_YOU_FOLLOW':
      return `${n} creator${n === 1 ? '' : 's'} you follow also follow${n === 1 ? 's' : ''} ${creator(subject)}`;
    case 'FOLLOWS_YOU':
      return 'They follow you';
    case 'SIMILAR_CREATOR':
      return `Similar to ${creator(c)}`;
    case 'TOPIC_LEADER':
      return `Top contributor in ${t ?? 'this topic'}`;
    case 'SAME_ORGANIZATION':
      return `Also in ${creator(c)}`;
    case 'POPULAR_AMONG_SIMILAR_USERS':
      return 'Popular amongst people like you';
    case 'FOLLOWED_TOPIC':
      return `Because you follow the topic ${t ?? 'this topic'}`;
    case 'FOLLOWED_CREATOR':
      return `Because you follow ${creator(c)}`;
    case 'LIKED_BY':
      return `Liked by ${creator(c)}`;
    case 'UPLOADED_BY':
      return `${creator(c)} uploaded a model`;
    case 'TRENDING_IN_TOPIC':
      return `Trending in ${t ?? 'this topic'}`;
    case 'FROM_ORGANIZATION':
      return `From ${c ?? 'an organization'}`;
    case 'GLOBALLY_TRENDING':
      return 'Trending on the hub';
    case 'NEARBY_IN_GRAPH':
      return `Near ${creator(c)} in the graph`;
    case 'SIMILAR_MODEL': {
      const m = firstOf(reason.via, 'MODEL');
      return m ? `Similar to ${m}` : 'Similar model';
    }
  }
}

export function withText(reason: ReasonData, subject?: string): Reason {
  return { ...reason, text: reasonText(reason, subject) };
}
