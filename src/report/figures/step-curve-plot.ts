/**
 * Step curves over follow-up time with a numbers-at-risk table under the axis — the Kaplan–Meier
 * curves by risk group (survival, log-rank p) and the cumulative incidence (Aalen–Johansen, Gray's
 * p) figures. Curves are right-continuous steps from time 0 with a stepped pointwise CI band; the
 * at-risk table puts each group's count under its tick, in the group's colour, so a reader can see
 * how many patients the right end of a curve rests on (Morris et al. 2019, BMJ Open 9:e030215).
 */
import { esc } from '../html.ts';
import { band, f2, fmtNum, frame, LEGEND_ROW, legendBelow } from './frame.ts';

export interface StepSeries {
  label: string;
  color: string;
  /** Jump times and the value just after each (the curve starts at `start` at time 0). */
  time: number[];
  value: number[];
  lower?: number[];
  upper?: number[];
  /** Numbers at risk at the plot's `atRiskTimes`. */
  atRisk?: number[];
}

export interface StepPlotOptions {
  title: string;
  yLabel: string;
  xLabel: string;
  /** Value at time 0: 1 for survival, 0 for cumulative incidence. */
  start: number;
  /** Times of the numbers-at-risk table (and of the x ticks when given). */
  atRiskTimes?: number[];
  /** Right end of the time axis (default: the last at-risk time or jump). */
  xMax?: number;
  /** A line of text in the plot's top corner (e.g. "log-rank p = 0.003"). */
  note?: string;
  /** A vertical dotted line (the horizon) with its label. */
  marker?: { x: number; label: string };
  /** Legend text for the CI band. */
  bandLabel?: string;
}

/** The pixel polyline of a right-continuous step function from x = 0 to xMax. */
function stepPoints(time: number[], value: number[], start: number, xMax: number, sx: (x: number) => number, sy: (y: number) => number): Array<[number, number]> {
  const pts: Array<[number, number]> = [[sx(0), sy(start)]];
  let v = start;
  for (let k = 0; k < time.length; k++) {
    const t = time[k]!;
    if (t > xMax) break;
    const nv = Number.isFinite(value[k]!) ? value[k]! : v;
    pts.push([sx(t), sy(v)], [sx(t), sy(nv)]);
    v = nv;
  }
  pts.push([sx(xMax), sy(v)]);
  return pts;
}

export function stepCurvePlot(o: StepPlotOptions, series: StepSeries[]): string {
  const xMax = o.xMax ?? Math.max(...(o.atRiskTimes ?? []), ...series.map((s) => s.time[s.time.length - 1] ?? 0), 1);
  const table = o.atRiskTimes && series.some((s) => s.atRisk);
  const tableH = table ? 20 + series.length * 13 : 0;
  const legendItems = [...series.map((s) => ({ label: s.label, color: s.color })), ...(o.bandLabel ? [{ label: o.bandLabel, color: '#888', band: true }] : []), ...(o.marker ? [{ label: o.marker.label, color: '#555', dash: true }] : [])];
  const fr = frame({ title: o.title, xLabel: o.xLabel, yLabel: o.yLabel, x: [0, xMax], y: [0, 1], width: 440, xTicks: o.atRiskTimes?.filter((t) => t <= xMax), plotHeight: 260, below: tableH + legendItems.length * LEGEND_ROW + 10 });
  const { sx, sy, parts, box } = fr;
  for (const s of series) {
    if (!s.lower || !s.upper) continue;
    // Stepped band: each jump twice (before and after), like the curve; undefined CI (log-log at
    // S = 1) is drawn as the curve itself.
    const lo = stepPoints(s.time, s.lower.map((v, k) => (Number.isFinite(v) ? v : s.value[k]!)), o.start, xMax, sx, sy);
    const hi = stepPoints(s.time, s.upper.map((v, k) => (Number.isFinite(v) ? v : s.value[k]!)), o.start, xMax, sx, sy);
    parts.push(band(lo.map((p) => p[0]), lo.map((p) => p[1]), hi.map((p) => p[1]), s.color, 0.13));
  }
  if (o.marker && o.marker.x <= xMax) parts.push(`<line x1="${f2(sx(o.marker.x))}" y1="${box.y0}" x2="${f2(sx(o.marker.x))}" y2="${box.y1}" stroke="#555" stroke-dasharray="2 3"/>`);
  for (const s of series) {
    const pts = stepPoints(s.time, s.value, o.start, xMax, sx, sy);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map(([x, y]) => `${f2(x)},${f2(y)}`).join(' ')}"/>`);
  }
  if (o.note) {
    // Survival falls, incidence rises: the note goes where the curves are not.
    const y = o.start === 1 ? box.y1 - 8 : box.y0 + 14;
    parts.push(`<text x="${f2(box.x1 - 6)}" y="${f2(y)}" text-anchor="end" font-size="10.5">${esc(o.note)}</text>`);
  }
  let y = box.y1 + 40;
  if (table) {
    parts.push(`<text x="${box.x0}" y="${f2(y + 10)}" font-size="9.5" font-weight="bold">Number at risk</text>`);
    series.forEach((s, g) => {
      const ry = y + 24 + g * 13;
      parts.push(`<text x="${box.x0 - 16}" y="${f2(ry)}" text-anchor="end" font-size="9" fill="${s.color}">${esc(shortLabel(s.label))}</text>`);
      o.atRiskTimes!.forEach((t, k) => {
        if (t > xMax || s.atRisk?.[k] === undefined) return;
        parts.push(`<text x="${f2(sx(t))}" y="${f2(ry)}" text-anchor="middle" font-size="9" fill="${s.color}">${fmtNum(s.atRisk[k]!)}</text>`);
      });
    });
    y += tableH;
  }
  parts.push(legendBelow(fr, legendItems, y));
  return fr.close();
}

/** The table's row label: the first word of the legend label, short enough for the left margin. */
function shortLabel(label: string): string {
  const w = label.split(/\s+/)[0]!;
  return w.length > 9 ? `${w.slice(0, 8)}…` : w;
}
