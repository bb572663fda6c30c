/** The closing summary of an ingest job: the table a person reads at the end of a run. */
import { describe, expect, it } from 'vitest';
import { formatJobSummary, type JobSummary } from '../../ingest/job.js';
import { emptySummary } from '../../ingest/pipeline.js';

const summary = (steps: string[]): JobSummary => ({
  job: 'derived',
  runId: 'run-1',
  startedAt: '2026-11-26T00:00:00Z',
  seconds: 1,
  steps: steps.map((step, i) => ({ ...emptySummary(step), read: 1000 * (i + 1), loaded: 1000 * (i + 1) })),
  totals: { read: 0, loaded: 0, rejected: 0, skipped: 0, relationshipsCreated: 0 },
  quarantine: { file: null, count: 0, byReason: {} },
  summaryFile: '/tmp/summary.json',
  notes: [],
});

describe('formatJobSummary', () => {
  it('keeps every figure under its heading when a step name is longer than the default column', () => {
    // Regression: "creator-profile-similarity" (26 characters) pushed its row's figures right.
    const lines = formatJobSummary(summary(['follower-counts', 'creator-profile-similarity'])).split('\n');
    const header = lines[1]!;
    const readEnd = header.indexOf('read') + 'read'.length;
    const loadedEnd = header.indexOf('loaded') + 'loaded'.length;
    for (const [row, value] of [
      [lines[2]!, '1000'],
      [lines[3]!, '2000'],
    ] as const) {
      expect(row.indexOf(value) + value.length).toBe(readEnd);
      expect(row.lastIndexOf(value) + value.length).toBe(loadedEnd);
    }
    expect(lines[3]).toMatch(/^ {2}creator-profile-similarity +2000/);
  });
});
