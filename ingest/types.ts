/**
 * The records ingest sources produce and the writers consume. Sources (files, the Hub, arXiv,
 * social edge lists) turn raw input into these shapes or into a Rejection; they never touch Neo4j.
 */

/** Where a raw record came from, so a rejected row can be found again. */
export interface SourcePosition {
  /** File path or URL. */
  source: string;
  /** 1-based line number (text formats) when known. */
  line?: number;
  /** 0-based record index within the source (arrays, pages) when there are no lines. */
  index?: number;
}

/** Why a raw record was not loaded. Goes to the quarantine file as one NDJSON line. */
export interface Rejection {
  position: SourcePosition;
  /** Human-readable reason naming the field at fault, e.g. "downloads: expected a number, got \"abc\"". */
  reason: string;
  /** The offending field, when one is at fault. */
  field?: string;
  /** The raw record (truncated to a few KB) so it can be fixed and re-fed. */
  raw?: string;
}

export type Parsed<T> =
  | { ok: true; value: T; position: SourcePosition }
  | { ok: false; rejection: Rejection };

export type CreatorKind = 'user' | 'organization' | 'unknown';
export type LineageKind = 'finetune' | 'quantized' | 'merge' | 'adapter' | 'unknown';

/** One model, normalised: every relationship the tags imply is already split out. */
export interface ModelRecord {
  /** `namespace/name`, or a legacy id without namespace (e.g. `bert-base-uncased`). */
  id: string;
  name: string;
  /** Creator id: the author field, else the namespace of the id. */
  author: string;
  authorKind: CreatorKind;
  downloads: number | null;
  likes: number | null;
  /** ISO-8601 strings. */
  createdAt: string | null;
  lastModified: string | null;
  pipelineTag: string | null;
  libraries: string[];
  /** arXiv ids without version, e.g. `1810.04805`, `hep-ex/0406020`. */
  papers: string[];
  datasets: string[];
  baseModels: { id: string; kind: LineageKind }[];
  licenses: string[];
  /** ISO 639-1/639-3 codes. */
  languages: string[];
  /** Tags that carry no typed relationship (`region:us`, `endpoints_compatible`, …). */
  tags: string[];
  /** Every raw tag joined by spaces (full-text index). */
  tagText: string;
  /** Provenance label, e.g. `hub-list-models-2024-09`. */
  source: string;
  /**
   * Whether the record carried tags (or card data) at all. When false (a dump without a tags
   * column), the model's tag-derived relationships are left as they are instead of being replaced
   * by nothing. Default true.
   */
  tagsKnown?: boolean;
}

/** A base-model lineage edge: `derived` DERIVED_FROM `base`. */
export interface LineageRecord {
  base: string;
  derived: string;
  kind: LineageKind;
}

/** A follow between two creators/users (directed). */
export interface FollowRecord {
  follower: string;
  followee: string;
  /** Kind of the followee when known. */
  followeeKind?: CreatorKind;
  since?: string | null;
  source?: string;
}

export interface TopicFollowRecord {
  user: string;
  task: string;
  since?: string | null;
}

export interface LikeRecord {
  user: string;
  model: string;
  since?: string | null;
}

export interface MembershipRecord {
  user: string;
  organization: string;
}

export interface PaperRecord {
  /** arXiv id without version. */
  id: string;
  title: string | null;
  abstract: string | null;
  published: string | null;
  updated: string | null;
  authors: string[];
  primaryCategory: string | null;
  categories: string[];
  doi?: string | null;
  journalRef?: string | null;
  comment?: string | null;
}
