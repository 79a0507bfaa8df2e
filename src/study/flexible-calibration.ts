/**
 * A flexible calibration curve: logistic regression of the outcome on a restricted cubic spline of
 * the logit of the predicted risk (Harrell, Regression Modeling Strategies, 2nd ed., §2.4.5;
 * Van Calster et al. 2016, J Clin Epidemiol 74:167 — the "flexible calibration curve"), with a
 * pointwise 95% band from the fit's covariance (delta method on the logit scale). Knots at
 * Harrell's quantiles of logit(p) (4 knots: .05, .35, .65, .95); with too few distinct values or
 * a fit that does not converge, fewer knots, down to the linear logistic recalibration.
 */
import { logisticRegression } from '../ml/index.ts';
import { quantile7Sorted } from '../math/quantile.ts';
import { qnorm } from '../stats/distributions.ts';

export interface FlexibleCalibration {
  /** Predicted risk at which the curve is evaluated. */
  predicted: number[];
  observed: number[];
  lower: number[];
  upper: number[];
  /** Knots on the logit scale (empty: linear recalibration). */
  knots: number[];
  level: number;
}

const HARRELL_QUANTILES: Record<number, number[]> = { 3: [0.1, 0.5, 0.9], 4: [0.05, 0.35, 0.65, 0.95], 5: [0.05, 0.275, 0.5, 0.725, 0.95] };

const logit = (p: number) => { const q = Math.min(1 - 1e-8, Math.max(1e-8, p)); return Math.log(q / (1 - q)); };
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Harrell's rcspline.eval basis (norm = 2): x and k − 2 non-linear terms, scaled by (t_k − t_1)². */
export function rcsBasis(x: number, t: number[]): number[] {
  const k = t.length;
  if (k < 3) return [x];
  const c3 = (u: number) => (u > 0 ? u * u * u : 0);
  const tk = t[k - 1]!, tk1 = t[k - 2]!, scale = (tk - t[0]!) ** 2;
  const out = [x];
  for (let j = 0; j < k - 2; j++) {
    const tj = t[j]!;
    out.push((c3(x - tj) - (c3(x - tk1) * (tk - tj)) / (tk - tk1) + (c3(x - tk) * (tk1 - tj)) / (tk - tk1)) / scale);
  }
  return out;
}

export function flexibleCalibration(y: number[], p: number[], o: { knots?: number; level?: number; points?: number } = {}): FlexibleCalibration {
  const level = o.level ?? 0.95;
  const z = qnorm(1 - (1 - level) / 2);
  const lp = p.map(logit);
  const sorted = Float64Array.from(lp).sort();
  const distinct = new Set(lp).size;
  const lo = Math.min(...p), hi = Math.max(...p);
  const m = o.points ?? 60;
  const grid = Array.from({ length: m }, (_, i) => lo + ((hi - lo) * i) / (m - 1));
  for (let k = Math.min(o.knots ?? 4, 5); k >= 2; k--) {
    const knots = k >= 3 ? HARRELL_QUANTILES[k]!.map((q) => quantile7Sorted(sorted, q)) : [];
    if (k >= 3 && (distinct < 2 * k || new Set(knots).size < k)) continue;
    let fit;
    try {
      fit = logisticRegression(lp.map((x) => rcsBasis(x, knots)), y);
    } catch {
      continue;
    }
    if (!fit.converged || fit.coef.some((b) => !Number.isFinite(b))) continue;
    const predicted: number[] = [], observed: number[] = [], lower: number[] = [], upper: number[] = [];
    for (const g of grid) {
      const row = [1, ...rcsBasis(logit(g), knots)];
      const eta = row.reduce((a, v, j) => a + v * fit.coef[j]!, 0);
      let v = 0;
      for (let i = 0; i < row.length; i++) for (let j = 0; j < row.length; j++) v += row[i]! * row[j]! * fit.vcov[i]![j]!;
      const se = Math.sqrt(Math.max(0, v));
      predicted.push(g);
      observed.push(expit(eta));
      lower.push(expit(eta - z * se));
      upper.push(expit(eta + z * se));
    }
    return { predicted, observed, lower, upper, knots, level };
  }
  return { predicted: [], observed: [], lower: [], upper: [], knots: [], level };
}
