/**
 * Reads a settings file for `extract`, `features` and `study`: JSON when the name ends in .json,
 * YAML otherwise (YAML is a superset of JSON, so either works in a .yaml file).
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { noteYamlIntegers } from '../extract/pyradiomics-yaml-integers.ts';
import { SonomicsError } from '../core/errors.ts';

export function readSettingsFile(path: string, docs = 'docs/extraction.md'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SonomicsError('BAD_SETTINGS', `cannot read settings ${path}: ${(err as Error).message}`, { subject: path });
  }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parseYamlNotingIntegers(text);
  } catch (err) {
    throw new SonomicsError('BAD_SETTINGS', `${path}: not readable ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(err as Error).message}); see ${docs} for the format`, { subject: path });
  }
}

/** YAML 1.2 integer scalars as written (decimal, 0o octal, 0x hex): PyYAML reads these as int too. */
const YAML_INT = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/**
 * yaml's parse, noting for each sequence which numbers were written as integers
 * (pyradiomics-yaml-integers.ts: PyRadiomics names LoG images by str(sigma)). Every reader of
 * extraction settings in YAML uses it (`extract --settings`, a study's `extraction:` inline or as a
 * file), so the same file gives the same image names and settings hash wherever it is read.
 */
export function parseYamlNotingIntegers(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0];
  const value = doc.toJS();
  const walk = (node: unknown, js: unknown): void => {
    if (isMap(node) && js && typeof js === 'object') {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) walk(pair.value, (js as Record<string, unknown>)[key]);
      }
    } else if (isSeq(node) && Array.isArray(js)) {
      noteYamlIntegers(js, node.items.map((item) => isScalar(item) && typeof item.value === 'number' && typeof item.source === 'string' && YAML_INT.test(item.source)));
      node.items.forEach((item, i) => walk(item as Node, js[i]));
    }
  };
  walk(doc.contents, value);
  return value;
}
