/**
 * Decision curves on one cohort (Vickers & Elkin 2006, Med Decis Making 26:565): net benefit of
 * each model against treat-all and treat-none over the thresholds where a decision could change
 * (up to where treat-all and every model stop adding benefit), the range where the best model
 * beats both defaults shaded.
 */
import { f2, fmtNum, frame, LEGEND_ROW, legendBelow, polyline } from './frame.ts';

export interface DecisionSeries { label: string; color: string; threshold: number[]; netBenefit: number[] }

export interface UsefulRange { from: number; to: number; model: string }

/** Thresholds where some model's net benefit exceeds both treat-all and treat-none (the longest run). */
export function usefulRange(series: DecisionSeries[], treatAll: number[], thresholds: number[]): UsefulRange | undefined {
  let best: UsefulRange | undefined;
  let start = -1;
  const beats = thresholds.map((_, k) => series.some((s) => s.netBenefit[k]! > Math.max(0, treatAll[k]!) + 1e-12));
  beats.push(false);
  beats.forEach((b, k) => {
    if (b && start < 0) start = k;
    if (!b && start >= 0) {
      const from = thresholds[start]!, to = thresholds[k - 1]!;
      if (!best || to - from > best.to - best.from) {
        const mid = Math.floor((start + k - 1) / 2);
        const top = series.reduce((a, s) => (s.netBenefit[mid]! > a.netBenefit[mid]! ? s : a));
        best = { from, to, model: top.label };
      }
      start = -1;
    }
  });
  return best;
}

export function decisionPlot(title: string, series: DecisionSeries[], treatAll: number[], thresholds: number[]): { svg: string; xMax: number; useful?: UsefulRange } {
  const positive = (k: number) => treatAll[k]! > 0 || series.some((s) => s.netBenefit[k]! > 0);
  let last = 0;
  thresholds.forEach((t, k) => { if (positive(k)) last = t; });
  const xMax = Math.min(1, Math.max(0.3, Math.ceil((last + 0.05) * 10) / 10));
  const inRange = thresholds.map((t) => t <= xMax);
  const yMax = Math.max(0.05, treatAll[0] ?? 0, ...series.flatMap((s) => s.netBenefit.filter((_, k) => inRange[k])));
  const yMin = -Math.max(0.02, 0.15 * yMax);
  const fr = frame({ title, xLabel: 'threshold probability', yLabel: 'net benefit', x: [0, xMax], y: [yMin, yMax * 1.05], width: 400, plotHeight: 280, below: (series.length + 3) * LEGEND_ROW + 10 });
  const { sx, sy, parts, box } = fr;
  const useful = usefulRange(series, treatAll, thresholds);
  if (useful) parts.push(`<rect x="${f2(sx(useful.from))}" y="${box.y0}" width="${f2(Math.max(1, sx(Math.min(useful.to, xMax)) - sx(useful.from)))}" height="${f2(box.y1 - box.y0)}" fill="#f2e9c9" fill-opacity="0.6"/>`);
  const clip = (xs: number[], ys: number[]) => xs.flatMap((x, k) => (inRange[k] ? [[sx(x), sy(Math.max(yMin, ys[k]!))] as [number, number]] : []));
  parts.push(polyline([[sx(0), sy(0)], [sx(xMax), sy(0)]], '#000', { width: 1.4 }));
  parts.push(polyline(clip(thresholds, treatAll), '#777', { dash: true, width: 1.6 }));
  for (const s of series) parts.push(polyline(clip(s.threshold, s.netBenefit), s.color, { width: 2 }));
  const items = [
    ...series.map((s) => ({ label: s.label, color: s.color })),
    { label: 'treat all', color: '#777', dash: true },
    { label: 'treat none', color: '#000' },
    { label: useful ? `a model beats both defaults: thresholds ${fmtNum(useful.from)}–${fmtNum(useful.to)}` : 'no threshold where a model beats both defaults', color: '#e5d39a', band: true },
  ];
  parts.push(legendBelow(fr, items, box.y1 + 40));
  return { svg: fr.close(), xMax, useful };
}
