/**
 * The frame every report figure draws in: a standalone SVG (its own xmlns, white background, font
 * set, so the file renders the same in a journal's tools as in the page), a title, axes with
 * ticks and labels, and the data→pixel scales. Figures add their marks to `parts`.
 */
import { esc } from '../html.ts';

export interface FrameOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  x: [number, number];
  y: [number, number];
  width?: number;
  /** Height of the plot area (the frame adds title and axis space). */
  plotHeight?: number;
  /** Extra room on the right (margin labels) and below the x axis (a strip under the plot). */
  right?: number;
  below?: number;
  logX?: boolean;
  /** x tick positions (default: nice steps; e.g. a survival plot's numbers-at-risk times). */
  xTicks?: number[];
  /** Tick labels on the x axis as given (log axes: the λ values themselves). */
  xTickFormat?: (t: number) => string;
}

export interface Frame {
  W: number; H: number;
  box: { x0: number; x1: number; y0: number; y1: number };
  sx(x: number): number;
  sy(y: number): number;
  parts: string[];
  close(): string;
}

export const FONT = 'font-family="Helvetica, Arial, sans-serif"';
export const f2 = (x: number) => (Math.round(x * 100) / 100).toString();

export function niceTicks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const e = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / e;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * e;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return out;
}

export function fmtNum(t: number): string {
  if (t === 0) return '0';
  const a = Math.abs(t);
  return (a >= 1e4 || a < 1e-3 ? t.toExponential(0) : String(Number(t.toPrecision(4)))).replace('-', '−');
}

export function frame(o: FrameOptions): Frame {
  const ml = 58, mr = 14 + (o.right ?? 0), mt = 30, mb = 44 + (o.below ?? 0);
  const W = o.width ?? 440;
  const ph = o.plotHeight ?? 280;
  const H = mt + ph + mb;
  const box = { x0: ml, x1: W - mr, y0: mt, y1: mt + ph };
  const tx = (x: number) => (o.logX ? Math.log10(x) : x);
  const [x0, x1] = [tx(o.x[0]), tx(o.x[1])];
  const [y0, y1] = o.y;
  const sx = (x: number) => box.x0 + ((tx(x) - x0) / (x1 - x0 || 1)) * (box.x1 - box.x0);
  const sy = (y: number) => box.y1 - ((y - y0) / (y1 - y0 || 1)) * (box.y1 - box.y0);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}" ${FONT}>`);
  parts.push(`<title>${esc(o.title)}</title><rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${f2((box.x0 + box.x1) / 2)}" y="17" text-anchor="middle" font-size="13" font-weight="bold">${esc(o.title)}</text>`);
  parts.push(`<rect x="${box.x0}" y="${box.y0}" width="${f2(box.x1 - box.x0)}" height="${ph}" fill="none" stroke="#888"/>`);
  const xt = o.xTicks ?? (o.logX ? logTicks(o.x[0], o.x[1]) : niceTicks(o.x[0], o.x[1]));
  for (const t of xt) {
    const px = sx(t);
    parts.push(`<line x1="${f2(px)}" y1="${box.y1}" x2="${f2(px)}" y2="${box.y1 + 4}" stroke="#888"/><text x="${f2(px)}" y="${box.y1 + 16}" text-anchor="middle" font-size="10">${esc(o.xTickFormat ? o.xTickFormat(t) : fmtNum(t))}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    const py = sy(t);
    parts.push(`<line x1="${box.x0 - 4}" y1="${f2(py)}" x2="${box.x0}" y2="${f2(py)}" stroke="#888"/><line x1="${box.x0}" y1="${f2(py)}" x2="${box.x1}" y2="${f2(py)}" stroke="#eee"/><text x="${box.x0 - 6}" y="${f2(py + 3)}" text-anchor="end" font-size="10">${esc(fmtNum(t))}</text>`);
  }
  parts.push(`<text x="${f2((box.x0 + box.x1) / 2)}" y="${box.y1 + 32}" text-anchor="middle" font-size="11">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(15 ${f2((box.y0 + box.y1) / 2)}) rotate(-90)" text-anchor="middle" font-size="11">${esc(o.yLabel)}</text>`);
  return { W, H, box, sx, sy, parts, close: () => parts.join('') + '</svg>' };
}

/** Ticks of a log axis: powers of ten, or 1-2-5 steps within a decade when the range is short. */
function logTicks(a0: number, b0: number): number[] {
  const lo = Math.min(a0, b0), hi = Math.max(a0, b0);
  const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
  const mult = b - a <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = a; e <= b; e++) for (const m of mult) { const t = m * 10 ** e; if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.push(t); }
  return out;
}

