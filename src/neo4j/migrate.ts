/**
 * Applies cypher/schema.cypher. Every statement there is IF NOT EXISTS, so migrate is idempotent:
 * a second run adds nothing. Schema statements run one per transaction (Neo4j refuses to mix
 * schema and data writes), then we wait for indexes to come online so queries that follow can use
 * them.
 */
import type { Logger } from '../log.js';
import { loadCypher, splitStatements } from './cypher.js';
import type { Db } from './db.js';

export interface MigrateResult {
  statements: number;
  constraintsAdded: number;
  indexesAdded: number;
}

export async function migrate(db: Db, log: Logger): Promise<MigrateResult> {
  const statements = splitStatements(loadCypher('schema'));
  let constraintsAdded = 0;
  let indexesAdded = 0;
  for (const statement of statements) {
    const { summary } = await db.write(statement, {}, { op: 'migrate' });
    constraintsAdded += summary.constraintsAdded;
    indexesAdded += summary.indexesAdded;
  }
  await db.read('CALL db.awaitIndexes(300)', {}, { op: 'migrate.awaitIndexes' });
  const result = { statements: statements.length, constraintsAdded, indexesAdded };
  log.info(result, constraintsAdded + indexesAdded === 0 ? 'schema up to date' : 'schema migrated');
  return result;
}
