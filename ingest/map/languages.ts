/**
 * Which strings are language codes. The Hub turns a model card's `language:` list into plain tags
 * (`en`, `fr`, `yue`), indistinguishable from other plain tags, so a tag counts as a language when
 * it is an ISO 639-1 or ISO 639-3 code (the codes come from ./iso639.ts).
 *
 * Two-letter codes are taken as they are: on the Hub a lowercase two-letter tag that is an
 * ISO 639-1 code is a language in practice (measured on the 2024-09 list_models dump; the other
 * two-letter tags there are `tf`, `t5`, `v8`, `lm`, `3d`, ... and the withdrawn codes `iw`, `jw`,
 * `in`, mapped below).
 * Three-letter codes are not safe that way: ISO 639-3 has 7,910 of them and many are also ML terms
 * (`jax` is Jambi Malay, `vit` Viti, `opt` Opata, `trl` Traveller Scottish, `moe` Innu, `ner`
 * Yahadian, `led` Lendu, `sam` Samaritan Aramaic, ...). NOT_LANGUAGE_TAGS lists the collisions we
 * know of (the ones seen in the 2024-09 dump plus common ML/tooling acronyms); a three-letter tag in
 * that list is a plain tag. A card's explicit `language:` field is trusted without that list.
 */
import { ISO_639_1_CODES, ISO_639_3_CODES, ISO_639_3_SPECIAL } from './iso639.js';

const ISO_639_1 = new Set(ISO_639_1_CODES.trim().split(/\s+/));
const SPECIAL = new Set<string>(ISO_639_3_SPECIAL);
const ISO_639_3 = new Set(ISO_639_3_CODES.trim().split(/\s+/).filter((code) => !SPECIAL.has(code)));

/**
 * Withdrawn ISO 639-1 codes that still appear as Hub tags (Whisper's language list uses `iw`, `jw`),
 * mapped to their current codes (ISO 639-1 changes of 1989 and 2001).
 */
const WITHDRAWN_639_1: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv' };

/** Three-letter tags that are ISO 639-3 codes but, on the Hub, almost always mean something else. */
export const NOT_LANGUAGE_TAGS: ReadonlySet<string> = new Set([
  'api', 'app', 'asr', 'bge', 'big', 'bit', 'bnb', 'bot', 'cli', 'clm', 'cot', 'cpu', 'csv', 'ctc',
  'dac', 'dev', 'dna', 'ema', 'esg', 'esm', 'fal', 'gan', 'git', 'gui', 'ibm', 'int', 'iso', 'jax',
  'kan', 'kto', 'lab', 'lcm', 'led', 'lid', 'llm', 'mae', 'max', 'mix', 'mlm', 'mlp', 'mlx', 'moe',
  'mps', 'mpt', 'mvp', 'ner', 'nli', 'opt', 'pos', 'ppo', 'pro', 'rag', 'rnn', 'rwk', 'sae', 'sam',
  'sdk', 'sdx', 'seq', 'sfw', 'snr', 'ssm', 'sst', 'stt', 'tag', 'trl', 'tts', 'unk', 'url', 'vae',
  'vit', 'wer',
]);

/** The code a language tag stands for, or null when the tag is not a language. Case-sensitive: `Yi` is a model family, `yi` Yiddish. */
export function languageFromTag(tag: string): string | null {
  if (tag.length === 2) return ISO_639_1.has(tag) ? tag : (WITHDRAWN_639_1[tag] ?? null);
  if (tag.length === 3) return ISO_639_3.has(tag) && !NOT_LANGUAGE_TAGS.has(tag) ? tag : null;
  return null;
}

/**
 * The code for a value of a card's `language:` field, which is meant to be a language, so
 * ambiguous three-letter codes are accepted. Case is folded (`EN` → `en`). Non-codes
 * (`multilingual`, `code`) give null.
 */
export function languageFromCardValue(value: string): string | null {
  const code = value.trim().toLowerCase();
  if (code.length === 2) return ISO_639_1.has(code) ? code : (WITHDRAWN_639_1[code] ?? null);
  if (code.length === 3) return ISO_639_3.has(code) ? code : null;
  return null;
}
