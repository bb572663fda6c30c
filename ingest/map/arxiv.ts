/**
 * arXiv identifier normalisation: the Paper node is keyed by the id without version, so
 * `arxiv:2106.09685v2` and `arxiv:2106.09685` on two models meet at one paper.
 * Identifier grammar: https://info.arxiv.org/help/arxiv_identifier.html
 *   new style (2007-04 on): YYMM.NNNN (to 2014-12) or YYMM.NNNNN, optional vN;
 *   old style: archive[.SUBJECT-CLASS]/YYMMNNN, optional vN, e.g. hep-ex/0406020, math.GT/0309136.
 */

const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?$/;

/**
 * The versionless id, or null when `raw` is not an arXiv identifier. Accepts an `arXiv:` prefix
 * and surrounding whitespace. Placeholder ids seen on the Hub (`0000.00000`) are well-formed and
 * kept: whether a paper exists is for the arXiv source to find out.
 */
export function normaliseArxivId(raw: string): string | null {
  const id = raw.trim().replace(/^arxiv:/i, '');
  const match = NEW_STYLE.exec(id) ?? OLD_STYLE.exec(id);
  return match?.[1] ?? null;
}
