/**
 * A synthetic graph for the analytics tests, under one id prefix: `clusters` groups of creators,
 * each followed by its own users (plus a few cross-cluster follows), and models in matching topic
 * groups (shared tags, a shared paper, lineage to the group's base model). Deterministic.
 */
import type { Db } from '../../src/neo4j/db.js';
import { loadConfig, type Config } from '../../src/config.js';
import { analyticsSettings, type AnalyticsSettings } from '../../src/analytics/run.js';

export interface FixtureSize {
  clusters: number;
  creatorsPerCluster: number;
  usersPerCluster: number;
  followsPerUser: number;
  /** Creators per cluster that publish models (3 models each). */
  publishers: number;
}

export const SMALL: FixtureSize = { clusters: 2, creatorsPerCluster: 12, usersPerCluster: 40, followsPerUser: 5, publishers: 4 };

export async function buildAnalyticsFixture(db: Db, p: string, size: FixtureSize = SMALL): Promise<void> {
  const s = { p, ...size };
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     UNWIND range(0, $creatorsPerCluster - 1) AS i
     CREATE (:Creator {id: $p + 'c' + k + '-' + i, name: 'c' + k + '-' + i, kind: 'user'})`,
    s,
  );
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     UNWIND range(0, $usersPerCluster - 1) AS j
     CREATE (:Creator:User {id: $p + 'u' + k + '-' + j, name: 'u' + k + '-' + j, kind: 'user'})`,
    s,
  );
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     UNWIND range(0, $usersPerCluster - 1) AS j
     MATCH (u:Creator {id: $p + 'u' + k + '-' + j})
     UNWIND range(0, $followsPerUser - 1) AS t
     WITH u, k, j, t, (j * 7 + t * 13 + t * t) % $creatorsPerCluster AS i
     MATCH (c:Creator {id: $p + 'c' + k + '-' + i})
     MERGE (u)-[:FOLLOWS]->(c)`,
    s,
  );
  // A few cross-cluster follows, and creators following each other inside their cluster.
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     UNWIND range(0, $usersPerCluster - 1) AS j
     WITH k, j WHERE j % 10 = 0
     MATCH (u:Creator {id: $p + 'u' + k + '-' + j})
     MATCH (c:Creator {id: $p + 'c' + ((k + 1) % $clusters) + '-' + (j % $creatorsPerCluster)})
     MERGE (u)-[:FOLLOWS]->(c)`,
    s,
  );
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     UNWIND range(1, $creatorsPerCluster - 1) AS i
     MATCH (a:Creator {id: $p + 'c' + k + '-' + i})
     MATCH (b:Creator {id: $p + 'c' + k + '-' + (i - 1)})
     MERGE (a)-[:FOLLOWS]->(b)`,
    s,
  );
  await db.write(
    `UNWIND range(0, $clusters - 1) AS k
     MERGE (base:Model {id: $p + 'c' + k + '-0/base'}) SET base.name = 'base', base.downloads = 1000000
     MERGE (paper:Paper {id: $p + 'paper-' + k})
     MERGE (task:Task {id: $p + 'task-' + k}) SET task.name = 'Task ' + k
     MERGE (lib:Library {id: $p + 'lib-' + k}) SET lib.name = 'Lib ' + k
     WITH k, base, paper, task, lib
     MATCH (c0:Creator {id: $p + 'c' + k + '-0'})
     MERGE (c0)-[:CREATED]->(base)
     WITH k, base, paper, task, lib
     UNWIND range(0, $publishers - 1) AS i
     MATCH (c:Creator {id: $p + 'c' + k + '-' + i})
     UNWIND range(0, 2) AS n
     CREATE (c)-[:CREATED]->(m:Model {id: $p + 'c' + k + '-' + i + '/m' + n, name: 'm' + n, downloads: 100 * (i + 1) + n})
     MERGE (tag:Tag {id: $p + 'topic-' + k + '-' + (i % 2)})
     MERGE (m)-[:TAGGED]->(tag)
     MERGE (m)-[:HAS_TASK]->(task)
     MERGE (m)-[:USES_LIBRARY]->(lib)
     MERGE (m)-[:CITES]->(paper)
     MERGE (m)-[:DERIVED_FROM {kind: 'finetune'}]->(base)`,
    s,
  );
  await db.write('MATCH (c:Creator) WHERE c.id STARTS WITH $p SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }', { p });
}

/** Analytics settings limited to the prefix (the configuration's defaults otherwise). */
export function scopedSettings(p: string, overrides: Partial<AnalyticsSettings> = {}, config: Config = loadConfig({})): AnalyticsSettings {
  return analyticsSettings(config, { scope: p, minCommunitySize: 2, coFollow: { minCommon: 2, minJaccard: 0.05, maxFollowing: 1000 }, ...overrides });
}
