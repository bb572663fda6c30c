/**
 * Resolves Graph Data Science from Maven Central (neo4j/gds/pom.xml: GDS 2.13, the line that
 * supports Neo4j 5.26) into neo4j/target/plugins-gds, together with the jars of the usual plugin
 * directory (APOC), so a Neo4j pointed at plugins-gds has both. The usual neo4j/target/plugins is
 * left alone: GDS is opt-in (`--engine gds`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import { NEO4J_POM_DIR } from '../neo4j/local.js';

export const GDS_POM = path.join(NEO4J_POM_DIR, 'gds', 'pom.xml');
export const GDS_PLUGINS_DIR = path.join(NEO4J_POM_DIR, 'target', 'plugins-gds');
const BASE_PLUGINS_DIR = path.join(NEO4J_POM_DIR, 'target', 'plugins');
const MARKER = path.join(GDS_PLUGINS_DIR, 'resolved.json');

export function gdsPomVersion(): string {
  return readFileSync(GDS_POM, 'utf8').match(/<gds\.version>([^<]+)<\/gds\.version>/)?.[1] ?? 'unknown';
}

/** Resolves GDS (once; `force` again). Returns the directory and whether anything was resolved. */
export function installGds(log: Logger, options: { force?: boolean } = {}): { dir: string; version: string; installed: boolean } {
  const version = gdsPomVersion();
  if (!options.force && existsSync(MARKER)) {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8')) as { version?: string };
    if (marker.version === version) return { dir: GDS_PLUGINS_DIR, version, installed: false };
  }
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
  if (existsSync(BASE_PLUGINS_DIR)) {
    for (const jar of readdirSync(BASE_PLUGINS_DIR).filter((f) => f.endsWith('.jar'))) {
      if (!existsSync(path.join(GDS_PLUGINS_DIR, jar))) copyFileSync(path.join(BASE_PLUGINS_DIR, jar), path.join(GDS_PLUGINS_DIR, jar));
    }
  }
  writeFileSync(MARKER, JSON.stringify({ version, resolvedAt: new Date().toISOString() }, null, 2));
  return { dir: GDS_PLUGINS_DIR, version, installed: true };
}
