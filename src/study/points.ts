/**
 * A nomogram-style points table for a logistic model (Iasonos et al., J Clin Oncol 2008;
 * rms::nomogram's scaling): the term with the widest effect range β·(max − min) spans 0–100 points;
 * each term's points are proportional to β·(x − x₀), where x₀ is the value with the lower risk.
 * Total points map back to a probability through the linear predictor.
 */
export interface PointsTable {
  pointsPerUnit: number;
  terms: Array<{ name: string; coef: number; low: number; high: number; pointsAtLow: number; pointsAtHigh: number }>;
  /** Total points → predicted probability. */
  risk: Array<{ points: number; probability: number }>;
}

export function pointsTable(model: { coef: number[] }, records: Array<Record<string, number>>, names: string[]): PointsTable {
  const terms = names.map((name, j) => {
    const vals = records.map((r) => r[name]!).filter(Number.isFinite);
    return { name, coef: model.coef[j + 1]!, low: Math.min(...vals), high: Math.max(...vals) };
  });
  const maxEffect = Math.max(...terms.map((t) => Math.abs(t.coef) * (t.high - t.low)), 1e-12);
  const perUnit = 100 / maxEffect;
  let lp0 = model.coef[0]!;
  const out = terms.map((t) => {
    const ref = t.coef >= 0 ? t.low : t.high; // zero points at the lower-risk end
    lp0 += t.coef * ref;
    return { ...t, pointsAtLow: t.coef * (t.low - ref) * perUnit, pointsAtHigh: t.coef * (t.high - ref) * perUnit };
  });
  const maxTotal = out.reduce((s, t) => s + Math.max(t.pointsAtLow, t.pointsAtHigh), 0);
  const step = niceStep(maxTotal / 10);
  const risk: PointsTable['risk'] = [];
  for (let pts = 0; pts <= maxTotal + 1e-9; pts += step) {
    risk.push({ points: pts, probability: 1 / (1 + Math.exp(-(lp0 + pts / perUnit))) });
  }
  return { pointsPerUnit: perUnit, terms: out, risk };
}

function niceStep(x: number): number {
  if (!(x > 0)) return 10;
  const e = Math.pow(10, Math.floor(Math.log10(x)));
  const m = x / e;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * e;
}
