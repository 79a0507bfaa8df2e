/**
 * A small schema language for settings files (study config, extraction settings, feature
 * settings). One schema per file drives three things so that they cannot drift apart:
 *   - validation at every depth: every unknown key is an error with its path and the nearest
 *     known key ("radiomics.lamda: unknown key; did you mean 'lambda'?"), every value is checked;
 *   - the defaults (filled in by `checkSchema`);
 *   - the reference table in the docs (`schemaTable`, checked against the docs by a test).
 * Kept in-house rather than zod: the messages, aliases and doc rows are what matters here and
 * they are a few dozen lines each; no dependency is shipped to the browser.
 */
import { nearestName } from './nearest-name.ts';

export interface Field {
  node: Node;
  /** One line for the docs' reference table. */
  doc: string;
  /** Filled in when the key is absent (objects: validated, so their own defaults fill too). */
  default?: unknown;
  /** What the docs say the default is when it is not a plain value (e.g. "= clinical.alpha"). */
  docDefault?: string;
  required?: boolean;
  /** Extra message when a required key is missing (what to write). */
  requiredHint?: string;
  /** Other spellings accepted for this key (kept for older files); the value is stored under the key. */
  aliases?: readonly string[];
  /** The docs describe this value's keys on another page (named here): the table stops at this row. */
  docElsewhere?: string;
}

export interface NumberRule { int?: boolean; min?: number; max?: number; gt?: number; lt?: number; hint?: string }

export type Node =
  | { kind: 'string'; /** numbers are accepted and turned into text (ids such as 2024) */ coerce?: boolean }
  | ({ kind: 'number' } & NumberRule)
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'enum'; values: readonly string[]; /** what a value is called in messages ("unknown family 'x'") */ noun?: string }
  | { kind: 'list'; of: Node; /** a single value stands for a one-element list */ single?: boolean; minItems?: number }
  | { kind: 'tuple'; items: readonly Node[] }
  | ObjectNode
  | { kind: 'map'; keys?: readonly string[]; keyDoc: string; values: Node }
  | { kind: 'either'; options: readonly Node[] }
  | { kind: 'tagged'; tag: string; variants: Record<string, ObjectNode> }
  | { kind: 'any'; doc: string };

export interface ObjectNode { kind: 'object'; fields: Record<string, Field> }

/** Builders, so that schemas read like the files they describe. */
export const s = {
  str: (coerce = false): Node => ({ kind: 'string', coerce }),
  num: (rule: NumberRule = {}): Node => ({ kind: 'number', ...rule }),
  int: (rule: NumberRule = {}): Node => ({ kind: 'number', int: true, ...rule }),
  bool: (): Node => ({ kind: 'boolean' }),
  nul: (): Node => ({ kind: 'null' }),
  oneOf: (values: readonly string[], noun?: string): Node => ({ kind: 'enum', values, noun }),
  list: (of: Node, opts: { single?: boolean; minItems?: number } = {}): Node => ({ kind: 'list', of, ...opts }),
  tuple: (...items: Node[]): Node => ({ kind: 'tuple', items }),
  obj: (fields: Record<string, Field>): ObjectNode => ({ kind: 'object', fields }),
  map: (values: Node, keyDoc: string, keys?: readonly string[]): Node => ({ kind: 'map', values, keyDoc, keys }),
  either: (...options: Node[]): Node => ({ kind: 'either', options }),
  tagged: (tag: string, variants: Record<string, ObjectNode>): Node => ({ kind: 'tagged', tag, variants }),
  any: (doc: string): Node => ({ kind: 'any', doc }),
  field: (node: Node, doc: string, more: Omit<Field, 'node' | 'doc'> = {}): Field => ({ node, doc, ...more }),
};

/** One problem per bad key or value: `path: what is wrong; what to write`. */
export interface SchemaResult { value: unknown; problems: string[] }

/** Validates `raw` against `node`, filling defaults. `path` prefixes every problem. */
export function checkSchema(node: Node, raw: unknown, path = ''): SchemaResult {
  const problems: string[] = [];
  const value = check(node, raw, path, problems);
  return { value, problems };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const show = (v: unknown) => JSON.stringify(v);
const quoteAll = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

function unknownKey(path: string, key: string, known: readonly string[]): string {
  const near = nearestName(key, known);
  return `${join(path, key)}: unknown key; ${near ? `did you mean '${near}'?` : `known keys here: ${known.join(', ')}`}`;
}

function jsType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'mapping' : typeof v;
}

