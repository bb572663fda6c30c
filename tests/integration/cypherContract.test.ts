/**
 * Every Cypher file under cypher/ (except multi-statement schema files) must plan on the real
 * Neo4j: EXPLAIN compiles it without running it, so a typo, an unknown function or a wrong
 * parameter shape fails here, not in production.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, cypherParameters, loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { testDb } from './neo4j.js';

function cypherFiles(dir: string, base = ''): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return cypherFiles(p, path.join(base, f));
    return f.endsWith('.cypher') ? [path.join(base, f.replace(/\.cypher$/, ''))] : [];
  });
}

// Files that hold several statements (applied one by one) or are saved Browser explorations
// with Browser-only :param lines are checked elsewhere.
const MULTI_STATEMENT = new Set(['schema']);
const files = cypherFiles(CYPHER_DIR).filter((f) => !MULTI_STATEMENT.has(f) && !f.startsWith('explore'));

describe('Cypher contract', () => {
  let db: Db;
  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('finds the query files', () => {
    expect(files).toContain('stats/graph-stats');
  });

  it.each(files)('%s plans on Neo4j with its declared parameters', async (name) => {
    const text = loadCypher(name);
    const params = Object.fromEntries(cypherParameters(text).map((p) => [p, null]));
    await expect(db.readTx((tx) => tx.run(`EXPLAIN ${text}`, params))).resolves.toBeDefined();
  });
});
