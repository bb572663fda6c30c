/**
 * Cypher lives in files under cypher/ — plain Cypher a researcher can paste into Neo4j Browser.
 * This module loads them by name and lists the $parameters each uses (for the contract test that
 * EXPLAINs every registered query against a real Neo4j).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

const cache = new Map<string, string>();

/**
 * Loads `cypher/<name>.cypher` (name like `stats/graph-stats`) as it is sent: without its comments
 * and indentation (compactCypher). The files are written for readers — most are more comment than
 * query — and every request would otherwise carry that prose over Bolt.
 */
export function loadCypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = compactCypher(readCypherFile(name));
    cache.set(name, text);
  }
  return text;
}

/** `cypher/<name>.cypher` as written, comments and all: what a researcher pastes into Neo4j Browser. */
export function readCypherFile(name: string): string {
  return readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

/**
 * The statement without `//` comments, indentation or blank lines. Measured on `hubgraph serve`
 * answering commonlyFollowedWith at 8 concurrent clients: the file's 2.4 KB went over Bolt in two
 * socket writes (the driver flushes every 1,400 bytes), and writes were the server's largest CPU
 * cost; compact, the query is 0.9 KB. Line breaks stay, so a Neo4j error still points at a line of
 * the statement (counted in the compact text, not the file). Cypher has no multi-line string literals in this project (stripComments assumes it too).
 */
export function compactCypher(cypher: string): string {
  return stripComments(cypher)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Removes `//` line comments (outside strings) so statements can be split and inspected. */
export function stripComments(cypher: string): string {
  return cypher
    .split('\n')
    .map((line) => {
      let inString: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === inString) inString = null;
        } else if (c === "'" || c === '"' || c === '`') inString = c;
        else if (c === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** Splits a multi-statement file on `;` at the end of a line. */
export function splitStatements(cypher: string): string[] {
  return stripComments(cypher)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The `$parameter` names a statement uses, sorted. */
export function cypherParameters(cypher: string): string[] {
  const names = new Set<string>();
  const text = stripComments(cypher).replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return [...names].sort();
}
