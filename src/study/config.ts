/**
 * The study configuration (YAML/JSON object → validated, defaults filled in).
 * Every problem is reported with its path in the config and what to write instead.
 */
import { SonomicsError } from '../core/errors.ts';
import { HARMONISE_METHODS, type HarmoniseMethod } from './harmonise.ts';

export type ModelName = 'clinical' | 'radiomics' | 'combined';
export const MODEL_NAMES: ModelName[] = ['clinical', 'radiomics', 'combined'];

export interface VariableConfig {
  /** Name of the variable in tables and reports. */
  name: string;
  type: 'binary' | 'continuous' | 'categorical';
  /** Source column (default: name). */
  column?: string;
  /** Derived binary variable, e.g. "ca199 > 200" (column op number). */
  derive?: string;
  /** Categorical: reference level (default: the first level in sorted order). */
  reference?: string;
  /** Table 1 summary of a continuous variable (default median). */
  summary?: 'mean' | 'median';
  /**
   * 'predictor' (default): a candidate of the clinical model. 'describe': shown in Table 1 only;
   * never a model input, and its missing values exclude no case.
   */
  role?: 'predictor' | 'describe';
}

export interface CohortConfig {
  name: string;
  role: 'main' | 'external';
  /** Tables joined by the id column (columns side by side). */
  tables: string[];
  /** Image manifest: the file layer extracts features first (settings: `extraction`) and adds the table. */
  manifest?: string;
}

export interface StudyConfig {
  title: string;
  seed: number;
  data: {
    id: string;
    outcome: string;
    /** Explicit cohorts (one or more tables each) ... */
    cohorts: CohortConfig[];
    /** Text codes meaning "missing" (besides empty cells, NA, NaN). */
    missingCodes: string[];
    missing: 'complete-case' | 'impute';
    /** Optional batch column for ComBat (e.g. centre or device). */
    batch?: string;
  };
  /** alpha: multivariable retention; entryAlpha: univariable entry (default alpha). */
  clinical: {
    variables: VariableConfig[]; alpha: number; entryAlpha: number; kernel: 'rbf' | 'linear';
    /** What the clinical SVM reads: the retained design columns, or their logistic linear predictor alone (logit-score.ts). */
    input: 'variables' | 'score';
  };
  radiomics: {
    /** Glob patterns (* and ?) on feature column names; default: every column not used elsewhere. */
    include: string[];
    exclude: string[];
    /** Feature-name groups {region}_{image}_{family}_{feature}; empty = all. */
    regions: string[];
    images: string[];
    families: string[];
    combat: boolean;
    /** Label-free alignment of centres not in the training data to the training centre (harmonise.ts). */
    harmonise: HarmoniseMethod;
    icc?: { table: string; threshold: number; type: 'ICC1' | 'ICC2' | 'ICC3'; subject: string; reader: string };
    redundancy: number;
    lambdaRule: '1se' | 'min';
    /** Elastic-net mixing of the selection step (glmnet's alpha): 1 = LASSO, < 1 adds a ridge part. */
    alpha: number;
    /** SVM kernel of the radiomics model. */
    kernel: 'rbf' | 'linear';
    /** What the radiomics model's SVM reads: the selected features, or the radiomics score alone. */
    input: 'features' | 'score';
  };
  combined: {
    radiomics: 'features' | 'score'; kernel: 'rbf' | 'linear';
    /** What the combined SVM reads: its columns, or the linear predictor of a logistic regression on them (logit-score.ts). */
    input: 'features' | 'score';
  };
  svm: { Cs: number[]; gammas: number[]; classWeights: 'balanced' | 'none' };
  innerFolds: number;
  evaluation: {
    folds: number;
    repeats: number;
    /** Column (in the main cohort) holding fixed fold ids 1..k; overrides folds/repeats. */
    foldColumn?: string;
    protocol: 'no-leakage' | 'paper';
    bootstrap: number;
    ciLevel: number;
  };
  models: ModelName[];
  /** Feature-extraction settings, stored verbatim in the model bundle. */
  extraction?: unknown;
}

const DEFAULT_CS = [0.1, 1, 10, 100];
const DEFAULT_GAMMAS = [0.001, 0.01, 0.1, 1];