function check(node: Node, raw: unknown, path: string, problems: string[]): unknown {
  const where = path || '(top)';
  const fail = (msg: string) => { problems.push(`${where}: ${msg}`); return undefined; };
  switch (node.kind) {
    case 'any': return raw;
    case 'null': return raw === null ? null : fail(`must be null, got ${show(raw)}`);
    case 'string':
      if (node.coerce && typeof raw === 'number') return String(raw);
      if (typeof raw !== 'string' || raw === '') return fail(`must be a non-empty text value, got ${show(raw)}`);
      return raw;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : fail(`must be true or false, got ${show(raw)}`);
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(`must be a number, got ${show(raw)}`);
      const why = numberProblem(node, raw);
      return why ? fail(why) : raw;
    }
    case 'enum': {
      if (typeof raw === 'string' && node.values.includes(raw)) return raw;
      const near = typeof raw === 'string' ? nearestName(raw, node.values) : undefined;
      const said = node.noun ? `unknown ${node.noun} ${show(raw)}; ` : '';
      return fail(`${said}must be one of ${quoteAll(node.values)}, got ${show(raw)}${near ? `; did you mean '${near}'?` : ''}`);
    }
    case 'list': {
      const arr = Array.isArray(raw) ? raw : node.single ? [raw] : undefined;
      if (!arr) return fail(`must be a list, got ${show(raw)}`);
      if (node.minItems !== undefined && arr.length < node.minItems) return fail(`must list at least ${node.minItems} item(s)`);
      return arr.map((x, i) => check(node.of, x, `${path}[${i}]`, problems));
    }
    case 'tuple': {
      if (!Array.isArray(raw) || raw.length !== node.items.length) return fail(`must be a list of ${node.items.length} values, got ${show(raw)}`);
      return raw.map((x, i) => check(node.items[i]!, x, `${path}[${i}]`, problems));
    }
    case 'object': {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`must be a mapping (key: value), got ${show(raw)}`);
      return checkObject(node, raw as Record<string, unknown>, path, problems, []);
    }
    case 'map': {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`must be a mapping (${node.keyDoc}: value), got ${show(raw)}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (node.keys && !node.keys.includes(k)) { problems.push(unknownKey(path, k, node.keys)); continue; }
        out[k] = check(node.values, v, join(path, k), problems);
      }
      return out;
    }
    case 'either': {
      // The option is chosen by the value's kind (text, number, mapping, ...), so the problems
      // reported are those of the form the user evidently meant.
      const t = jsType(raw);
      const opt = node.options.find((o) => kindMatches(o, t));
      if (!opt) return fail(`must be ${node.options.map(describeNode).join(' or ')}, got ${show(raw)}`);
      return check(opt, raw, path, problems);
    }
    case 'tagged': {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`must be a mapping with a '${node.tag}' (${Object.keys(node.variants).join(', ')}), got ${show(raw)}`);
      const o = raw as Record<string, unknown>;
      const tag = o[node.tag];
      const names = Object.keys(node.variants);
      if (typeof tag !== 'string' || !node.variants[tag]) {
        const near = typeof tag === 'string' ? nearestName(tag, names) : undefined;
        problems.push(`${join(path, node.tag)}: ${tag === undefined ? 'is required' : `unknown ${node.tag} ${show(tag)}`}; ${near ? `did you mean '${near}'?` : `one of ${names.join(', ')}`}`);
        return undefined;
      }
      return { [node.tag]: tag, ...(checkObject(node.variants[tag]!, o, path, problems, [node.tag]) as object) };
    }
  }
}

function kindMatches(node: Node, t: string): boolean {
  switch (node.kind) {
    case 'string': return t === 'string' || (node.coerce === true && t === 'number');
    case 'enum': return t === 'string';
    case 'number': return t === 'number';
    case 'boolean': return t === 'boolean';
    case 'null': return t === 'null';
    case 'list': case 'tuple': return t === 'list';
    case 'object': case 'map': case 'tagged': return t === 'mapping';
    case 'either': return node.options.some((o) => kindMatches(o, t));
    case 'any': return true;
  }
}

function checkObject(node: ObjectNode, o: Record<string, unknown>, path: string, problems: string[], skip: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const aliasOf = new Map<string, string>();
  for (const [k, f] of Object.entries(node.fields)) for (const a of f.aliases ?? []) aliasOf.set(a, k);
  const known = [...Object.keys(node.fields), ...skip];
  for (const k of Object.keys(o)) {
    if (skip.includes(k) || node.fields[k] || aliasOf.has(k)) continue;
    problems.push(unknownKey(path, k, known));
  }
  for (const [k, f] of Object.entries(node.fields)) {
    const given = [k, ...(f.aliases ?? [])].filter((key) => o[key] !== undefined && o[key] !== null);
    if (given.length > 1) problems.push(`${join(path, k)}: given twice (as ${given.join(' and ')}); keep one`);
    const raw = given.length ? o[given[0]!] : undefined;
    if (raw === undefined) {
      if (f.required) problems.push(`${join(path, k)}: is required${f.requiredHint ? `: ${f.requiredHint}` : ''}`);
      else if (f.default !== undefined) out[k] = check(f.node, structuredClone(f.default), join(path, k), problems);
      continue;
    }
    out[k] = check(f.node, raw, join(path, k), problems);
  }
  return out;
}

function numberProblem(r: NumberRule, x: number): string | undefined {
  const ok = (!r.int || Number.isInteger(x)) && (r.min === undefined || x >= r.min) && (r.max === undefined || x <= r.max)
    && (r.gt === undefined || x > r.gt) && (r.lt === undefined || x < r.lt);
  if (ok) return undefined;
  return `must be ${describeNumber(r).replace(/^a number /, '')}, got ${x}${r.hint ? ` (${r.hint})` : ''}`;
}

/** "an integer ≥ 2", "a number in (0, 1]", "a number > 0". */
export function describeNumber(r: NumberRule): string {
  const what = r.int ? 'an integer' : 'a number';
  const lo = r.gt !== undefined ? { v: r.gt, open: true } : r.min !== undefined ? { v: r.min, open: false } : undefined;
  const hi = r.lt !== undefined ? { v: r.lt, open: true } : r.max !== undefined ? { v: r.max, open: false } : undefined;
  if (lo && hi) return `${what} in ${lo.open ? '(' : '['}${lo.v}, ${hi.v}${hi.open ? ')' : ']'}`;
  if (lo) return `${what} ${lo.open ? '>' : '≥'} ${lo.v}`;
  if (hi) return `${what} ${hi.open ? '<' : '≤'} ${hi.v}`;
  return what;
}

/** How a node is written in the docs' "type" column. */
export function describeNode(node: Node): string {
  switch (node.kind) {
    case 'string': return 'text';
    case 'number': return describeNumber(node).replace(/^an? /, '').replace(/^number (in )?/, 'number $1');
    case 'boolean': return 'true / false';
    case 'null': return 'null';
    case 'enum': return node.values.map((v) => `\`${v}\``).join(' / ');
    case 'list': return `list of ${describeNode(node.of)}${node.single ? ' (or one)' : ''}`;
    case 'tuple': return `[${node.items.map(describeNode).join(', ')}]`;
    case 'object': return 'mapping';
    case 'map': return `mapping ${node.keyDoc} → ${describeNode(node.values)}`;
    case 'either': return node.options.map(describeNode).join(' or ');
    case 'tagged': return `mapping by \`${node.tag}\``;
    case 'any': return node.doc;
  }
}

