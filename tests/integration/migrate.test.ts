import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { LABEL_NAMES } from '../../src/schema.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('migrate', () => {
  let db: Db;
  const prefix = uniquePrefix('migrate');

  beforeAll(async () => {
    db = testDb();
    await migrate(db, silentLogger());
  });
  afterAll(async () => {
    await cleanup(db, prefix);
    await db.close();
  });

  it('is a no-op the second time: nothing added, same constraints and indexes', async () => {
    const before = await db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    const indexesBefore = await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    const second = await migrate(db, silentLogger());
    expect(second.constraintsAdded).toBe(0);
    expect(second.indexesAdded).toBe(0);
    expect(second.statements).toBeGreaterThan(LABEL_NAMES.length);
    expect(await db.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name')).toEqual(before);
    expect(await db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name')).toEqual(indexesBefore);
  });

  it('puts a uniqueness constraint on the id of every label', async () => {
    const rows = await db.read<{ label: string }>(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0] AS label",
    );
    expect(rows.map((r) => r.label).sort()).toEqual([...LABEL_NAMES].sort());
  });

  it('creates the full-text indexes and they are online', async () => {
    const rows = await db.read<{ name: string; state: string }>(
      "SHOW INDEXES YIELD name, type, state WHERE type = 'FULLTEXT' RETURN name, state ORDER BY name",
    );
    expect(rows).toEqual([
      { name: 'creator_search', state: 'ONLINE' },
      { name: 'model_search', state: 'ONLINE' },
    ]);
  });

  it('rejects a second node with the same id', async () => {
    const id = `${prefix}dup-model`;
    await db.write('CREATE (:Model {id: $id})', { id });
    await expect(db.write('CREATE (:Model {id: $id})', { id })).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    const rows = await db.read<{ n: number }>('MATCH (m:Model {id: $id}) RETURN count(m) AS n', { id });
    expect(rows[0]?.n).toBe(1);
  });

  it('rejects a duplicate creator id even across User and Organization labels', async () => {
    const id = `${prefix}dup-creator`;
    await db.write('CREATE (:Creator:User {id: $id})', { id });
    await expect(db.write('CREATE (:Creator:Organization {id: $id})', { id })).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
  });
});
