/**
 * runStudy: the whole study on parsed tables → a plain, JSON-serialisable StudyResult.
 *
 * Main cohort: stratified k-fold CV (repeatable, seeded; or fixed folds from a column). In every
 * outer fold all models are fitted on the training part (see fit.ts) and predict the held-out
 * part; the pooled out-of-fold predictions give the CV metrics and each fold its own AUC.
 * External cohorts: the models fitted on the whole main cohort. Paired DeLong tests compare the
 * models on the same cases. Same inputs + seed → identical result.
 */
import type { StudyProvenance } from './provenance.ts';
import { SonomicsError } from '../core/errors.ts';
import { SeedStream } from '../core/random.ts';
import { repeatedStratifiedGroupKFold, repeatedStratifiedKFold } from '../ml/index.ts';
import { clusteredDelongTest, delongTest, qnorm, roc } from '../stats/index.ts';
import { MODEL_NAMES, type ModelName, type StudyConfig } from './config.ts';
import { buildStudyData, collapseToRows, type CohortData, type MissingReport, type StudyData } from './data.ts';
import { evaluate, type Metrics } from './evaluate.ts';
import { fitModels, type FitResult, type Selections } from './fit.ts';
import { applyModel, caseRecords, thresholdOf, type FittedModel } from './model.ts';
import { applyPatientCombiner, patientIndex, patientOutcome, type PatientIndex, type RiskRule } from './patient-unit.ts';
import { fitPatientCombiners, type CombinerTarget } from './patient-calibration.ts';
import type { FitContext } from './fit.ts';
import type { SeedStream as Stream } from '../core/random.ts';
import { harmoniseCohortWith, type CentreParameters } from './harmonise.ts';
import { iccFilter, type IccReport } from './icc-filter.ts';
import type { HeadDescription } from './heads/contract.ts';
import { FEATURE_GAP_RULE } from './feature-gaps.ts';
import { headFor } from './heads/registry.ts';
import type { Table } from '../tables/table.ts';
import { table1, type Table1 } from './table1.ts';
import type { VariableSpec } from './variables.ts';
import type { InputSummary } from './input-summary.ts';
import type { ExtractionRun } from './extraction-run.ts';

export const RESULTS_SCHEMA = 'sonomics.study-results/1';

export interface ModelResult {
  cv: Metrics & {
    /** Each held-out fold: its AUC, the threshold its training fold fixed, and where that fold's head departed from its method (heads/contract.ts `fallbacks`) with the notes saying so. */
    folds: Array<{ repeat: number; fold: number; n: number; auc: number; threshold: number; hyper?: Record<string, number>; firth?: true; fallbacks: string[]; notes: string[] }>;
    fold_auc_mean: number; fold_auc_sd: number; repeat_auc?: number[];
    /** How many training folds' heads took each fallback ({} when none did). */
    fallbacks: Record<string, number>;
    /** The pooled out-of-fold AUC against the mean per-fold AUC (pooling is only meaningful when the folds' probabilities share a scale). */
    pooled_vs_folds: PooledVsFolds;
  };
  external?: Metrics;
  externals: Record<string, Metrics>;
  /** The final model on its own training data (optimistic; for reference). */
  apparent: Metrics;
  features: string[];
  /** The final model's head hyperparameters (SVM: C, gamma). */
  hyper: Record<string, number>;
  /** The final model's head: kind, label, hyperparameters, a sentence for the methods (heads/contract.ts). */
  head: HeadDescription;
  /** Where the final model's head departed from its method (e.g. 'platt-in-sample'); [] when it did not. */
  fallbacks: string[];
  threshold: number;
  /** Clinical model only: the logistic regression on the same retained variables, for comparison. */
  logistic?: { cv: Metrics; external?: Metrics; externals: Record<string, Metrics>; threshold: number; thresholdRule: string };
}

export interface PooledVsFolds {
  pooled_auc: number;
  fold_auc_mean: number;
  /** pooled − mean per-fold. */
  difference: number;
  /** Half-width of the pooled AUC's DeLong CI. */
  pooled_ci_halfwidth: number;
  /** |difference| ≤ pooled_ci_halfwidth; when false, results.warnings says so. */
  agree: boolean;
}

export interface Comparison { cohort: string; a: ModelName; b: ModelName; auc_a: number; auc_b: number; diff: number; z: number; p: number; ci_diff: [number, number]; /** set when not the plain paired DeLong test */ method?: string }

