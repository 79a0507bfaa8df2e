/**
 * The study viewer: a results.json from `sonomics study` → performance table, ROC, calibration and
 * decision curves (SVG from the library's chart code, as in the HTML report), selected features
 * and model comparisons. Nothing is computed again: it shows what the study recorded.
 */
import { lineChart, MODEL_NAMES, RESULTS_SCHEMA, type ModelName, type StudyResult } from '../../src/index.ts';
import type { Metrics } from '../../src/index.ts';
import { errorText, fmt, h } from './dom.ts';

const COLORS: Record<ModelName, string> = { clinical: '#1f77b4', radiomics: '#d62728', combined: '#2ca02c' };

type Results = Omit<StudyResult, 'final' | 'predictions'>;

/** results.json writes non-finite numbers as "NaN", "Inf", "-Inf": turn them back into numbers. */
function revive(_k: string, v: unknown): unknown {
  return v === 'NaN' ? NaN : v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v;
}

export function parseResults(text: string, name: string): Results {
  let o: unknown;
  try { o = JSON.parse(text, revive); } catch (e) { throw new Error(`${name}: not valid JSON (${(e as Error).message}); open the results.json that sonomics study wrote.`); }
  const r = o as Partial<Results> | null;
  if (!r || typeof r !== 'object' || r.schema !== RESULTS_SCHEMA) {
    const got = r && typeof r === 'object' ? JSON.stringify((r as { schema?: unknown }).schema) : typeof o;
    throw new Error(`${name}: study results schema is ${got}, this viewer reads "${RESULTS_SCHEMA}"; open the results.json that sonomics study wrote (a model bundle opens in the risk calculator).`);
  }
  if (!r.models || !r.cohorts) throw new Error(`${name}: the results have no models or cohorts section; the file is incomplete.`);
  return r as Results;
}

function cohorts(r: Results): Array<{ label: string; get: (m: ModelName) => Metrics | undefined }> {
  const out: Array<{ label: string; get: (m: ModelName) => Metrics | undefined }> = [{ label: 'CV (pooled out-of-fold)', get: (m) => r.models[m]?.cv }];
  for (const c of r.cohorts.filter((x) => x.role === 'external')) out.push({ label: `External: ${c.name}`, get: (m) => r.models[m]?.externals?.[c.name] });
  return out;
}

function tableEl(id: string, caption: string, head: string[], rows: Array<Array<string | number>>): HTMLElement {
  const cell = (c: string | number, j: number) => (j === 0 ? h('th', { scope: 'row', text: c }) : h('td', { class: typeof c === 'number' ? 'num' : '', text: c }));
  const body = h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map(cell))));
  const thead = h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col', text: x }))));
  return h('div', { class: 'table-wrap' }, h('table', { id }, h('caption', { text: caption }), thead, body));
}

function chart(id: string, svg: string, description: string): HTMLElement {
  const fig = h('figure', { id, role: 'group', 'aria-label': description });
  fig.innerHTML = svg; // SVG text from the library's chart code (labels escaped there)
  fig.querySelector('svg')?.setAttribute('role', 'img');
  fig.querySelector('svg')?.setAttribute('aria-label', description);
  return fig;
}

const models = (r: Results) => MODEL_NAMES.filter((m) => r.models[m]);

