/** `hubgraph report communities`: gather once, write each requested format to `<out>/communities-<kind>.<ext>`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../neo4j/db.js';
import type { CommunityKind } from '../writeBack.js';
import { gatherCommunityReport, type ReportOptions } from './data.js';
import { renderCsv, renderJson, renderMarkdown } from './format.js';
import { renderHtml } from './html.js';

export type ReportFormat = 'html' | 'md' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'csv', 'json'];

const RENDER = { html: renderHtml, md: renderMarkdown, csv: renderCsv, json: renderJson } as const;

export async function writeCommunityReports(
  db: Db,
  input: { kinds: CommunityKind[]; formats: ReportFormat[]; outDir: string } & Partial<ReportOptions>,
): Promise<string[]> {
  mkdirSync(input.outDir, { recursive: true });
  const written: string[] = [];
  for (const kind of input.kinds) {
    const report = await gatherCommunityReport(db, kind, input);
    for (const format of input.formats) {
      const file = path.join(input.outDir, `communities-${kind}.${format}`);
      writeFileSync(file, RENDER[format](report));
      written.push(file);
    }
  }
  return written;
}
