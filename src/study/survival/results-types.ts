/**
 * The results of a study with a time-to-event outcome (config `outcome: { time, event, ... }`):
 * plain JSON data, written to results.json (schema SURVIVAL_RESULTS_SCHEMA) and read by the report
 * sections, the bundle and `predict`. A binary study keeps its own StudyResult (run.ts) unchanged.
 *
 * Conventions (docs/survival.md): status 0 = censored, 1 = the event of interest, 2 = the competing
 * event (when outcome.competingValue is given). Times are in the unit of the time column (months
 * in the CRLM study). "risk" is a model's ranking score (higher = worse; Cox: the linear predictor
 * x'β); "probability" is its predicted probability of the event by the horizon (Cox:
 * 1 − S(horizon | x); Fine–Gray: the cumulative incidence by the horizon).
 */
import type { CoxZphTest } from '../../ml/cox-zph.ts';
import type { CalibrationSlope } from '../../ml/cox-calibration.ts';
import type { Metrics } from '../evaluate.ts';
import type { ModelName, StudyConfig } from '../config.ts';
import type { FittedModel } from '../model.ts';
import type { HeadDescription } from '../heads/contract.ts';
import type { MissingReport } from '../data.ts';
import type { VariableSpec } from '../variables.ts';
import type { Table1 } from '../table1.ts';
import type { InputSummary } from '../input-summary.ts';
import type { StudyProvenance } from '../provenance.ts';

export const SURVIVAL_RESULTS_SCHEMA = 'sonomics.survival-study-results/1';

/** An estimate with its standard error and confidence interval (level: evaluation.ciLevel). */
export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
  se: number;
}

/** The outcome as the study read it (config `outcome`, defaults filled in). */
export interface SurvivalOutcomeSpec {
  /** Column of follow-up times (event, competing event or censoring), ≥ 0. */
  time: string;
  /** Column of the event indicator. */
  event: string;
  /** Value of `event` meaning the event of interest (status 1). */
  eventValue: number;
  /** Value of `event` meaning the competing event (status 2); absent = no competing risk. */
  competingValue?: number;
  /** Time at which probabilities, AUC, Brier, calibration and the binary metrics are read. */
  horizon: number;
  /** Times of the AUC(t)/Brier(t) table (the horizon is always among them). */
  times: number[];
}

export interface SurvivalCohortSummary {
  name: string;
  role: 'main' | 'external';
  n: number;
  /** Status 1. */
  events: number;
  /** Status 2 (0 without a competing event). */
  competing: number;
  censored: number;
  /** Median follow-up by the reverse Kaplan–Meier method (censoring as the event). */
  medianFollowUp: number;
  /** Cases with known status at the horizon (the binary-at-horizon analysis): events by it + followed past it event-free. */
  knownAtHorizon: number;
  /** Of those, events by the horizon. */
  eventsByHorizon: number;
}

/** One of the chosen times: AUC(t) (IPCW, cumulative/dynamic) and Brier(t). */
export interface TimePerformance {
  time: number;
  auc: Estimate;
  brier: Estimate;
}

/** Observed against predicted at the horizon by risk group (src/stats/survival/calibration.ts). */
export interface SurvivalCalibrationResult {
  horizon: number;
  /** 'kaplan-meier' (1 − KM) without a competing event; 'aalen-johansen' (cumulative incidence) with one. */
  observedBy: 'kaplan-meier' | 'aalen-johansen';
  groups: Array<{
    n: number;
    /** Mean predicted probability of the event by the horizon. */
    predicted: number;
    /** Observed probability of the event by the horizon, and its CI (± z·SE, clipped to [0, 1]). */
    observed: number;
    lower: number;
    upper: number;
  }>;
  /** Observed over expected, all cases (overall observed incidence ÷ mean predicted). */
  overall: { observed: number; expected: number; ratio: number };
  /** Calibration slope: Cox regression of the outcome on the linear predictor (1 = ideal); absent for Fine–Gray risks. */
  slope?: CalibrationSlope;
}

