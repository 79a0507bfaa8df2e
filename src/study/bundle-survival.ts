/**
 * Survival bundles and predictions. A study with a time-to-event outcome (config `outcome`) writes
 * the same bundle as a binary one — encodings, radiomics signature, the Cox head — plus a `survival`
 * part: the outcome's columns, the horizon and the times predictions are read at. A Cox head stores
 * what predicting needs and nothing of any patient: its coefficients (on the inputs as the study fed
 * them: raw design columns and the signature, uncentred), the baseline cumulative hazard H₀ at x = 0
 * at the training event times (a step function of the cohort, like a published Kaplan–Meier curve),
 * the horizon and the high/low cut. For a case with linear predictor η = x'β:
 *   S(t | x) = exp(−H₀(t)·e^η),  risk by t = 1 − S(t | x)  (R: predict.coxph / survfit(newdata)),
 * the arithmetic of the study's Cox head, so the bundle's risk by the horizon is the study's to the bit.
 * H₀ is known only up to the last training event time: a later time is refused (naming the time and
 * the limit), never extrapolated.
 */
import { SonomicsError } from '../core/errors.ts';
import { baselineCumhazAt } from '../ml/cox.ts';
import type { ModelName } from './config.ts';
import type { BundleModel, ModelBundle } from './bundle-types.ts';
import type { CoxHead } from './heads/cox.ts';
import { applyModel } from './model.ts';
import { encodeCase, predict, type Prediction } from './bundle-predict.ts';
import type { FineGrayBundlePart } from './bundle-survival-part.ts';
import { fineGrayIncidence, fineGrayLinearPredictor } from './survival/fine-gray-model.ts';

export type { SurvivalBundlePart, FineGrayBundlePart } from './bundle-survival-part.ts';

/** 1, 2 and 3 years in months: the times clinicians ask for (issue #17). */
export const YEAR_TIMES = [12, 24, 36] as const;

/**
 * Default times of a survival bundle: the config's times (outcome.times) and the horizon; when the
 * config names no time but the horizon, the horizon and 1, 2, 3 years.
 */
export function defaultSurvivalTimes(horizon: number, configTimes: number[] | undefined): number[] {
  const given = (configTimes ?? []).filter((t) => t !== horizon);
  const times = given.length ? [horizon, ...given] : [horizon, ...YEAR_TIMES];
  return [...new Set(times)].sort((a, b) => a - b);
}

export interface SurvivalAt {
  time: number;
  /** S(t | x). */
  survival: number;
  /** 1 − S(t | x): probability of the event by t. */
  risk: number;
}

export interface SurvivalPrediction extends Prediction {
  horizon: number;
  /** x'β of the Cox head (the ranking the C-index reads). */
  linearPredictor: number;
  at: SurvivalAt[];
  /** S(t | x) as a step function: time 0 and each baseline jump time (right-continuous). */
  curve: { time: number[]; survival: number[] };
  /** Last time the baseline hazard is known (the last event time of the training data). */
  lastTime: number;
  /** Requested times left out because they lie beyond lastTime (default times only; asked-for ones are refused). */
  dropped: number[];
  /**
   * Bundles of a study with a competing event and survival.fineGray: the clinical Fine–Gray model's
   * cumulative incidence of the event by each time (the competing event may come first), its x'β
   * and its high/low group at the horizon. The Cox risks above treat the competing event as censoring.
   */
  fineGray?: FineGrayPrediction;
}

export interface FineGrayPrediction {
  linearPredictor: number;
  /** F₁(t | x) at the same times as `at`. */
  at: Array<{ time: number; incidence: number }>;
  /** F₁(horizon | x), and whether it reaches the training median (threshold). */
  incidence: number;
  class: 0 | 1;
  threshold: number;
}

/** The Cox head of a bundle's model, or a clear error for a model that is not time-to-event. */
export function coxHeadOf(bundle: ModelBundle, name: ModelName): { model: BundleModel; head: CoxHead } {
  const model = bundle.models[name];
  if (!model) throw new SonomicsError('BAD_INPUT', `the bundle has no ${name} model (it has ${Object.keys(bundle.models).join(', ')}).`);
  if (model.head.kind !== 'cox') {
    throw new SonomicsError('BAD_INPUT', `the ${name} model of the bundle is a ${model.head.kind} head for a binary outcome: it gives a risk, not a survival curve; survival times apply to bundles of a time-to-event study (outcome: { time, event, horizon }).`);
  }
  return { model, head: model.head as unknown as CoxHead };
}

