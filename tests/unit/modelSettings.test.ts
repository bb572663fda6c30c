/** The model-side settings: config defaults equal each domain module's DEFAULTS; the API key plugin's helpers. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULTS as FEED } from '../../src/domain/feedCandidates.js';
import { DEFAULTS as SEARCH } from '../../src/domain/search.js';
import { DEFAULTS as SIMILAR } from '../../src/domain/similarModels.js';
import { bearerToken, keyMatches } from '../../src/graphql/plugins/auth.js';

describe('model-side settings', () => {
  it('defaults to the domain DEFAULTS', () => {
    const c = loadConfig({});
    expect(c.recommend.similar).toEqual({ weights: SIMILAR.weights, maxSharedDegree: SIMILAR.maxSharedDegree, hubSample: SIMILAR.hubSample });
    expect(c.recommend.feed).toEqual({
      halfLifeDays: FEED.halfLifeDays,
      weights: FEED.weights,
      perSeed: FEED.perSeed,
      tierSize: FEED.tierSize,
      fallbackBelow: FEED.fallbackBelow,
    });
    expect(c.recommend.search.weights).toEqual(SEARCH.weights);
    expect(c.api).toEqual({ key: undefined, requireKeyForReads: false });
  });

  it('reads overrides and refuses nonsense', () => {
    const c = loadConfig({ HUBGRAPH_SIMILAR_W_PAPER: '3.5', HUBGRAPH_FEED_HALF_LIFE_DAYS: '7', HUBGRAPH_SEARCH_W_MODELS: '0' });
    expect(c.recommend.similar.weights.PAPER).toBe(3.5);
    expect(c.recommend.feed.halfLifeDays).toBe(7);
    expect(c.recommend.search.weights.models).toBe(0);
    expect(() => loadConfig({ HUBGRAPH_SIMILAR_W_TAG: '-1' })).toThrow(/HUBGRAPH_SIMILAR_W_TAG/);
    expect(() => loadConfig({ HUBGRAPH_API_KEY: 'short' })).toThrow(/HUBGRAPH_API_KEY/);
  });

  it('refuses to require a key for reads without a key', () => {
    expect(() => loadConfig({ HUBGRAPH_REQUIRE_KEY_FOR_READS: 'true' })).toThrow(/HUBGRAPH_API_KEY/);
    expect(loadConfig({ HUBGRAPH_REQUIRE_KEY_FOR_READS: 'true', HUBGRAPH_API_KEY: 'k'.repeat(16) }).api.requireKeyForReads).toBe(true);
  });
});

describe('API key helpers', () => {
  it('reads a bearer token', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc  ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it('compares keys exactly', () => {
    expect(keyMatches('secret-key-123456', 'secret-key-123456')).toBe(true);
    expect(keyMatches('secret-key-123457', 'secret-key-123456')).toBe(false);
    expect(keyMatches('', 'secret-key-123456')).toBe(false);
  });
});
