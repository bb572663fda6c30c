/**
 * Progress for long jobs: a bar on a TTY (cli-progress), a log line every few seconds otherwise
 * (CI logs, files). Both show rows, rate and, when the total is known, the share done.
 */
import cliProgress from 'cli-progress';
import type { Logger } from '../src/log.js';

export interface Progress {
  /** Rows handled so far (loaded + rejected + skipped). */
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  log: Logger;
  /** Force the mode; default: bar when stderr is a TTY. */
  tty?: boolean;
  intervalMs?: number;
}

export function createProgress(options: ProgressOptions): Progress {
  const tty = options.tty ?? Boolean(process.stderr.isTTY);
  const started = Date.now();
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: options.total
          ? `${options.label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | {duration_formatted}`
          : `${options.label} {value} rows | {rate} rows/s | {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total ?? 0, 0, { rate: 0 });
    return {
      update(done) {
        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
        bar.update(done, { rate });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const interval = options.intervalMs ?? 5000;
  let last = started;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const rate = Math.round(done / ((now - started) / 1000));
      options.log.info(
        { step: options.label, rows: done, rowsPerSecond: rate, ...(options.total ? { total: options.total, percent: Math.round((100 * done) / options.total) } : {}) },
        `${options.label}: ${done}${options.total ? `/${options.total}` : ''} rows, ${rate} rows/s`,
      );
    },
    stop() {},
  };
}