class Checker {
  readonly problems: string[] = [];
  fail(path: string, msg: string): void { this.problems.push(`${path}: ${msg}`); }
  obj(v: unknown, path: string): Record<string, unknown> {
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' || Array.isArray(v)) { this.fail(path, 'must be a mapping (key: value)'); return {}; }
    return v as Record<string, unknown>;
  }
  str(v: unknown, path: string, def?: string): string {
    if (v === undefined || v === null) {
      if (def === undefined) this.fail(path, 'is required (a text value)');
      return def ?? '';
    }
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v === '') { this.fail(path, 'must be a non-empty text value'); return def ?? ''; }
    return v;
  }
  num(v: unknown, path: string, def: number, check?: (x: number) => string | undefined): number {
    if (v === undefined || v === null) return def;
    if (typeof v !== 'number' || !Number.isFinite(v)) { this.fail(path, `must be a number, got ${JSON.stringify(v)}`); return def; }
    const why = check?.(v);
    if (why) { this.fail(path, why); return def; }
    return v;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[], def: T): T {
    if (v === undefined || v === null) return def;
    if (typeof v !== 'string' || !options.includes(v as T)) { this.fail(path, `must be one of ${options.map((o) => `'${o}'`).join(', ')}, got ${JSON.stringify(v)}`); return def; }
    return v as T;
  }
  strList(v: unknown, path: string, def: string[] = []): string[] {
    if (v === undefined || v === null) return def;
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x, i) => this.str(x, `${path}[${i}]`));
  }
  numList(v: unknown, path: string, def: number[]): number[] {
    if (v === undefined || v === null) return def;
    const arr = Array.isArray(v) ? v : [v];
    if (arr.length === 0) { this.fail(path, 'must list at least one number'); return def; }
    return arr.map((x, i) => this.num(x, `${path}[${i}]`, 1, (n) => (n > 0 ? undefined : 'must be > 0')));
  }
}

const KNOWN_TOP = ['title', 'seed', 'data', 'clinical', 'radiomics', 'combined', 'svm', 'innerFolds', 'evaluation', 'models', 'extraction'];

