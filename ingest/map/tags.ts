/**
 * Splits a Hub model's tag list into the relationships it implies. The Hub encodes most of a
 * model's metadata as tags: `arxiv:ID` (cites paper), `dataset:X` (trained on), `base_model:X` and
 * `base_model:<kind>:X` (derived from), `license:X`, bare language codes (`en`) and library ids
 * (`transformers`). Everything else is a plain tag. Pure: the vocabularies are passed in (with
 * defaults), so tests can pin them.
 *
 * Base models: since mid-2024 the Hub writes both `base_model:X` and a typed
 * `base_model:finetune:X` (or quantized/merge/adapter) for the same X. The typed tag wins; a plain
 * `base_model:X` with no typed twin gives kind 'unknown'. An X that is not a Hub repo id makes the
 * tag malformed (a plain tag), never a Model.
 */
import type { LineageKind } from '../types.js';
import { normaliseArxivId } from './arxiv.js';
import { isRepoId } from './fields.js';
import { languageFromTag } from './languages.js';
import { HUB_LIBRARY_IDS } from './libraries.js';

export interface BaseModelRef {
  id: string;
  kind: LineageKind;
}

export interface TagVocabulary {
  /** Tags that name a library (`transformers`). */
  libraries: ReadonlySet<string>;
  /** The language code a tag stands for, or null. */
  language: (tag: string) => string | null;
  /**
   * `prefix:` tags the Hub uses that carry nothing we model; they stay plain tags and are not
   * reported as unknown.
   */
  plainPrefixes: ReadonlySet<string>;
}

/**
 * Plain prefixes seen in the 2024-09 list_models dump (region 9,715 rows, diffusers 866, doi 84,
 * template 74, loss 12, dataset_size 6) plus `deploy:` (Hub deployment targets).
 */
export const HUB_PLAIN_TAG_PREFIXES: ReadonlySet<string> = new Set([
  'region',
  'diffusers',
  'doi',
  'template',
  'loss',
  'dataset_size',
  'deploy',
]);

export const DEFAULT_TAG_VOCABULARY: TagVocabulary = {
  libraries: HUB_LIBRARY_IDS,
  language: languageFromTag,
  plainPrefixes: HUB_PLAIN_TAG_PREFIXES,
};

export interface ClassifiedTags {
  /** arXiv ids without version. */
  papers: string[];
  datasets: string[];
  baseModels: BaseModelRef[];
  licenses: string[];
  languages: string[];
  libraries: string[];
  /** Tags with no typed relationship, in input order. Includes malformed typed tags, so nothing is lost. */
  tags: string[];
  /** Prefixes of `prefix:value` tags that are neither typed nor known-plain, lowercased, once each. */
  unknownPrefixes: string[];
  /** Typed tags whose value is unusable (`arxiv:abc`, `dataset:`, `base_model:foo:X`, `base_model:a b`); also in `tags`. */
  malformed: string[];
}

const BASE_MODEL_KINDS: Readonly<Record<string, LineageKind>> = {
  finetune: 'finetune',
  quantized: 'quantized',
  merge: 'merge',
  adapter: 'adapter',
};

const PREFIXED = /^([^:\s]+):(.*)$/s;

/** Adds to a list keeping first-seen order and no repeats. */
class OrderedSet<T> {
  private readonly seen = new Set<T>();
  readonly items: T[] = [];
  add(item: T): void {
    if (this.seen.has(item)) return;
    this.seen.add(item);
    this.items.push(item);
  }
}

export function classifyTags(rawTags: readonly string[], vocabulary: TagVocabulary = DEFAULT_TAG_VOCABULARY): ClassifiedTags {
  const papers = new OrderedSet<string>();
  const datasets = new OrderedSet<string>();
  const licenses = new OrderedSet<string>();
  const languages = new OrderedSet<string>();
  const libraries = new OrderedSet<string>();
  const plain = new OrderedSet<string>();
  const unknownPrefixes = new OrderedSet<string>();
  const malformed = new OrderedSet<string>();
  // Base model id -> kinds named by typed tags (in order); untyped ids map to an empty list.
  const bases = new Map<string, LineageKind[]>();

  const keepPlain = (tag: string, isMalformed = false): void => {
    plain.add(tag);
    if (isMalformed) malformed.add(tag);
  };

  for (const raw of rawTags) {
    const tag = raw.trim();
    if (tag === '') continue;
    const match = PREFIXED.exec(tag);
    if (match) {
      const prefix = (match[1] as string).toLowerCase();
      const value = (match[2] as string).trim();
      switch (prefix) {
        case 'arxiv': {
          const id = normaliseArxivId(value);
          if (id) papers.add(id);
          else keepPlain(tag, true);
          continue;
        }
        case 'dataset':
          if (value) datasets.add(value);
          else keepPlain(tag, true);
          continue;
        case 'license':
          if (value) licenses.add(value);
          else keepPlain(tag, true);
          continue;
        case 'base_model': {
          const typed = /^([a-z_]+):(.*)$/.exec(value);
          if (typed) {
            const kind = BASE_MODEL_KINDS[typed[1] as string];
            const id = (typed[2] as string).trim();
            if (!kind || !isRepoId(id)) {
              keepPlain(tag, true);
              continue;
            }
            const kinds = bases.get(id) ?? [];
            if (!kinds.includes(kind)) kinds.push(kind);
            bases.set(id, kinds);
          } else if (isRepoId(value)) {
            if (!bases.has(value)) bases.set(value, []);
          } else {
            keepPlain(tag, true);
          }
          continue;
        }
        default:
          if (!vocabulary.plainPrefixes.has(prefix)) unknownPrefixes.add(prefix);
          keepPlain(tag);
          continue;
      }
    }
    if (vocabulary.libraries.has(tag)) {
      libraries.add(tag);
      continue;
    }
    const language = vocabulary.language(tag);
    if (language) {
      languages.add(language);
      continue;
    }
    keepPlain(tag);
  }

  const baseModels: BaseModelRef[] = [];
  for (const [id, kinds] of bases) {
    if (kinds.length === 0) baseModels.push({ id, kind: 'unknown' });
    else for (const kind of kinds) baseModels.push({ id, kind });
  }

  return {
    papers: papers.items,
    datasets: datasets.items,
    baseModels,
    licenses: licenses.items,
    languages: languages.items,
    libraries: libraries.items,
    tags: plain.items,
    unknownPrefixes: unknownPrefixes.items,
    malformed: malformed.items,
  };
}
