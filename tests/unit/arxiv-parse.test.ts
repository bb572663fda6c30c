import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XML_DATA } from 'arxiv-api-ts/dist/constants.js';
import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../../ingest/sources/arxiv/parse.js';
import { allRecordingNames, fixturesDir, recording } from '../fixtures/arxiv/recorded.js';

const parseRecorded = (name: string) => {
  const rec = recording(name);
  return { rec, feed: parseArxivFeed(rec.body, name) };
};

/** Expected values per recorded response, read off the recorded XML by hand. */
interface Expected {
  status: number;
  totalResults: number | null;
  error: string | null;
  ids: string[];
}

const EXPECTED: Record<string, Expected> = {
  'atom_2016/id_list_1111.2011v2.xml': { status: 200, totalResults: 1, error: null, ids: ['1111.2011'] },
  'atom_2016/search_au_del_maestro.xml': {
    status: 200,
    totalResults: 31,
    error: null,
    ids: [
      '1201.4869', 'cond-mat/0412498', 'cond-mat/0603029', '1005.5383', '1303.6954',
      '1312.6177', '1412.6529', 'cond-mat/0607501', 'cond-mat/0702661', '0807.2873',
    ],
  },
  'atom_2016/search_au_del_maestro_ANDNOT_ti_checkerboard_OR_ti_Pyrochlore.xml': {
    status: 200,
    totalResults: 24,
    error: null,
    ids: [
      '1201.4869', 'cond-mat/0412498', '1005.5383', '1303.6954', '1312.6177',
      '1412.6529', 'cond-mat/0607501', '0807.2873', '1101.2206', '1111.2011',
    ],
  },
  'atom_2016/search_au_del_maestro_AND_ti_checkerboard.xml': {
    status: 200, totalResults: 1, error: null, ids: ['cond-mat/0603029'],
  },
  'atom_2016/search_au_del_maestro_AND_ti_quantum_criticality.xml': {
    status: 200, totalResults: 2, error: null, ids: ['1111.2011', 'cond-mat/0607501'],
  },
  'api_2026/id_0000.0000_s0_m100_8b51d9633a68.json': { status: 200, totalResults: 0, error: null, ids: [] },
  'api_2026/id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json': {
    status: 200, totalResults: 1, error: null, ids: ['1707.08567'],
  },
  'api_2026/id_0808.05394_s0_m100_7b0c7d0a7cdd.json': { status: 200, totalResults: 0, error: null, ids: [] },
  'api_2026/id_1605.08386_s0_m100_199195aa31ad.json': { status: 200, totalResults: 1, error: null, ids: ['1605.08386'] },
  'api_2026/id_1707.08567_s0_m100_6a1afebfc6a3.json': { status: 200, totalResults: 1, error: null, ids: ['1707.08567'] },
  'api_2026/id_2104.12255v1_s0_m100_6ae69987ffe1.json': { status: 200, totalResults: 1, error: null, ids: ['2104.12255'] },
  'api_2026/id_abc_s0_m100_b79c8dcf6bc3.json': {
    status: 400, totalResults: null, error: 'incorrect id format for abc', ids: [],
  },
  'api_2026/id_astro-ph_0601001_s0_m100_3150dca9dc76.json': {
    status: 200, totalResults: 1, error: null, ids: ['astro-ph/0601001'],
  },
  'api_2026/id_hep-ex_0406020v1_s0_m100_84b15d66c0ce.json': {
    status: 200, totalResults: 1, error: null, ids: ['hep-ex/0406020'],
  },
  'api_2026/id_quant-ph_0201082v1_s0_m100_86989fe779ef.json': {
    status: 200, totalResults: 1, error: null, ids: ['quant-ph/0201082'],
  },
  'api_2026/q_testing_s0_m10_bc5a6c384fe9.json': {
    status: 200,
    totalResults: 214881,
    error: null,
    ids: [
      '2202.12139', '2405.13786', '2005.14124', '2204.08348', '2302.03287',
      '1202.4527', '2503.05378', '1205.1866', '2502.07719', '1812.11470',
    ],
  },
};

