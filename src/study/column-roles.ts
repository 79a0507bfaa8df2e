/**
 * Which columns may become radiomics candidates (issue #14: the manifest's `label` column, passed
 * through by `extract`, was once the only "feature" selected — external AUC 1.000).
 *   - Feature tables written by `extract` declare their feature columns (run.json): by default only
 *     these are candidates. Tables without that record: columns named by the feature-name
 *     convention {region}_{image}_{family}_{feature} with a known family.
 *   - `radiomics.include` patterns may name other columns (features made by other tools), but the
 *     outcome, id, group, fold, batch and pass-through columns are never candidates: a pattern that
 *     matches one is an error naming it.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Table } from '../tables/table.ts';
import type { StudyConfig } from './config.ts';
import { featureNameParts, globToRegExp, selectFeatureColumns } from './feature-groups.ts';

/**
 * First word of the family part of a feature name: IBSI families as sonomics names them
 * (`intensity_statistics` → `intensity`, `local_intensity` → `local`) and PyRadiomics' classes.
 */
const FAMILY_WORDS = new Set(['morphology', 'local', 'intensity', 'glcm', 'glrlm', 'glszm', 'gldzm', 'ngtdm', 'ngldm', 'firstorder', 'shape', 'shape2D', 'gldm']);

/** True when a column name follows {region}_{image}_{family}_{feature} with a known family. */
export function followsFeatureNaming(column: string): boolean {
  const p = featureNameParts(column);
  return !!p && FAMILY_WORDS.has(p.family);
}

export interface ColumnRoleSummary {
  /** Candidate columns before include/exclude/group filters. */
  featureColumns: string[];
  /** Columns that may never be candidates, with the reason (for messages). */
  forbidden: Map<string, string>;
  /** Where the feature columns came from (said in the report). */
  source: 'declared' | 'naming' | 'include';
}

/** The role of every column of the main cohort's tables. */
export function columnRoles(cfg: StudyConfig, tables: Table[], columns: string[]): ColumnRoleSummary {
  const forbidden = new Map<string, string>();
  const role = (col: string | undefined, why: string) => { if (col && !forbidden.has(col)) forbidden.set(col, why); };
  role(cfg.data.id, 'the id column (data.id)');
  role(cfg.data.outcome, 'the outcome column (data.outcome)');
  role(cfg.outcome?.time, 'the follow-up time column (outcome.time)');
  role(cfg.outcome?.event, 'the event column (outcome.event)');
  role(cfg.outcome?.competingColumn, 'the competing-event column (outcome.competingColumn)');
  role(cfg.data.group, 'the group column (data.group)');
  role(cfg.evaluation.foldColumn, 'the fold column (evaluation.foldColumn)');
  role(cfg.data.batch, 'the batch column (data.batch)');
  for (const t of tables) {
    if (!t.roles) continue;
    role(t.roles.id, `the case-id column of ${t.source}`);
    for (const c of t.roles.passThrough) role(c, `passed through from the manifest by extract (${t.source})`);
  }
  const declared = [...new Set(tables.flatMap((t) => t.roles?.features ?? []))].filter((c) => columns.includes(c));
  if (declared.length) return { featureColumns: declared, forbidden, source: 'declared' };
  return { featureColumns: columns.filter((c) => !forbidden.has(c) && followsFeatureNaming(c)), forbidden, source: 'naming' };
}

/**
 * The radiomics candidates of the main cohort: the feature columns (or the columns matched by
 * radiomics.include), minus clinical-variable columns, filtered by exclude/regions/images/families.
 * Throws BAD_CONFIG naming a forbidden column that an include pattern matches.
 */
export function radiomicsCandidates(cfg: StudyConfig, tables: Table[], columns: string[], clinicalColumns: Set<string>): { features: string[]; source: ColumnRoleSummary['source'] } {
  const roles = columnRoles(cfg, tables, columns);
  const rad = cfg.radiomics;
  let pool: string[];
  let source = roles.source;
  if (rad.include.length) {
    const inc = rad.include.map((g) => [g, globToRegExp(g)] as const);
    const bad: string[] = [];
    pool = columns.filter((c) => {
      const hit = inc.find(([, r]) => r.test(c));
      if (!hit) return false;
      if (roles.forbidden.has(c) && !rad.exclude.some((g) => globToRegExp(g).test(c))) bad.push(`'${c}' (${roles.forbidden.get(c)}; matched by '${hit[0]}')`);
      return !clinicalColumns.has(c);
    });
    if (bad.length) {
      throw new SonomicsError('BAD_CONFIG', `radiomics.include would make ${bad.join(', ')} a radiomics candidate; such columns are never features. Narrow the pattern or add the column to radiomics.exclude.`, { subject: bad[0] });
    }
    // features from other tools (no run.json, own names) are named by include
    if (roles.source === 'naming' && !pool.every(followsFeatureNaming)) source = 'include';
  } else {
    pool = roles.featureColumns.filter((c) => !clinicalColumns.has(c));
    if (pool.length === 0) {
      throw new SonomicsError('BAD_CONFIG', 'no feature columns in the main cohort: no table carries the run.json of sonomics extract, and no column is named {region}_{image}_{family}_{feature}. Name the feature columns with radiomics.include (glob patterns), or set models: [clinical].');
    }
  }
  return { features: selectFeatureColumns(pool, { ...rad, include: [] }), source };
}
