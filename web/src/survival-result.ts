/**
 * The calculator's survival panel, for a bundle of a time-to-event study: the risk of the event by
 * 1, 2 and 3 years (12, 24, 36 months; a year beyond the last training event time is named, not
 * extrapolated) and the patient's predicted survival curve S(t | x) as an inline SVG step curve with
 * those years marked; with a Fine–Gray model in the bundle, its cumulative incidence by each year
 * beside the Cox risk. The numbers come from `predictSurvival`, the same code as `sonomics predict`.
 */
import type { SurvivalPrediction } from '../../src/index.ts';
import { fmt, h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const years = (t: number) => (t % 12 === 0 ? `${t / 12} year${t === 12 ? '' : 's'}` : `${t} months`);

/** The survival curve with the chosen times marked: 360 × 170 px, axes in months and probability. */
function curveSvg(p: SurvivalPrediction): SVGSVGElement {
  const W = 360, H = 170, ml = 40, mr = 10, mt = 8, mb = 30;
  const xMax = Math.min(p.lastTime, Math.max(60, ...p.at.map((a) => a.time)));
  const sx = (t: number) => ml + (t / xMax) * (W - ml - mr);
  const sy = (v: number) => mt + (1 - v) * (H - mt - mb);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', id: 'survival-curve', 'aria-label': `Predicted survival curve of this patient up to ${fmt(xMax, 0)} months` });
  svg.append(s('rect', { x: ml, y: mt, width: W - ml - mr, height: H - mt - mb, fill: '#fff', stroke: '#999' }));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { x1: ml, x2: W - mr, y1: sy(v), y2: sy(v), stroke: '#eee' }));
    svg.append(s('text', { x: ml - 4, y: sy(v) + 3, 'text-anchor': 'end', 'font-size': 9 }, `${v * 100}%`));
  }
  for (let t = 0; t <= xMax + 1e-9; t += 12) svg.append(s('text', { x: sx(t), y: H - mb + 12, 'text-anchor': 'middle', 'font-size': 9 }, String(t)));
  svg.append(s('text', { x: (ml + W - mr) / 2, y: H - 4, 'text-anchor': 'middle', 'font-size': 10 }, 'months after baseline'));
  // Right-continuous steps from S(0) = 1.
  const pts: string[] = [];
  let v = 1;
  p.curve.time.forEach((t, k) => {
    if (t > xMax) return;
    pts.push(`${sx(t).toFixed(1)},${sy(v).toFixed(1)}`);
    v = p.curve.survival[k]!;
    pts.push(`${sx(t).toFixed(1)},${sy(v).toFixed(1)}`);
  });
  pts.push(`${sx(xMax).toFixed(1)},${sy(v).toFixed(1)}`);
  svg.append(s('polyline', { points: pts.join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
  for (const a of p.at) {
    svg.append(s('line', { x1: sx(a.time), x2: sx(a.time), y1: mt, y2: H - mb, stroke: '#a30d0d', 'stroke-dasharray': '3 3' }));
    svg.append(s('circle', { cx: sx(a.time), cy: sy(a.survival), r: 3.5, fill: '#a30d0d' }));
  }
  return svg;
}

export function survivalPanel(p: SurvivalPrediction): HTMLElement {
  // With a competing event and a Fine–Gray model in the bundle, its cumulative incidence by each
  // time sits beside the Cox risk: the chance of the event when the competing event (e.g. death
  // without recurrence) can come first; the Cox risk treats that event as censoring.
  const fg = p.fineGray;
  const rows = p.at.map((a, k) => h('tr', { 'data-time': a.time, 'data-risk': String(a.risk), ...(fg ? { 'data-incidence': String(fg.at[k]!.incidence) } : {}) },
    h('th', { scope: 'row', text: `${years(a.time)} (${a.time} months)` }),
    h('td', { class: 'num', text: `${fmt(100 * a.risk, 1)}%` }),
    h('td', { class: 'num', text: `${fmt(100 * a.survival, 1)}%` }),
    ...(fg ? [h('td', { class: 'num', text: `${fmt(100 * fg.at[k]!.incidence, 1)}%` })] : [])));
  const missing = p.dropped.length
    ? h('p', { class: 'hint', id: 'survival-dropped', text: `Not available: ${p.dropped.map(years).join(', ')} — beyond the last event time in the training data (${fmt(p.lastTime, 1)} months), where the model knows no baseline risk.` })
    : null;
  return h('div', { id: 'survival' },
    h('div', { class: 'table-wrap' }, h('table', { id: 'survival-risks' },
      h('caption', { text: fg ? 'Risk of the event by time: Cox model, and Fine–Gray with the competing event counted' : 'Risk of the event by time (Cox model)' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'By' }), h('th', { scope: 'col', text: 'Risk' }), h('th', { scope: 'col', text: 'Event-free' }),
        ...(fg ? [h('th', { scope: 'col', text: 'Fine–Gray risk', title: 'Fine–Gray cumulative incidence: the chance of the event by this time when the competing event can come first' })] : []))),
      h('tbody', {}, ...rows))),
    missing,
    curveSvg(p));
}
