/**
 * Reads a settings file for `extract`, `features` and `study`: JSON when the name ends in .json,
 * YAML otherwise (YAML is a superset of JSON, so either works in a .yaml file).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SonomicsError } from '../core/errors.ts';

export function readSettingsFile(path: string, docs = 'docs/extraction.md'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SonomicsError('BAD_SETTINGS', `cannot read settings ${path}: ${(err as Error).message}`, { subject: path });
  }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new SonomicsError('BAD_SETTINGS', `${path}: not readable ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(err as Error).message}); see ${docs} for the format`, { subject: path });
  }
}
