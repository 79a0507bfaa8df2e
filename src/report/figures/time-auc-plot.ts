/**
 * Time-dependent AUC(t) of each model over follow-up (IPCW, cumulative/dynamic; Blanche et al.
 * 2013, Stat Med 32:5381) at the study's chosen times, each with its pointwise 95% CI band
 * (influence-function SE), the 0.5 line of no discrimination and the horizon marked.
 */
import { band, f2, frame, LEGEND_ROW, legendBelow, polyline } from './frame.ts';

export interface TimeAucSeries { label: string; color: string; time: number[]; auc: number[]; lower: number[]; upper: number[] }

export function timeAucPlot(title: string, series: TimeAucSeries[], o: { xLabel: string; horizon?: number }): string {
  const times = series.flatMap((s) => s.time);
  const xMax = Math.max(...times) * 1.05;
  const lows = series.flatMap((s) => s.lower.filter(Number.isFinite));
  const yMin = Math.max(0, Math.min(0.4, Math.floor(Math.min(...lows, 0.5) * 10) / 10));
  const items = [...series.map((s) => ({ label: s.label, color: s.color })), { label: '95% CI (pointwise)', color: '#888', band: true }, { label: 'no discrimination (0.5)', color: '#999', dash: true }, ...(o.horizon !== undefined ? [{ label: `horizon (${o.horizon})`, color: '#555', dash: true }] : [])];
  const fr = frame({ title, xLabel: o.xLabel, yLabel: 'AUC(t)', x: [0, xMax], y: [yMin, 1], width: 400, plotHeight: 260, below: items.length * LEGEND_ROW + 10 });
  const { sx, sy, parts, box } = fr;
  const clip = (v: number) => Math.min(1, Math.max(yMin, v));
  parts.push(polyline([[sx(0), sy(0.5)], [sx(xMax), sy(0.5)]], '#999', { dash: true, width: 1.2 }));
  if (o.horizon !== undefined) parts.push(`<line x1="${f2(sx(o.horizon))}" y1="${box.y0}" x2="${f2(sx(o.horizon))}" y2="${box.y1}" stroke="#555" stroke-dasharray="2 3"/>`);
  for (const s of series) parts.push(band(s.time.map(sx), s.lower.map((v) => sy(clip(v))), s.upper.map((v) => sy(clip(v))), s.color, 0.13));
  for (const s of series) {
    parts.push(polyline(s.time.map((t, k) => [sx(t), sy(clip(s.auc[k]!))]), s.color, { width: 2 }));
    for (let k = 0; k < s.time.length; k++) parts.push(`<circle cx="${f2(sx(s.time[k]!))}" cy="${f2(sy(clip(s.auc[k]!)))}" r="2.8" fill="${s.color}"/>`);
  }
  parts.push(legendBelow(fr, items, box.y1 + 40));
  return fr.close();
}
