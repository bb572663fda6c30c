/** bench:api-mix reads the refresher's delays from the server's /metrics: its parse of the histogram. */
import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { refreshDelayFigures } from '../../bench/api-common.js';
import { REFRESH_DELAY_BUCKETS } from '../../src/metrics.js';

describe('refreshDelayFigures', () => {
  it('counts each outcome and gives the mean and the bucket bounds of p50 and p99', async () => {
    const registry = new Registry();
    const h = new Histogram({ name: 'hubgraph_stored_refresh_delay_seconds', help: 'x', labelNames: ['question', 'outcome'], buckets: REFRESH_DELAY_BUCKETS, registers: [registry] });
    for (const seconds of [1.1, 1.2, 1.3, 400]) h.observe({ question: 'commonlyFollowedWith', outcome: 'stored' }, seconds);
    h.observe({ question: 'commonlyFollowedWith', outcome: 'skipped' }, 1);
    expect(refreshDelayFigures(await registry.metrics())).toEqual({ stored: 4, skipped: 1, meanMs: 100900, p50Ms: 1500, p99Ms: Number.POSITIVE_INFINITY });
  });

  it('has no quantiles when nothing was refreshed', () => {
    expect(refreshDelayFigures('')).toMatchObject({ stored: 0, skipped: 0, p50Ms: Number.NaN, p99Ms: Number.NaN });
  });
});
