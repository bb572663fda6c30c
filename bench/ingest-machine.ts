/**
 * What a benchmark figure means depends on where it was taken: the machine (CPU, cores, memory,
 * load when the run began), the software (Node, Neo4j) and the data (rows per input file). Also the
 * small helpers the bench scripts parse options and print with.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { InvalidArgumentError } from 'commander';
import { readRecords } from '../ingest/sources/files/read.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryGiB: number;
  /** 1/5/15-minute load averages when the benchmark started: other work on the machine skews figures. */
  loadAverage: [number, number, number];
  node: string;
  platform: string;
  /**
   * Milliseconds this process takes for a fixed piece of JavaScript work (cpuReferenceMs): the
   * same model name ran it 1.7× slower one day than the day before on these VMs, so two runs'
   * figures compare only once scaled by this.
   */
  cpuReferenceMs: number;
}

/**
 * A fixed single-threaded workload, the median of 5 timings in ms: fill and sort 500k seeded
 * numbers, then count 200k string keys in a Map — arithmetic, allocation and hashing, as a
 * request's JavaScript does. Lower is faster.
 */
export function cpuReferenceMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    let x = 2463534242;
    const numbers = new Float64Array(500_000);
    for (let i = 0; i < numbers.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      numbers[i] = (x >>> 0) / 4294967296;
    }
    numbers.sort();
    const counts = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const key = `k${Math.floor(numbers[i]! * 50_000)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 0) throw new Error('unreachable: keeps the work from being optimised away');
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return round(median(times), 1);
}

export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() is as good as it gets.
  }
  const [l1, l5, l15] = os.loadavg();
  return {
    cpuModel,
    cores: os.cpus().length,
    totalMemoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    loadAverage: [round(l1 ?? 0, 2), round(l5 ?? 0, 2), round(l15 ?? 0, 2)],
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuReferenceMs: cpuReferenceMs(),
  };
}

/** First line of `java -version` (the Neo4j server and the importer run on it). */
export function javaVersion(): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return r.error ? `java not found (${r.error.message})` : ((r.stderr || r.stdout).trim().split('\n')[0] ?? 'unknown');
}

export interface FileRows {
  file: string;
  /** Records the project's reader parses from the file (header excluded). */
  rows: number;
  /** Pieces of the file the reader rejects (should be 0 for the demo corpus). */
  rejected: number;
}

/** Counts records with the ingest reader itself (a line count would miscount quoted newlines). */
export async function countRows(file: string): Promise<FileRows> {
  let rows = 0;
  let rejected = 0;
  for await (const r of readRecords(file)) {
    if (r.ok) rows++;
    else rejected++;
  }
  return { file, rows, rejected };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? Math.round(count / seconds) : 0;
}

/** 520206 → "520,206". */
export function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** Peak resident set size of this Node process so far, in MiB (maxRSS is in KiB). */
export function peakRssMiB(): number {
  return round(process.resourceUsage().maxRSS / 1024, 0);
}

/** Peak resident set size (VmHWM) of another process, in MiB, or null when unreadable. */
export function processPeakRssMiB(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    const kib = line ? Number.parseInt(line.replace(/\D+/g, ''), 10) : Number.NaN;
    return Number.isFinite(kib) ? round(kib / 1024, 0) : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat, or null when
 * unreadable (not Linux, process gone). Read before and after a load phase, the difference divided
 * by the requests says which process a request's CPU goes to; on a shared 2-core machine that, not
 * wall-clock latency, is what a per-request optimisation has to shrink.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after it are space-separated.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // proc(5): utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
    const ticks = Number(rest[11]) + Number(rest[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** commander argument parser shared by the bench scripts' numeric options. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Right-aligns a table cell of the printed figures. */
export const pad = (v: string | number, n: number) => String(v).padStart(n);

/** One line of the bench's report on stdout. */
export const say = (line = '') => process.stdout.write(`${line}\n`);