/** Validate a parsed YAML/JSON object and fill in defaults. Throws BAD_CONFIG listing every problem. */
export function parseStudyConfig(raw: unknown, source = 'study config'): StudyConfig {
  const c = new Checker();
  const top = c.obj(raw, '(top)');
  for (const k of Object.keys(top)) if (!KNOWN_TOP.includes(k)) c.fail(k, `unknown key; expected one of ${KNOWN_TOP.join(', ')}`);
  const data = c.obj(top.data, 'data');
  const cohorts = parseCohorts(c, data);
  const missingCodes = c.strList(data.missingCodes ?? data.missing_codes, 'data.missingCodes', []).map(String);

  const clinicalRaw = c.obj(top.clinical, 'clinical');
  const varsRaw = clinicalRaw.variables ?? [];
  const variables: VariableConfig[] = [];
  if (!Array.isArray(varsRaw)) c.fail('clinical.variables', 'must be a list of variables, e.g. - { name: age, type: continuous }');
  else varsRaw.forEach((v, i) => variables.push(parseVariable(c, v, `clinical.variables[${i}]`)));
  const names = new Set<string>();
  for (const v of variables) {
    if (names.has(v.name)) c.fail('clinical.variables', `the variable "${v.name}" is listed twice`);
    names.add(v.name);
  }

  const rad = c.obj(top.radiomics, 'radiomics');
  let icc: StudyConfig['radiomics']['icc'];
  if (rad.icc !== undefined && rad.icc !== null) {
    const ic = c.obj(rad.icc, 'radiomics.icc');
    icc = {
      table: c.str(ic.table, 'radiomics.icc.table'),
      threshold: c.num(ic.threshold, 'radiomics.icc.threshold', 0.75, (x) => (x >= 0 && x <= 1 ? undefined : 'must be between 0 and 1')),
      type: c.oneOf(ic.type, 'radiomics.icc.type', ['ICC1', 'ICC2', 'ICC3'] as const, 'ICC2'),
      subject: c.str(ic.subject, 'radiomics.icc.subject', 'subject'),
      reader: c.str(ic.reader, 'radiomics.icc.reader', 'reader'),
    };
  }
  const svm = c.obj(top.svm, 'svm');
  const comb = c.obj(top.combined, 'combined');
  const alpha = c.num(clinicalRaw.alpha, 'clinical.alpha', 0.05, (x) => (x > 0 && x <= 1 ? undefined : 'must be in (0, 1]'));
  const ev = c.obj(top.evaluation, 'evaluation');
  const models = c.strList(top.models, 'models', [...MODEL_NAMES]);
  for (const m of models) if (!MODEL_NAMES.includes(m as ModelName)) c.fail('models', `unknown model "${m}"; use clinical, radiomics and/or combined`);
  const intCheck = (min: number) => (x: number) => (Number.isInteger(x) && x >= min ? undefined : `must be an integer ≥ ${min}`);

  const cfg: StudyConfig = {
    title: c.str(top.title, 'title', 'Prediction-model study'),
    seed: c.num(top.seed, 'seed', 42, intCheck(0)),
    data: {
      id: c.str(data.id, 'data.id', 'id'),
      outcome: c.str(data.outcome, 'data.outcome'),
      cohorts,
      missingCodes,
      missing: c.oneOf(data.missing, 'data.missing', ['complete-case', 'impute'] as const, 'complete-case'),
      batch: data.batch === undefined ? undefined : c.str(data.batch, 'data.batch'),
    },
    clinical: {
      variables,
      alpha,
      entryAlpha: c.num(clinicalRaw.entryAlpha, 'clinical.entryAlpha', alpha, (x) => (x > 0 && x <= 1 ? undefined : 'must be in (0, 1]')),
      kernel: c.oneOf(clinicalRaw.kernel, 'clinical.kernel', ['rbf', 'linear'] as const, 'rbf'),
      input: c.oneOf(clinicalRaw.input, 'clinical.input', ['variables', 'score'] as const, 'variables'),
    },
    radiomics: {
      include: c.strList(rad.include, 'radiomics.include', []),
      exclude: c.strList(rad.exclude, 'radiomics.exclude', []),
      regions: c.strList(rad.regions, 'radiomics.regions', []),
      images: c.strList(rad.images, 'radiomics.images', []),
      families: c.strList(rad.families, 'radiomics.families', []),
      combat: rad.combat === true,
      harmonise: c.oneOf(rad.harmonise, 'radiomics.harmonise', HARMONISE_METHODS, 'none'),
      icc,
      redundancy: c.num(rad.redundancy, 'radiomics.redundancy', 0.9, (x) => (x > 0 && x <= 1 ? undefined : 'must be in (0, 1]')),
      lambdaRule: c.oneOf(rad.lambda ?? rad.lambdaRule, 'radiomics.lambda', ['1se', 'min'] as const, '1se'),
      alpha: c.num(rad.alpha, 'radiomics.alpha', 1, (x) => (x > 0 && x <= 1 ? undefined : 'must be in (0, 1] (1 = LASSO, smaller mixes in ridge; 0 would select nothing)')),
      kernel: c.oneOf(rad.kernel, 'radiomics.kernel', ['rbf', 'linear'] as const, 'rbf'),
      input: c.oneOf(rad.input, 'radiomics.input', ['features', 'score'] as const, 'features'),
    },
    combined: {
      radiomics: c.oneOf(comb.radiomics, 'combined.radiomics', ['features', 'score'] as const, 'features'),
      kernel: c.oneOf(comb.kernel, 'combined.kernel', ['rbf', 'linear'] as const, 'rbf'),
      input: c.oneOf(comb.input, 'combined.input', ['features', 'score'] as const, 'features'),
    },
    svm: {
      Cs: c.numList(svm.C ?? svm.Cs, 'svm.C', DEFAULT_CS),
      gammas: c.numList(svm.gamma ?? svm.gammas, 'svm.gamma', DEFAULT_GAMMAS),
      classWeights: c.oneOf(svm.classWeights, 'svm.classWeights', ['balanced', 'none'] as const, 'balanced'),
    },
    innerFolds: c.num(top.innerFolds, 'innerFolds', 5, intCheck(2)),
    evaluation: {
      folds: c.num(ev.folds, 'evaluation.folds', 5, intCheck(2)),
      repeats: c.num(ev.repeats, 'evaluation.repeats', 1, intCheck(1)),
      foldColumn: ev.foldColumn === undefined ? undefined : c.str(ev.foldColumn, 'evaluation.foldColumn'),
      protocol: c.oneOf(ev.protocol, 'evaluation.protocol', ['no-leakage', 'paper'] as const, 'no-leakage'),
      bootstrap: c.num(ev.bootstrap, 'evaluation.bootstrap', 0, intCheck(0)),
      ciLevel: c.num(ev.ciLevel, 'evaluation.ciLevel', 0.95, (x) => (x > 0 && x < 1 ? undefined : 'must be in (0, 1)')),
    },
    models: models as ModelName[],
    extraction: top.extraction,
  };
  if (cfg.data.cohorts.some((x) => x.manifest) && cfg.extraction === undefined) c.fail('extraction', 'a cohort names a manifest: give the extraction settings here (as for sonomics extract --settings)');
  if (cfg.radiomics.combat && cfg.radiomics.harmonise !== 'none') c.fail('radiomics.harmonise', 'choose one harmonisation: ComBat (radiomics.combat, batches inside the training data) or centre harmonisation (radiomics.harmonise, centres not in the training data)');
  if (cfg.radiomics.combat && !cfg.data.batch) c.fail('radiomics.combat', 'needs data.batch: the column that names each case\'s batch (centre or device)');
  const needsClinical = cfg.models.includes('clinical') || cfg.models.includes('combined');
  if (needsClinical && !variables.some((v) => v.role !== 'describe')) c.fail('clinical.variables', `the ${cfg.models.includes('clinical') ? 'clinical' : 'combined'} model needs at least one clinical variable with role predictor; add them or set models: [radiomics]`);
  if (c.problems.length) {
    throw new SonomicsError('BAD_CONFIG', `${source} has ${c.problems.length} problem(s):\n  - ${c.problems.join('\n  - ')}`, { subject: source });
  }
  return cfg;
}

