/**
 * Resolves Graph Data Science from Maven Central (neo4j/gds/pom.xml: GDS 2.13, the line that
 * supports Neo4j 5.26) into neo4j/target/plugins-gds, together with copies of the jars of the usual
 * plugin directory (APOC), so a Neo4j pointed at plugins-gds has both. The usual
 * neo4j/target/plugins is left alone. Once the marker is written, the local Neo4j starts with
 * plugins-gds (src/neo4j/local.ts, `pluginsDir`): `gds-install`, then `hubgraph neo4j start`
 * (a stop first if it runs), and `--engine gds` works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import { copyBasePlugins, GDS_MARKER, GDS_PLUGINS_DIR, install, NEO4J_POM_DIR } from '../neo4j/local.js';

export const GDS_POM = path.join(NEO4J_POM_DIR, 'gds', 'pom.xml');

export function gdsPomVersion(): string {
  return readFileSync(GDS_POM, 'utf8').match(/<gds\.version>([^<]+)<\/gds\.version>/)?.[1] ?? 'unknown';
}

/** Resolves GDS (once; `force` again). Returns the directory and whether anything was resolved. */
export function installGds(log: Logger, options: { force?: boolean } = {}): { dir: string; version: string; installed: boolean } {
  const version = gdsPomVersion();
  if (!options.force && existsSync(GDS_MARKER)) {
    const marker = JSON.parse(readFileSync(GDS_MARKER, 'utf8')) as { version?: string };
    if (marker.version === version) return { dir: GDS_PLUGINS_DIR, version, installed: false };
  }
  // The APOC jars to copy beside GDS come from the Neo4j install (a no-op when it is resolved).
  install(log);
  log.info({ version, dir: GDS_PLUGINS_DIR }, 'resolving Graph Data Science from Maven Central');
  rmSync(GDS_PLUGINS_DIR, { recursive: true, force: true });
  mkdirSync(GDS_PLUGINS_DIR, { recursive: true });
  const r = spawnSync('mvn', ['-B', '-q', '-f', GDS_POM, 'dependency:copy-dependencies', `-DoutputDirectory=${GDS_PLUGINS_DIR}`, '-DincludeScope=runtime'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error || r.status !== 0) {
    const lines = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').filter((l) => l.includes('ERROR')).slice(0, 3).join(' ');
    throw new HubgraphError(ErrorCodes.MAVEN_RESOLVE_FAILED, `Maven could not resolve Graph Data Science ${version}: ${r.error?.message ?? lines}`.slice(0, 1500), {
      hint: 'Maven Central must be reachable (mvn on PATH)',
    });
  }
  copyBasePlugins(GDS_PLUGINS_DIR);
  writeFileSync(GDS_MARKER, JSON.stringify({ version, resolvedAt: new Date().toISOString() }, null, 2));
  return { dir: GDS_PLUGINS_DIR, version, installed: true };
}