/** A step curve (Kaplan–Meier or cumulative incidence) with its pointwise CI. */
export interface StepCurve {
  time: number[];
  /** Survival (KM) or cumulative incidence (Aalen–Johansen) just after each time; starts at time 0. */
  value: number[];
  lower: number[];
  upper: number[];
}

export interface RiskGroup {
  /** 'low' (probability < cut) or 'high' (≥ cut). */
  name: 'low' | 'high';
  n: number;
  events: number;
  /** Kaplan–Meier of the event of interest (competing events censored), log-log CI. */
  km: StepCurve;
  /** Numbers at risk at `RiskGroups.atRiskTimes`. */
  atRisk: number[];
  /** Aalen–Johansen cumulative incidence of the event (only with a competing event). */
  cif?: StepCurve;
}

/** Kaplan–Meier by risk group: high/low at the training data's median predicted probability. */
export interface RiskGroups {
  /** The cut on the predicted probability by the horizon, fixed on the training data (its median). */
  cut: number;
  groups: RiskGroup[];
  /** Times of the numbers-at-risk table (0, then every 12 units up to the last follow-up). */
  atRiskTimes: number[];
  logRank: { chisq: number; df: number; p: number };
  /** Gray's test of the groups' cumulative incidences (only with a competing event). */
  gray?: { statistic: number; df: number; p: number };
}

/** One model on one cohort (cross-validated main cohort, external cohort, or apparent). */
export interface SurvivalModelCohort {
  n: number;
  events: number;
  competing: number;
  /** Harrell's C over all comparable pairs (competing events censored), IJ CI. */
  harrell: Estimate;
  /** Uno's C truncated at the horizon, IJ CI. */
  unoAtHorizon: Estimate;
  /** AUC(horizon), IPCW cumulative/dynamic (competing events as controls, Blanche def. 2). */
  auc: Estimate;
  /** Brier score of the probability by the horizon (IPCW). */
  brier: Estimate;
  /** AUC(t) and Brier(t) at each of outcome.times. */
  times: TimePerformance[];
  calibration: SurvivalCalibrationResult;
  riskGroups: RiskGroups;
  /** The usual binary metrics at the horizon on the cases with known status there (evaluate.ts). */
  binaryAtHorizon?: Metrics;
}

/** Paired comparison of two models' Harrell C on the same cases. */
export interface CIndexComparison {
  cohort: string;
  a: ModelName;
  b: ModelName;
  c_a: number;
  c_b: number;
  /** c_a − c_b. */
  diff: number;
  se: number;
  ci_diff: [number, number];
  z: number;
  p: number;
  /** How the SE of the difference was obtained. */
  method: string;
}

/** The clinical model's selection: univariable → multivariable Cox (as the binary study with logistic). */
export interface CoxSelection {
  alpha: number;
  entryAlpha: number;
  ties: 'efron' | 'breslow';
  univariable: Array<{ variable: string; terms: Array<{ name: string; coef: number; hazardRatio: number; hrLower: number; hrUpper: number; p: number }>; p: number; entered: boolean; constant?: true }>;
  entered: string[];
  retained: string[];
  retainedDesign: string[];
  /** The Cox model on the retained design columns: coefficients with HRs and CIs. */
  model: { names: string[]; coef: number[]; se: number[]; hazardRatio: number[]; hrLower: number[]; hrUpper: number[]; p: number[] };
  /** Proportional-hazards check (cox.zph, km transform) of that model. */
  zph?: CoxZphTest;
  notes: string[];
}

/** The radiomics signature: LASSO-Cox (glmnet conventions) on z-scored candidates. */
export interface SignatureSelection {
  lambdaRule: '1se' | 'min';
  lambda: number;
  lambdaMin: number;
  lambda1se: number;
  /** Candidates after the redundancy filter (entering the LASSO-Cox). */
  candidates: number;
  selected: Array<{ name: string; coef: number }>;
  notes: string[];
}

