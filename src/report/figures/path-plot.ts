/**
 * The LASSO / elastic-net coefficient path, readable: λ decreasing left to right, every feature
 * that ever enters drawn in light grey, the selected features (non-zero at the chosen λ) in colour
 * and labelled at the right margin (labels spread so none overlaps, leader lines to their curves);
 * no legend over the curves. With many selected features the largest |β| are labelled and the
 * caption says how many more the table lists.
 */
import { esc } from '../html.ts';
import { PALETTE } from '../svg.ts';
import { f2, frame, polyline } from './frame.ts';

export interface PathInput { features: string[]; lambda: number[]; beta: number[][]; chosenIndex: number; lambdaMin: number; lambda1se: number; rule: string }

export const MAX_PATH_LABELS = 16;
const LABEL_GAP = 11;

/** Spread label y positions (sorted by target) at least `gap` apart within [lo, hi]. */
export function spreadLabels(targets: number[], gap: number, lo: number, hi: number): number[] {
  const order = targets.map((_, i) => i).sort((a, b) => targets[a]! - targets[b]!);
  const y = order.map((i) => targets[i]!);
  for (let k = 0; k < y.length; k++) y[k] = Math.max(y[k]!, k ? y[k - 1]! + gap : lo);
  if (y.length && y[y.length - 1]! > hi) {
    y[y.length - 1] = hi;
    for (let k = y.length - 2; k >= 0; k--) y[k] = Math.min(y[k]!, y[k + 1]! - gap);
  }
  const out = new Array<number>(targets.length);
  order.forEach((i, k) => { out[i] = y[k]!; });
  return out;
}

export function pathPlot(title: string, l: PathInput): { svg: string; labelled: string[]; selected: string[] } {
  const k = l.chosenIndex;
  const active0 = l.features.map((name, j) => ({ name, row: l.beta[j]! }));
  const selected = active0.filter((f) => f.row[k] !== 0).sort((a, b) => Math.abs(b.row[k]!) - Math.abs(a.row[k]!));
  const labelled = selected.slice(0, MAX_PATH_LABELS);
  const longest = Math.max(10, ...labelled.map((f) => f.name.length));
  // ~5.4 px per character at 9 px Helvetica (wide letters included), plus the leader line.
  const labelWidth = Math.min(500, 5.4 * longest + 20);
  const plotHeight = Math.max(300, labelled.length * (LABEL_GAP + 1) + 20);
  // The path is drawn from the largest λ to a decade and a bit past the chosen one: far smaller
  // λ (an elastic net's path runs on to near-interpolation) would squeeze the chosen region into
  // the left edge and the margin labels would describe coefficients nobody uses.
  const lamHi = Math.max(...l.lambda);
  const lamLo = Math.max(Math.min(...l.lambda), l.lambda[k]! / 20, Math.min(l.lambdaMin, l.lambda1se) / 20);
  const shown = l.lambda.map((lam, i) => i).filter((i) => l.lambda[i]! >= lamLo);
  const lastShown = shown[shown.length - 1]!;
  const active = active0.filter((f) => shown.some((i) => f.row[i] !== 0));
  const ys = active.flatMap((f) => shown.map((i) => f.row[i]!));
  const yMax = Math.max(1e-6, ...ys.map(Math.abs));
  const fr = frame({ title, xLabel: 'λ (log scale, decreasing →)', yLabel: 'coefficient (z-scale)', x: [lamHi, lamLo], y: [-yMax * 1.05, yMax * 1.05], logX: true, width: 430 + labelWidth, plotHeight, right: labelWidth });
  const { sx, sy, parts, box } = fr;
  parts.push(`<line x1="${box.x0}" y1="${f2(sy(0))}" x2="${box.x1}" y2="${f2(sy(0))}" stroke="#bbb"/>`);
  for (const [lam, name, dy] of [[l.lambdaMin, 'λ.min', 12], [l.lambda1se, 'λ.1se', 24]] as const) {
    const x = sx(lam);
    parts.push(`<line x1="${f2(x)}" y1="${box.y0}" x2="${f2(x)}" y2="${box.y1}" stroke="#555" stroke-dasharray="2 2"/><text x="${f2(x + 3)}" y="${box.y0 + dy}" font-size="9">${name}${`λ.${l.rule}` === name ? ' (chosen)' : ''}</text>`);
  }
  const path = (row: number[]) => shown.map((i) => [sx(l.lambda[i]!), sy(row[i]!)] as [number, number]);
  const sel = new Set(selected.map((f) => f.name));
  for (const f of active) if (!sel.has(f.name)) parts.push(polyline(path(f.row), '#ccc', { width: 1 }));
  selected.forEach((f, i) => parts.push(polyline(path(f.row), i < labelled.length ? PALETTE[i % PALETTE.length]! : '#9aa', { width: i < labelled.length ? 1.6 : 1 })));
  // Labels at the right margin, in the order of the curves' right ends.
  const ends = labelled.map((f) => sy(f.row[lastShown]!));
  const at = spreadLabels(ends, LABEL_GAP, box.y0 + 6, box.y1 - 2);
  labelled.forEach((f, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="0.8" points="${f2(box.x1)},${f2(ends[i]!)} ${f2(box.x1 + 8)},${f2(at[i]!)} ${f2(box.x1 + 12)},${f2(at[i]!)}"/>`);
    parts.push(`<text x="${f2(box.x1 + 14)}" y="${f2(at[i]! + 3)}" font-size="9" fill="${color}">${esc(f.name)}</text>`);
  });
  return { svg: fr.close(), labelled: labelled.map((f) => f.name), selected: selected.map((f) => f.name) };
}

/** The cross-validation curve: mean deviance ± 1 SE at each λ of the path, λ.min and λ.1se marked. */
export function cvPlot(title: string, l: PathInput & { cvm: number[]; cvsd: number[] }, yLabel: string): string {
  const lo = Math.min(...l.cvm.map((m, i) => m - l.cvsd[i]!)), hi = Math.max(...l.cvm.map((m, i) => m + l.cvsd[i]!));
  const pad = (hi - lo) * 0.05 || 0.01;
  const lamHi = Math.max(...l.lambda), lamLo = Math.min(...l.lambda);
  const fr = frame({ title, xLabel: 'λ (log scale, decreasing →)', yLabel, x: [lamHi, lamLo], y: [lo - pad, hi + pad], logX: true, width: 470, plotHeight: 280 });
  const { sx, sy, parts, box } = fr;
  for (const [lam, name, dy] of [[l.lambdaMin, 'λ.min', 12], [l.lambda1se, 'λ.1se', 24]] as const) {
    const x = sx(lam);
    parts.push(`<line x1="${f2(x)}" y1="${box.y0}" x2="${f2(x)}" y2="${box.y1}" stroke="#555" stroke-dasharray="2 2"/><text x="${f2(x + 3)}" y="${box.y0 + dy}" font-size="9">${name}${`λ.${l.rule}` === name ? ' (chosen)' : ''}</text>`);
  }
  l.lambda.forEach((lam, i) => {
    const x = sx(lam), m = l.cvm[i]!, s = l.cvsd[i]!;
    parts.push(`<line x1="${f2(x)}" y1="${f2(sy(m - s))}" x2="${f2(x)}" y2="${f2(sy(m + s))}" stroke="#d62728" stroke-opacity="0.45"/><circle cx="${f2(x)}" cy="${f2(sy(m))}" r="2.4" fill="#d62728"/>`);
  });
  return fr.close();
}