export interface PredictionRow {
  cohort: string; id: string; y: number; set: 'cv' | 'external' | 'fitted'; repeat: number; fold: number; probability: Partial<Record<ModelName, number>>; predicted: Partial<Record<ModelName, number>>;
  /**
   * data.unit: patient — 'patient' on the rows every figure is computed from (id = the patient);
   * 'lesion' on the lesion-level model's rows behind a risk rule (id = the lesion, `patient` its patient).
   */
  unit?: 'patient' | 'lesion';
  patient?: string;
  /** combine: largest — the lesion whose row the patient's prediction used. */
  lesion?: string;
}

/** What the models predict and every figure counts (data.unit), and how lesions combine. */
export interface UnitRecord {
  unit: 'lesion' | 'patient';
  combine?: 'largest' | 'mean-risk' | 'max-risk';
  /** combine: largest — the lesion-size column. */
  size?: string;
  /** One sentence for readers (report, results.json). */
  text: string;
}

export interface StudyResult {
  schema: string;
  title: string;
  protocol: 'no-leakage' | 'paper';
  seed: number;
  thresholdRule: string;
  config: StudyConfig;
  /** n and events count the units (patients under data.unit: patient; then `lesions` counts their lesion rows). */
  cohorts: Array<{ name: string; role: 'main' | 'external'; n: number; events: number; lesions?: number }>;
  unit: UnitRecord;
  missing: { policy: 'complete-case' | 'impute'; cohorts: MissingReport[] };
  variables: VariableSpec[];
  features: { candidates: string[]; icc?: IccReport };
  table1: Table1[];
  selection: Selections & { frequency: Record<string, number>; folds: number };
  models: Partial<Record<ModelName, ModelResult>>;
  comparisons: Comparison[];
  predictions: PredictionRow[];
  final: Partial<Record<ModelName, FittedModel>>;
  /**
   * Centre harmonisation (radiomics.harmonise): the training centre(s), whose cases are never
   * transformed, and each external centre's own parameters per model (the bundle carries them).
   */
  centres: CentreRecord;
  /**
   * Written by the file layer (results.json, report): versions, hashes, date, and the bundles it
   * wrote. Absent in a result built in memory.
   */
  provenance?: StudyProvenance;
  /** Mean, SD, range of every input column in the main cohort (bundle: out-of-range warnings, contributions). */
  trainingSummary: InputSummary[];
  /** How the feature tables were extracted (their run records), when the file layer found them. */
  extraction?: ExtractionRun[];
  notes: string[];
  /** Undefined radiomics feature values and how they were handled (feature-gaps.ts); absent without radiomics. */
  featureGaps?: {
    rule: string;
    cohorts: Array<{ cohort: string; values: number; cases: number }>;
    /** The final model's training set (the whole main cohort). */
    final: { dropped: string[]; imputed: number };
    folds: Array<{ repeat: number; fold: number; dropped: number; imputed: number }>;
  };
  /** What a reader must not miss: pooled and per-fold CV disagreeing, the paper protocol's optimism. */
  warnings: string[];
}

export interface CentreRecord {
  /** Names of the training centre(s): the batch labels of the main cohort, or its name. */
  training: string[];
  /** Per model with harmonisation: centre name → its parameters (fitted from its unlabelled features). */
  models: Partial<Record<ModelName, Record<string, CentreParameters>>>;
}

export interface RunOptions {
  robustness?: Table;
  /** Run records of the extractions behind the feature tables (run.json), for the report's methods. */
  extraction?: ExtractionRun[];
}

type FoldInfo = ModelResult['cv']['folds'][number];

/**
 * One (inputs, head) pair followed through the outer CV: its out-of-fold probabilities and the
 * threshold of the fold that made each (per repeat), and each held-out fold's AUC. The study's
 * models and the comparisons beside them (the clinical logistic regression) are all tracks.
 */
interface Track {
  key: string;
  pick: (fit: FitResult) => FittedModel | undefined;
  oof: number[][];
  thr: number[][];
  /** Risk rules: the lesion model's out-of-fold risks (per repeat, by lesion) behind the patients' risks. */
  lesionOof: number[][];
  lesionThr: number[][];
  folds: FoldInfo[];
}

/**
 * The units every figure counts: the cohort's rows (lesions, or patients already combined by
 * `largest`), or — for the risk rules — its patients, each with their lesion rows.
 */
interface Units {
  ids: string[];
  y: number[];
  groups?: string[];
  folds?: number[];
  lesions: number[][];
  /** Risk rules: the patients (patient-unit.ts), for combining lesion risks. */
  idx?: PatientIndex;
}

function unitsOf(c: CohortData, risk: boolean): Units {
  if (!risk) return { ids: c.ids, y: c.y, groups: c.groups, folds: c.folds, lesions: c.ids.map((_, i) => [i]) };
  const idx = patientIndex(c.groups!);
  return { ids: idx.patients, y: patientOutcome(c.y, idx), folds: c.folds && idx.lesions.map((rows) => c.folds![rows[0]!]!), lesions: idx.lesions, idx };
}