function parseCohorts(c: Checker, data: Record<string, unknown>): CohortConfig[] {
  const out: CohortConfig[] = [];
  if (data.cohorts === undefined) {
    c.fail('data.cohorts', 'is required: list the cohorts, e.g. - { name: main, role: main, tables: [clinical.csv, features.csv] }');
    return out;
  }
  if (!Array.isArray(data.cohorts)) { c.fail('data.cohorts', 'must be a list of { name, role: main|external, tables: [...] }'); return out; }
  data.cohorts.forEach((raw, i) => {
    const p = `data.cohorts[${i}]`;
    const o = c.obj(raw, p);
    const tables = c.strList(o.tables ?? o.table, `${p}.tables`, []);
    const manifest = o.manifest === undefined ? undefined : c.str(o.manifest, `${p}.manifest`);
    if (tables.length === 0 && !manifest) c.fail(`${p}.tables`, 'list at least one table file (CSV), or give a manifest: to extract features from images');
    out.push({ name: c.str(o.name, `${p}.name`, i === 0 ? 'main' : `external${i}`), role: c.oneOf(o.role, `${p}.role`, ['main', 'external'] as const, i === 0 ? 'main' : 'external'), tables, ...(manifest ? { manifest } : {}) });
  });
  const mains = out.filter((x) => x.role === 'main');
  if (out.length && mains.length !== 1) c.fail('data.cohorts', `exactly one cohort must have role: main (found ${mains.length})`);
  const names = new Set(out.map((x) => x.name));
  if (names.size !== out.length) c.fail('data.cohorts', 'cohort names must be unique');
  return out;
}

function parseVariable(c: Checker, raw: unknown, path: string): VariableConfig {
  if (typeof raw === 'string') return { name: raw, type: 'continuous' };
  const o = c.obj(raw, path);
  const derive = o.derive === undefined ? undefined : c.str(o.derive, `${path}.derive`);
  const name = c.str(o.name, `${path}.name`);
  const type = derive ? 'binary' : c.oneOf(o.type, `${path}.type`, ['binary', 'continuous', 'categorical'] as const, 'continuous');
  if (derive && o.type !== undefined && o.type !== 'binary') c.fail(`${path}.type`, 'a derived variable (derive: ...) is binary');
  return {
    name,
    type,
    column: o.column === undefined ? undefined : c.str(o.column, `${path}.column`),
    derive,
    reference: o.reference === undefined ? undefined : String(o.reference),
    summary: c.oneOf(o.summary, `${path}.summary`, ['mean', 'median'] as const, 'median'),
    role: c.oneOf(o.role, `${path}.role`, ['predictor', 'describe'] as const, 'predictor'),
  };
}

/** Every table file the config refers to (for the file layer to read). */
export function configTablePaths(cfg: StudyConfig): string[] {
  const paths = cfg.data.cohorts.flatMap((x) => x.tables);
  if (cfg.radiomics.icc) paths.push(cfg.radiomics.icc.table);
  return [...new Set(paths)];
}
