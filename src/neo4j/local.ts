/**
 * The project's own Neo4j: 5.26 LTS Community resolved from Maven Central (neo4j/pom.xml) and run
 * as a separate JVM, with its home (config, data, logs, pid file) under HUBGRAPH_NEO4J_DIR.
 *
 * - install: `mvn dependency:copy-dependencies` into neo4j/target (once; a marker file records the
 *   resolved versions). A Maven failure is reported with Maven's own [ERROR] lines.
 * - start: idempotent. A running instance for this home is reused; concurrent starts serialise on
 *   a lock file, so a second start while one runs waits and then reuses it instead of launching a
 *   second JVM on the same store. Returns once Bolt accepts our credentials.
 * - stop: SIGTERM (Neo4j shuts down cleanly and checkpoints), SIGKILL only after a timeout.
 * - plugins: one plugin directory, as Neo4j has (its jars also go on the class path, as Neo4j's own
 *   launcher does: GDS registers a kernel extension that must be on it). HUBGRAPH_NEO4J_PLUGINS_DIR,
 *   else neo4j/target/plugins-gds once `hubgraph analytics gds-install` has resolved Graph Data
 *   Science there (with copies of the APOC jars), else neo4j/target/plugins (APOC). `apoc.*` and
 *   `gds.*` are allowed and unrestricted either way (a name with no procedure behind it is harmless).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../config.js';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import { createDb } from './db.js';

export const NEO4J_POM_DIR = path.join(PROJECT_ROOT, 'neo4j');
const TARGET = path.join(NEO4J_POM_DIR, 'target');
const LIB = path.join(TARGET, 'lib');
const PLUGINS = path.join(TARGET, 'plugins');
/** Where `hubgraph analytics gds-install` resolves Graph Data Science (neo4j/gds/pom.xml), beside copies of PLUGINS' jars. */
export const GDS_PLUGINS_DIR = path.join(TARGET, 'plugins-gds');
/** Written by gds-install once GDS is complete in GDS_PLUGINS_DIR. */
export const GDS_MARKER = path.join(GDS_PLUGINS_DIR, 'resolved.json');
/** The names of the jars copied from PLUGINS into another plugin directory (so a re-resolve replaces them). */
const BASE_COPIES = 'base-plugins.json';
const MARKER = path.join(TARGET, 'resolved.json');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

export interface LocalPaths {
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  pidFile: string;
  lockFile: string;
}

export function localPaths(config: LocalNeo4jConfig): LocalPaths {
  const home = config.home;
  return {
    home,
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    run: path.join(home, 'run'),
    pidFile: path.join(home, 'run', 'neo4j.pid'),
    lockFile: path.join(home, 'run', 'start.lock'),
  };
}

/** The plugin directory a start uses: the setting, else plugins-gds when GDS is resolved, else plugins. */
export function pluginsDir(config: Pick<LocalNeo4jConfig, 'pluginsDir'>): string {
  if (config.pluginsDir) return config.pluginsDir;
  return existsSync(GDS_MARKER) ? GDS_PLUGINS_DIR : PLUGINS;
}

/** Whether a plugin directory holds Graph Data Science (its procedures module). */
export function hasGds(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => /^proc-\d.*\.jar$/.test(f));
}

/**
 * Copies the jars of neo4j/target/plugins (APOC and what it needs) into another plugin directory,
 * replacing the copies an earlier call made, so that directory has APOC too.
 */
export function copyBasePlugins(dir: string): string[] {
  const record = path.join(dir, BASE_COPIES);
  if (existsSync(record)) {
    for (const jar of JSON.parse(readFileSync(record, 'utf8')) as string[]) rmSync(path.join(dir, jar), { force: true });
  }
  const jars = existsSync(PLUGINS) ? readdirSync(PLUGINS).filter((f) => f.endsWith('.jar')) : [];
  const copied = jars.filter((jar) => !existsSync(path.join(dir, jar)));
  for (const jar of copied) copyFileSync(path.join(PLUGINS, jar), path.join(dir, jar));
  writeFileSync(record, JSON.stringify(copied, null, 2));
  return copied;
}

