/**
 * GDS_UNAVAILABLE: what `--engine gds` says on a Neo4j without Graph Data Science. The Neo4j is
 * stood in for by the error it gives (the text Neo4j 5.26.30 returns for an unknown function);
 * the engine itself runs against a real Neo4j with GDS in tests/integration/analyticsGds.test.ts,
 * which requires GDS and so cannot meet this error.
 */
import { describe, expect, it } from 'vitest';
import { computeWithGds, gdsVersion } from '../../src/analytics/gds.js';
import { analyticsSettings } from '../../src/analytics/run.js';
import { loadConfig } from '../../src/config.js';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';

const NEO4J_ERROR = "Unknown function 'gds.version' (line 1, column 8 (offset: 7))\n\"RETURN gds.version() AS version\"\n        ^";

function neo4jWithoutGds(): { db: Db; queries: string[] } {
  const queries: string[] = [];
  const fail = (query: string) => {
    queries.push(query);
    return Promise.reject(new Error(NEO4J_ERROR));
  };
  return { db: { uri: 'bolt://127.0.0.1:7687', read: fail, write: fail } as unknown as Db, queries };
}

describe('GDS_UNAVAILABLE', () => {
  it('quotes Neo4j’s first error line and names the fix', async () => {
    const { db } = neo4jWithoutGds();
    const error = await gdsVersion(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubgraphError);
    expect(error).toMatchObject({ code: ErrorCodes.GDS_UNAVAILABLE });
    const e = error as HubgraphError;
    expect(e.message).toBe("Graph Data Science is not available in Neo4j at bolt://127.0.0.1:7687: Unknown function 'gds.version' (line 1, column 8 (offset: 7))");
    expect(e.hint).toMatch(/hubgraph analytics gds-install/);
    expect(e.hint).toMatch(/hubgraph neo4j stop/);
    expect(e.hint).toMatch(/--engine graphology/);
  });

  it('is the first thing --engine gds checks: nothing is projected or written before', async () => {
    const { db, queries } = neo4jWithoutGds();
    const settings = analyticsSettings(loadConfig({}), { engine: 'gds' });
    await expect(computeWithGds(db, settings, silentLogger())).rejects.toMatchObject({ code: ErrorCodes.GDS_UNAVAILABLE });
    expect(queries).toEqual(['RETURN gds.version() AS version']);
  });
});
