/**
 * Raw model records → ModelRecord. One mapper for every model dump we read, through a column
 * mapping (MODEL_COLUMNS) rather than a fork per file:
 *  (a) huggingface_hub list_models dumps, CSV (tags as a Python list literal) or NDJSON (tags as a
 *      JSON array): modelId, modelName, author, downloads, lastModified, tags, pipeline_tag, ...;
 *  (b) the Hub's /api/models JSON: id, author, likes, downloads, library_name, createdAt,
 *      lastModified, pipeline_tag, tags, cardData{license, language, datasets, base_model};
 *      siblings, config and any other field are ignored;
 *  (c) the 2022 model-card study dump: modelId, author, creation_time, downloads, task_category.
 * Stateless and pure: provenance (`source`) and what we know about organizations come in options.
 * Duplicate ids across rows are the caller's to filter (see duplicates.ts).
 */
import type { CreatorKind, ModelRecord, Parsed, SourcePosition } from '../types.js';
import {
  fieldError,
  fitting,
  isMissing,
  isNoTask,
  isRepoId,
  namespaceError,
  pick,
  readCount,
  readDate,
  readRequiredText,
  readText,
  rejectRecord,
  repoIdError,
  repoNamespace,
  showValue,
  type FieldResult,
  type RawRecord,
} from './fields.js';
import { languageFromCardValue } from './languages.js';
import { parsePythonStringList } from './pylist.js';
import { classifyTags, DEFAULT_TAG_VOCABULARY, type TagVocabulary } from './tags.js';

/** Input columns for each ModelRecord field, in order of preference. */
export const MODEL_COLUMNS = {
  id: ['id', 'modelId'],
  name: ['modelName'],
  author: ['author'],
  downloads: ['downloads'],
  likes: ['likes'],
  createdAt: ['createdAt', 'created_at', 'creation_time'],
  lastModified: ['lastModified', 'last_modified'],
  pipelineTag: ['pipeline_tag', 'task_category'],
  libraryName: ['library_name'],
  tags: ['tags'],
  cardData: ['cardData', 'card_data'],
  authorData: ['authorData'],
} as const satisfies Record<string, readonly string[]>;

export interface ModelMapOptions {
  /** Provenance label stored on every record, e.g. `hub-list-models-2024-09`. */
  source: string;
  /** Creators known to be organizations (from the Hub, a previous run, or a list). */
  organizations?: ReadonlySet<string>;
  /** Tag vocabularies; default: the Hub's (see tags.ts). */
  vocabulary?: TagVocabulary;
}

/** Parsed<ModelRecord>, plus on success the unknown tag prefixes seen (for the job summary). */
export type MappedModel =
  | { ok: true; value: ModelRecord; position: SourcePosition; unknownTagPrefixes: string[] }
  | Extract<Parsed<ModelRecord>, { ok: false }>;

/** Reads the tag list: a JSON array of strings, or a string holding a Python (or JSON) list literal. */
export function readTags(raw: RawRecord, aliases: readonly string[] = MODEL_COLUMNS.tags): FieldResult<string[]> {
  const { field, value } = pick(raw, aliases);
  if (isMissing(value)) return { ok: true, value: [], field };
  // Each tag becomes an index key (a Tag, Dataset, Paper… id): one too long is the record's error.
  if (Array.isArray(value)) {
    if (value.every((tag): tag is string => typeof tag === 'string')) return fitting(field, value);
    return { ok: false, error: fieldError(field, `expected a list of strings, got ${showValue(value)}`) };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'None' || text === '[]') return { ok: true, value: [], field };
    const parsed = parsePythonStringList(text);
    if (parsed.ok) return fitting(field, parsed.value);
    return { ok: false, error: fieldError(field, `not a list of strings (${parsed.error}), got ${showValue(value)}`) };
  }
  return { ok: false, error: fieldError(field, `expected a list of strings, got ${showValue(value)}`) };
}

/** The model card's fields (`cardData`), and the column they came from; null when absent or not an object. */
interface Card {
  field: string;
  value: RawRecord;
}

