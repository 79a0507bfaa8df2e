/**
 * The Cox head: Cox proportional-hazards regression (Efron ties, R's coxph; src/ml/cox.ts) on the
 * inputs as they are, for time-to-event outcomes (ties: the study's survival.ties, default Efron). risk = the linear predictor x'β (the ranking
 * C-indices and AUC(t) read); probability = 1 − S(horizon | x) = 1 − exp(−H₀(horizon)·e^{x'β}) with
 * the Efron-corrected baseline (basehaz at x = 0); survival = S(t | x) at the baseline's event
 * times, the curve the bundle and `predict` give. The horizon is the outcome's (default: the last
 * event time of the training data). threshold = the median training probability: a high/low risk
 * split of the training cases, the groups of the Kaplan–Meier-by-risk-group figure (riskSplit).
 */
import { baselineCumhazAt, coxLinearPredictor, coxPH } from '../../ml/index.ts';
import { SonomicsError } from '../../core/errors.ts';
import { median } from '../../stats/index.ts';
import type { CoxTies } from '../../ml/cox-risk-sets.ts';
import type { FittedHeadBase, ModelHead } from './contract.ts';

export interface CoxHead extends FittedHeadBase {
  kind: 'cox';
  /** One log hazard ratio per input. */
  coef: number[];
  /** Baseline cumulative hazard at x = 0 at the training event times. */
  baseline: { time: number[]; cumhaz: number[] };
  horizon: number;
  /** Tie handling of the fit (absent in heads fitted before it was a setting: Efron). */
  ties?: CoxTies;
}

/**
 * The high/low cut of training probabilities: the median (high iff p ≥ cut). With few distinct
 * values (a model on one binary variable) every case can be ≥ the median; then the cut is the next
 * larger value, so that both groups exist whenever the training probabilities are not all equal.
 */
export function riskSplit(p: number[]): number {
  const m = median(p);
  if (p.some((v) => v < m)) return m;
  let next = Infinity;
  for (const v of p) if (v > m && v < next) next = v;
  return Number.isFinite(next) ? next : m;
}

export const coxHead: ModelHead<CoxHead, { ties: CoxTies }> = {
  kind: 'cox',
  outcomes: ['time-to-event'],
  settings: ({ config }) => ({ ties: config.survival?.ties ?? 'efron' }),
  fit(X, outcome, features, ctx) {
    if (outcome.kind !== 'time-to-event') {
      throw new SonomicsError('BAD_CONFIG', `the ${ctx.model} model's cox head needs a time-to-event outcome (outcome: { time, event }), got ${outcome.kind}; choose a binary head (svm, logistic) or give follow-up times.`, { subject: ctx.model });
    }
    const ties = ctx.settings?.ties ?? 'efron';
    const m = coxPH(X, { time: outcome.time, status: outcome.event }, { ties, names: features });
    const ev = m.baseline.time.map((_, k) => k).filter((k) => m.baseline.nEvent[k]! > 0);
    const baseline = { time: ev.map((k) => m.baseline.time[k]!), cumhaz: ev.map((k) => m.baseline.cumhaz[k]!) };
    const horizon = outcome.horizon ?? baseline.time[baseline.time.length - 1]!;
    const head: CoxHead = { kind: 'cox', features, coef: m.coef, baseline, horizon, threshold: 0.5, ...(ties !== 'efron' ? { ties } : {}) };
    head.threshold = riskSplit(coxHead.apply(head, X).probability);
    return head;
  },
  apply(head, X) {
    const lp = coxLinearPredictor(head, X);
    const h0 = baselineCumhazAt(head.baseline, head.horizon);
    const times = head.baseline.time;
    return {
      risk: lp,
      probability: lp.map((e) => 1 - Math.exp(-h0 * Math.exp(e))),
      survival: { times, curves: lp.map((e) => head.baseline.cumhaz.map((h) => Math.exp(-h * Math.exp(e)))) },
    };
  },
  describe(head) {
    return { kind: 'cox', label: 'Cox regression', hyper: {}, text: `a Cox proportional-hazards model (${head.ties === 'breslow' ? 'Breslow' : 'Efron'} ties) whose linear predictor ranks the cases and whose predicted risk by ${head.horizon} is 1 − S(${head.horizon} | x)` };
  },
  check(head) {
    const ok = Array.isArray(head.coef) && head.coef.length === head.features.length && head.coef.every(Number.isFinite)
      && head.baseline && Array.isArray(head.baseline.time) && head.baseline.time.length === head.baseline.cumhaz?.length && Number.isFinite(head.horizon);
    return ok ? undefined : 'lacks its coefficients (one per input), baseline hazard or horizon';
  },
  forBundle: (head) => head,
  // Coefficients and the baseline cumulative hazard at the training event times: a step function of
  // the cohort (like a Kaplan–Meier curve in a paper), not any case's covariate row.
  revealsTrainingRows: () => false,
};
