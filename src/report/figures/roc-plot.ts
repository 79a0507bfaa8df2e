/** ROC curves of the models on one cohort, each with its pointwise 95% bootstrap band of sensitivity. */
import type { RocBand } from '../../stats/index.ts';
import { band, f2, frame, LEGEND_ROW, legendBelow, polyline } from './frame.ts';

export interface RocSeries { label: string; color: string; fpr: number[]; tpr: number[]; band?: RocBand }

export function rocPlot(title: string, series: RocSeries[], bandNote: string): string {
  const rows = series.length + 1;
  const fr = frame({ title, xLabel: '1 − specificity', yLabel: 'sensitivity', x: [0, 1], y: [0, 1], width: 400, plotHeight: 300, below: rows * LEGEND_ROW + 10 });
  const { sx, sy, parts, box } = fr;
  parts.push(`<line x1="${f2(sx(0))}" y1="${f2(sy(0))}" x2="${f2(sx(1))}" y2="${f2(sy(1))}" stroke="#aaa" stroke-dasharray="4 3"/>`);
  for (const s of series) {
    if (!s.band) continue;
    // The band is in specificity; on the 1 − specificity axis it runs right to left.
    const xs = s.band.specificity.map((sp) => sx(1 - sp));
    parts.push(band(xs, s.band.lower.map(sy), s.band.upper.map(sy), s.color, 0.13));
  }
  for (const s of series) {
    const pts = s.fpr.map((x, i) => [x, s.tpr[i]!] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    parts.push(polyline(pts.map(([x, y]) => [sx(x), sy(y)]), s.color, { width: 2 }));
  }
  parts.push(legendBelow(fr, [...series.map((s) => ({ label: s.label, color: s.color })), { label: bandNote, color: '#888', band: true }], box.y1 + 40));
  return fr.close();
}
