/**
 * Keep-alive: a client may reuse a connection after it sat idle for longer than Node's default
 * 5 s (regression: bench:api saw a request fail with ECONNRESET on a connection the server was
 * closing). One raw socket, two requests 6 s apart.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { testDb } from './neo4j.js';

/** Sends one GET on the socket and resolves with the status line of the whole response (sized or chunked). */
function get(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('utf8');
      const end = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data);
      const complete = length ? data.length >= end + 4 + Number(length[1]) : data.endsWith('\r\n0\r\n\r\n');
      if (end >= 0 && complete) {
        cleanup();
        resolve(data.slice(0, data.indexOf('\r\n')));
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('the server closed the connection'));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onEnd);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onEnd);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('keep-alive connections', () => {
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = testDb();
    server = await startServer({ config: loadConfig({}), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('stay open for a request after 6 s idle', async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      expect(await get(socket, '/health')).toBe('HTTP/1.1 200 OK');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await get(socket, '/health')).toBe('HTTP/1.1 200 OK');
    } finally {
      socket.destroy();
    }
  }, 20_000);
});