/** A legend box inside the plot at a corner; returns its SVG. */
export function legend(fr: Frame, items: Array<{ label: string; color: string; dash?: boolean; band?: boolean; marker?: boolean }>, corner: 'top-left' | 'bottom-right' | 'top-right'): string {
  const lw = 30 + 5.7 * Math.max(...items.map((i) => i.label.length));
  const lh = 6 + 14 * items.length;
  const lx = corner === 'top-left' ? fr.box.x0 + 6 : fr.box.x1 - lw - 6;
  const ly = corner === 'bottom-right' ? fr.box.y1 - lh - 6 : fr.box.y0 + 6;
  const out = [`<g class="legend"><rect x="${f2(lx)}" y="${f2(ly)}" width="${f2(lw)}" height="${lh}" fill="#fff" fill-opacity="0.9" stroke="#ddd"/>`];
  items.forEach((it, i) => {
    const y = ly + 14 + i * 14;
    if (it.band) out.push(`<rect x="${f2(lx + 4)}" y="${f2(y - 8)}" width="18" height="9" fill="${it.color}" fill-opacity="0.2"/>`);
    else if (it.marker) out.push(`<circle cx="${f2(lx + 13)}" cy="${f2(y - 4)}" r="3" fill="${it.color}"/>`);
    else out.push(`<line x1="${f2(lx + 4)}" y1="${f2(y - 4)}" x2="${f2(lx + 22)}" y2="${f2(y - 4)}" stroke="${it.color}" stroke-width="2"${it.dash ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text x="${f2(lx + 26)}" y="${f2(y)}" font-size="10">${esc(it.label)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

export function polyline(pts: Array<[number, number]>, color: string, o: { width?: number; dash?: boolean } = {}): string {
  return `<polyline fill="none" stroke="${color}" stroke-width="${o.width ?? 1.8}"${o.dash ? ' stroke-dasharray="5 3"' : ''} points="${pts.map(([x, y]) => `${f2(x)},${f2(y)}`).join(' ')}"/>`;
}

/** A filled band between lower and upper curves (pixel coordinates, same x). */
export function band(xs: number[], lo: number[], hi: number[], color: string, opacity = 0.18): string {
  const top = xs.map((x, i) => `${f2(x)},${f2(hi[i]!)}`);
  const bottom = xs.map((x, i) => `${f2(x)},${f2(lo[i]!)}`).reverse();
  return `<polygon points="${[...top, ...bottom].join(' ')}" fill="${color}" fill-opacity="${opacity}" stroke="none"/>`;
}

/** A legend as rows under everything else (starting at pixel row y): nothing in the plot is covered. */
export function legendBelow(fr: Frame, items: Array<{ label: string; color: string; dash?: boolean; band?: boolean; marker?: boolean }>, y: number): string {
  const out = ['<g class="legend">'];
  items.forEach((it, i) => {
    const yy = y + 12 + i * 14;
    const lx = fr.box.x0;
    if (it.band) out.push(`<rect x="${f2(lx)}" y="${f2(yy - 8)}" width="18" height="9" fill="${it.color}" fill-opacity="0.25"/>`);
    else if (it.marker) out.push(`<circle cx="${f2(lx + 9)}" cy="${f2(yy - 4)}" r="3" fill="${it.color}"/>`);
    else out.push(`<line x1="${f2(lx)}" y1="${f2(yy - 4)}" x2="${f2(lx + 18)}" y2="${f2(yy - 4)}" stroke="${it.color}" stroke-width="2"${it.dash ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text x="${f2(lx + 24)}" y="${f2(yy)}" font-size="10">${esc(it.label)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

export const LEGEND_ROW = 14;
