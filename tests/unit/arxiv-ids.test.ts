import { describe, expect, it } from 'vitest';
import { normalizeArxivId, parseArxivId } from '../../ingest/sources/arxiv/ids.js';
import { normalizeArxivId as fromParse } from '../../ingest/sources/arxiv/parse.js';

describe('normalizeArxivId', () => {
  it.each([
    ['1810.04805', '1810.04805'],
    ['arxiv:1810.04805', '1810.04805'],
    ['arXiv:1810.04805v3', '1810.04805'],
    ['ARXIV:2104.12255v1', '2104.12255'],
    ['  2310.16609 ', '2310.16609'],
    ['0704.0001', '0704.0001'],
    ['abs/2104.12255v1', '2104.12255'],
    ['http://arxiv.org/abs/2104.12255v1', '2104.12255'],
    ['https://arxiv.org/abs/1810.04805', '1810.04805'],
    ['https://export.arxiv.org/abs/1810.04805v2', '1810.04805'],
    ['https://arxiv.org/pdf/1810.04805v2.pdf', '1810.04805'],
    ['https://arxiv.org/abs/1810.04805?context=cs', '1810.04805'],
    ['hep-ex/0406020v1', 'hep-ex/0406020'],
    ['http://arxiv.org/abs/hep-ex/0406020v1', 'hep-ex/0406020'],
    ['astro-ph/0601001', 'astro-ph/0601001'],
    ['quant-ph/0201082v1', 'quant-ph/0201082'],
    ['cond-mat/0412498', 'cond-mat/0412498'],
    // arXiv's own table: internal math.CA/0611800v2 ↔ external arXiv:math/0611800v2
    ['math.CA/0611800v2', 'math/0611800'],
    ['arxiv:math.GT/0309136', 'math/0309136'],
    // placeholders found on the Hub are syntactically valid; arXiv reports them as missing
    ['0000.00000', '0000.00000'],
    ['0000.0000', '0000.0000'],
    ['2023.12345', '2023.12345'],
    ['0808.05394', '0808.05394'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeArxivId(raw)).toBe(expected);
  });

  it.each([
    'abc',
    '',
    '   ',
    '1810.048',
    '1810.048051',
    '18100.04805',
    '1810-04805',
    'arxiv:',
    'hep-ex/040602',
    'HEP-EX/0406020',
    'hep_ex/0406020',
    '1810.04805v',
    'https://example.org/abs/1810.04805',
    'doi:10.1103/PhysRevB.85.115117',
  ])('rejects %j', (raw) => {
    expect(normalizeArxivId(raw)).toBeNull();
  });

  it('keeps the version apart', () => {
    expect(parseArxivId('http://arxiv.org/abs/1111.2011v2')).toEqual({ id: '1111.2011', version: 2 });
    expect(parseArxivId('hep-ex/0406020v12')).toEqual({ id: 'hep-ex/0406020', version: 12 });
    expect(parseArxivId('1810.04805')).toEqual({ id: '1810.04805', version: null });
    expect(parseArxivId('abc')).toBeNull();
  });

  it('is re-exported from parse.ts', () => {
    expect(fromParse('arxiv:1810.04805v1')).toBe('1810.04805');
  });
});