function unitText(cfg: StudyConfig, sizeColumn?: string): string {
  if (cfg.data.unit !== 'patient') return cfg.data.group ? `lesion level: each case (row) is predicted and counted; cases are grouped by patient (${cfg.data.group}).` : 'lesion level: each case (row) is predicted and counted.';
  const rule = cfg.data.combine === 'largest'
    ? `the features of each patient's largest lesion (by ${sizeColumn}; ties to the first row) form one row per patient, on which every model is fitted and evaluated`
    : `the lesion-level model is fitted on the lesions of the training patients and a patient's risk is the ${cfg.data.combine === 'mean-risk' ? 'mean' : 'maximum'} of their lesions' risks, recalibrated at patient level (Platt sigmoid on its logit, with a patient-level Youden threshold) on inner out-of-fold risks of the training patients`;
  return `patient level (patients: ${cfg.data.group}): ${rule}; outcome and clinical variables are one value per patient, folds are by patient and every figure counts patients.`;
}

/**
 * The paper protocol's optimism, with the figure that shows it: on BUS-BRA (GE main cohort,
 * official patient-grouped folds, radiomics) with the outcome shuffled, 'paper' gave a CV AUC of
 * 0.602 with a 95% CI excluding 0.5 (issue #21); the default protocol stays at chance
 * (test/study/permutation.test.ts).
 */
export const PAPER_WARNING = "Protocol 'paper' is optimistic: feature and variable selection and the SVM hyperparameters were chosen on the whole main cohort, held-out folds included, so its cross-validated AUC overstates performance on new patients. With the outcome shuffled (no signal at all) it gave a CV AUC of 0.602 on BUS-BRA, with a 95% CI excluding 0.5; the default no-leakage protocol stays near 0.5. Report the no-leakage results.";

/** The comparison models fitted beside a study model (fit.ts), by track key. */
const CLINICAL_LOGISTIC = 'clinical.logistic';

function outerFolds(cfg: StudyConfig, main: Pick<CohortData, 'y' | 'groups' | 'folds'>): number[][] {
  if (main.folds) {
    const ids = [...new Set(main.folds)].sort((a, b) => a - b);
    if (main.groups) checkGroupsInOneFold(main.groups, main.folds, `evaluation.foldColumn ${cfg.evaluation.foldColumn}`);
    return [main.folds.map((f) => ids.indexOf(f))];
  }
  const events = main.y.filter((v) => v === 1).length;
  const k = Math.min(cfg.evaluation.folds, events, main.y.length - events);
  if (k < 2) throw new SonomicsError('ONE_CLASS', `main cohort: ${events} events — too few for ${cfg.evaluation.folds}-fold CV.`);
  // Cases of one patient (data.group) stay in one fold: scikit-learn's StratifiedGroupKFold.
  if (main.groups) return repeatedStratifiedGroupKFold(main.y, main.groups, k, cfg.evaluation.repeats, cfg.seed);
  return repeatedStratifiedKFold(main.y, k, cfg.evaluation.repeats, cfg.seed);
}

/** Fixed folds must not split a patient either. */
function checkGroupsInOneFold(groups: string[], folds: number[], what: string): void {
  const first = new Map<string, number>();
  groups.forEach((g, i) => {
    const f = first.get(g);
    if (f === undefined) first.set(g, folds[i]!);
    else if (f !== folds[i]) throw new SonomicsError('BAD_INPUT', `${what} puts the cases of group ${g} (data.group) in folds ${f} and ${folds[i]}; a patient's cases must share one fold.`, { subject: g });
  });
}

const PAIRS: Array<[ModelName, ModelName]> = [['combined', 'radiomics'], ['combined', 'clinical'], ['radiomics', 'clinical']];

