/**
 * Opens an input file as a byte stream, gunzipping when the file starts with the gzip magic bytes
 * (1f 8b): the content decides, not the name, so a gzipped `.csv` and a plain `.csv.gz` both read.
 * File-system failures become HubgraphErrors that name the file: missing → INPUT_FILE_MISSING,
 * directory / no permission / other → INPUT_FILE_UNREADABLE.
 */
import { open as openFile, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export interface OpenedInput {
  /** Decompressed bytes. */
  stream: Readable;
  /** Whether the content was gzip. */
  compressed: boolean;
  /** Destroys the streams and closes the file (for consumers that stop early). */
  close(): void;
}

/** Maps a Node file-system error on `file` to the catalogue. */
export function inputFileError(file: string, error: unknown): HubgraphError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new HubgraphError(ErrorCodes.INPUT_FILE_MISSING, `Input file not found: ${file}`, {
        hint: 'check the path (relative paths are from the current directory)',
        cause: error,
      });
    case 'EISDIR':
      return new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `Input path is a directory, not a file: ${file}`, {
        hint: 'name a file inside it',
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
      return new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `No permission to read input file: ${file}`, { cause: error });
    default:
      return new HubgraphError(
        ErrorCodes.INPUT_FILE_UNREADABLE,
        `Cannot read input file: ${file} (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
  }
}

export async function openInput(file: string): Promise<OpenedInput> {
  let handle: FileHandle;
  try {
    handle = await openFile(file, 'r');
  } catch (error) {
    throw inputFileError(file, error);
  }
  let compressed: boolean;
  try {
    // open() succeeds on a directory on Linux; stat tells us before we read.
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
    }
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    compressed = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw inputFileError(file, error);
  }
  const raw = handle.createReadStream({ start: 0, highWaterMark: 256 * 1024 });
  if (!compressed) {
    return { stream: raw, compressed, close: () => raw.destroy() };
  }
  const gunzip = createGunzip();
  // pipe() does not forward errors: a read error must surface on the stream the caller reads.
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  return {
    stream: gunzip,
    compressed,
    close: () => {
      gunzip.destroy();
      raw.destroy();
    },
  };
}
