/** The landing page's own script (src/graphql/plugins/landingPage.ts), without a server. */
import { describe, expect, it } from 'vitest';
import { landingPageHtml } from '../../src/graphql/plugins/landingPage.js';

describe('landing page script', () => {
  // Regression: a newline escape in the page's script was written out as a real newline inside a
  // string literal, so the script did not parse and no Run button did anything.
  it('parses (every Run button depends on it)', () => {
    const scripts = [...landingPageHtml().matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(() => new Function(scripts[0]!)).not.toThrow();
  });
});
