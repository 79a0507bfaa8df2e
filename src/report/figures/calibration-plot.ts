/**
 * A calibration figure for one model on one cohort (Van Calster et al. 2019, BMC Med 17:230):
 * the flexible calibration curve (RCS logistic) with its 95% band, observed proportions in
 * quantile groups of predicted risk with Wilson 95% CIs and each group's n, the ideal diagonal,
 * and under the plot the distribution of predicted risks (events up, non-events down).
 */
import { wilsonInterval } from '../../stats/index.ts';
import type { FlexibleCalibration } from '../../study/flexible-calibration.ts';
import { band, f2, frame, LEGEND_ROW, legendBelow, polyline } from './frame.ts';

export interface CalibrationGroup { n: number; events: number; meanPredicted: number; observed: number; lower: number; upper: number }

/** Quantile groups of predicted risk with at least ~20 cases each (3–10 groups); ties never split. */
export function riskGroups(y: number[], p: number[]): CalibrationGroup[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  const g = Math.max(3, Math.min(10, Math.floor(p.length / 20)));
  const groups: number[][] = [];
  let cur: number[] = [];
  order.forEach((i, k) => {
    cur.push(i);
    const boundary = Math.round(((groups.length + 1) * p.length) / g);
    const next = order[k + 1];
    if (k + 1 >= boundary && (next === undefined || p[next]! !== p[i]!)) { groups.push(cur); cur = []; }
  });
  if (cur.length) groups.push(cur);
  return groups.map((idx) => {
    const events = idx.reduce((a, i) => a + y[i]!, 0);
    const [lower, upper] = wilsonInterval(events, idx.length);
    return { n: idx.length, events, meanPredicted: idx.reduce((a, i) => a + p[i]!, 0) / idx.length, observed: events / idx.length, lower, upper };
  });
}

export function calibrationPlot(title: string, y: number[], p: number[], flex: FlexibleCalibration, groups: CalibrationGroup[], color: string): string {
  const fr = frame({ title, xLabel: 'predicted risk', yLabel: 'observed proportion', x: [0, 1], y: [0, 1], width: 400, plotHeight: 300, below: 58 + 3 * LEGEND_ROW + 8 });
  const { sx, sy, parts, box } = fr;
  parts.push(`<line x1="${f2(sx(0))}" y1="${f2(sy(0))}" x2="${f2(sx(1))}" y2="${f2(sy(1))}" stroke="#999" stroke-dasharray="4 3"/>`);
  if (flex.predicted.length) {
    const xs = flex.predicted.map(sx);
    parts.push(band(xs, flex.lower.map(sy), flex.upper.map(sy), color));
    parts.push(polyline(flex.predicted.map((x, i) => [sx(x), sy(flex.observed[i]!)]), color, { width: 2 }));
  }
  for (const g of groups) {
    const x = sx(g.meanPredicted);
    parts.push(`<line x1="${f2(x)}" y1="${f2(sy(g.lower))}" x2="${f2(x)}" y2="${f2(sy(g.upper))}" stroke="#333"/><line x1="${f2(x - 3)}" y1="${f2(sy(g.lower))}" x2="${f2(x + 3)}" y2="${f2(sy(g.lower))}" stroke="#333"/><line x1="${f2(x - 3)}" y1="${f2(sy(g.upper))}" x2="${f2(x + 3)}" y2="${f2(sy(g.upper))}" stroke="#333"/>`);
    parts.push(`<circle cx="${f2(x)}" cy="${f2(sy(g.observed))}" r="3.2" fill="#333"/>`);
    parts.push(`<text x="${f2(x)}" y="${f2(Math.min(box.y1 - 2, sy(g.lower) + 10))}" text-anchor="middle" font-size="7.5" fill="#555">${g.n}</text>`);
  }
  // Predicted-risk distribution: 50 bins, events drawn up from the mid line, non-events down.
  const stripTop = box.y1 + 44, stripH = 44, mid = stripTop + stripH / 2;
  const bins = 50;
  const up = new Array<number>(bins).fill(0), down = new Array<number>(bins).fill(0);
  p.forEach((v, i) => { const b = Math.min(bins - 1, Math.floor(v * bins)); (y[i] === 1 ? up : down)[b]!++; });
  const top = Math.max(1, ...up, ...down);
  parts.push(`<line x1="${box.x0}" y1="${mid}" x2="${box.x1}" y2="${mid}" stroke="#bbb"/>`);
  for (let b = 0; b < bins; b++) {
    const x = sx((b + 0.5) / bins);
    if (up[b]) parts.push(`<line x1="${f2(x)}" y1="${mid}" x2="${f2(x)}" y2="${f2(mid - (up[b]! / top) * (stripH / 2 - 2))}" stroke="${color}" stroke-width="3"/>`);
    if (down[b]) parts.push(`<line x1="${f2(x)}" y1="${mid}" x2="${f2(x)}" y2="${f2(mid + (down[b]! / top) * (stripH / 2 - 2))}" stroke="#777" stroke-width="3"/>`);
  }
  parts.push(`<text x="${box.x0 - 6}" y="${f2(mid - 6)}" text-anchor="end" font-size="8">events</text><text x="${box.x0 - 6}" y="${f2(mid + 11)}" text-anchor="end" font-size="8">non-events</text>`);
  const items = [
    { label: flex.knots.length ? `flexible curve (RCS, ${flex.knots.length} knots), 95% band` : 'logistic recalibration, 95% band', color, band: true },
    { label: `observed, ${groups.length} risk groups (95% CI; n below)`, color: '#333', marker: true },
    { label: 'ideal', color: '#999', dash: true },
  ];
  parts.push(legendBelow(fr, items, stripTop + stripH + 6));
  return fr.close();
}