export function boltUri(config: LocalNeo4jConfig): string {
  return `bolt://127.0.0.1:${config.boltPort}`;
}

export function browserUrl(config: LocalNeo4jConfig): string {
  return `http://127.0.0.1:${config.httpPort}/browser/`;
}

function pomVersions(): { neo4j: string; browser: string; apoc: string } {
  const pom = readFileSync(path.join(NEO4J_POM_DIR, 'pom.xml'), 'utf8');
  const plugins = readFileSync(path.join(NEO4J_POM_DIR, 'plugins', 'pom.xml'), 'utf8');
  const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1] ?? 'unknown';
  return { neo4j: tag(pom, 'neo4j.version'), browser: tag(pom, 'neo4j-browser.version'), apoc: tag(plugins, 'apoc.version') };
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function mavenErrors(output: string): string {
  const lines = output
    .split('\n')
    // eslint-disable-next-line no-control-regex -- strips ANSI colours from Maven output
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim())
    .filter((l) => l.startsWith('[ERROR]') && l.length > '[ERROR]'.length + 1);
  return (lines.slice(0, 3).join(' ') || output.trim().split('\n').slice(-3).join(' ')).slice(0, 1500);
}

/** Resolves the server, Neo4j Browser and APOC from Maven Central into neo4j/target (once). */
export function install(log: Logger, options: { force?: boolean } = {}): { installed: boolean; versions: ReturnType<typeof pomVersions> } {
  const versions = pomVersions();
  if (!options.force && existsSync(MARKER)) {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8')) as { versions?: unknown };
    if (JSON.stringify(marker.versions) === JSON.stringify(versions)) return { installed: false, versions };
  }
  if (!which('java')) {
    throw new HubgraphError(ErrorCodes.JAVA_MISSING, 'Java was not found on PATH', {
      hint: 'install Java 17 (e.g. `apt-get install openjdk-17-jre-headless`), or set NEO4J_URI to a Neo4j you run yourself',
    });
  }
  if (!which('mvn')) {
    throw new HubgraphError(ErrorCodes.MAVEN_RESOLVE_FAILED, 'Maven (mvn) was not found on PATH', {
      hint: 'install Maven (e.g. `apt-get install maven`), or set NEO4J_URI to a Neo4j you run yourself',
    });
  }
  log.info(versions, 'resolving Neo4j from Maven Central (first run only)');
  rmSync(LIB, { recursive: true, force: true });
  rmSync(PLUGINS, { recursive: true, force: true });
  const runs: [string, string[]][] = [
    ['server', ['-B', '-q', '-f', path.join(NEO4J_POM_DIR, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${LIB}`, '-DincludeScope=runtime']],
    ['plugins', ['-B', '-q', '-f', path.join(NEO4J_POM_DIR, 'plugins', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${PLUGINS}`, '-DincludeScope=runtime']],
  ];
  for (const [what, args] of runs) {
    const result = spawnSync('mvn', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) {
      throw new HubgraphError(ErrorCodes.MAVEN_RESOLVE_FAILED, `Maven could not resolve the Neo4j ${what}: ${mavenErrors(`${result.stdout}\n${result.stderr}`)}`, {
        hint: 'Maven Central must be reachable; or set NEO4J_URI to a Neo4j you run yourself',
      });
    }
  }
  writeFileSync(MARKER, JSON.stringify({ versions, resolvedAt: new Date().toISOString() }, null, 2));
  // GDS's directory carries copies of the APOC jars: refresh them, or it would keep the old APOC.
  if (existsSync(GDS_MARKER)) copyBasePlugins(GDS_PLUGINS_DIR);
  log.info({ lib: LIB }, 'Neo4j resolved');
  return { installed: true, versions };
}

function renderConf(config: LocalNeo4jConfig, paths: LocalPaths, plugins: string): string {
  return [
    '# Written by hubgraph on every start from the environment (see docs/configuration.md). Edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${config.boltPort}`,
    `server.http.listen_address=127.0.0.1:${config.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${config.httpPort}`,
    'server.https.enabled=false',
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.plugins=${plugins}`,
    `server.directories.import=${path.join(paths.home, 'import')}`,
    `server.memory.heap.initial_size=${config.heap}`,
    `server.memory.heap.max_size=${config.heap}`,
    `server.memory.pagecache.size=${config.pagecache}`,
    'dbms.security.auth_enabled=true',
    // GDS, like APOC, reaches into the kernel: both must be unrestricted as well as allowed.
    'dbms.security.procedures.unrestricted=apoc.*,gds.*',
    'dbms.security.procedures.allowlist=apoc.*,gds.*',
    // Transaction logs: keep little, this is a development database.
    'db.tx_log.rotation.retention_policy=2 files',
    'db.tx_log.preallocate=false',
    'server.logs.gc.enabled=false',
    '',
  ].join('\n');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the pid file if that process is alive and is a Neo4j for this home. */
function runningPid(paths: LocalPaths): number | null {
  if (!existsSync(paths.pidFile)) return null;
  const pid = Number.parseInt(readFileSync(paths.pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline)) {
    const args = readFileSync(cmdline, 'utf8');
    // A recycled pid belongs to another program: not ours.
    if (!args.includes(ENTRY_POINT) || !args.includes(paths.home)) return null;
  }
  return pid;
}

function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tailErrors(paths: LocalPaths): string {
  for (const file of ['neo4j.log', 'console.log']) {
    const p = path.join(paths.logs, file);
    if (!existsSync(p)) continue;
    const lines = readFileSync(p, 'utf8').split('\n');
    const errors = lines.filter((l) => /ERROR|Caused by|Exception/.test(l)).slice(0, 3);
    if (errors.length > 0) return errors.join(' | ').slice(0, 800);
  }
  return `no error in ${paths.logs}`;
}

/** Exclusive start lock; a stale lock (its holder died) is taken over. */
async function withStartLock<T>(paths: LocalPaths, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(paths.lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(paths.lockFile, 'utf8') || '0', 10);
      if (!holder || !isAlive(holder)) {
        rmSync(paths.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, `Another start of the local Neo4j (pid ${holder}) holds ${paths.lockFile}`);
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(paths.lockFile, { force: true });
  }
}

export interface StartResult {
  pid: number;
  reused: boolean;
  boltUri: string;
  browserUrl: string;
  seconds: number;
  /** The plugin directory the instance runs with (for a reused one: the one it was started with). */
  pluginsDir: string;
}

/** The plugin directory a running instance was started with, from the neo4j.conf written at its start. */
function runningPluginsDir(paths: LocalPaths): string | null {
  const conf = path.join(paths.conf, 'neo4j.conf');
  if (!existsSync(conf)) return null;
  return readFileSync(conf, 'utf8').match(/^server\.directories\.plugins=(.*)$/m)?.[1] ?? null;
}

async function waitForBolt(config: LocalNeo4jConfig, paths: LocalPaths, pid: number, log: Logger): Promise<void> {
  const deadline = Date.now() + config.startTimeoutSeconds * 1000;
  const db = createDb({
    connection: { uri: boltUri(config), user: 'neo4j', password: config.password, database: 'system' },
    log,
    local: true,
  });
  let lastProblem = 'Bolt port closed';
  try {
    for (;;) {
      if (!isAlive(pid)) {
        throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, `The local Neo4j exited during start-up: ${tailErrors(paths)}`, {
          hint: `see ${paths.logs}/neo4j.log`,
        });
      }
      if (await portAnswers(config.boltPort)) {
        try {
          // Ready means: Bolt accepts our credentials and the default database is online.
          const rows = await db.read<{ status: string }>(
            "SHOW DATABASES YIELD name, currentStatus WHERE name = 'neo4j' RETURN currentStatus AS status",
            {},
            { op: 'start.probe' },
          );
          if (rows[0]?.status === 'online') return;
          lastProblem = `database neo4j is ${rows[0]?.status ?? 'missing'}`;
        } catch (error) {
          // Wrong password is final; anything else means "not ready yet".
          if (error instanceof HubgraphError && error.code === ErrorCodes.NEO4J_AUTH) throw error;
          lastProblem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          log.debug({ problem: lastProblem }, 'Neo4j not ready yet');
        }
      }
      if (Date.now() > deadline) {
        throw new HubgraphError(
          ErrorCodes.NEO4J_START_FAILED,
          `The local Neo4j was not ready on Bolt port ${config.boltPort} within ${config.startTimeoutSeconds} s (${lastProblem})`,
          { hint: `see ${paths.logs}/neo4j.log, or raise HUBGRAPH_NEO4J_START_TIMEOUT` },
        );
      }
      await sleep(300);
    }
  } finally {
    await db.close();
  }
}

/** GDS compiles hundreds of procedures at start: 30–80 s more on a busy 2-core machine (docs/analytics.md). */
export const GDS_MIN_START_TIMEOUT_SECONDS = 300;

export async function start(options: LocalNeo4jConfig, log: Logger): Promise<StartResult> {
  const started = Date.now();
  const plugins = pluginsDir(options);
  const config: LocalNeo4jConfig = hasGds(plugins)
    ? { ...options, startTimeoutSeconds: Math.max(options.startTimeoutSeconds, GDS_MIN_START_TIMEOUT_SECONDS) }
    : options;
  const paths = localPaths(config);
  const result = (pid: number, reused: boolean, runningWith: string): StartResult => ({
    pid,
    reused,
    boltUri: boltUri(config),
    browserUrl: browserUrl(config),
    seconds: (Date.now() - started) / 1000,
    pluginsDir: runningWith,
  });
  install(log);
  if (!existsSync(plugins)) {
    throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, `The plugin directory ${plugins} does not exist`, {
      hint: 'fix HUBGRAPH_NEO4J_PLUGINS_DIR, or unset it to use neo4j/target/plugins (or plugins-gds after `hubgraph analytics gds-install`)',
    });
  }
  for (const dir of [paths.conf, paths.data, paths.logs, paths.run, path.join(paths.home, 'import')]) mkdirSync(dir, { recursive: true });

  return withStartLock(paths, (config.startTimeoutSeconds + 30) * 1000, async () => {
    const existing = runningPid(paths);
    if (existing !== null) {
      await waitForBolt(config, paths, existing, log);
      log.info({ pid: existing, bolt: boltUri(config) }, 'local Neo4j already running; reusing it');
      const runningWith = runningPluginsDir(paths) ?? plugins;
      if (path.resolve(runningWith) !== path.resolve(plugins)) {
        // E.g. GDS was resolved after this instance started: it needs a restart to load it.
        log.warn({ running: runningWith, wanted: plugins }, 'the running Neo4j uses another plugin directory; `hubgraph neo4j stop` and start again to switch');
      }
      return result(existing, true, runningWith);
    }
    for (const port of [config.boltPort, config.httpPort]) {
      if (await portAnswers(port)) {
        throw new HubgraphError(ErrorCodes.NEO4J_PORT_IN_USE, `Port ${port} on 127.0.0.1 is taken by another program`, {
          hint: 'stop it, or choose other ports with HUBGRAPH_NEO4J_BOLT_PORT / HUBGRAPH_NEO4J_HTTP_PORT',
        });
      }
    }
    writeFileSync(path.join(paths.conf, 'neo4j.conf'), renderConf(config, paths, plugins));
    const env = { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf };
    // As Neo4j's own launcher does: lib, then the plugins (GDS's kernel extension is found on the class path).
    const classpath = `${LIB}/*:${plugins}/*`;
    if (!existsSync(path.join(paths.data, 'databases', 'system'))) {
      // The initial password only takes effect before the first start.
      const r = spawnSync('java', ['-cp', `${LIB}/*`, ADMIN_TOOL, 'dbms', 'set-initial-password', config.password], { env, encoding: 'utf8' });
      if (r.status !== 0) {
        throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, `Could not set the initial Neo4j password: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
      }
    }
    const console = openSync(path.join(paths.logs, 'console.log'), 'a');
    const child = spawn(
      'java',
      [
        `-Xms${config.heap}`,
        `-Xmx${config.heap}`,
        '-XX:+UseG1GC',
        '-XX:-OmitStackTraceInFastThrow',
        '-XX:+DisableExplicitGC',
        '-Djdk.nio.maxCachedBufferSize=1024',
        '-Dio.netty.tryReflectionSetAccessible=true',
        '-Dlog4j2.disable.jmx=true',
        '-Dfile.encoding=UTF-8',
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/java.io=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
        '--add-opens=java.base/java.lang=ALL-UNNAMED',
        '-cp',
        classpath,
        ENTRY_POINT,
        `--home-dir=${paths.home}`,
        `--config-dir=${paths.conf}`,
      ],
      { env, detached: true, stdio: ['ignore', console, console] },
    );
    closeSync(console);
    const pid = child.pid;
    if (pid === undefined) throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, 'Could not launch java for the local Neo4j');
    child.unref();
    writeFileSync(paths.pidFile, String(pid));
    log.info({ pid, bolt: boltUri(config), home: paths.home, plugins, gds: hasGds(plugins) }, 'starting the local Neo4j');
    try {
      await waitForBolt(config, paths, pid, log);
    } catch (error) {
      if (isAlive(pid)) process.kill(pid, 'SIGTERM');
      rmSync(paths.pidFile, { force: true });
      throw error;
    }
    const r = result(pid, false, plugins);
    log.info({ pid, seconds: r.seconds }, 'local Neo4j is up');
    return r;
  });
}

export async function stop(config: LocalNeo4jConfig, log: Logger, timeoutSeconds = 90): Promise<{ stopped: boolean; pid: number | null }> {
  const paths = localPaths(config);
  const pid = runningPid(paths);
  if (pid === null) {
    rmSync(paths.pidFile, { force: true });
    log.info('local Neo4j is not running');
    return { stopped: false, pid: null };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      log.warn({ pid }, 'Neo4j did not stop in time; killing it');
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(200);
  }
  rmSync(paths.pidFile, { force: true });
  log.info({ pid }, 'local Neo4j stopped');
  return { stopped: true, pid };
}

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

export interface LocalStatus {
  running: boolean;
  pid: number | null;
  version: string | null;
  edition: string | null;
  boltUri: string;
  browserUrl: string;
  home: string;
  storeBytes: number;
  installed: boolean;
  /** The plugin directory it runs with (running) or would start with (stopped). */
  pluginsDir: string;
  /** Whether that directory holds Graph Data Science. */
  gds: boolean;
}

export async function status(config: LocalNeo4jConfig): Promise<LocalStatus> {
  const paths = localPaths(config);
  const pid = runningPid(paths);
  const plugins = (pid !== null ? runningPluginsDir(paths) : null) ?? pluginsDir(config);
  let version: string | null = null;
  let edition: string | null = null;
  if (pid !== null) {
    try {
      const res = await fetch(`http://127.0.0.1:${config.httpPort}/`, { signal: AbortSignal.timeout(2000) });
      const body = (await res.json()) as { neo4j_version?: string; neo4j_edition?: string };
      version = body.neo4j_version ?? null;
      edition = body.neo4j_edition ?? null;
    } catch {
      // Running but HTTP not up yet: version unknown.
    }
  }
  return {
    running: pid !== null,
    pid,
    version,
    edition,
    boltUri: boltUri(config),
    browserUrl: browserUrl(config),
    home: paths.home,
    storeBytes: dirSize(paths.data),
    installed: existsSync(MARKER),
    pluginsDir: plugins,
    gds: hasGds(plugins),
  };
}

/** Deletes the local store (data and logs). Refuses while Neo4j runs. */
export function reset(config: LocalNeo4jConfig): void {
  const paths = localPaths(config);
  if (runningPid(paths) !== null) {
    throw new HubgraphError(ErrorCodes.NEO4J_START_FAILED, 'The local Neo4j is running', { hint: 'stop it first: `npm run neo4j:stop`' });
  }
  rmSync(paths.data, { recursive: true, force: true });
  rmSync(paths.logs, { recursive: true, force: true });
}
