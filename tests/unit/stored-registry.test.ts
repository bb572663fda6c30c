/**
 * The registry of stored answers (src/stored/registry.ts) is the one place that says which
 * questions are stored: every entry must be backed by a store statement stamping its property, be
 * counted by `hubgraph stored status`, and be named by its question's domain function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR } from '../../src/neo4j/cypher.js';
import { refreshedAfter, STORED_ANSWERS, STORED_QUESTIONS } from '../../src/stored/registry.js';

const storeFiles = readdirSync(path.join(CYPHER_DIR, 'recommend'))
  .filter((f) => f.endsWith('-store.cypher'))
  .map((f) => readFileSync(path.join(CYPHER_DIR, 'recommend', f), 'utf8'));

describe('the stored-answers registry', () => {
  it('has one entry per stored question, each stamped by a store statement and counted by status', () => {
    const status = readFileSync(path.join(CYPHER_DIR, 'stats/stored-answers.cypher'), 'utf8');
    expect(Object.keys(STORED_ANSWERS).sort()).toEqual([...STORED_QUESTIONS].sort());
    expect(storeFiles).toHaveLength(STORED_QUESTIONS.length);
    for (const q of STORED_QUESTIONS) {
      const { stamp, question } = STORED_ANSWERS[q];
      expect(question).toBe(q);
      expect(storeFiles.filter((f) => new RegExp(`\\.${stamp} = \\$computedAt`).test(f)), q).toHaveLength(1);
      expect(status, q).toContain(`.${stamp})`);
      expect(status, q).toContain(`'${q}'`);
    }
  });

  it('is what each stored question’s domain function points to', () => {
    for (const q of STORED_QUESTIONS) {
      const domain = readFileSync(path.join(CYPHER_DIR, '..', 'src', 'domain', `${q}.ts`), 'utf8');
      expect(domain, q).toContain(`STORED_ANSWERS.${q} in src/stored/registry.ts`);
    }
  });

  it('names the refreshes each event runs, in an order where inputs come first', () => {
    expect(refreshedAfter('analytics').map((a) => a.question)).toEqual(['recommendedCreators', 'topicTopContributors']);
    expect(refreshedAfter('models').map((a) => a.question)).toEqual(['similarCreators', 'topicTopContributors']);
    const social = refreshedAfter('social').map((a) => a.question);
    expect(social).toHaveLength(STORED_QUESTIONS.length);
    // The blend reuses two signals' lists; the leaders read the follower counts refreshed first.
    expect(social.indexOf('recommendedCreators')).toBeGreaterThan(social.indexOf('popularAmongSimilarUsers'));
    expect(social.indexOf('recommendedCreators')).toBeGreaterThan(social.indexOf('followOfFollow'));
  });
});
