/**
 * Minimal self-contained SVG line charts (no library, no CDN): axes with ticks, several series,
 * optional diagonal reference, optional log-10 x axis, and a legend. Output is a string of SVG.
 */
import { esc } from './html.ts';

export interface Series {
  name: string;
  points: Array<[number, number]>;
  color?: string;
  dash?: boolean;
  /** Draw markers (points) instead of a line. */
  markers?: boolean;
  /** Vertical error bars (± value per point). */
  errors?: number[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  logX?: boolean;
  diagonal?: boolean;
  /** Vertical reference lines (e.g. the chosen λ). */
  vlines?: Array<{ x: number; label: string }>;
  width?: number;
  height?: number;
  legend?: 'top-right' | 'bottom-right';
}

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const f = (x: number) => (Math.round(x * 100) / 100).toString();

function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const e = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / e;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * e;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

function fmtTick(t: number): string {
  if (t === 0) return '0';
  const a = Math.abs(t);
  return a >= 1e4 || a < 1e-3 ? t.toExponential(0) : String(Number(t.toPrecision(4)));
}

export function lineChart(series: Series[], o: ChartOptions): string {
  const W = o.width ?? 420, H = o.height ?? 340;
  const ml = 56, mr = 12, mt = 28, mb = 46;
  const tx = (x: number) => (o.logX ? Math.log10(x) : x);
  const finite = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(tx(x)) && Number.isFinite(y));
  const xs = finite.map(([x]) => tx(x));
  const ys = finite.map(([, y]) => y);
  const [x0, x1] = o.xDomain ? [tx(o.xDomain[0]), tx(o.xDomain[1])] : o.logX ? [Math.min(...xs), Math.max(...xs)] : [Math.min(...xs, 0), Math.max(...xs, 1)];
  const [y0, y1] = o.yDomain ?? [Math.min(...ys, 0), Math.max(...ys, 1)];
  const sx = (x: number) => ml + ((tx(x) - x0) / (x1 - x0 || 1)) * (W - ml - mr);
  const sy = (y: number) => H - mb - ((y - y0) / (y1 - y0 || 1)) * (H - mt - mb);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}">`);
  parts.push(`<title>${esc(o.title)}</title>`);
  parts.push(`<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(o.title)}</text>`);
  parts.push(`<rect x="${ml}" y="${mt}" width="${W - ml - mr}" height="${H - mt - mb}" fill="none" stroke="#888"/>`);
  for (const t of ticks(x0, x1)) {
    const px = ml + ((t - x0) / (x1 - x0 || 1)) * (W - ml - mr);
    parts.push(`<line x1="${f(px)}" y1="${H - mb}" x2="${f(px)}" y2="${H - mb + 4}" stroke="#888"/><text x="${f(px)}" y="${H - mb + 16}" text-anchor="middle" font-size="10">${esc(o.logX ? `1e${fmtTick(t)}` : fmtTick(t))}</text>`);
  }
  for (const t of ticks(y0, y1)) {
    const py = sy(t);
    parts.push(`<line x1="${ml - 4}" y1="${f(py)}" x2="${ml}" y2="${f(py)}" stroke="#888"/><line x1="${ml}" y1="${f(py)}" x2="${W - mr}" y2="${f(py)}" stroke="#eee"/><text x="${ml - 6}" y="${f(py + 3)}" text-anchor="end" font-size="10">${esc(fmtTick(t))}</text>`);
  }
  parts.push(`<text x="${(ml + W - mr) / 2}" y="${H - 10}" text-anchor="middle" font-size="11">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${(mt + H - mb) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${esc(o.yLabel)}</text>`);
  if (o.diagonal) parts.push(`<line x1="${f(sx(Math.max(x0, y0)))}" y1="${f(sy(Math.max(x0, y0)))}" x2="${f(sx(Math.min(x1, y1)))}" y2="${f(sy(Math.min(x1, y1)))}" stroke="#aaa" stroke-dasharray="4 3"/>`);
  (o.vlines ?? []).forEach((v, i) => {
    if (!Number.isFinite(tx(v.x))) return;
    parts.push(`<line x1="${f(sx(v.x))}" y1="${mt}" x2="${f(sx(v.x))}" y2="${H - mb}" stroke="#555" stroke-dasharray="2 2"/><text x="${f(sx(v.x) + 3)}" y="${H - mb - 6 - 11 * i}" font-size="9">${esc(v.label)}</text>`);
  });
  const box = { x0: ml, x1: W - mr, y0: mt, y1: H - mb };
  series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    const pts = s.points.filter(([x, y]) => Number.isFinite(tx(x)) && Number.isFinite(y));
    if (s.markers) {
      pts.forEach(([x, y], j) => {
        if (sx(x) < box.x0 - 1e-9 || sx(x) > box.x1 + 1e-9 || sy(y) < box.y0 - 1e-9 || sy(y) > box.y1 + 1e-9) return;
        const e = s.errors?.[j];
        if (e !== undefined && Number.isFinite(e)) parts.push(`<line x1="${f(sx(x))}" y1="${f(sy(y - e))}" x2="${f(sx(x))}" y2="${f(sy(y + e))}" stroke="${color}" stroke-opacity="0.5"/>`);
        parts.push(`<circle cx="${f(sx(x))}" cy="${f(sy(y))}" r="2.5" fill="${color}"/>`);
      });
    } else if (pts.length) {
      for (const run of clipPolyline(pts.map(([x, y]) => [sx(x), sy(y)] as [number, number]), box)) {
        parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6"${s.dash ? ' stroke-dasharray="5 3"' : ''} points="${run.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}"/>`);
      }
    }
  });
  const legend = series.filter((s) => s.name).slice(0, 12);
  if (legend.length) {
    const lw = 26 + 5.6 * Math.max(...legend.map((s) => s.name.length));
    const lh = 6 + 13 * legend.length;
    const lx = W - mr - lw - 4;
    const ly0 = o.legend === 'bottom-right' ? H - mb - lh - 4 : mt + 4;
    parts.push(`<rect x="${f(lx)}" y="${f(ly0)}" width="${f(lw)}" height="${lh}" fill="#fff" fill-opacity="0.85" stroke="#ddd"/>`);
    legend.forEach((s, i) => {
      const color = s.color ?? PALETTE[series.indexOf(s) % PALETTE.length]!;
      const ly = ly0 + 13 + i * 13;
      parts.push(`<line x1="${f(lx + 4)}" y1="${ly - 3}" x2="${f(lx + 20)}" y2="${ly - 3}" stroke="${color}" stroke-width="2"${s.dash ? ' stroke-dasharray="5 3"' : ''}/><text x="${f(lx + 24)}" y="${ly}" font-size="9.5">${esc(s.name)}</text>`);
    });
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Clip a polyline (pixel coordinates) to a rectangle, segment by segment (Liang–Barsky), and
 * return the visible runs. Done here rather than with an SVG clipPath so every renderer agrees.
 */
export function clipPolyline(pts: Array<[number, number]>, b: { x0: number; x1: number; y0: number; y1: number }): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  const same = (a: [number, number], c: [number, number]) => Math.abs(a[0] - c[0]) < 1e-9 && Math.abs(a[1] - c[1]) < 1e-9;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[i + 1]!;
    const dx = bx - ax, dy = by - ay;
    let t0 = 0, t1 = 1;
    let visible = true;
    for (const [p, q] of [[-dx, ax - b.x0], [dx, b.x1 - ax], [-dy, ay - b.y0], [dy, b.y1 - ay]] as const) {
      if (p === 0) { if (q < 0) { visible = false; break; } continue; }
      const r = q / p;
      if (p < 0) { if (r > t1) { visible = false; break; } if (r > t0) t0 = r; }
      else { if (r < t0) { visible = false; break; } if (r < t1) t1 = r; }
    }
    if (!visible) { if (cur.length > 1) runs.push(cur); cur = []; continue; }
    const s: [number, number] = [ax + t0 * dx, ay + t0 * dy];
    const e: [number, number] = [ax + t1 * dx, ay + t1 * dy];
    if (cur.length && same(cur[cur.length - 1]!, s)) cur.push(e);
    else { if (cur.length > 1) runs.push(cur); cur = [s, e]; }
    if (t1 < 1) { runs.push(cur); cur = []; }
  }
  if (cur.length > 1) runs.push(cur);
  if (pts.length === 1) {
    const [x, y] = pts[0]!;
    if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) runs.push([[x, y]]);
  }
  return runs;
}
