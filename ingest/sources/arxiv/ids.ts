/**
 * arXiv identifiers: the one place that knows what an id looks like. Everything downstream (Paper
 * nodes, model→paper edges, the id_list requests) keys on the versionless canonical id this module
 * returns, so the same paper cited as `arxiv:1810.04805`, `1810.04805v2` or an abs URL meets itself.
 *
 * Syntax only: `0000.00000` or `2023.12345` pass (the Hub is full of such placeholders); whether a
 * paper exists is for arXiv to answer (the client reports those as missing).
 * Scheme: https://info.arxiv.org/help/arxiv_identifier.html
 */

export interface ArxivIdParts {
  /** Canonical id without version: `2104.12255`, `hep-ex/0406020`. */
  id: string;
  /** The `vN` suffix if the input had one. */
  version: number | null;
}

// Since April 2007: YYMM.NNNN (to 1412) or YYMM.NNNNN (from 1501). The digit count is not checked
// against the month on purpose: arXiv answers `0808.05394` with an empty feed, not an error.
const NEW_STYLE = /^\d{4}\.\d{4,5}$/;
// Before April 2007: archive[.SUBJ]/YYMMNNN, e.g. `hep-ex/0406020`, `math.CA/0611800`.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]+(?:-[a-z]+)?)?\/(\d{7})$/;
const VERSION = /^(.+?)v(\d+)$/;
const ARXIV_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*arxiv\.org\/(?:abs|pdf)\//i;

/** Splits a raw reference into canonical id and version; null when it is not an arXiv id. */
export function parseArxivId(raw: string): ArxivIdParts | null {
  let s = raw.trim();
  if (ARXIV_URL.test(s)) {
    s = s.replace(ARXIV_URL, '').replace(/[?#].*$/, '').replace(/\.pdf$/i, '');
  }
  s = s.replace(/^arxiv:/i, '').replace(/^(?:abs|pdf)\//, '');

  let version: number | null = null;
  const v = VERSION.exec(s);
  if (v?.[1] !== undefined && v[2] !== undefined) {
    s = v[1];
    version = Number(v[2]);
  }

  if (NEW_STYLE.test(s)) return { id: s, version };
  const old = OLD_STYLE.exec(s);
  if (old?.[1] !== undefined && old[2] !== undefined) {
    // The subject class is not part of the canonical id: arXiv's table maps the internal
    // `math.CA/0611800v2` to the external `arXiv:math/0611800v2`, and feeds return the latter.
    return { id: `${old[1]}/${old[2]}`, version };
  }
  return null;
}

/**
 * The canonical versionless id (`arxiv:1810.04805v2` → `1810.04805`,
 * `https://arxiv.org/abs/hep-ex/0406020v1` → `hep-ex/0406020`), or null for anything malformed.
 */
export function normalizeArxivId(raw: string): string | null {
  return parseArxivId(raw)?.id ?? null;
}
