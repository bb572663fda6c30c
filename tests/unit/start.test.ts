/**
 * `hubgraph serve` / `start` format neo4j-driver's per-query stack capture without source maps
 * (src/cli/start.ts); every other stack still goes through the formatter that was there before.
 */
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDriverCapturesUnmapped } from '../../src/cli/start.js';

describe('formatDriverCapturesUnmapped', () => {
  const saved = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = saved;
  });

  it("formats the driver's capture itself, with every frame, and hands every other error to the previous formatter", () => {
    const handed: string[] = [];
    Error.prepareStackTrace = (error) => {
      handed.push(error.message);
      return `previous formatter: ${error.message}`;
    };
    const undo = formatDriverCapturesUnmapped();

    // A Result captures its stack when it is created (kept for the error, should the query fail).
    const result = new neo4j.Result(new Promise<never>(() => {}), 'RETURN 1');
    const captured = (result as unknown as { _stack: string | null })._stack ?? '';
    expect(captured).toMatch(/^\s*at captureStacktrace \(.*neo4j-driver-core.*result\.js:\d+:\d+\)/);
    expect(captured).toMatch(/\n\s+at .*start\.test\.ts/);
    expect(handed).toEqual([]);

    expect(new Error('anything else').stack).toBe('previous formatter: anything else');
    // An empty message alone does not make a driver capture.
    expect(new Error('').stack).toBe('previous formatter: ');
    expect(handed).toEqual(['anything else', '']);

    undo();
    const again = new neo4j.Result(new Promise<never>(() => {}), 'RETURN 1');
    expect((again as unknown as { _stack: string | null })._stack).toBe('previous formatter: ');
  });
});
