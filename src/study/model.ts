/**
 * A fitted model as plain data, and the one function that applies it to new cases.
 * The same `applyModel` serves out-of-fold prediction, external validation, the study's
 * fitted probabilities and `predict` on a loaded bundle, so they agree bit for bit.
 *
 * Order of application: impute (fills fitted on training) → ComBat (fitted on training)
 * → radiomics score (LASSO on z-scored features) → logistic score (clinical/combined `input: score`)
 * → head (heads/: e.g. z-score → SVM decision → Platt, or a logistic regression), looked up by its kind.
 */
import { SonomicsError } from '../core/errors.ts';
import { combatApply, type combatFit } from '../ml/index.ts';
import type { ModelName } from './config.ts';
import type { CentreReference } from './harmonise.ts';
import type { FittedHead, HeadOutput } from './heads/contract.ts';
import { headFor } from './heads/registry.ts';
import { logitScoreOf, type LogitScore } from './logit-score.ts';
import type { PatientRule } from './patient-unit.ts';

export type { Scaler, SvmModel } from './heads/svm.ts';
export type CombatModel = ReturnType<typeof combatFit>;

export type { FittedHead };

/** The LASSO radiomics score: intercept + Σ β_j z_j with z from the training z-scaler. */
export interface RadScore {
  features: string[];
  mean: number[];
  sd: number[];
  intercept: number;
  beta: number[];
}

export interface FittedModel {
  kind: ModelName;
  /** Design columns (clinical design names and/or feature names) the model reads from a case. */
  inputs: string[];
  /** Fill value per design column (impute policy), fitted on the training data. */
  imputer?: Record<string, number>;
  /** Training median of each radiomics input, for its undefined values (feature-gaps.ts). */
  featureFill?: Record<string, number>;
  combat?: { features: string[]; model: CombatModel };
  /**
   * Centre harmonisation: the training centre's location/scale of the radiomics inputs. Cases from
   * another centre go through harmoniseCentre(harmonise, allCasesOfThatCentre) before applyModel.
   */
  harmonise?: CentreReference;
  radscore?: RadScore;
  /** `input: score`: the logistic linear predictor the head reads (its terms may include the radiomics score). */
  logitScore?: LogitScore;
  head: FittedHead;
  /**
   * data.unit: patient — how a patient's lesion rows become one prediction (patient-unit.ts): the
   * largest lesion's row, or the mean/max of the lesion risks recalibrated at patient level (whose
   * threshold then replaces the head's).
   */
  patient?: PatientRule;
}

/** The threshold a model's predictions are classified by (patient-level for the risk rules). */
export function thresholdOf(model: FittedModel): number {
  return model.patient && model.patient.rule !== 'largest' ? model.patient.threshold : model.head.threshold;
}

export const RADSCORE = 'radscore';

export type Applied = HeadOutput;

/** Apply a fitted model to cases given as design-column records (NaN = missing). */
export function applyModel(model: FittedModel, cases: Array<Record<string, number>>, batch?: string[], caseIds?: string[]): Applied {
  const rows = headRows(model, cases, batch, caseIds);
  const X = rows.map((r) => model.head.features.map((f) => r[f]!));
  return headFor(model.head.kind, `the ${model.kind} model`).apply(model.head, X);
}

/**
 * Every step before the head: the cases' inputs (imputed, ComBat-adjusted) plus the computed
 * columns (radiomics score, logistic score) the head may read.
 */
export function headRows(model: FittedModel, cases: Array<Record<string, number>>, batch?: string[], caseIds?: string[]): Array<Record<string, number>> {
  const rows = cases.map((c, i) => {
    const r: Record<string, number> = {};
    for (const name of model.inputs) {
      let v: number | undefined = c[name];
      if (v === undefined || !Number.isFinite(v)) v = model.imputer?.[name] ?? model.featureFill?.[name];
      if (v === undefined || !Number.isFinite(v)) {
        const who = caseIds?.[i] ?? `#${i + 1}`;
        throw new SonomicsError('MISSING_VALUES', `case ${who}: value of "${name}" is missing or not finite; the ${model.kind} model needs it (provide it or run the study with data.missing: impute).`, { subject: who });
      }
      r[name] = v;
    }
    return r;
  });
  if (model.combat) {
    if (!batch) throw new SonomicsError('BAD_INPUT', `the ${model.kind} model harmonises features with ComBat and needs each case's batch.`);
    const X = rows.map((r) => model.combat!.features.map((f) => r[f]!));
    const adj = combatApply(model.combat.model, X, batch);
    rows.forEach((r, i) => model.combat!.features.forEach((f, j) => { r[f] = adj[i]![j]!; }));
  }
  if (model.radscore) {
    const rs = model.radscore;
    for (const r of rows) r[RADSCORE] = radScoreOf(rs, r);
  }
  if (model.logitScore) {
    const ls = model.logitScore;
    for (const r of rows) r[ls.name] = logitScoreOf(ls, r);
  }
  return rows;
}

export function radScoreOf(rs: RadScore, r: Record<string, number>): number {
  let s = rs.intercept;
  rs.features.forEach((f, j) => { s += rs.beta[j]! * ((r[f]! - rs.mean[j]!) / rs.sd[j]!); });
  return s;
}

/** Design-column records of cohort rows (by index). */
export function caseRecords(columns: Record<string, number[]>, names: string[], rows: number[]): Array<Record<string, number>> {
  return rows.map((i) => {
    const r: Record<string, number> = {};
    for (const n of names) r[n] = columns[n]![i]!;
    return r;
  });
}
