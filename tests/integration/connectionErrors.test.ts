/** A wrong password or a closed port is one actionable line on stderr, exit code 1, no stack trace. */
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testNeo4j } from './neo4j.js';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectOneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
  return lines[0]!;
}

describe('connection errors', () => {
  it('a wrong password names the user and says which variable to fix', async () => {
    const n = testNeo4j();
    const r = await runCli(['db', 'stats'], { NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: 'definitely-wrong' });
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain(`rejected user '${n.user}'`);
    expect(line).toContain('NEO4J_PASSWORD');
    expect(line).toContain('[NEO4J_AUTH]');
    expect(r.stdout).toBe('');
  });

  it('a closed port names the URI and says how to fix it', async () => {
    const port = await closedPort();
    const r = await runCli(['db', 'stats'], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port}`);
    expect(line).toContain('NEO4J_URI');
    expect(line).toContain('[NEO4J_UNAVAILABLE]');
  });

  it('a URI that reaches an HTTP port (Neo4j Browser\'s) says so, as one line, not as a bug', async () => {
    // Regression: NEO4J_URI on the HTTP port exited 2 with "unexpected error (a bug)" and a stack.
    const web = http.createServer((_, res) => res.end('<html></html>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const port = (web.address() as net.AddressInfo).port;
      const r = await runCli(['db', 'stats'], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
      expect(r.code).toBe(1);
      const line = expectOneLine(r.stderr);
      expect(line).toContain(`bolt://127.0.0.1:${port} answers HTTP, not Bolt`);
      expect(line).toContain('[NEO4J_UNAVAILABLE]');
    } finally {
      await new Promise<void>((resolve) => web.close(() => resolve()));
    }
  });

  it('without NEO4J_URI and no local Neo4j running, it says how to start one', async () => {
    const port = await closedPort();
    const r = await runCli(['db', 'stats'], { HUBGRAPH_NEO4J_BOLT_PORT: String(port) });
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain('npm run neo4j:start');
  });

  it('a bad setting is rejected at start-up naming the variable', async () => {
    const r = await runCli(['db', 'stats'], { NEO4J_URI: 'http://localhost:7474', PORT: 'abc' });
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain('NEO4J_URI');
    expect(line).toContain('PORT');
    expect(line).toContain('[CONFIG_INVALID]');
  });

  it('an unknown database is named', async () => {
    const n = testNeo4j();
    const r = await runCli(['db', 'stats'], { NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: 'nosuchdb' });
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain("no database 'nosuchdb'");
  });
});
