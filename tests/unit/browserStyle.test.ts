/**
 * docs/browser-style.grass, read the way Neo4j Browser 5.24 reads it: a caption template's `{prop}`
 * become the node's property (or ''), and a bare `{id}` that comes out empty falls back to the
 * internal id — which `db.schema.visualization()` gives as a negative number ("-101"): its virtual
 * nodes carry only `name` (the label), `indexes` and `constraints`. Every label must be captioned
 * by its name there, and real nodes by their id or name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { LABEL_NAMES } from '../../src/schema.js';

const grass = readFileSync(path.join(PROJECT_ROOT, 'docs', 'browser-style.grass'), 'utf8');

/** label → caption template of its `node.<Label>` rule. */
function captions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, label, body] of text.matchAll(/^node\.(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const caption = /caption:\s*"([^"]*)"/.exec(body!)?.[1];
    if (caption !== undefined) out.set(label!, caption);
  }
  return out;
}

/** Neo4j Browser 5.24's graphStyle.interpolate for a node (from its bundle, de-minified). */
function interpolate(template: string, node: { internalId: number; properties: Record<string, string> }): string {
  let text = template.replace(/\{([^{}]*)\}/g, (_, key: string) => node.properties[key] ?? '');
  if (text.length < 1 && template === '{id}') text = '<id>';
  return text.replace(/^<(id|type)>$/, () => String(node.internalId));
}

/** A real node of each label, with the properties ingest and analytics give it. */
const REAL: Record<string, Record<string, string>> = {
  Model: { id: 'TheBloke/Llama-2-7B-GGUF', name: 'Llama-2-7B-GGUF' },
  Creator: { id: 'TheBloke', name: 'TheBloke' },
  User: { id: 'github:Eiryyy', name: 'Eiryyy' },
  Organization: { id: 'openai', name: 'openai' },
  Task: { id: 'text-generation', name: 'Text Generation' },
  Tag: { id: 'gguf' },
  Library: { id: 'transformers', name: 'Transformers' },
  Dataset: { id: 'squad' },
  Paper: { id: '2212.04356', title: 'Robust Speech Recognition' },
  Author: { id: 'Alec Radford', name: 'Alec Radford' },
  License: { id: 'apache-2.0' },
  Language: { id: 'en' },
  Community: { id: 'run-1/creator-0', key: 'creator-0' },
  AnalyticsRun: { id: 'run-1' },
  IngestJob: { id: 'models' },
};

describe('docs/browser-style.grass captions', () => {
  const byLabel = captions(grass);

  it('styles every label of the schema', () => {
    expect([...byLabel.keys()].sort()).toEqual([...LABEL_NAMES].sort());
  });

  it.each(LABEL_NAMES)('%s: the schema visualization shows the label, a real node its id or name', (label) => {
    const template = byLabel.get(label)!;
    expect(interpolate(template, { internalId: -101, properties: { name: label } })).toBe(label);
    const real = REAL[label]!;
    expect(real, `a sample ${label} node`).toBeDefined();
    expect([real.id, real.name, real.key]).toContain(interpolate(template, { internalId: 7, properties: real }));
  });
});
