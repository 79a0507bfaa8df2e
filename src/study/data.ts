/**
 * Tables + config → the study data: per cohort, the outcome and every design column
 * (clinical design columns and radiomics feature columns), with the missing-value policy applied.
 * Complete-case analysis (default) drops a case missing any clinical value a model uses and reports
 * the counts; an undefined radiomics feature value drops no case (feature-gaps.ts handles it inside
 * each training set);
 * 'impute' keeps NaN here and lets each model fit its imputer inside the training data.
 */
import { SonomicsError } from '../core/errors.ts';
import type { StudyConfig } from './config.ts';
import type { Table } from '../tables/table.ts';
import { buildVariableSpecs, encodeVariable, isMissing, toNumber, type VariableSpec } from './variables.ts';
import { radiomicsCandidates } from './column-roles.ts';
import { checkSeparatingCandidates } from './leakage-check.ts';
import { repeatedIdWarnings } from './repeated-ids.ts';
import { checkSurvivalCohort, readSurvivalOutcome, survivalOutcomeColumns } from './survival/outcome-columns.ts';
import { checkConstantWithinPatient, largestLesions, patientIndex } from './patient-unit.ts';

/** combine: largest without data.size: the tumour's size as extract records it (morphology family). */
export const DEFAULT_SIZE_COLUMNS = ['tumour_original_morphology_area_pixel_counting', 'tumour_original_morphology_volume_voxel_counting'];

export interface CohortData {
  name: string;
  role: 'main' | 'external';
  ids: string[];
  /** Binary outcome; in a time-to-event study the event indicator (status 1) — folds are stratified by `status`. */
  y: number[];
  /** Time-to-event study (config outcome): follow-up time and status (0 censored, 1 event, 2 competing) of each case. */
  time?: number[];
  status?: number[];
  /** Design column → values (NaN = missing, only under the impute policy). */
  columns: Record<string, number[]>;
  batch?: string[];
  /** Fixed 1-based fold ids (main cohort, when evaluation.foldColumn is set). */
  folds?: number[];
  /** The patient of each case (data.group): folds keep a patient together, CIs resample patients. */
  groups?: string[];
  /**
   * data.combine: largest — the rows are patients (ids are the patients' data.group values) and this
   * is the lesion (data.id) whose row each patient took.
   */
  lesions?: string[];
  /** Lesion rows before they were combined per patient (data.combine: largest). */
  lesionRows?: number;
}

export interface MissingReport {
  cohort: string;
  total: number;
  missingOutcome: number;
  incomplete: number;
  analysed: number;
  /** Number of cases (with an outcome) missing each variable or feature. */
  byVariable: Record<string, number>;
  /** Undefined radiomics feature values (cells) and the cases having any: kept, handled inside each training set (feature-gaps.ts). */
  undefinedFeatureValues: number;
  casesWithUndefinedFeatures: number;
}

export interface StudyData {
  cohorts: CohortData[];
  variables: VariableSpec[];
  features: string[];
  missing: MissingReport[];
  policy: 'complete-case' | 'impute';
  /** Loud warnings for the report and the console (e.g. repeated patient ids without data.group). */
  warnings: string[];
  /** data.combine: largest — the column the lesions' sizes were read from. */
  sizeColumn?: string;
}

/** Join a cohort's tables side by side on the id column (the first table defines the cases). */
function joinTables(tables: Table[], id: string, cohort: string): Array<Record<string, string>> {
  for (const t of tables) {
    if (!t.columns.includes(id)) throw new SonomicsError('BAD_INPUT', `${t.source}: no id column "${id}" (cohort ${cohort}); set data.id to the case-id column (columns: ${t.columns.slice(0, 12).join(', ')}${t.columns.length > 12 ? ', ...' : ''}).`, { subject: t.source });
  }
  const [first, ...rest] = tables;
  const seen = new Set<string>();
  const rows = first!.rows.map((r) => {
    const key = r[id]!;
    if (seen.has(key)) throw new SonomicsError('BAD_INPUT', `${first!.source}: case id "${key}" appears twice; ids must be unique within a cohort.`, { subject: key });
    seen.add(key);
    return { ...r };
  });
  // A column in two tables must say the same thing in both: a differing value (one side empty is
  // not a difference) is an error naming the column, instead of silently taking the first table's.
  const from = new Map<string, string>(first!.columns.map((c) => [c, first!.source]));
  for (const t of rest) {
    const byId = new Map(t.rows.map((r) => [r[id]!, r] as const));
    const conflicts = new Map<string, string>();
    for (const r of rows) {
      const other = byId.get(r[id]!);
      if (!other) continue;
      for (const c of t.columns) {
        const mine = r[c], theirs = other[c] ?? '';
        if (mine === undefined || mine === '') r[c] = theirs;
        else if (c !== id && theirs !== '' && theirs !== mine && !conflicts.has(c)) conflicts.set(c, `case ${r[id]}: "${mine}" in ${from.get(c)}, "${theirs}" in ${t.source}`);
      }
    }
    if (conflicts.size) {
      const list = [...conflicts].map(([c, why]) => `'${c}' (${why})`).join('; ');
      throw new SonomicsError('BAD_INPUT', `cohort ${cohort}: tables share column(s) whose values differ: ${list}. Rename or drop the column in one table, so that each column has one source.`, { subject: [...conflicts.keys()][0] });
    }
    for (const c of t.columns) if (!from.has(c)) from.set(c, t.source);
  }
  return rows;
}

