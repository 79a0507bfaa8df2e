/**
 * A small validator for the subset of JSON Schema (draft 2020-12) that sonomics publishes for its
 * files (docs/bundle.schema.json): type, properties, required, additionalProperties, items,
 * prefixItems-free arrays, enum, const, minimum, maximum, exclusiveMinimum, minItems, minLength,
 * pattern and $ref to "#/$defs/...". Returns every problem with its JSON path, so a loader can say
 * exactly what is wrong (schema keywords outside the subset are rejected when the schema is read,
 * never silently ignored).
 */
export type JsonSchema = {
  $schema?: string; $id?: string; title?: string; description?: string; $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minimum?: number; maximum?: number; exclusiveMinimum?: number;
  minItems?: number; minLength?: number; pattern?: string;
};
type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

const KNOWN = new Set(['$schema', '$id', 'title', 'description', '$ref', '$defs', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'minItems', 'minLength', 'pattern']);

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Every violation of `schema` by `value`, as "path: what" lines (empty: valid). */
export function validateJson(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = '$', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`json-schema: keyword "${k}" at ${path} is outside the supported subset`);
  if (schema.$ref) {
    const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    const target = m ? root.$defs?.[m[1]!] : undefined;
    if (!target) throw new Error(`json-schema: unresolved $ref ${schema.$ref}`);
    return validateJson(target, value, root, path, out, limit);
  }
  const t = typeOf(value);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = types.some((x) => x === t || (x === 'number' && t === 'integer'));
    if (!ok) { out.push(`${path}: expected ${types.join(' or ')}, found ${t === 'integer' ? 'number' : t}${t === 'null' ? ' (a missing or NaN value)' : ''}`); return out; }
  }
  if (schema.const !== undefined && JSON.stringify(value) !== JSON.stringify(schema.const)) out.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) out.push(`${path}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, found ${JSON.stringify(value)}`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}: not a finite number`);
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) out.push(`${path}: ${value} must be greater than ${schema.exclusiveMinimum}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${path}: must not be empty`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) out.push(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: needs at least ${schema.minItems} item(s)`);
    if (schema.items) value.forEach((v, i) => validateJson(schema.items!, v, root, `${path}[${i}]`, out, limit));
  }
  if (t === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (o[k] === undefined) out.push(`${path}: "${k}" is missing`);
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue; // as JSON.stringify: an undefined property is absent
      const p = `${path}.${k}`;
      const sub = schema.properties?.[k];
      if (sub) validateJson(sub, v, root, p, out, limit);
      else if (schema.additionalProperties === false) out.push(`${p}: unknown key`);
      else if (typeof schema.additionalProperties === 'object') validateJson(schema.additionalProperties, v, root, p, out, limit);
    }
  }
  return out;
}
