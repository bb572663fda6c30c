/**
 * What the API benchmarks share: the bench Neo4j (its own home and ports, the demo corpus loaded
 * by bench:api and kept), servers under test started as child processes, free ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../src/config.js';
import { boltUri } from '../src/neo4j/local.js';

export const BENCH_NEO4J: Omit<LocalNeo4jConfig, 'startTimeoutSeconds'> = {
  home: path.join(PROJECT_ROOT, '.neo4j-bench-api'),
  boltPort: 48687,
  httpPort: 48474,
  heap: '2g',
  pagecache: '1g',
  password: 'hubgraph-bench',
};

/**
 * Starts a GraphQL server as a child process and resolves when its stdout prints the URL (matched
 * by `ready`). Each server under test runs in its own process, as in production: the load
 * generator (this process, 8 clients) must not share an event loop with the server it measures.
 */
export function startChildServer(
  name: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; ready: RegExp },
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready within 60 s: ${err.trim().slice(-1500)}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = options.ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code}: ${err.trim().slice(-1500)}`));
    });
  });
}

/** Resolves once `url`'s `/ready` answers 200 (polled), with the seconds that took. */
export async function untilReady(url: string, timeoutMs = 120_000): Promise<number> {
  const readyUrl = url.replace(/\/graphql$/, '/ready');
  const started = Date.now();
  while ((await fetch(readyUrl)).status !== 200) {
    if (Date.now() - started > timeoutMs) throw new Error(`not ready within ${timeoutMs / 1000} s (${readyUrl})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (Date.now() - started) / 1000;
}

/**
 * hubgraph's own server, `hubgraph serve`, against the bench Neo4j, on a free port; with its
 * warm-up (the default) or without (`warmUp: false`: HUBGRAPH_WARM_UP=false); with `apiKey`, it
 * accepts mutations sent with that key (HUBGRAPH_API_KEY).
 */
export function startHubgraphServe(
  local: LocalNeo4jConfig,
  port: number,
  options: { warmUp?: boolean; apiKey?: string } = {},
): Promise<{ child: ChildProcess; url: string }> {
  return startChildServer('hubgraph serve', [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'serve'], {
    cwd: PROJECT_ROOT,
    env: {
      NEO4J_URI: boltUri(local),
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: local.password,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      HUBGRAPH_WARM_UP: String(options.warmUp ?? true),
      ...(options.apiKey ? { HUBGRAPH_API_KEY: options.apiKey } : {}),
    },
    ready: /GraphQL:\s+(\S+)/,
  });
}

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