export function runStudy(cfg: StudyConfig, tables: Record<string, Table>, opts: RunOptions = {}): StudyResult {
  if (cfg.outcome) throw new SonomicsError('BAD_CONFIG', `the study has a time-to-event outcome (outcome: { time: ${cfg.outcome.time}, event: ${cfg.outcome.event} }); run it with runSurvivalStudy (src/study/survival/run.ts), as sonomics study does.`);
  // Heads by kind (the config cannot import the registry: heads read the config's types). Checked before any fit.
  for (const m of cfg.models) headFor(cfg[m].head, `study config ${m}.head`);
  const data: StudyData = buildStudyData(cfg, tables);
  // Loud warnings first (the CLI prints them too): e.g. repeated patient ids without data.group.
  const notes: string[] = data.warnings.map((w) => `warning: ${w}`);
  const warnings: string[] = [];
  if (cfg.evaluation.protocol === 'paper') warnings.push(PAPER_WARNING);
  let features = data.features;
  let icc: IccReport | undefined;
  if (cfg.radiomics.icc && features.length) {
    const t = tables[cfg.radiomics.icc.table] ?? opts.robustness;
    if (!t) throw new SonomicsError('FILE_NOT_FOUND', `radiomics.icc.table "${cfg.radiomics.icc.table}" was not provided.`);
    icc = iccFilter(t, features, cfg.radiomics.icc);
    features = icc.kept;
    if (features.length === 0) throw new SonomicsError('BAD_INPUT', `no feature reaches ICC ≥ ${cfg.radiomics.icc.threshold}; lower radiomics.icc.threshold or check the robustness table.`);
  }
  // Table-1-only variables (role: describe) are never model inputs.
  const ctx = { cfg, variables: data.variables.filter((v) => !v.describeOnly), features };
  const main = data.cohorts.find((c) => c.role === 'main')!;
  const externals = data.cohorts.filter((c) => c.role === 'external');
  // data.unit: patient with a risk rule: models are fitted on lesions, every figure counts patients.
  const riskRule: RiskRule | undefined = cfg.data.unit === 'patient' && cfg.data.combine !== 'largest' ? cfg.data.combine as RiskRule : undefined;
  const U = unitsOf(main, riskRule !== undefined);
  const extUnits = new Map(externals.map((e) => [e.name, unitsOf(e, riskRule !== undefined)]));
  const inputs = [...data.variables.flatMap((v) => v.design), ...features];
  const all = main.y.map((_, i) => i);
  const mainRecs = caseRecords(main.columns, inputs, all);
  const models = MODEL_NAMES.filter((m) => cfg.models.includes(m));
  const mOpts = { level: cfg.evaluation.ciLevel, bootstrap: cfg.evaluation.bootstrap, seed: cfg.seed };

  // Final models on the whole main cohort (also the fixed selections of the paper protocol).
  const final = fitModels(ctx, mainRecs, main.y, main.batch, new SeedStream(cfg.seed, 'final'), undefined, `the whole main cohort ${main.name} (final model)`, main.groups);
  const fixed = cfg.evaluation.protocol === 'paper' ? final.selections : undefined;
  const targets: CombinerTarget[] = [...models.map((m) => ({ key: m, pick: (fit: FitResult) => fit.models[m] })), ...Object.keys(final.comparisons).map((key) => ({ key, pick: (fit: FitResult) => fit.comparisons[key] }))];
  const attachRule = (fit: FitResult, rows: number[], stream: Stream, where: string) => attachPatientRule(cfg, riskRule, data.sizeColumn, ctx, fit, targets, rows, mainRecs, main, stream, fixed, where);
  attachRule(final, all, new SeedStream(cfg.seed, 'final'), `the whole main cohort ${main.name} (final model)`);

  // Outer cross-validation: every training fold fits all models; every track predicts its held-out part.
  // Folds are over the units: patients for the risk rules (stratified by the patient's outcome).
  const foldSets = outerFolds(cfg, U);
  const units = U.y.map((_, u) => u);
  const blank = (n: number) => foldSets.map(() => new Array<number>(n).fill(NaN));
  const newTrack = (key: string, pick: Track['pick']): Track => ({ key, pick, oof: blank(units.length), thr: blank(units.length), lesionOof: riskRule ? blank(all.length) : [], lesionThr: riskRule ? blank(all.length) : [], folds: [] });
  const tracks: Track[] = models.map((m) => newTrack(m, (fit) => fit.models[m]));
  for (const key of Object.keys(final.comparisons)) tracks.push(newTrack(key, (fit) => fit.comparisons[key]));
  const track = (key: string) => tracks.find((t) => t.key === key)!;
  const frequency: Record<string, number> = {};
  let nFits = 0;
  const gapFolds: NonNullable<StudyResult['featureGaps']>['folds'] = [];
  foldSets.forEach((fold, r) => {
    const k = Math.max(...fold) + 1;
    for (let f = 0; f < k; f++) {
      const trU = units.filter((u) => fold[u] !== f);
      const teU = units.filter((u) => fold[u] === f);
      const tr = trU.flatMap((u) => U.lesions[u]!);
      const te = teU.flatMap((u) => U.lesions[u]!);
      const stream = new SeedStream(cfg.seed, foldSets.length > 1 ? `repeat:${r + 1}/fold:${f + 1}` : `fold:${f + 1}`);
      const where = `outer training fold ${f + 1}${foldSets.length > 1 ? ` of repeat ${r + 1}` : ''} of the main cohort ${main.name}`;
      const fit = fitModels(ctx, tr.map((i) => mainRecs[i]!), tr.map((i) => main.y[i]!), main.batch && tr.map((i) => main.batch![i]!), stream, fixed, where, main.groups && tr.map((i) => main.groups![i]!));
      attachRule(fit, tr, stream, where);
      const teIdx = riskRule ? patientIndex(te.map((i) => main.groups![i]!)) : undefined;
      nFits++;
      if (fit.featureGaps) gapFolds.push({ repeat: r + 1, fold: f + 1, dropped: fit.featureGaps.dropped.length, imputed: fit.featureGaps.imputed });
      for (const s of fit.selections.radiomics?.selected ?? []) frequency[s.name] = (frequency[s.name] ?? 0) + 1;
      for (const v of fit.selections.clinical?.retained ?? []) frequency[v] = (frequency[v] ?? 0) + 1;
      const teRecs = te.map((i) => mainRecs[i]!);
      const yte = teU.map((u) => U.y[u]!);
      const hasBoth = yte.includes(0) && yte.includes(1);
      for (const t of tracks) {
        const model = t.pick(fit)!;
        const pl = applyModel(model, teRecs, main.batch && te.map((i) => main.batch![i]!), te.map((i) => main.ids[i]!)).probability;
        // Risk rules: the held-out patients' risks from their lesions' (teIdx lists them in teU's order).
        const p = teIdx ? applyPatientCombiner(model.patient as never, pl, teIdx) : pl;
        teU.forEach((u, j) => { t.oof[r]![u] = p[j]!; t.thr[r]![u] = thresholdOf(model); });
        if (teIdx) te.forEach((i, j) => { t.lesionOof[r]![i] = pl[j]!; t.lesionThr[r]![i] = model.head.threshold; });
        // The fold's tuned hyperparameters and whether its logistic score fell back to Firth: the
        // report's cautions count folds tuned at a grid edge or fitted under separation.
        const hyper = headFor(model.head.kind, `the ${t.key} model`).describe(model.head).hyper;
        const firth = model.logitScore?.firth === true || (t.key === 'clinical' && fit.selections.clinical?.logisticFirth === true);
        t.folds.push({ repeat: r + 1, fold: f + 1, n: teU.length, auc: hasBoth ? roc(yte, p, { direction: '<' }).auc : NaN, threshold: thresholdOf(model), hyper, ...(firth ? { firth: true as const } : {}), fallbacks: model.head.fallbacks ?? [], notes: fit.headNotes[t.key] ?? [] });
      }
    }
  });

  const predictions: PredictionRow[] = [];
  const patientLevel = cfg.data.unit === 'patient';
  /** The unit fields of a prediction row of unit u (patient level), and the lesion rows behind it (risk rules). */
  const unitFields = (c: CohortData, u: number): Partial<PredictionRow> => (!patientLevel ? {} : { unit: 'patient' as const, ...(c.lesions ? { lesion: c.lesions[u]! } : {}) });
  const lesionRows = (c: CohortData, Uc: Units, set: PredictionRow['set'], repeat: number, foldOf: (u: number) => number, prob: (m: ModelName) => number[], thr: (m: ModelName, i: number) => number) => {
    Uc.lesions.forEach((rows, u) => rows.forEach((i) => predictions.push({
      cohort: c.name, id: c.ids[i]!, y: c.y[i]!, set, repeat, fold: foldOf(u), unit: 'lesion', patient: Uc.ids[u]!,
      probability: Object.fromEntries(models.map((m) => [m, prob(m)[i]!])),
      predicted: Object.fromEntries(models.map((m) => [m, prob(m)[i]! >= thr(m, i) ? 1 : 0])),
    })));
  };
  foldSets.forEach((fold, r) => {
    units.forEach((u) => predictions.push({
      cohort: main.name, id: U.ids[u]!, y: U.y[u]!, set: 'cv', repeat: r + 1, fold: fold[u]! + 1, ...unitFields(main, u),
      probability: Object.fromEntries(models.map((m) => [m, track(m).oof[r]![u]!])),
      predicted: Object.fromEntries(models.map((m) => [m, track(m).oof[r]![u]! >= track(m).thr[r]![u]! ? 1 : 0])),
    }));
    // The lesion model's own out-of-fold risks, classified by its lesion-level threshold (the fold's head).
    if (riskRule) lesionRows(main, U, 'cv', r + 1, (u) => fold[u]! + 1, (m) => track(m).lesionOof[r]!, (m, i) => track(m).lesionThr[r]![i]!);
  });

  const results: StudyResult['models'] = {};
  const fitted: Partial<Record<ModelName, number[]>> = {};
  const extP: Record<string, Partial<Record<ModelName, number[]>>> = {};
  // Risk rules: the final lesion model's own risks behind the patients' (fitted and external lesion rows).
  const fittedLesion: Partial<Record<ModelName, number[]>> = {};
  const extLesion: Record<string, Partial<Record<ModelName, number[]>>> = {};
  /** A model's lesion risks → the units' risks (unchanged unless the model combines lesions by a risk rule). */
  const toUnits = (model: FittedModel, lesionP: number[], Uc: Units): number[] => (Uc.idx && model.patient && model.patient.rule !== 'largest' ? applyPatientCombiner(model.patient, lesionP, Uc.idx) : lesionP);
  const centres: CentreRecord = { training: main.batch ? [...new Set(main.batch)] : [main.name], models: {} };
  /**
   * A final model's probabilities on an external cohort (harmonised to the training centre first when
   * the model does that). The centre's parameters go into the bundle under `record` (the study's
   * models), so `predict --centre` aligns a case of it exactly as here.
   */
  const externalLesionProbability = (model: FittedModel, e: CohortData, record?: ModelName): number[] => {
    // Only the columns this model reads: copying ~1,000-feature records per model was a sizeable share of the study.
    const recs = caseRecords(e.columns, model.inputs, e.y.map((_, i) => i));
    // A centre outside the training data: its own unlabelled feature values align it to the training centre.
    let aligned = recs;
    if (model.harmonise) {
      const h = harmoniseCohortWith(model.harmonise, recs, e.batch, e.name);
      aligned = h.records;
      if (record) Object.assign((centres.models[record] ??= {}), h.params);
    }
    return applyModel(model, aligned, e.batch, e.ids).probability;
  };
  const externalProbability = (model: FittedModel, e: CohortData, record?: ModelName): { lesion: number[]; unit: number[] } => {
    const lesion = externalLesionProbability(model, e, record);
    return { lesion, unit: toUnits(model, lesion, extUnits.get(e.name)!) };
  };
  for (const m of models) {
    const model = final.models[m]!;
    const t = track(m);
    fittedLesion[m] = applyModel(model, mainRecs, main.batch, main.ids).probability;
    const fp = toUnits(model, fittedLesion[m]!, U);
    fitted[m] = fp;
    const cvMetrics = evaluate(U.y, t.oof[0]!, t.thr[0]!, mOpts, U.groups);
    const aucs = t.folds.map((f) => f.auc).filter(Number.isFinite);
    const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    const sd = Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / Math.max(1, aucs.length - 1));
    const fallbacks: Record<string, number> = {};
    for (const f of t.folds) for (const k of f.fallbacks) fallbacks[k] = (fallbacks[k] ?? 0) + 1;
    const half = (cvMetrics.auc_ci[1] - cvMetrics.auc_ci[0]) / 2;
    const pooledVsFolds: PooledVsFolds = { pooled_auc: cvMetrics.auc, fold_auc_mean: mean, difference: cvMetrics.auc - mean, pooled_ci_halfwidth: half, agree: Math.abs(cvMetrics.auc - mean) <= half };
    if (!pooledVsFolds.agree) warnings.push(`${m}: the pooled out-of-fold AUC ${cvMetrics.auc.toFixed(3)} differs from the mean per-fold AUC ${mean.toFixed(3)} by more than the pooled AUC's ${Math.round(cfg.evaluation.ciLevel * 100)}% CI half-width (${half.toFixed(3)}). Each fold's model maps its inputs to its own probability scale, so pooling mixes scales; read the per-fold AUCs${m === 'clinical' ? ', or use clinical.head: logistic, whose probabilities are comparable across folds' : ''}.`);
    const cv: ModelResult['cv'] = { ...cvMetrics, folds: t.folds, fold_auc_mean: mean, fold_auc_sd: sd, fallbacks, pooled_vs_folds: pooledVsFolds };
    if (foldSets.length > 1) cv.repeat_auc = foldSets.map((_, r) => roc(U.y, t.oof[r]!, { direction: '<' }).auc);
    const ext: Record<string, Metrics> = {};
    for (const e of externals) {
      const eu = extUnits.get(e.name)!;
      const { lesion, unit: p } = externalProbability(model, e, m);
      (extP[e.name] ??= {})[m] = p;
      (extLesion[e.name] ??= {})[m] = lesion;
      if (hasBothClasses(eu.y)) ext[e.name] = evaluate(eu.y, p, p.map(() => thresholdOf(model)), mOpts, eu.groups);
    }
    results[m] = {
      cv,
      external: externals.length ? ext[externals[0]!.name] : undefined,
      externals: ext,
      apparent: evaluate(U.y, fp, fp.map(() => thresholdOf(model)), mOpts, U.groups),
      features: model.head.features,
      hyper: headFor(model.head.kind, `the ${m} model`).describe(model.head).hyper,
      head: headFor(model.head.kind, `the ${m} model`).describe(model.head),
      fallbacks: model.head.fallbacks ?? [],
      threshold: thresholdOf(model),
    };
    notes.push(...(final.headNotes[m] ?? []));
  }
  const lg = final.comparisons[CLINICAL_LOGISTIC];
  if (results.clinical && lg) {
    const externalsLg: Record<string, Metrics> = {};
    for (const e of externals) {
      const eu = extUnits.get(e.name)!;
      if (!hasBothClasses(eu.y)) continue;
      const p = externalProbability(lg, e).unit;
      externalsLg[e.name] = evaluate(eu.y, p, p.map(() => thresholdOf(lg)), mOpts, eu.groups);
    }
    const t = track(CLINICAL_LOGISTIC);
    results.clinical.logistic = {
      cv: evaluate(U.y, t.oof[0]!, t.thr[0]!, mOpts, U.groups),
      external: externals.length ? externalsLg[externals[0]!.name] : undefined,
      externals: externalsLg,
      threshold: thresholdOf(lg),
      thresholdRule: 'Youden index on the in-sample predictions of the training data',
    };
  }
  units.forEach((u) => predictions.push({
    cohort: main.name, id: U.ids[u]!, y: U.y[u]!, set: 'fitted', repeat: 0, fold: 0, ...unitFields(main, u),
    probability: Object.fromEntries(models.map((m) => [m, fitted[m]![u]!])),
    predicted: Object.fromEntries(models.map((m) => [m, fitted[m]![u]! >= thresholdOf(final.models[m]!) ? 1 : 0])),
  }));
  if (riskRule) lesionRows(main, U, 'fitted', 0, () => 0, (m) => fittedLesion[m]!, (m) => final.models[m]!.head.threshold);
  for (const e of externals) {
    const eu = extUnits.get(e.name)!;
    eu.y.forEach((yv, u) => predictions.push({
      cohort: e.name, id: eu.ids[u]!, y: yv, set: 'external', repeat: 0, fold: 0, ...unitFields(e, u),
      probability: Object.fromEntries(models.map((m) => [m, extP[e.name]![m]![u]!])),
      predicted: Object.fromEntries(models.map((m) => [m, extP[e.name]![m]![u]! >= thresholdOf(final.models[m]!) ? 1 : 0])),
    }));
    if (riskRule) lesionRows(e, eu, 'external', 0, () => 0, (m) => extLesion[e.name]![m]!, (m) => final.models[m]!.head.threshold);
  }

  const comparisons: Comparison[] = [];
  const compare = (cohort: string, y: number[], probs: Partial<Record<ModelName, number[]>>, groups?: string[]) => {
    for (const [a, b] of PAIRS) {
      if (!probs[a] || !probs[b]) continue;
      if (groups) {
        // patients with several cases: Obuchowski's clustered covariance of the two AUCs
        const t = clusteredDelongTest(y, probs[a]!, probs[b]!, groups);
        const d = t.auc1 - t.auc2, half = qnorm(1 - (1 - cfg.evaluation.ciLevel) / 2) * t.se;
        comparisons.push({ cohort, a, b, auc_a: t.auc1, auc_b: t.auc2, diff: d, z: t.z, p: t.p, ci_diff: [d - half, d + half], method: 'clustered DeLong (Obuchowski 1997)' });
        continue;
      }
      const t = delongTest(y, probs[a]!, probs[b]!);
      comparisons.push({ cohort, a, b, auc_a: t.auc1, auc_b: t.auc2, diff: t.diff, z: t.z, p: t.p, ci_diff: t.ciDiff });
    }
  };
  compare('cv', U.y, Object.fromEntries(models.map((m) => [m, track(m).oof[0]!])), U.groups);
  for (const e of externals) {
    const eu = extUnits.get(e.name)!;
    if (hasBothClasses(eu.y)) compare(e.name, eu.y, extP[e.name]!, eu.groups);
    else notes.push(`external cohort ${e.name} has only one outcome class after the missing-value policy: its predictions are written but AUC and DeLong tests are not defined.`);
  }

  if (cfg.radiomics.harmonise !== 'none' && externals.length) notes.push(`external cohorts were harmonised to the training centre (${cfg.radiomics.harmonise}) from their own unlabelled feature values${cfg.data.batch ? `, per ${cfg.data.batch}` : ', each cohort as one centre'}; main-cohort cases are not transformed.`);
  if (patientLevel) notes.push(`unit of analysis: ${unitText(cfg, data.sizeColumn)} ${main.name}: ${U.ids.length} patients, ${main.lesionRows ?? main.y.length} lesion rows.`);
  else if (main.groups) notes.push(`cases are grouped by ${cfg.data.group} (${new Set(main.groups).size} patients in ${main.name}): outer and inner folds keep a patient's cases together (stratified group k-fold), AUC CIs and DeLong tests are clustered by patient (Obuchowski 1997)${cfg.evaluation.bootstrap > 0 ? ', the bootstrap resamples patients' : ''}.`);
  if (foldSets.length > 1) notes.push(`CV metrics are from the pooled out-of-fold predictions of repeat 1; repeat_auc lists every repeat's pooled AUC.`);
  notes.push(...(final.selections.clinical?.notes ?? []), ...(final.selections.radiomics?.notes ?? []));

  return {
    schema: RESULTS_SCHEMA,
    title: cfg.title,
    protocol: cfg.evaluation.protocol,
    seed: cfg.seed,
    thresholdRule: `Youden index (pROC coords "best", lowest tied threshold) on the inner out-of-fold Platt probabilities of the training data; positive iff p ≥ threshold. Pooled CV predictions use the threshold of their own training fold.${riskRule ? ` Patients (data.combine ${riskRule}): the threshold is the Youden index of the recalibrated patient risks from inner out-of-fold lesion risks of the training patients, positive iff the patient's risk ≥ threshold.` : ''}`,
    config: cfg,
    cohorts: data.cohorts.map((c) => {
      const uc = c.role === 'main' ? U : extUnits.get(c.name)!;
      return { name: c.name, role: c.role, n: uc.y.length, events: uc.y.filter((v) => v === 1).length, ...(patientLevel ? { lesions: c.lesionRows ?? c.y.length } : {}) };
    }),
    unit: { unit: cfg.data.unit, ...(cfg.data.combine ? { combine: cfg.data.combine } : {}), ...(data.sizeColumn ? { size: data.sizeColumn } : {}), text: unitText(cfg, data.sizeColumn) },
    missing: { policy: data.policy, cohorts: data.missing },
    variables: data.variables,
    features: { candidates: features, icc },
    // Patient level: Table 1 describes patients (outcome and clinical values are one per patient; the first lesion row carries them).
    table1: table1(riskRule ? data.cohorts.map((c) => { const uc = c.role === 'main' ? U : extUnits.get(c.name)!; return collapseToRows(c, uc.lesions.map((rows) => rows[0]!), uc.ids); }) : data.cohorts, data.variables, cfg.clinical.variables),
    selection: { ...final.selections, frequency, folds: nFits },
    models: results,
    comparisons,
    predictions,
    final: final.models,
    centres,
    trainingSummary: inputs.map((name) => summarise(name, main.columns[name]!)),
    ...(opts.extraction?.length ? { extraction: opts.extraction } : {}),
    notes,
    ...(final.featureGaps ? { featureGaps: { rule: FEATURE_GAP_RULE, cohorts: data.missing.map((m) => ({ cohort: m.cohort, values: m.undefinedFeatureValues, cases: m.casesWithUndefinedFeatures })), final: final.featureGaps, folds: gapFolds } } : {}),
    warnings,
  };
}

