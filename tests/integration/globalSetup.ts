/**
 * Finds a real Neo4j for the integration tests, in this order:
 *   1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) if set;
 *   2. a testcontainers Neo4j (neo4j:5.26-community with APOC, and GDS when it is resolved) when a
 *      Docker engine answers;
 *   3. the project's local Maven-resolved Neo4j, as a separate test instance (its own home and
 *      ports, so it never touches the developer's data), started here and stopped after. Its
 *      plugin directory is the local default (src/neo4j/local.ts, `pluginsDir`): APOC, plus Graph
 *      Data Science, which the GDS suite requires: resolved here on first use, as
 *      `hubgraph analytics gds-install` does (.ci/run runs that too). HUBGRAPH_TEST_NEO4J_BOLT_PORT, HUBGRAPH_TEST_NEO4J_HTTP_PORT
 *      and HUBGRAPH_TEST_NEO4J_DIR move it (default 17687, 17474, .neo4j-test), e.g. to run a
 *      second suite beside one that runs.
 * Tests read the connection with `inject('neo4j')`. There is no mock and no in-memory stand-in.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createDb } from '../../src/neo4j/db.js';
import { installGds } from '../../src/analytics/gdsInstall.js';
import { GDS_PLUGINS_DIR, hasGds, start, stop } from '../../src/neo4j/local.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { TEST_LOCAL_NEO4J, type TestNeo4j } from './neo4j.js';

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 10_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Every suite reads a migrated database (constraints, indexes, full-text indexes), whatever order they run in. */
async function migrated(n: Pick<TestNeo4j, 'uri' | 'user' | 'password' | 'database'>): Promise<void> {
  const db = createDb({ connection: { uri: n.uri, user: n.user, password: n.password, database: n.database }, log: silentLogger() });
  try {
    await migrate(db, silentLogger());
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  if (env.NEO4J_URI) {
    const neo4j: TestNeo4j = {
      mode: 'external',
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? 'hubgraph-local',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      local: null,
    };
    await migrated(neo4j);
    project.provide('neo4j', neo4j);
    console.log(`[tests] using Neo4j at ${neo4j.uri} (NEO4J_URI)`);
    return async () => {};
  }
  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const image = new Neo4jContainer('neo4j:5.26-community').withPassword('hubgraph-test');
    // With GDS resolved, the container gets the same jars (APOC + GDS) as the local Neo4j, copied
    // into its plugin directory; otherwise APOC the image's way (downloaded at start).
    const allowed = 'apoc.*,gds.*';
    const container = await (
      hasGds(GDS_PLUGINS_DIR)
        ? image
            .withCopyDirectoriesToContainer([{ source: GDS_PLUGINS_DIR, target: '/plugins' }])
            .withEnvironment({ NEO4J_dbms_security_procedures_unrestricted: allowed, NEO4J_dbms_security_procedures_allowlist: allowed })
        : image.withApoc()
    ).start();
    await migrated({ uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(), database: 'neo4j' });
    project.provide('neo4j', {
      mode: 'testcontainers',
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      local: null,
    });
    console.log(`[tests] using a testcontainers Neo4j at ${container.getBoltUri()}`);
    return async () => {
      await container.stop();
    };
  }
  const port = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);
  const local: LocalNeo4jConfig = {
    ...TEST_LOCAL_NEO4J,
    boltPort: port(env.HUBGRAPH_TEST_NEO4J_BOLT_PORT, TEST_LOCAL_NEO4J.boltPort),
    httpPort: port(env.HUBGRAPH_TEST_NEO4J_HTTP_PORT, TEST_LOCAL_NEO4J.httpPort),
    home: path.resolve(PROJECT_ROOT, env.HUBGRAPH_TEST_NEO4J_DIR ?? '.neo4j-test'),
  };
  const log = silentLogger();
  // A fresh clone's `npm test` resolves Graph Data Science as `start` resolves Neo4j: on first use
  // (a no-op once resolved). Without Maven Central only the GDS suite fails, naming the fix.
  try {
    installGds(log);
  } catch (error) {
    console.log(`[tests] could not resolve Graph Data Science (${error instanceof Error ? error.message : String(error)}): the GDS suite will fail`);
  }
  const r = await start(local, log);
  console.log(
    `[tests] ${r.reused ? 'reusing' : 'started'} the local test Neo4j at ${r.boltUri} in ${r.seconds.toFixed(1)} s ` +
      `(plugins: ${r.pluginsDir}, ${hasGds(r.pluginsDir) ? 'APOC + Graph Data Science' : 'APOC only: the GDS suite will fail — `node bin/hubgraph.js analytics gds-install`'})`,
  );
  await migrated({ uri: r.boltUri, user: 'neo4j', password: local.password, database: 'neo4j' });
  project.provide('neo4j', {
    mode: 'local',
    uri: r.boltUri,
    user: 'neo4j',
    password: local.password,
    database: 'neo4j',
    local,
  });
  return async () => {
    // Stop what we started; leave an instance that was already running (a developer's watch loop).
    if (!r.reused) await stop(local, log);
  };
}
