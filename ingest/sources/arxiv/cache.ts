/**
 * On-disk cache of arXiv API responses, one JSON file per request URL (named by its SHA-256).
 * arXiv metadata changes rarely and the API allows one request every three seconds, so a re-run of
 * an ingest must not ask again for what it already has.
 *
 * Entries use the envelope the recorded fixtures in tests/fixtures/arxiv/recorded/api_2026 use
 * ({ url, status_code, body }), so a cache file and a recording are interchangeable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../../src/log.js';

export interface CachedResponse {
  url: string;
  status_code: number;
  body: string;
}

export interface ResponseCache {
  get(url: string): Promise<CachedResponse | null>;
  set(response: CachedResponse): Promise<void>;
  /** The file an URL is stored in (for logs and tests). */
  fileFor(url: string): string;
}

export function createDiskCache(dir: string, log: Logger): ResponseCache {
  const fileFor = (url: string): string =>
    path.join(dir, `${createHash('sha256').update(url).digest('hex')}.json`);

  return {
    fileFor,

    async get(url) {
      const file = fileFor(url);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const entry = JSON.parse(text) as Partial<CachedResponse>;
        // A hash collision is practically impossible, but a hand-copied file is not.
        if (entry.url === url && typeof entry.status_code === 'number' && typeof entry.body === 'string') {
          return { url, status_code: entry.status_code, body: entry.body };
        }
      } catch {
        // fall through: a torn or hand-edited file is a miss, not a failure
      }
      log.warn({ file, url }, 'arxiv cache: ignoring unreadable entry');
      return null;
    },

    async set(response) {
      const file = fileFor(response.url);
      await mkdir(dir, { recursive: true });
      // Write then rename, so an interrupted run never leaves half a file behind.
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, JSON.stringify(response), 'utf8');
      await rename(tmp, file);
    },
  };
}
