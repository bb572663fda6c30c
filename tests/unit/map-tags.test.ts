import { describe, expect, it } from 'vitest';
import { normaliseArxivId } from '../../ingest/map/arxiv.js';
import { languageFromCardValue, languageFromTag } from '../../ingest/map/languages.js';
import { HUB_LIBRARY_IDS } from '../../ingest/map/libraries.js';
import { classifyTags, type TagVocabulary } from '../../ingest/map/tags.js';

describe('normaliseArxivId', () => {
  it('strips the version of new-style ids', () => {
    expect(normaliseArxivId('2106.09685v2')).toBe('2106.09685');
    expect(normaliseArxivId('1810.04805')).toBe('1810.04805');
    expect(normaliseArxivId('0704.0001v1')).toBe('0704.0001');
  });

  it('keeps old-style ids, without version', () => {
    expect(normaliseArxivId('hep-ex/0406020')).toBe('hep-ex/0406020');
    expect(normaliseArxivId('hep-ex/0406020v1')).toBe('hep-ex/0406020');
    expect(normaliseArxivId('math.GT/0309136v3')).toBe('math.GT/0309136');
    expect(normaliseArxivId('astro-ph/0601001')).toBe('astro-ph/0601001');
  });

  it('accepts an arXiv: prefix and whitespace', () => {
    expect(normaliseArxivId(' arXiv:2307.09288v1 ')).toBe('2307.09288');
  });

  it('returns null for what is not an arXiv id', () => {
    for (const bad of ['abc', '1810.048', '18100.04805', '2106.09685v', 'hep-ex/040602', '', 'https://arxiv.org/abs/1810.04805']) {
      expect(normaliseArxivId(bad), bad).toBeNull();
    }
  });
});

describe('languageFromTag / languageFromCardValue', () => {
  it('recognises ISO 639-1 codes', () => {
    for (const code of ['en', 'fr', 'zh', 'ko', 'sw', 'yo']) expect(languageFromTag(code)).toBe(code);
  });

  it('maps withdrawn ISO 639-1 codes to current ones', () => {
    expect(languageFromTag('iw')).toBe('he');
    expect(languageFromTag('jw')).toBe('jv');
  });

  it('recognises ISO 639-3 codes that are not ML terms', () => {
    for (const code of ['yue', 'ceb', 'haw', 'eng', 'fil', 'grc']) expect(languageFromTag(code)).toBe(code);
  });

  it('does not take ML terms that collide with ISO 639-3 for languages', () => {
    for (const tag of ['jax', 'vit', 'opt', 'trl', 'moe', 'ner', 'led', 'sam', 'llm', 'mlx']) expect(languageFromTag(tag), tag).toBeNull();
  });

  it('rejects non-codes, special codes and wrong case', () => {
    for (const tag of ['tf', 't5', 'xx', 'und', 'zxx', 'mul', 'EN', 'Yi', 'english', 'bert']) expect(languageFromTag(tag), tag).toBeNull();
  });

  it('trusts a card language field for ambiguous codes and folds case', () => {
    expect(languageFromCardValue('opt')).toBe('opt');
    expect(languageFromCardValue('EN')).toBe('en');
    expect(languageFromCardValue('multilingual')).toBeNull();
  });
});

describe('HUB_LIBRARY_IDS', () => {
  it('comes from @huggingface/tasks and holds the Hub libraries, not frameworks', () => {
    expect(HUB_LIBRARY_IDS.size).toBeGreaterThan(100);
    for (const id of ['transformers', 'diffusers', 'sentence-transformers', 'timm', 'peft']) expect(HUB_LIBRARY_IDS.has(id), id).toBe(true);
    for (const id of ['pytorch', 'tf', 'jax', 'safetensors', 'onnx']) expect(HUB_LIBRARY_IDS.has(id), id).toBe(false);
  });
});