describe('parseArxivFeed on every recorded response', () => {
  it('has an expectation for every recorded response', () => {
    expect(allRecordingNames().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const { rec, feed } = parseRecorded(name);
    expect(rec.status).toBe(expected.status);
    expect(feed.totalResults).toBe(expected.totalResults);
    expect(feed.error).toBe(expected.error);
    expect(feed.entries.map((e) => e.id)).toEqual(expected.ids);
    expect(feed.rejected).toEqual([]);
    for (const e of feed.entries) {
      // every real entry in these feeds has a title, an abstract, dates, authors and a primary
      // category that is also among its categories; no wrapped whitespace survives
      expect(e.title).toMatch(/\S/);
      expect(e.title).not.toMatch(/\s{2}|\n/);
      expect(e.abstract).not.toMatch(/\n|^\s|\s$/);
      expect(e.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(e.authors.length).toBeGreaterThan(0);
      expect(e.categories).toContain(e.primaryCategory);
      expect(e.version).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('parseArxivFeed: 2016 feed format', () => {
  it('reads every field of id_list=1111.2011v2 and collapses the wrapped title', () => {
    const { feed } = parseRecorded('atom_2016/id_list_1111.2011v2.xml');
    const [paper] = feed.entries;
    expect(paper).toMatchObject({
      id: '1111.2011',
      version: 2,
      title: 'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
      published: '2011-11-08T18:48:36Z',
      updated: '2012-04-02T12:38:54Z',
      authors: ['James M. Murray', 'Adrian Del Maestro', 'Zlatko Tesanovic'],
      primaryCategory: 'cond-mat.str-el',
      categories: ['cond-mat.str-el', 'cond-mat.stat-mech'],
      doi: '10.1103/PhysRevB.85.115117',
      journalRef: 'Phys. Rev. B 85, 115117 (2012)',
      comment: '8 pages, 3 figures. Published version',
    });
    expect(paper?.abstract).toMatch(/^Theoretical description of anisotropic systems, such as layered superconductors/);
    expect(paper?.abstract).toMatch(/similar to adding a single extra dimension to the theory describing a single node\.$/);
  });

  it('reads the namespaced opensearch:totalResults and per-entry details of a search page', () => {
    const { feed } = parseRecorded('atom_2016/search_au_del_maestro.xml');
    expect(feed.entries.map((e) => e.authors.length)).toEqual([1, 2, 3, 2, 3, 3, 2, 3, 2, 3]);
    expect(feed.entries[0]?.authors).toEqual(['Adrian Del Maestro']);
    expect(feed.entries[2]).toMatchObject({
      id: 'cond-mat/0603029',
      title: 'From stripe to checkerboard order on the square lattice in the presence of quenched disorder',
      categories: ['cond-mat.str-el', 'cond-mat.supr-con'],
      primaryCategory: 'cond-mat.str-el',
    });
    expect(feed.entries[6]).toMatchObject({ id: '1412.6529', version: 2, primaryCategory: 'cond-mat.quant-gas' });
    expect(feed.entries[9]?.journalRef).toBe('Annals of Physics 324, 523 (2009).');
  });

  it('reads the one-entry feed (the shape arxiv-api-ts cannot read)', () => {
    const { feed } = parseRecorded('atom_2016/search_au_del_maestro_AND_ti_checkerboard.xml');
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.authors).toEqual(['Adrian Del Maestro', 'Bernd Rosenow', 'Subir Sachdev']);
  });
});

describe('parseArxivFeed: current (2026) feed format', () => {
  it('reads id_list=1605.08386', () => {
    const { feed } = parseRecorded('api_2026/id_1605.08386_s0_m100_199195aa31ad.json');
    expect(feed.entries[0]).toMatchObject({
      id: '1605.08386',
      version: 1,
      title: 'Heat-bath random walks with Markov bases',
      authors: ['Caprice Stanley', 'Tobias Windisch'],
      primaryCategory: 'math.CO',
      categories: ['math.CO', 'math.ST'],
      comment: '20 pages, 3 figures',
      doi: null,
      journalRef: null,
    });
  });

  it('keeps the title "0" of arXiv:2104.12255 a string', () => {
    const { feed } = parseRecorded('api_2026/id_2104.12255v1_s0_m100_6ae69987ffe1.json');
    expect(feed.entries[0]).toMatchObject({
      id: '2104.12255',
      version: 1,
      title: '0',
      authors: ['Quan Thoi Minh Nguyen'],
      primaryCategory: 'cs.CR',
      categories: ['cs.CR'],
      comment: null,
    });
  });

  it('reads old-style ids, affiliations aside, and decodes entities', () => {
    const astro = parseRecorded('api_2026/id_astro-ph_0601001_s0_m100_3150dca9dc76.json').feed.entries[0];
    expect(astro).toMatchObject({
      id: 'astro-ph/0601001',
      authors: ['Andrew Gould', 'Susan Dorsher', 'B. Scott Gaudi', 'Andrzej Udalski'],
      primaryCategory: 'astro-ph',
      categories: ['astro-ph'],
      journalRef: 'ActaAstron.56:1-50,2006',
    });
    expect(astro?.abstract).toContain('Gould & Morgan (2003)');
    expect(astro?.abstract).toContain('V_max<17.5');
    expect(astro?.abstract).toMatch(/^We derive/);

    const hep = parseRecorded('api_2026/id_hep-ex_0406020v1_s0_m100_84b15d66c0ce.json').feed.entries[0];
    expect(hep).toMatchObject({
      id: 'hep-ex/0406020',
      version: 1,
      title: 'Sparticle Reconstruction at LHC',
      authors: ['Alessia Tricomi'],
    });
    const quant = parseRecorded('api_2026/id_quant-ph_0201082v1_s0_m100_86989fe779ef.json').feed.entries[0];
    expect(quant).toMatchObject({ primaryCategory: 'quant-ph', categories: ['quant-ph', 'cs.PL'], authors: ['Stephen Blaha'] });
  });

  it('keeps all 34 authors of 1707.08567 in order', () => {
    const { feed } = parseRecorded('api_2026/id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json');
    const authors = feed.entries[0]?.authors ?? [];
    expect(authors).toHaveLength(34);
    expect(authors[0]).toBe('Kees A. Schouhamer Immink');
    expect(authors[4]).toBe('Peter H. N. de With');
    expect(authors[33]).toBe('Hirosuke Yamamoto');
    // The recording itself holds mojibake (UTF-8 read as Latin-1 when it was recorded); the
    // parser passes text through unchanged rather than guessing a repair.
    expect(authors[32]).toBe('Dirk WÃ¼bben');
  });

  it('reads the un-namespaced-looking opensearch total and doi/journal_ref of a search page', () => {
    const { feed } = parseRecorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json');
    expect(feed.entries[0]).toMatchObject({
      id: '2202.12139',
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      primaryCategory: 'cs.SE',
      categories: ['cs.SE', 'cs.LG'],
      doi: '10.1109/ICSTW55395.2022.00035',
      comment: 'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
    });
    expect(feed.entries.map((e) => e.primaryCategory)).toEqual([
      'cs.SE', 'cs.SE', 'cs.SE', 'cs.SE', 'cs.SE', 'cs.SE', 'cs.SE', 'cs.AR', 'cs.SE', 'cs.SE',
    ]);
    expect(feed.entries[2]?.categories).toEqual(['cs.SE', 'cs.CR', 'cs.LG']);
    expect(feed.entries[4]?.title).toBe('ChatGPT and Software Testing Education: Promises & Perils');
  });

  it('returns the HTTP 400 error feed as error, not as a paper', () => {
    const { feed } = parseRecorded('api_2026/id_abc_s0_m100_b79c8dcf6bc3.json');
    expect(feed).toEqual({ entries: [], totalResults: null, error: 'incorrect id format for abc', rejected: [] });
  });

  it('returns no entries for unknown ids', () => {
    for (const name of ['api_2026/id_0000.0000_s0_m100_8b51d9633a68.json', 'api_2026/id_0808.05394_s0_m100_7b0c7d0a7cdd.json']) {
      expect(parseRecorded(name).feed).toEqual({ entries: [], totalResults: 0, error: null, rejected: [] });
    }
  });
});

describe('parseArxivFeed: the sample arxiv-api-ts ships (dist/constants.js XML_DATA, 2024)', () => {
  it('reads all 10 entries with categories and the total', () => {
    const feed = parseArxivFeed(XML_DATA);
    expect(feed.totalResults).toBe(10468);
    expect(feed.entries.map((e) => e.id)).toEqual([
      '2111.13282', '1904.00724', '2303.15533', '2003.08047', '1701.06264',
      '2307.16275', '2002.02112', '1904.08994', '2104.01437', '1611.08337',
    ]);
    expect(feed.entries[0]).toMatchObject({
      title: 'Generative Adversarial Networks and Adversarial Autoencoders: Tutorial and Survey',
      authors: ['Benyamin Ghojogh', 'Ali Ghodsi', 'Fakhri Karray', 'Mark Crowley'],
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.CV', 'eess.IV', 'stat.ML'],
      comment: 'To appear as a part of an upcoming textbook on dimensionality reduction and manifold learning',
    });
    expect(feed.entries.at(-1)).toMatchObject({
      id: '1611.08337',
      title: '"WM"-Shaped Growth of GaN on Patterned Sapphire Substrates',
      primaryCategory: 'cond-mat.mtrl-sci',
    });
  });
});

describe('parseArxivFeed: hand-made edge cases', () => {
  it('reports a missing total as null, rejects a non-arXiv entry id, accepts any namespace prefix', () => {
    const xml = readFileSync(path.join(fixturesDir, 'no_total_results.xml'), 'utf8');
    const feed = parseArxivFeed(xml, 'no_total_results.xml');
    expect(feed.totalResults).toBeNull();
    expect(feed.error).toBeNull();
    expect(feed.entries).toEqual([
      {
        id: 'math/0611800',
        version: 2,
        title: 'A wrapped title',
        abstract: 'Line one line two.',
        published: null,
        updated: null,
        authors: ['A. Author', 'B. Author'],
        primaryCategory: 'math.CA',
        categories: ['math.CA', 'math.FA'],
        doi: null,
        journalRef: null,
        comment: null,
      },
    ]);
    expect(feed.rejected).toHaveLength(1);
    expect(feed.rejected[0]).toMatchObject({
      position: { source: 'no_total_results.xml', index: 1 },
      field: 'id',
      reason: 'id: not an arXiv abs URL, got "http://example.org/not-arxiv"',
    });
  });

  it('throws INPUT_FORMAT_UNKNOWN for a body that is not a feed', () => {
    const html = readFileSync(path.join(fixturesDir, 'not_a_feed.html'), 'utf8');
    expect(() => parseArxivFeed(html, 'x')).toThrow(expect.objectContaining({ code: 'INPUT_FORMAT_UNKNOWN' }));
    expect(() => parseArxivFeed('', 'x')).toThrow(/not an arXiv Atom feed/);
  });
});
