/**
 * Calibration at the horizon for a time-to-event model: per risk group the mean predicted
 * probability of the event by the horizon against the observed one (1 − Kaplan–Meier, or the
 * Aalen–Johansen cumulative incidence under competing risks) with its 95% CI and the group's n,
 * joined in order of predicted risk, and the ideal diagonal (Austin, Harrell & van Klaveren 2020,
 * Stat Med 39:2714, "graphical calibration curves … for survival outcomes", grouped form).
 */
import { f2, frame, LEGEND_ROW, legendBelow, polyline } from './frame.ts';

export interface SurvivalCalibrationPoint { n: number; predicted: number; observed: number; lower: number; upper: number }

export function survivalCalibrationPlot(title: string, groups: SurvivalCalibrationPoint[], color: string, o: { observedLabel: string }): string {
  const top = Math.min(1, Math.max(0.1, Math.ceil(Math.max(...groups.flatMap((g) => [g.predicted, Number.isFinite(g.upper) ? g.upper : g.observed])) * 10 + 0.5) / 10));
  const items = [
    { label: `observed (${o.observedLabel}) by risk group, 95% CI; n below`, color, marker: true },
    { label: 'ideal', color: '#999', dash: true },
  ];
  const fr = frame({ title, xLabel: 'predicted probability of the event by the horizon', yLabel: 'observed probability', x: [0, top], y: [0, top], width: 400, plotHeight: 300, below: items.length * LEGEND_ROW + 10 });
  const { sx, sy, parts, box } = fr;
  const clip = (v: number) => Math.min(top, Math.max(0, v));
  parts.push(`<line x1="${f2(sx(0))}" y1="${f2(sy(0))}" x2="${f2(sx(top))}" y2="${f2(sy(top))}" stroke="#999" stroke-dasharray="4 3"/>`);
  const sorted = [...groups].sort((a, b) => a.predicted - b.predicted);
  parts.push(polyline(sorted.map((g) => [sx(g.predicted), sy(clip(g.observed))]), color, { width: 1.4 }));
  // n labels under each CI bar, moved down a line while they would touch an earlier one (groups with close predictions).
  const placed: Array<[number, number, number]> = [];
  const labelY = (x: number, y: number, w: number): number => {
    let yy = y;
    while (placed.some(([px, py, pw]) => Math.abs(px - x) < (pw + w) / 2 + 2 && Math.abs(py - yy) < 9)) yy += 9;
    placed.push([x, yy, w]);
    return yy;
  };
  for (const g of sorted) {
    const x = sx(g.predicted);
    const lo = sy(clip(Number.isFinite(g.lower) ? g.lower : g.observed)), hi = sy(clip(Number.isFinite(g.upper) ? g.upper : g.observed));
    parts.push(`<line x1="${f2(x)}" y1="${f2(lo)}" x2="${f2(x)}" y2="${f2(hi)}" stroke="#333"/><line x1="${f2(x - 3)}" y1="${f2(lo)}" x2="${f2(x + 3)}" y2="${f2(lo)}" stroke="#333"/><line x1="${f2(x - 3)}" y1="${f2(hi)}" x2="${f2(x + 3)}" y2="${f2(hi)}" stroke="#333"/>`);
    parts.push(`<circle cx="${f2(x)}" cy="${f2(sy(clip(g.observed)))}" r="3.4" fill="${color}"/>`);
    parts.push(`<text x="${f2(x)}" y="${f2(labelY(x, Math.min(box.y1 - 2, lo + 10), 4.5 * String(g.n).length))}" text-anchor="middle" font-size="7.5" fill="#555">${g.n}</text>`);
  }
  parts.push(legendBelow(fr, items, box.y1 + 40));
  return fr.close();
}