/** Last time the head's baseline cumulative hazard is known. */
export function lastBaselineTime(head: CoxHead): number {
  return head.baseline.time[head.baseline.time.length - 1] ?? 0;
}

/** Check requested times: finite, ≥ 0 and within the baseline; a clear error naming the time and the limit. */
export function checkSurvivalTimes(times: number[], head: CoxHead, name: ModelName, unit = 'months'): void {
  const limit = lastBaselineTime(head);
  for (const t of times) {
    if (!(Number.isFinite(t) && t >= 0)) throw new SonomicsError('BAD_INPUT', `survival time ${t} is not a time ≥ 0; give times in ${unit} (e.g. --times 12,24,36).`);
    if (t > limit) {
      throw new SonomicsError('BAD_INPUT', `survival time ${t} ${unit} is beyond the last event time of the ${name} model's training data (${limit} ${unit}): its baseline hazard is unknown after that, so the risk cannot be given; ask for times up to ${limit}.`, { subject: String(t) });
    }
  }
}

/**
 * One case's survival: the prediction of `predict` (risk by the horizon, group, drivers, warnings)
 * plus S(t | x) and 1 − S(t | x) at `times` (default: the bundle's survival.times, those beyond the
 * baseline dropped and listed) and the whole curve. Asked-for times beyond the baseline are refused,
 * or, with beyondLastTime: 'drop', left out and listed in `dropped`.
 */
export function predictSurvival(bundle: ModelBundle, row: Record<string, number | string>, opts: { model?: ModelName; caseId?: string; centre?: string; times?: number[]; beyondLastTime?: 'refuse' | 'drop' } = {}): SurvivalPrediction {
  const name = opts.model ?? bundle.defaultModel;
  const { model, head } = coxHeadOf(bundle, name);
  const limit = lastBaselineTime(head);
  let times: number[];
  let dropped: number[] = [];
  if (opts.times && opts.beyondLastTime !== 'drop') {
    checkSurvivalTimes(opts.times, head, name, bundle.survival?.timeUnit);
    times = opts.times;
  } else if (opts.times) {
    // The calculator's fixed 1/2/3 years: those within the baseline, the others listed as dropped.
    checkSurvivalTimes(opts.times.filter((t) => t <= limit), head, name, bundle.survival?.timeUnit);
    times = opts.times.filter((t) => t <= limit);
    dropped = opts.times.filter((t) => t > limit);
  } else {
    const wanted = bundle.survival?.times ?? defaultSurvivalTimes(head.horizon, undefined);
    times = wanted.filter((t) => t <= limit);
    dropped = wanted.filter((t) => t > limit);
  }
  if (model.harmonise) throw new SonomicsError('BUNDLE_MISMATCH', `the ${name} model is a survival model with centre harmonisation, which survival studies do not fit; re-export the bundle from the study.`);
  const base = predict(bundle, row, opts);
  const caseId = opts.caseId ?? 'case';
  const batchCol = bundle.preprocessing.batchColumn;
  const batch = batchCol ? [String(row[batchCol] ?? '')] : undefined;
  // predict has checked the inputs; harmonised survival models do not exist (the survival study refuses them).
  const eta = applyModel(model, [encodeCase(bundle, row, caseId)], batch, [caseId]).risk[0]!;
  const e = Math.exp(eta);
  const at = times.map((t) => {
    const survival = Math.exp(-baselineCumhazAt(head.baseline, t) * e);
    return { time: t, survival, risk: 1 - survival };
  });
  const curve = { time: [0, ...head.baseline.time], survival: [1, ...head.baseline.cumhaz.map((h) => Math.exp(-h * e))] };
  const fg = bundle.survival?.fineGray;
  const fineGray = fg ? predictFineGray(fg, encodeCase(bundle, row, caseId), times, caseId, bundle.survival!.timeUnit) : undefined;
  return { ...base, horizon: head.horizon, linearPredictor: eta, at, curve, lastTime: limit, dropped, ...(fineGray ? { fineGray } : {}) };
}

/**
 * The Fine–Gray part's prediction for one encoded case: missing design values are filled as the
 * clinical model fills them (the study's fineGrayRows), then F₁(t | x) = 1 − exp(−Λ₁(t)·e^{x'β}),
 * the arithmetic of the study's applyFineGray, so the bundle's incidence is the study's to the bit.
 */