export interface SchemaRow { path: string; type: string; default: string; doc: string }

/** Every key of a schema, depth first, as rows of the docs' reference table. */
export function schemaRows(node: Node, path = ''): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const walk = (n: Node, p: string): void => {
    if (n.kind === 'object') {
      for (const [k, f] of Object.entries(n.fields)) {
        const fp = join(p, k) + (f.aliases?.length ? ` (or ${f.aliases.join(', ')})` : '');
        const plain = f.default === undefined || f.node.kind === 'object';
        const def = f.required ? 'required' : f.docDefault ?? (plain ? '—' : `\`${JSON.stringify(f.default)}\``);
        const type = f.node.kind === 'object' ? 'mapping' : describeNode(f.node);
        rows.push({ path: fp, type, default: def, doc: f.docElsewhere ? `${f.doc}; every key in ${f.docElsewhere}` : f.doc });
        if (!f.docElsewhere) walk(f.node, join(p, k));
      }
    } else if (n.kind === 'list') {
      walk(n.of, `${p}[]`);
    } else if (n.kind === 'either') {
      for (const o of n.options) walk(o, p);
    } else if (n.kind === 'tagged') {
      for (const [tag, v] of Object.entries(n.variants)) {
        rows.push({ path: `${p} (${n.tag}: ${tag})`, type: 'mapping', default: '—', doc: `keys of the \`${tag}\` ${n.tag}` });
        walk(v, `${p}`);
      }
    } else if (n.kind === 'map') {
      walk(n.values, `${p}.<${n.keyDoc}>`);
    }
  };
  walk(node, path);
  return rows;
}

/** The reference table (Markdown) for a schema. */
export function schemaTable(node: Node): string {
  const esc = (x: string) => x.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| key | type | default | meaning |', '| --- | --- | --- | --- |'];
  for (const r of schemaRows(node)) lines.push(`| \`${esc(r.path)}\` | ${esc(r.type)} | ${esc(r.default)} | ${esc(r.doc)} |`);
  return lines.join('\n');
}