/**
 * data.unit: patient — the patient rule a fitted model carries: `largest` (so that predict takes the
 * largest lesion's row), or a risk rule's patient-level calibration and threshold, fitted on inner
 * out-of-fold risks of this training set's lesions (patient-calibration.ts). `rows` index `main`.
 */
function attachPatientRule(cfg: StudyConfig, riskRule: RiskRule | undefined, sizeColumn: string | undefined, ctx: FitContext, fit: FitResult, targets: CombinerTarget[], rows: number[], recs: Array<Record<string, number>>, main: CohortData, stream: Stream, fixed: FitResult['selections'] | undefined, where: string): void {
  if (cfg.data.unit !== 'patient') return;
  if (!riskRule) {
    for (const t of targets) t.pick(fit)!.patient = { rule: 'largest', size: sizeColumn! };
    return;
  }
  const sub = <T>(xs: T[]) => rows.map((i) => xs[i]!);
  const c = fitPatientCombiners(riskRule, ctx, sub(recs), sub(main.y), main.batch && sub(main.batch), sub(main.groups!), sub(main.ids), stream, fixed, where, targets);
  for (const t of targets) {
    t.pick(fit)!.patient = c.byKey[t.key]!;
    if (c.byKey[t.key]!.identity) (fit.headNotes[t.key] ??= []).push(...c.notes.filter((n) => n.startsWith(`${t.key} model`)));
  }
}

export function summarise(name: string, values: number[]): InputSummary {
  const v = values.filter(Number.isFinite);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, v.length - 1));
  return { name, mean, sd, min: Math.min(...v), max: Math.max(...v) };
}

function hasBothClasses(y: number[]): boolean {
  return y.includes(0) && y.includes(1);
}