function predictFineGray(fg: FineGrayBundlePart, rec: Record<string, number>, times: number[], caseId: string, unit: string): FineGrayPrediction {
  const x = fg.names.map((n) => {
    const v = rec[n]!;
    const filled = Number.isFinite(v) ? v : fg.imputer[n] ?? v;
    if (!Number.isFinite(filled)) throw new SonomicsError('MISSING_VALUES', `${caseId}: the Fine–Gray model needs ${n}, which is missing and has no training fill-in; give the value.`, { subject: caseId });
    return filled;
  });
  const lp = fineGrayLinearPredictor(fg.coef, x);
  const limit = fg.baseline.time[fg.baseline.time.length - 1] ?? 0;
  const at = times.map((t) => {
    if (t > limit) throw new SonomicsError('BAD_INPUT', `survival time ${t} ${unit} is beyond the last event time of the Fine–Gray model's training data (${limit} ${unit}); ask for times up to ${limit}.`, { subject: String(t) });
    return { time: t, incidence: fineGrayIncidence(fg.baseline, lp, t) };
  });
  const incidence = fineGrayIncidence(fg.baseline, lp, fg.horizon);
  return { linearPredictor: lp, at, incidence, class: incidence >= fg.threshold ? 1 : 0, threshold: fg.threshold };
}

/**
 * Checks across values of a survival bundle (bundle-check.ts calls it): Cox heads and the survival
 * part go together, every head's horizon is the bundle's, the default times are increasing and
 * within the baseline of every model.
 */
export function checkSurvivalPart(bundle: ModelBundle, bad: (what: string) => never): void {
  const cox = (Object.keys(bundle.models) as ModelName[]).filter((m) => bundle.models[m]!.head.kind === 'cox');
  const s = bundle.survival;
  if (!s) {
    if (cox.length) bad(`model(s) ${cox.join(', ')} are Cox models but the bundle has no survival part (horizon, times)`);
    return;
  }
  if (cox.length !== Object.keys(bundle.models).length) bad('survival part is given but not every model is a Cox model');
  for (let k = 1; k < s.times.length; k++) if (!(s.times[k]! > s.times[k - 1]!)) bad(`survival.times are not increasing (${s.times.join(', ')})`);
  if (!s.times.includes(s.horizon)) bad(`survival.times (${s.times.join(', ')}) lack the horizon ${s.horizon}`);
  for (const m of cox) {
    const head = bundle.models[m]!.head as unknown as CoxHead;
    if (head.horizon !== s.horizon) bad(`model "${m}": its Cox head's horizon (${head.horizon}) differs from survival.horizon (${s.horizon})`);
    const t = head.baseline.time, h = head.baseline.cumhaz;
    for (let k = 0; k < t.length; k++) {
      if (!(t[k]! >= 0) || (k > 0 && !(t[k]! > t[k - 1]!))) bad(`model "${m}": baseline times are not increasing and ≥ 0 at position ${k}`);
      if (!(h[k]! >= 0) || (k > 0 && !(h[k]! >= h[k - 1]!))) bad(`model "${m}": the baseline cumulative hazard is not non-decreasing and ≥ 0 at position ${k}`);
    }
    if (s.horizon > lastBaselineTime(head)) bad(`model "${m}": the horizon ${s.horizon} lies beyond the last baseline time ${lastBaselineTime(head)}`);
  }
  if (s.fineGray) checkFineGrayPart(s.fineGray, s.horizon, new Set(bundle.variables.flatMap((v) => v.design)), bad);
}

function checkFineGrayPart(fg: FineGrayBundlePart, horizon: number, designColumns: Set<string>, bad: (what: string) => never): void {
  if (fg.coef.length !== fg.names.length) bad(`survival.fineGray has ${fg.coef.length} coefficients for ${fg.names.length} columns`);
  for (const n of fg.names) if (!designColumns.has(n)) bad(`survival.fineGray reads "${n}", which is not a clinical design column of the bundle`);
  if (fg.horizon !== horizon) bad(`survival.fineGray's horizon (${fg.horizon}) differs from survival.horizon (${horizon})`);
  const t = fg.baseline.time, h = fg.baseline.cumhaz;
  if (t.length !== h.length || t.length === 0) bad(`survival.fineGray's baseline has ${t.length} times and ${h.length} values`);
  for (let k = 0; k < t.length; k++) {
    if (!(t[k]! >= 0) || (k > 0 && !(t[k]! > t[k - 1]!))) bad(`survival.fineGray's baseline times are not increasing and ≥ 0 at position ${k}`);
    if (!(h[k]! >= 0) || (k > 0 && !(h[k]! >= h[k - 1]!))) bad(`survival.fineGray's baseline cumulative hazard is not non-decreasing and ≥ 0 at position ${k}`);
  }
  if (horizon > t[t.length - 1]!) bad(`survival.fineGray's horizon ${horizon} lies beyond its last baseline time ${t[t.length - 1]}`);
}
