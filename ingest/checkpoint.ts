/**
 * Resume points. Every write is an idempotent MERGE, so re-running a job from the start always
 * converges on the same graph; the checkpoint only saves the work already committed. It records,
 * per step and input, how many source records are known to be committed. It is written after the
 * transaction commits (a kill between the two redoes one batch, harmlessly). A finished step is
 * marked done, so a rerun of a job that failed later skips it; the job removes its checkpoints when
 * it finishes, so a later run is a full, idempotent re-run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inputFileError } from './sources/files/open.js';

export interface CheckpointState {
  /** Source records (good and bad) fully handled and committed. */
  committed: number;
  /** Free-form resume data, e.g. the Hub's next-page cursor. */
  cursor?: string | null;
  /** The step finished (its job did not): a rerun skips it. */
  done?: boolean;
  updatedAt: string;
}

export interface Checkpoint {
  readonly file: string;
  read(): CheckpointState | null;
  save(state: Omit<CheckpointState, 'updatedAt'>): void;
  clear(): void;
}

/** Identifies an input: path plus size and mtime, so a changed file does not resume a stale run. */
export function inputIdentity(file: string): string {
  let s;
  try {
    s = statSync(file);
  } catch (error) {
    // The first touch of an input: a missing or unreadable file is a one-line error naming it.
    throw inputFileError(file, error);
  }
  return `${path.resolve(file)}:${s.size}:${Math.round(s.mtimeMs)}`;
}

export function createCheckpoint(dir: string, step: string, identity: string): Checkpoint {
  const hash = createHash('sha256').update(`${step}\n${identity}`).digest('hex').slice(0, 16);
  const file = path.join(dir, `${step.replace(/[^\w.-]/g, '_')}-${hash}.json`);
  return {
    file,
    read() {
      try {
        const state = JSON.parse(readFileSync(file, 'utf8')) as CheckpointState;
        return Number.isInteger(state.committed) && state.committed >= 0 ? state : null;
      } catch {
        return null;
      }
    },
    save(state) {
      mkdirSync(dir, { recursive: true });
      // Write-then-rename: a kill mid-write leaves the previous checkpoint, never a torn one.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ ...state, updatedAt: new Date().toISOString() }));
      renameSync(tmp, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
