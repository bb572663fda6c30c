/**
 * topCitedPapers — the arXiv papers cited by the most models, with how many: the research the Hub
 * builds on (and, at the top of the demo corpus, the model-card template's carbon-emissions paper).
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { intInRange } from './input.js';

export const DEFAULTS = { first: 10, maxFirst: 100 };

export interface PaperRecord {
  id: string;
  title: string | null;
  abstract: string | null;
  published: string | null;
  primaryCategory: string | null;
  categories: string[] | null;
}

export interface CitedPaper {
  paper: PaperRecord;
  modelCount: number;
}

export async function topCitedPapers(db: Db, input: { first?: number } = {}): Promise<CitedPaper[]> {
  const first = intInRange('first', input.first ?? DEFAULTS.first, 1, DEFAULTS.maxFirst);
  return db.read<CitedPaper>(loadCypher('api/top-cited-papers'), { first }, { op: 'topCitedPapers' });
}
