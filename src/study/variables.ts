/**
 * Clinical variables → numeric design columns.
 * binary: one 0/1 column; continuous: one column; categorical: one 0/1 dummy per non-reference level
 * (treatment coding, as R's model.matrix); derived: "column op number" → one 0/1 column.
 * A spec is plain data so the model bundle can encode new cases exactly as the study did.
 */
import { SonomicsError } from '../core/errors.ts';
import type { VariableConfig } from './config.ts';

export type CompareOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

export interface VariableSpec {
  name: string;
  type: 'binary' | 'continuous' | 'categorical';
  column: string;
  derive?: { column: string; op: CompareOp; value: number; text: string };
  /** Categorical levels, reference first. */
  levels?: string[];
  /** Names of the design columns this variable produces. */
  design: string[];
  /** Table 1 only (VariableConfig.role 'describe'): never a model input. */
  describeOnly?: boolean;
}

const DERIVE_RE = /^\s*([A-Za-z_][\w.\-]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/;

export function parseDerive(text: string, variable: string): NonNullable<VariableSpec['derive']> {
  const m = DERIVE_RE.exec(text);
  if (!m) {
    throw new SonomicsError('BAD_CONFIG', `variable "${variable}": cannot read derive: "${text}"; write "<column> <op> <number>" with op one of > >= < <= == !=, e.g. "ca199 > 200".`, { subject: variable });
  }
  return { column: m[1]!, op: m[2] as CompareOp, value: Number(m[3]), text: text.trim() };
}

function compare(x: number, op: CompareOp, v: number): boolean {
  switch (op) {
    case '>': return x > v;
    case '>=': return x >= v;
    case '<': return x < v;
    case '<=': return x <= v;
    case '==': return x === v;
    case '!=': return x !== v;
  }
}

/** Is a raw cell missing (empty, NA, NaN, or one of the configured codes)? */
export function isMissing(cell: string | number | undefined | null, missingCodes: readonly string[]): boolean {
  if (cell === undefined || cell === null) return true;
  if (typeof cell === 'number') return Number.isNaN(cell) || missingCodes.includes(String(cell));
  const s = cell.trim();
  return s === '' || s === 'NA' || s === 'NaN' || s === 'nan' || s === 'N/A' || s === '.' || missingCodes.includes(s);
}

/** Numeric value of a raw cell, NaN when missing; throws when it is text that is not a number. */
export function toNumber(cell: string | number | undefined | null, missingCodes: readonly string[], where: () => string): number {
  if (isMissing(cell, missingCodes)) return NaN;
  if (typeof cell === 'number') return cell;
  const v = Number(cell);
  if (!Number.isFinite(v)) throw new SonomicsError('BAD_INPUT', `${where()}: "${cell}" is not a number; fix the cell or add it to data.missingCodes if it means "missing".`);
  return v;
}

/** Natural order of categorical levels: numbers by value, text by code point (1 < 2 < 10; A < B). */
export function compareLevels(a: string, b: string): number {
  const na = Number(a), nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
}

/** Build specs; categorical levels come from the main cohort's values (sorted, numeric-aware). */
export function buildVariableSpecs(vars: VariableConfig[], mainValues: (column: string) => Array<string | undefined>, missingCodes: readonly string[]): VariableSpec[] {
  return vars.map((v) => {
    const spec = buildSpec(v, mainValues, missingCodes);
    return v.role === 'describe' ? { ...spec, describeOnly: true } : spec;
  });
}

function buildSpec(v: VariableConfig, mainValues: (column: string) => Array<string | undefined>, missingCodes: readonly string[]): VariableSpec {
  const derive = v.derive ? parseDerive(v.derive, v.name) : undefined;
  const column = derive ? derive.column : (v.column ?? v.name);
  if (v.type !== 'categorical') return { name: v.name, type: v.type, column, derive, design: [v.name] };
  const levels = [...new Set(mainValues(column).filter((x): x is string => !isMissing(x, missingCodes)).map((x) => x.trim()))];
  levels.sort(compareLevels);
  if (v.reference !== undefined) {
    const i = levels.indexOf(v.reference);
    if (i < 0) throw new SonomicsError('BAD_CONFIG', `variable "${v.name}": reference level "${v.reference}" does not occur in the main cohort (levels: ${levels.join(', ')}).`, { subject: v.name });
    levels.splice(i, 1);
    levels.unshift(v.reference);
  }
  if (levels.length < 2) throw new SonomicsError('BAD_INPUT', `variable "${v.name}": a categorical variable needs at least two levels in the main cohort, found ${levels.length}.`, { subject: v.name });
  return { name: v.name, type: 'categorical', column, levels, design: levels.slice(1).map((l) => `${v.name}=${l}`) };
}

/** Encode one case's raw cell into the variable's design values (NaN = missing). */
export function encodeVariable(spec: VariableSpec, cell: string | number | undefined, missingCodes: readonly string[], where: () => string): number[] {
  if (spec.type === 'categorical') {
    if (isMissing(cell, missingCodes)) return spec.design.map(() => NaN);
    const level = typeof cell === 'number' ? String(cell) : cell!.trim();
    const idx = spec.levels!.indexOf(level);
    if (idx < 0) throw new SonomicsError('BAD_INPUT', `${where()}: level "${level}" of ${spec.name} was not seen in the main cohort (levels: ${spec.levels!.join(', ')}); recode it or mark it missing.`);
    return spec.design.map((_, j) => (j + 1 === idx ? 1 : 0));
  }
  const x = toNumber(cell, missingCodes, where);
  if (spec.derive) return [Number.isNaN(x) ? NaN : compare(x, spec.derive.op, spec.derive.value) ? 1 : 0];
  if (spec.type === 'binary' && !Number.isNaN(x) && x !== 0 && x !== 1) {
    throw new SonomicsError('BAD_INPUT', `${where()}: binary variable ${spec.name} must be 0 or 1, got ${x}; declare it categorical or derive it (e.g. derive: "${spec.column} == 2").`);
  }
  return [x];
}