/** Fine–Gray subdistribution model on the clinical model's retained variables (outcome.competingValue + survival.fineGray). */
export interface FineGrayResult {
  names: string[];
  coef: number[];
  se: number[];
  subdistributionHR: number[];
  p: number[];
  cv: SurvivalModelCohort;
  externals: Record<string, SurvivalModelCohort>;
  apparent: SurvivalModelCohort;
  /** What predicting needs (the bundle stores it): baseline, horizon, high/low cut, the clinical model's fill-ins for missing inputs. */
  final: FineGrayFinal;
}

/** The final Fine–Gray fit as a bundle stores it (bundle-survival-part.ts). */
export interface FineGrayFinal {
  /** Baseline cumulative subdistribution hazard Λ₁ at x = 0, at the event times of the cause of interest. */
  baseline: { time: number[]; cumhaz: number[] };
  horizon: number;
  /** High/low cut of the training cumulative incidences by the horizon (the training median). */
  threshold: number;
  /** Training medians/modes the clinical model fills missing design values with (names of this model only). */
  imputer: Record<string, number>;
}

export interface SurvivalModelResult {
  head: HeadDescription;
  /** Pooled out-of-fold predictions of the main cohort (repeat 1). */
  cv: SurvivalModelCohort & {
    /** Each held-out fold: Harrell's C of its predictions. */
    folds: Array<{ repeat: number; fold: number; n: number; events: number; harrell: number }>;
  };
  externals: Record<string, SurvivalModelCohort>;
  /** The final model on its own training data (optimistic; for reference). */
  apparent: SurvivalModelCohort;
  /** The inputs the final model reads. */
  features: string[];
  /** Log hazard ratios of the final Cox model, by input. */
  coef: Record<string, number>;
  /** The final model's high/low cut (median training probability by the horizon). */
  threshold: number;
  /** Proportional-hazards check of the final model (scaled Schoenfeld residuals). */
  zph?: CoxZphTest;
}

/** One prediction of predictions.csv. */
export interface SurvivalPredictionRow {
  cohort: string;
  id: string;
  time: number;
  status: number;
  set: 'cv' | 'external' | 'fitted';
  repeat: number;
  fold: number;
  /** Ranking score (Cox linear predictor) by model. */
  risk: Partial<Record<ModelName, number>>;
  /** Probability of the event by the horizon, by model. */
  probability: Partial<Record<ModelName, number>>;
  /** 'high' (1) or 'low' (0) risk group at the model's cut. */
  group: Partial<Record<ModelName, number>>;
}

export interface SurvivalStudyResult {
  schema: typeof SURVIVAL_RESULTS_SCHEMA;
  outcomeKind: 'time-to-event';
  title: string;
  seed: number;
  config: StudyConfig;
  outcome: SurvivalOutcomeSpec;
  ties: 'efron' | 'breslow';
  cohorts: SurvivalCohortSummary[];
  missing: { policy: 'complete-case' | 'impute'; cohorts: MissingReport[] };
  variables: VariableSpec[];
  features: { candidates: string[] };
  table1: Table1[];
  selection: {
    clinical?: CoxSelection;
    radiomics?: SignatureSelection;
    /** How often each variable/feature was retained/selected across the outer training folds. */
    frequency: Record<string, number>;
    folds: number;
  };
  models: Partial<Record<ModelName, SurvivalModelResult>>;
  /** Clinical Fine–Gray model (competing event + survival.fineGray). */
  fineGray?: FineGrayResult;
  comparisons: CIndexComparison[];
  predictions: SurvivalPredictionRow[];
  /** The final models (cox heads), as the bundle stores them. */
  final: Partial<Record<ModelName, FittedModel>>;
  trainingSummary: InputSummary[];
  provenance?: StudyProvenance;
  notes: string[];
  warnings: string[];
}