function section(id: string, title: string, ...body: HTMLElement[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-h` }, h('h3', { id: `${id}-h`, tabindex: '-1', text: title }), ...body);
}

export function renderResults(r: Results): HTMLElement {
  const ms = models(r);
  const perf: Array<Array<string | number>> = [];
  for (const m of ms) for (const { label, get } of cohorts(r)) {
    const x = get(m);
    if (x) perf.push([m, label, x.n, x.events, fmt(x.auc), `${fmt(x.auc_ci[0])}–${fmt(x.auc_ci[1])}`, fmt(x.accuracy), fmt(x.sensitivity), fmt(x.specificity), fmt(x.ppv), fmt(x.npv), fmt(x.threshold)]);
  }
  const charts = (id: string, make: (label: string, list: Array<{ m: ModelName; x: Metrics }>, k: number) => HTMLElement) =>
    h('div', { class: 'charts', id }, ...cohorts(r).map(({ label, get }, k) => make(label, ms.flatMap((m) => { const x = get(m); return x ? [{ m, x }] : []; }), k)));
  const roc = charts('roc-charts', (label, list, k) => chart(`roc-${k}`, lineChart(list.map(({ m, x }) => ({
    name: `${m} (AUC ${fmt(x.auc)})`, color: COLORS[m], points: x.roc.fpr.map((f, i) => [f, x.roc.tpr[i]!] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  })), { title: `ROC — ${label}`, xLabel: '1 − specificity', yLabel: 'sensitivity', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right' }),
  `ROC curves, ${label}: ${list.map(({ m, x }) => `${m} AUC ${fmt(x.auc)}`).join(', ')}`));
  const cal = charts('calibration-charts', (label, list, k) => chart(`calibration-${k}`, lineChart(list.map(({ m, x }) => ({
    name: m, color: COLORS[m], points: (x.calibration?.curve ?? []).map((p) => [p.meanPredicted, p.observed] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  })), { title: `Calibration — ${label}`, xLabel: 'predicted probability', yLabel: 'observed proportion', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right' }),
  `Calibration curves, ${label}`));
  const dca = charts('decision-charts', (label, list, k) => {
    const first = list[0]?.x.decision_curve ?? [];
    const series: Array<{ name: string; color: string; points: Array<[number, number]> }> = list.map(({ m, x }) => ({ name: m as string, color: COLORS[m], points: x.decision_curve.map((d) => [d.threshold, d.netBenefit] as [number, number]) }));
    series.push({ name: 'treat all', color: '#777', points: first.map((d) => [d.threshold, d.treatAll] as [number, number]) });
    series.push({ name: 'treat none', color: '#000', points: first.map((d) => [d.threshold, 0] as [number, number]) });
    const top = Math.max(0.05, ...series.flatMap((s) => s.points.map((p) => p[1]).filter(Number.isFinite)));
    return chart(`decision-${k}`, lineChart(series, { title: `Decision curve — ${label}`, xLabel: 'threshold probability', yLabel: 'net benefit', xDomain: [0, 1], yDomain: [-0.05, top * 1.05] }), `Decision curves (net benefit), ${label}`);
  });
  const calRows = cohorts(r).flatMap(({ label, get }) => ms.flatMap((m) => {
    const c = get(m)?.calibration;
    return c ? [[m, label, fmt(c.citl), fmt(c.slope), fmt(c.brier), fmt(c.oe, 2)]] : [];
  }));
  const rad = r.selection?.radiomics;
  const selected = rad ? tableEl('selected-table', `Radiomics features selected by LASSO (${rad.selected.length} of ${rad.candidates} candidates)`, ['Feature', 'LASSO coefficient (z-scale)', `Selected in outer folds (of ${r.selection.folds})`],
    rad.selected.map((s) => [s.name, fmt(s.coef, 4), r.selection.frequency[s.name] ?? 0])) : h('p', { class: 'hint', text: 'No radiomics model in this study.' });
  const cl = r.selection?.clinical;
  const clinical = cl ? tableEl('clinical-table', 'Clinical variables retained', ['Variable', `Retained in outer folds (of ${r.selection.folds})`], cl.retained.map((v) => [v, r.selection.frequency[v] ?? 0])) : h('span');
  const finals = tableEl('final-table', 'Final models', ['Model', 'Inputs', 'C', 'γ', 'Threshold'], ms.map((m) => [m, r.models[m]!.features.join(', '), r.models[m]!.hyper.C === undefined ? '' : fmt(r.models[m]!.hyper.C!, 3), r.models[m]!.hyper.gamma === undefined ? '' : fmt(r.models[m]!.hyper.gamma!, 4), fmt(r.models[m]!.threshold)]));
  const comps = r.comparisons?.length ? tableEl('comparisons-table', 'Paired DeLong tests', ['Cohort', 'Models', 'AUC A', 'AUC B', 'Δ AUC (95% CI)', 'p'],
    r.comparisons.map((c) => [c.cohort, `${c.a} vs ${c.b}`, fmt(c.auc_a), fmt(c.auc_b), `${fmt(c.diff)} (${fmt(c.ci_diff[0])}–${fmt(c.ci_diff[1])})`, c.p < 0.001 ? '<0.001' : fmt(c.p)])) : h('p', { class: 'hint', text: 'Only one model: no comparison.' });

  const parts: Array<[string, string, HTMLElement[]]> = [
    ['study-performance', 'Performance', [tableEl('performance-table', 'AUC with 95% CI (DeLong); classification at the model\'s threshold', ['Model', 'Cohort', 'n', 'Events', 'AUC', '95% CI', 'Accuracy', 'Sensitivity', 'Specificity', 'PPV', 'NPV', 'Threshold'], perf)]],
    ['study-roc', 'ROC curves', [roc]],
    ['study-calibration', 'Calibration', [cal, tableEl('calibration-table', 'Calibration statistics', ['Model', 'Cohort', 'Calibration-in-the-large', 'Slope', 'Brier', 'O/E'], calRows)]],
    ['study-decision', 'Decision curves', [dca]],
    ['study-features', 'Selected features and final models', [selected, clinical, finals]],
    ['study-comparisons', 'Model comparisons', [comps]],
  ];
  const toc = h('nav', { class: 'toc', 'aria-label': 'Study sections' }, ...parts.map(([id, title]) => h('a', { href: `#${id}`, text: title })));
  const cohortText = r.cohorts.map((c) => `${c.name} (${c.role}, n = ${c.n}, ${c.events} events)`).join('; ');
  return h('div', { id: 'study-content' },
    h('h3', { id: 'study-title', text: r.title }),
    h('p', { text: `Protocol: ${r.protocol}. Seed ${r.seed}. Cohorts: ${cohortText}.` }),
    toc, ...parts.map(([id, title, body]) => section(id, title, ...body)));
}

export function mountViewer(root: HTMLElement): void {
  const input = h('input', { type: 'file', id: 'results-file', accept: '.json,application/json' });
  const error = h('div', { id: 'study-error', class: 'message', role: 'alert' });
  const out = h('div', { id: 'study-out' }, h('p', { class: 'hint', text: 'Open a study\'s results.json (written by sonomics study or sonomics demo) to browse it.' }));
  root.append(h('h2', { text: 'Study viewer' }), h('div', { class: 'field' }, h('label', { for: 'results-file', text: 'Study results (results.json)' }), input), error, out);
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (!f) return;
    error.textContent = '';
    try {
      out.replaceChildren(renderResults(parseResults(await f.text(), f.name)));
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
}