/** A card field that may be a string or a list of strings; anything else counts as absent. */
function cardStrings(card: Card | null, key: string): string[] {
  const value = card?.value[key];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

/** Card values that become index keys (Dataset, License, Model ids): one over MAX_TEXT_BYTES is the record's error, as a tag's is. */
const cardKeys = (card: Card | null, key: string): FieldResult<string[]> => fitting(`${card?.field ?? MODEL_COLUMNS.cardData[0]}.${key}`, cardStrings(card, key));

function authorKindOf(author: string, raw: RawRecord, organizations: ReadonlySet<string> | undefined): CreatorKind {
  if (organizations?.has(author)) return 'organization';
  // /api/models/{id}?expand[]=authorData carries the creator's type.
  const data = pick(raw, MODEL_COLUMNS.authorData).value;
  const type = typeof data === 'object' && data !== null ? (data as RawRecord).type : undefined;
  if (type === 'org' || type === 'organization') return 'organization';
  if (type === 'user') return 'user';
  return 'unknown';
}

const dedupe = (items: string[]): string[] => [...new Set(items)];

export function mapModel(raw: RawRecord, position: SourcePosition, options: ModelMapOptions): MappedModel {
  const id = readRequiredText(raw, MODEL_COLUMNS.id);
  // When no id column has a value the error names `id`, the first alias.
  if (!id.ok) return rejectRecord(raw, position, id.error);
  const badId = repoIdError(id.field, id.value);
  if (badId) return rejectRecord(raw, position, badId);

  const author = readText(raw, MODEL_COLUMNS.author);
  if (!author.ok) return rejectRecord(raw, position, author.error);
  const creator = author.value ?? repoNamespace(id.value);
  if (creator === null) {
    return rejectRecord(raw, position, fieldError('author', `missing, and id ${showValue(id.value)} has no namespace to take it from`));
  }
  // The author becomes a Creator id: held to the rules of a namespace, like the id's own.
  const badAuthor = namespaceError(author.value === null ? id.field : author.field, creator);
  if (badAuthor) return rejectRecord(raw, position, badAuthor);

  const name = readText(raw, MODEL_COLUMNS.name);
  if (!name.ok) return rejectRecord(raw, position, name.error);
  const downloads = readCount(raw, MODEL_COLUMNS.downloads);
  if (!downloads.ok) return rejectRecord(raw, position, downloads.error);
  const likes = readCount(raw, MODEL_COLUMNS.likes);
  if (!likes.ok) return rejectRecord(raw, position, likes.error);
  const createdAt = readDate(raw, MODEL_COLUMNS.createdAt);
  if (!createdAt.ok) return rejectRecord(raw, position, createdAt.error);
  const lastModified = readDate(raw, MODEL_COLUMNS.lastModified);
  if (!lastModified.ok) return rejectRecord(raw, position, lastModified.error);
  const pipeline = readText(raw, MODEL_COLUMNS.pipelineTag);
  if (!pipeline.ok) return rejectRecord(raw, position, pipeline.error);
  const libraryName = readText(raw, MODEL_COLUMNS.libraryName);
  if (!libraryName.ok) return rejectRecord(raw, position, libraryName.error);
  const rawTags = readTags(raw);
  if (!rawTags.ok) return rejectRecord(raw, position, rawTags.error);
  const cardColumn = pick(raw, MODEL_COLUMNS.cardData);
  // cardData is free-form YAML from the model card: take what has the expected shape, never reject
  // for its shape — only for a value too long to be an index key (as a tag too long is).
  const card =
    typeof cardColumn.value === 'object' && cardColumn.value !== null && !Array.isArray(cardColumn.value)
      ? { field: cardColumn.field, value: cardColumn.value as RawRecord }
      : null;
  const cardDatasets = cardKeys(card, 'datasets');
  if (!cardDatasets.ok) return rejectRecord(raw, position, cardDatasets.error);
  const cardLicenses = cardKeys(card, 'license');
  if (!cardLicenses.ok) return rejectRecord(raw, position, cardLicenses.error);
  const cardBases = cardKeys(card, 'base_model');
  if (!cardBases.ok) return rejectRecord(raw, position, cardBases.error);

  const tags = rawTags.value.map((tag) => tag.trim()).filter((tag) => tag !== '');
  const classified = classifyTags(tags, options.vocabulary ?? DEFAULT_TAG_VOCABULARY);
  const pipelineTag = pipeline.value && !isNoTask(pipeline.value) ? pipeline.value : null;

  const baseModels = [...classified.baseModels];
  const baseIds = new Set(baseModels.map((base) => base.id));
  for (const base of cardBases.value) {
    // Not a repo id: that value is dropped and the model kept, as a bad base_model tag stays a plain tag (tags.ts).
    if (isRepoId(base) && !baseIds.has(base)) {
      baseIds.add(base);
      baseModels.push({ id: base, kind: 'unknown' });
    }
  }
  const cardLanguages = cardStrings(card, 'language')
    .map(languageFromCardValue)
    .filter((code): code is string => code !== null);

  const record: ModelRecord = {
    id: id.value,
    name: name.value ?? id.value.slice(id.value.indexOf('/') + 1),
    author: creator,
    authorKind: authorKindOf(creator, raw, options.organizations),
    downloads: downloads.value,
    likes: likes.value,
    createdAt: createdAt.value,
    lastModified: lastModified.value,
    pipelineTag,
    libraries: dedupe([...(libraryName.value ? [libraryName.value] : []), ...classified.libraries]),
    papers: classified.papers,
    datasets: dedupe([...classified.datasets, ...cardDatasets.value]),
    baseModels,
    licenses: dedupe([...classified.licenses, ...cardLicenses.value]),
    languages: dedupe([...classified.languages, ...cardLanguages]),
    // The Hub repeats the pipeline tag among the tags; it is already pipelineTag.
    tags: classified.tags.filter((tag) => tag !== pipelineTag),
    tagText: tags.join(' '),
    source: options.source,
    // A dump without a tags column (the 2022 one) says nothing about tags: not "no tags".
    tagsKnown: !isMissing(pick(raw, MODEL_COLUMNS.tags).value) || card !== null || libraryName.value !== null,
  };
  return { ok: true, value: record, position, unknownTagPrefixes: classified.unknownPrefixes };
}