describe('classifyTags', () => {
  it('splits every category', () => {
    const result = classifyTags([
      'transformers',
      'pytorch',
      'en',
      'fr',
      'arxiv:1810.04805',
      'arxiv:2106.09685v2',
      'dataset:bookcorpus',
      'dataset:org/data',
      'license:apache-2.0',
      'base_model:meta-llama/Llama-2-7b-hf',
      'base_model:finetune:meta-llama/Llama-2-7b-hf',
      'region:us',
      'endpoints_compatible',
      'autotrain_compatible',
      'text-generation-inference',
    ]);
    expect(result.papers).toEqual(['1810.04805', '2106.09685']);
    expect(result.datasets).toEqual(['bookcorpus', 'org/data']);
    expect(result.licenses).toEqual(['apache-2.0']);
    expect(result.languages).toEqual(['en', 'fr']);
    expect(result.libraries).toEqual(['transformers']);
    expect(result.baseModels).toEqual([{ id: 'meta-llama/Llama-2-7b-hf', kind: 'finetune' }]);
    expect(result.tags).toEqual(['pytorch', 'region:us', 'endpoints_compatible', 'autotrain_compatible', 'text-generation-inference']);
    expect(result.unknownPrefixes).toEqual([]);
    expect(result.malformed).toEqual([]);
  });

  it('gives each typed base_model tag its kind', () => {
    const result = classifyTags([
      'base_model:quantized:a/q',
      'base_model:merge:b/m',
      'base_model:adapter:c/l',
      'base_model:finetune:d/f',
    ]);
    expect(result.baseModels).toEqual([
      { id: 'a/q', kind: 'quantized' },
      { id: 'b/m', kind: 'merge' },
      { id: 'c/l', kind: 'adapter' },
      { id: 'd/f', kind: 'finetune' },
    ]);
  });

  it("gives a plain base_model tag kind 'unknown' unless a typed tag names the same base (in either order)", () => {
    expect(classifyTags(['base_model:x/base']).baseModels).toEqual([{ id: 'x/base', kind: 'unknown' }]);
    expect(classifyTags(['base_model:adapter:x/base', 'base_model:x/base']).baseModels).toEqual([{ id: 'x/base', kind: 'adapter' }]);
    expect(classifyTags(['base_model:x/base', 'base_model:y/other', 'base_model:merge:x/base']).baseModels).toEqual([
      { id: 'x/base', kind: 'merge' },
      { id: 'y/other', kind: 'unknown' },
    ]);
  });

  it('keeps two kinds for one base when two typed tags say so', () => {
    expect(classifyTags(['base_model:finetune:x/b', 'base_model:quantized:x/b']).baseModels).toEqual([
      { id: 'x/b', kind: 'finetune' },
      { id: 'x/b', kind: 'quantized' },
    ]);
  });

  it('counts unknown prefixes once each and keeps those tags as plain tags', () => {
    const result = classifyTags(['foo:bar', 'foo:baz', 'Weird:thing', 'region:us', 'doi:10.57967/hf/0181', 'diffusers:StableDiffusionPipeline']);
    expect(result.unknownPrefixes).toEqual(['foo', 'weird']);
    expect(result.tags).toEqual(['foo:bar', 'foo:baz', 'Weird:thing', 'region:us', 'doi:10.57967/hf/0181', 'diffusers:StableDiffusionPipeline']);
  });

  it('keeps malformed typed tags as plain tags and lists them', () => {
    const result = classifyTags(['arxiv:abc', 'dataset:', 'license: ', 'base_model:', 'base_model:distill:x/y', 'base_model:finetune:']);
    expect(result.papers).toEqual([]);
    expect(result.datasets).toEqual([]);
    expect(result.licenses).toEqual([]);
    expect(result.baseModels).toEqual([]);
    expect(result.malformed).toEqual(['arxiv:abc', 'dataset:', 'license:', 'base_model:', 'base_model:distill:x/y', 'base_model:finetune:']);
    expect(result.tags).toEqual(result.malformed);
  });

  it('makes no base model of a base_model tag whose id is not a Hub repo id: the tag is malformed, kept plain', () => {
    // Regression: `base_model:finetune:x/<injection>` made a Model node of that text.
    const bad = ["base_model:finetune:ns/x'}) DETACH DELETE n //", 'base_model:a b/c', 'base_model:a/b/c', 'base_model:quantized:-lead/x', `base_model:adapter:ns/${'n'.repeat(97)}`];
    const result = classifyTags([...bad, 'base_model:merge:ok/base']);
    expect(result.baseModels).toEqual([{ id: 'ok/base', kind: 'merge' }]);
    expect(result.malformed).toEqual(bad);
    expect(result.tags).toEqual(bad);
  });

  it('deduplicates (a versioned and an unversioned arxiv tag are one paper) and skips empty tags', () => {
    const result = classifyTags(['arxiv:1810.04805', 'arxiv:1810.04805v3', 'en', 'en', '', '  ', 'x', 'x']);
    expect(result.papers).toEqual(['1810.04805']);
    expect(result.languages).toEqual(['en']);
    expect(result.tags).toEqual(['x']);
  });

  it('uses the vocabulary passed in', () => {
    const vocabulary: TagVocabulary = {
      libraries: new Set(['mylib']),
      language: (tag) => (tag === 'klingon' ? 'tlh' : null),
      plainPrefixes: new Set(['foo']),
    };
    const result = classifyTags(['mylib', 'transformers', 'klingon', 'en', 'foo:bar', 'region:us'], vocabulary);
    expect(result.libraries).toEqual(['mylib']);
    expect(result.languages).toEqual(['tlh']);
    expect(result.tags).toEqual(['transformers', 'en', 'foo:bar', 'region:us']);
    expect(result.unknownPrefixes).toEqual(['region']);
  });
});