/** data.cohorts[].where: the cases of this cohort, by the value of one column. */
function selectRows(rows: Array<Record<string, string>>, c: StudyConfig['data']['cohorts'][number]): Array<Record<string, string>> {
  const w = c.where;
  if (!w) return rows;
  if (rows.length && !(w.column in rows[0]!)) throw new SonomicsError('BAD_INPUT', `cohort ${c.name}: where.column "${w.column}" is not in ${c.tables.join(', ')}.`, { subject: w.column });
  const kept = rows.filter((r) => (w.in ? w.in.includes(r[w.column] ?? '') : !w.notIn!.includes(r[w.column] ?? '')));
  if (!kept.length) throw new SonomicsError('BAD_INPUT', `cohort ${c.name}: no case has ${w.column} ${w.in ? `in [${w.in.join(', ')}]` : `outside [${w.notIn!.join(', ')}]`}; check the values (they must match the table's text exactly).`, { subject: c.name });
  return kept;
}

/** The column giving each lesion's size for combine: largest: data.size, else the tumour's morphology area/volume. */
function lesionSizeColumn(cfg: StudyConfig, raw: Array<{ cfg: { name: string; tables: string[] }; columns: string[] }>): string {
  const named = cfg.data.size;
  for (const r of raw) {
    if (named && !r.columns.includes(named)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: no lesion-size column "${named}" (data.size) in ${r.cfg.tables.join(', ')}.`, { subject: named });
  }
  if (named) return named;
  const found = DEFAULT_SIZE_COLUMNS.find((c) => raw.every((r) => r.columns.includes(c)));
  if (!found) throw new SonomicsError('BAD_CONFIG', `data.combine: largest needs each lesion's size: name its column with data.size, or extract the tumour's morphology family so that the table has ${DEFAULT_SIZE_COLUMNS.join(' (2D) or ')} (3D) in every cohort.`, { subject: 'data.size' });
  return found;
}

/** One row per patient: the chosen lesion's row, under the patient's id. */
export function collapseToRows(c: CohortData, chosen: number[], patients: string[]): CohortData {
  const pick = <T>(xs: T[]) => chosen.map((i) => xs[i]!);
  return {
    name: c.name,
    role: c.role,
    ids: patients,
    y: pick(c.y),
    columns: Object.fromEntries(Object.entries(c.columns).map(([k, v]) => [k, pick(v)])),
    batch: c.batch && pick(c.batch),
    folds: c.folds && pick(c.folds),
    lesions: pick(c.ids),
    lesionRows: c.ids.length,
  };
}

export function buildStudyData(cfg: StudyConfig, tables: Record<string, Table>): StudyData {
  const table = (p: string): Table => {
    const t = tables[p];
    if (!t) throw new SonomicsError('FILE_NOT_FOUND', `table "${p}" named in the config was not provided; check the path.`, { subject: p });
    return t;
  };
  const miss = cfg.data.missingCodes;
  const raw = cfg.data.cohorts.map((c) => ({ cfg: c, rows: selectRows(joinTables(c.tables.map(table), cfg.data.id, c.name), c), columns: [...new Set(c.tables.flatMap((p) => table(p).columns))] }));
  const main = raw.find((r) => r.cfg.role === 'main')!;
  for (const r of raw) {
    if (cfg.data.group && !r.columns.includes(cfg.data.group)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: no group column "${cfg.data.group}" (data.group) in ${r.cfg.tables.join(', ')}.`, { subject: cfg.data.group });
    if (cfg.outcome) {
      for (const col of survivalOutcomeColumns(cfg.outcome)) if (!r.columns.includes(col)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: no column "${col}" (outcome.${col === cfg.outcome.time ? 'time' : col === cfg.outcome.event ? 'event' : 'competingColumn'}) in ${r.cfg.tables.join(', ')}; set it to the column holding the ${col === cfg.outcome.time ? 'follow-up times' : col === cfg.outcome.event ? 'event indicator' : 'competing event'}.`, { subject: col });
    } else if (!r.columns.includes(cfg.data.outcome)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: no outcome column "${cfg.data.outcome}" in ${r.cfg.tables.join(', ')}.`, { subject: r.cfg.name });
    for (const v of cfg.clinical.variables) {
      const col = v.derive ? undefined : (v.column ?? v.name);
      if (col && !r.columns.includes(col)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: clinical variable "${v.name}" needs column "${col}", which is not in ${r.cfg.tables.join(', ')}.`, { subject: v.name });
    }
  }
  const variables = buildVariableSpecs(cfg.clinical.variables, (col) => main.rows.map((r) => r[col]), miss);
  for (const v of variables) for (const r of raw) {
    if (!r.columns.includes(v.column)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: variable "${v.name}" needs column "${v.column}", which is not in its tables.`, { subject: v.name });
  }
  const usesRadiomics = cfg.models.includes('radiomics') || cfg.models.includes('combined');
  const mainTables = main.cfg.tables.map(table);
  const features = usesRadiomics ? radiomicsCandidates(cfg, mainTables, main.columns, new Set(variables.map((v) => v.column))).features : [];
  if (usesRadiomics && features.length === 0) throw new SonomicsError('BAD_CONFIG', `no radiomics feature columns match radiomics.include/exclude/regions/images/families in the main cohort; check the patterns or set models: [clinical].`);
  for (const r of raw) for (const f of features) {
    if (!r.columns.includes(f)) throw new SonomicsError('BAD_INPUT', `cohort ${r.cfg.name}: feature column "${f}" (present in the main cohort) is missing; every cohort needs the same features.`, { subject: f });
  }

  const largest = cfg.data.unit === 'patient' && cfg.data.combine === 'largest';
  const sizeColumn = largest ? lesionSizeColumn(cfg, raw) : undefined;
  const cohorts: CohortData[] = [];
  const missing: MissingReport[] = [];
  for (const r of raw) {
    const cname = r.cfg.name;
    const byVariable: Record<string, number> = {};
    const rowsOut: Array<{ id: string; y: number; time?: number; status?: number; values: Record<string, number>; batch?: string; fold?: number; group?: string; size?: number; complete: boolean }> = [];
    let missingOutcome = 0;
    let undefinedFeatureValues = 0;
    let casesWithUndefinedFeatures = 0;
    for (const row of r.rows) {
      const id = row[cfg.data.id]!;
      const where = (col: string) => () => `cohort ${cname}, case ${id}, column ${col}`;
      const surv = cfg.outcome ? readSurvivalOutcome(cfg.outcome, row, miss, cname, id) : undefined;
      if (cfg.outcome && !surv) { missingOutcome++; continue; }
      const yv = surv ? (surv.status === 1 ? 1 : 0) : toNumber(row[cfg.data.outcome], miss, where(cfg.data.outcome));
      if (Number.isNaN(yv)) { missingOutcome++; continue; }
      if (yv !== 0 && yv !== 1) throw new SonomicsError('BAD_INPUT', `cohort ${cname}, case ${id}: outcome ${cfg.data.outcome} must be 0 or 1, got ${yv}.`, { subject: id });
      const values: Record<string, number> = {};
      let complete = true;
      for (const v of variables) {
        const enc = encodeVariable(v, row[v.column], miss, where(v.column));
        // A Table-1-only variable's gap is shown there as missing; it excludes no case from the models.
        if (enc.some(Number.isNaN)) { byVariable[v.name] = (byVariable[v.name] ?? 0) + 1; if (!v.describeOnly) complete = false; }
        v.design.forEach((d, j) => { values[d] = enc[j]!; });
      }
      let undefinedHere = 0;
      for (const f of features) {
        const x = toNumber(row[f], miss, where(f));
        if (!Number.isFinite(x)) { byVariable[f] = (byVariable[f] ?? 0) + 1; undefinedHere++; }
        values[f] = x;
      }
      undefinedFeatureValues += undefinedHere;
      if (undefinedHere) casesWithUndefinedFeatures++;
      let batch: string | undefined;
      if (cfg.data.batch) {
        const b = row[cfg.data.batch];
        if (isMissing(b, miss)) throw new SonomicsError('BAD_INPUT', `cohort ${cname}, case ${id}: batch column ${cfg.data.batch} is empty; ComBat needs every case's batch.`, { subject: id });
        batch = b!.trim();
      }
      let fold: number | undefined;
      if (cfg.evaluation.foldColumn && r.cfg.role === 'main') {
        fold = toNumber(row[cfg.evaluation.foldColumn], miss, where(cfg.evaluation.foldColumn));
        if (!Number.isInteger(fold) || fold < 1) throw new SonomicsError('BAD_INPUT', `cohort ${cname}, case ${id}: fold id in ${cfg.evaluation.foldColumn} must be an integer ≥ 1, got ${row[cfg.evaluation.foldColumn]}.`, { subject: id });
      }
      let group: string | undefined;
      if (cfg.data.group) {
        const g = row[cfg.data.group];
        if (isMissing(g, miss)) throw new SonomicsError('BAD_INPUT', `cohort ${cname}, case ${id}: group column ${cfg.data.group} is empty; every case needs its patient so that the folds keep patients together.`, { subject: id });
        group = g!.trim();
      }
      const size = sizeColumn ? toNumber(row[sizeColumn], miss, where(sizeColumn)) : undefined;
      rowsOut.push({ id, y: yv, ...(surv ? { time: surv.time, status: surv.status } : {}), values, batch, fold, group, size, complete });
    }
    const kept = cfg.data.missing === 'complete-case' ? rowsOut.filter((x) => x.complete) : rowsOut;
    const columns: Record<string, number[]> = {};
    for (const d of [...variables.flatMap((v) => v.design), ...features]) columns[d] = kept.map((x) => x.values[d]!);
    let cohort: CohortData = {
      name: cname,
      role: r.cfg.role,
      ids: kept.map((x) => x.id),
      y: kept.map((x) => x.y),
      ...(cfg.outcome ? { time: kept.map((x) => x.time!), status: kept.map((x) => x.status!) } : {}),
      columns,
      batch: cfg.data.batch ? kept.map((x) => x.batch!) : undefined,
      folds: cfg.evaluation.foldColumn && r.cfg.role === 'main' ? kept.map((x) => x.fold!) : undefined,
      ...(cfg.data.group ? { groups: kept.map((x) => x.group!) } : {}),
    };
    if (cfg.data.unit === 'patient') {
      // What belongs to the patient must be one value per patient (patient-unit.ts).
      const idx = patientIndex(cohort.groups!);
      checkConstantWithinPatient(cname, idx, cohort.ids, cfg.data.outcome, 'outcome', cohort.y);
      for (const v of variables) for (const d of v.design) checkConstantWithinPatient(cname, idx, cohort.ids, v.column, `clinical variable ${v.name}: column`, columns[d]!);
      if (cfg.evaluation.foldColumn && cohort.folds) checkConstantWithinPatient(cname, idx, cohort.ids, cfg.evaluation.foldColumn, 'fold column (evaluation.foldColumn)', cohort.folds);
      if (sizeColumn) cohort = collapseToRows(cohort, largestLesions(cname, idx, cohort.ids, sizeColumn, kept.map((x) => x.size!)), idx.patients);
    }
    cohorts.push(cohort);
    missing.push({ cohort: cname, total: r.rows.length, missingOutcome, incomplete: rowsOut.filter((x) => !x.complete).length, analysed: kept.length, byVariable, undefinedFeatureValues, casesWithUndefinedFeatures });
  }
  const m = cohorts.find((c) => c.role === 'main')!;
  if (cfg.outcome) checkSurvivalCohort(cfg.outcome, m.name, m.time!, m.status!);
  const events = m.y.filter((v) => v === 1).length;
  if (events < 2 || m.y.length - events < 2) {
    throw new SonomicsError('ONE_CLASS', `main cohort ${m.name}: ${events} events and ${m.y.length - events} non-events after the missing-value policy; a study needs both classes (check data.outcome and data.missing).`, { subject: m.name });
  }
  if (features.length) checkSeparatingCandidates(m.name, m.y, m.columns, features, cfg.radiomics.acknowledgeSeparation);
  const warnings: string[] = [];
  if (!cfg.data.group) {
    const skip = new Set([cfg.data.id, cfg.data.outcome, ...(cfg.outcome ? survivalOutcomeColumns(cfg.outcome) : []), ...features, ...variables.map((v) => v.column)]);
    for (const r of raw) warnings.push(...repeatedIdWarnings(r.cfg.name, r.rows, r.columns, skip));
  }
  return { cohorts, variables, features, missing, policy: cfg.data.missing, warnings, ...(sizeColumn ? { sizeColumn } : {}) };
}
