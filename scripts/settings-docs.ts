/**
 * The settings reference tables in the docs are generated from the schemas (one per settings
 * file), so that the docs, the validation and the defaults cannot drift apart.
 *   node --import tsx scripts/settings-docs.ts          rewrites the tables in docs/
 *   test/core/settings-docs.test.ts                     fails when a table is out of date
 * Each table sits between `<!-- schema:NAME -->` and `<!-- /schema:NAME -->`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaTable, type Node } from '../src/core/schema.ts';
import { STUDY_CONFIG_SCHEMA } from '../src/study/config.ts';
import { EXTRACTION_SETTINGS_SCHEMA } from '../src/extract/settings.ts';
import { FEATURE_SETTINGS_SCHEMA } from '../src/features/settings.ts';

export const SETTINGS_DOCS: Array<{ name: string; doc: string; schema: Node }> = [
  { name: 'study', doc: 'docs/study.md', schema: STUDY_CONFIG_SCHEMA },
  { name: 'extraction', doc: 'docs/extraction.md', schema: EXTRACTION_SETTINGS_SCHEMA },
  { name: 'features', doc: 'docs/features.md', schema: FEATURE_SETTINGS_SCHEMA },
];

const root = fileURLToPath(new URL('..', import.meta.url));

/** The doc text with its generated table brought up to date. */
export function withTable(text: string, name: string, schema: Node, doc: string): string {
  const open = `<!-- schema:${name} -->`;
  const close = `<!-- /schema:${name} -->`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a < 0 || b < a) throw new Error(`${doc}: no ${open} … ${close} block for the generated reference table`);
  return `${text.slice(0, a + open.length)}\n${schemaTable(schema)}\n${text.slice(b)}`;
}

export function readDoc(doc: string): string {
  return readFileSync(root + doc, 'utf8');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { name, doc, schema } of SETTINGS_DOCS) {
    const text = readDoc(doc);
    const next = withTable(text, name, schema, doc);
    if (next !== text) { writeFileSync(root + doc, next); console.log(`updated ${doc}`); }
  }
}
