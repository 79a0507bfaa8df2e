/**
 * renderReport: a StudyResult → one self-contained, offline HTML page (inline CSS and SVG, no
 * scripts, no external resources). Section ids are stable (tests and links rely on them).
 */
import { MODEL_NAMES, type ModelName } from '../study/config.ts';
import type { Metrics } from '../study/evaluate.ts';
import type { StudyResult } from '../study/run.ts';
import type { Table1 } from '../study/table1.ts';
import { esc, num, pval, table } from './html.ts';
import { methodsText } from './methods.ts';
import { lineChart, PALETTE, type Series } from './svg.ts';
import { performanceRows } from './text.ts';
import { tripodChecklist } from './tripod.ts';

export const REPORT_SECTIONS = ['cohorts', 'table1', 'clinical-regression', 'lasso', 'selected-features', 'performance', 'comparisons', 'roc', 'calibration', 'decision-curves', 'methods', 'tripod'] as const;

const MODEL_COLOR: Record<ModelName, string> = { clinical: PALETTE[0]!, radiomics: PALETTE[1]!, combined: PALETTE[2]! };

const CSS = `body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4;padding:0 1em}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.88em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}caption{text-align:left;font-weight:bold;padding:.3em 0}.charts{display:flex;flex-wrap:wrap;gap:1em}
.note{color:#555;font-size:.9em}.ok{color:#1a7f37}.partly{color:#9a6700}.authors{color:#555}nav a{margin-right:.8em}`;

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

function table1Html(t: Table1): string {
  const head = ['Characteristic', ...t.groups.map((g) => `${esc(g.label)}<br>n = ${g.n}`), 'p', 'test'];
  const rows = t.rows.map((r) => [r.level ? `&nbsp;&nbsp;${esc(r.level)}` : esc(r.variable), ...r.cells.map(esc), pval(r.p), esc(r.test ?? '')]);
  return table(head, rows, esc(t.title));
}

function clinicalHtml(r: StudyResult): string {
  const c = r.selection.clinical;
  if (!c) return '<p class="note">No clinical model in this study.</p>';
  const uni = table(['Variable', 'Term', 'OR', '95% CI', 'p (term)', 'p (variable)', 'Entered'], c.univariable.flatMap((u) => u.terms.map((t, j) => [j === 0 ? esc(u.variable) : '', esc(t.name), num(t.oddsRatio, 2), `${num(t.orLower, 2)}–${num(t.orUpper, 2)}`, pval(t.p), j === 0 ? pval(u.p) : '', j === 0 ? (u.entered ? 'yes' : '') : ''])), `Univariable logistic regression (main cohort, n = ${r.cohorts.find((x) => x.role === 'main')!.n})`);
  const mv = c.multivariable;
  const multi = mv ? table(['Term', 'β', 'OR', '95% CI', 'p'], mv.names.slice(1).map((n, j) => [esc(n), num(mv.coef[j + 1], 3), num(mv.oddsRatio[j + 1], 2), `${num(mv.orLower[j + 1], 2)}–${num(mv.orUpper[j + 1], 2)}`, pval(mv.p[j + 1])]), `Multivariable logistic regression (${esc(mv.names[0] ?? 'intercept')} ${num(mv.coef[0], 3)}); retained: ${esc(c.retained.join(', '))}`) : '';
  const pts = c.points ? table(['Term', 'Range', 'Points at low', 'Points at high'], c.points.terms.map((t) => [esc(t.name), `${num(t.low, 2)} – ${num(t.high, 2)}`, num(t.pointsAtLow, 0), num(t.pointsAtHigh, 0)]), 'Points table (nomogram-style, from the logistic model on the retained variables)')
    + table(['Total points', 'Predicted risk'], c.points.risk.map((x) => [num(x.points, 0), num(x.probability, 3)])) : '';
  const notes = c.notes.length ? `<p class="note">${c.notes.map(esc).join('<br>')}</p>` : '';
  return uni + multi + pts + notes;
}

function lassoHtml(r: StudyResult): string {
  const rad = r.selection.radiomics;
  if (!rad) return '<p class="note">No radiomics model in this study.</p>';
  const l = rad.lasso;
  const active = l.features.map((name, j) => ({ name, row: l.beta[j]! })).filter((f) => f.row.some((b) => b !== 0));
  const firstNonzero = (row: number[]) => { const k = row.findIndex((b) => b !== 0); return k < 0 ? Infinity : k; };
  active.sort((a, b) => firstNonzero(a.row) - firstNonzero(b.row));
  const shown = active.slice(0, 20);
  const path = lineChart(shown.map((f, i) => ({ name: i < 10 ? f.name : '', points: l.lambda.map((lam, k) => [lam, f.row[k]!] as [number, number]), color: PALETTE[i % PALETTE.length] })), {
    title: 'LASSO coefficient path', xLabel: 'λ (log scale)', yLabel: 'coefficient (z-scale)', logX: true, vlines: [{ x: l.lambdaMin, label: 'λ.min' }, { x: l.lambda1se, label: 'λ.1se' }], width: 520,
  });
  const cv = lineChart([{ name: 'CV deviance ± SE', points: l.lambda.map((lam, k) => [lam, l.cvm[k]!] as [number, number]), markers: true, errors: l.cvsd, color: PALETTE[1] }], {
    title: 'LASSO cross-validation curve', xLabel: 'λ (log scale)', yLabel: 'binomial deviance', logX: true, vlines: [{ x: l.lambdaMin, label: 'λ.min' }, { x: l.lambda1se, label: 'λ.1se' }], width: 520,
    yDomain: [Math.min(...l.cvm.map((m, k) => m - l.cvsd[k]!)), Math.max(...l.cvm.map((m, k) => m + l.cvsd[k]!))],
  });
  const info = `<p>${rad.candidates} candidate features → ${rad.redundancy.kept.length} after the redundancy filter (${rad.redundancy.dropped.length} removed) → ${rad.selected.length} selected at λ.${l.rule} = ${num(l.lambda[l.chosenIndex], 5)} (λ.min = ${num(l.lambdaMin, 5)}, λ.1se = ${num(l.lambda1se, 5)}).${active.length > shown.length ? ` The path shows the first ${shown.length} of ${active.length} features to enter.` : ''}</p>`;
  return info + `<div class="charts">${path}${cv}</div>` + (rad.notes.length ? `<p class="note">${rad.notes.map(esc).join('<br>')}</p>` : '');
}

function selectedHtml(r: StudyResult): string {
  const parts: string[] = [];
  const rad = r.selection.radiomics;
  const folds = r.selection.folds;
  if (rad) {
    parts.push(table(['Feature', 'LASSO coefficient (z-scale)', `Selected in outer folds (of ${folds})`], rad.selected.map((s) => [esc(s.name), num(s.coef, 4), String(r.selection.frequency[s.name] ?? 0)]), `Radiomics features selected on the whole main cohort; radiomics score = ${num(rad.radscore.intercept, 4)} + Σ β·z`));
  }
  const cl = r.selection.clinical;
  if (cl) parts.push(table(['Clinical variable', `Retained in outer folds (of ${folds})`], cl.retained.map((v) => [esc(v), String(r.selection.frequency[v] ?? 0)]), 'Clinical variables retained on the whole main cohort'));
  const hyper = MODEL_NAMES.filter((m) => r.models[m]).map((m) => [m, esc(r.models[m]!.features.join(', ')), num(r.models[m]!.hyper.C, 3), num(r.models[m]!.hyper.gamma, 4), num(r.models[m]!.threshold, 3)]);
  parts.push(table(['Model', 'SVM inputs', 'C', 'γ', 'threshold'], hyper, 'Final models (fitted on the whole main cohort)'));
  return parts.join('');
}

function performanceHtml(r: StudyResult): string {
  const rows = performanceRows(r).map(({ model, cohort, m }) => [model, esc(cohort), String(m.n), String(m.events), num(m.auc), `${num(m.auc_ci[0])}–${num(m.auc_ci[1])}${m.auc_ci_bootstrap ? `<br>boot ${num(m.auc_ci_bootstrap[0])}–${num(m.auc_ci_bootstrap[1])}` : ''}`, num(m.accuracy), num(m.sensitivity), num(m.specificity), num(m.ppv), num(m.npv), num(m.threshold)]);
  const t = table(['Model', 'Cohort', 'n', 'events', 'AUC', '95% CI (DeLong)', 'Accuracy', 'Sensitivity', 'Specificity', 'PPV', 'NPV', 'Threshold'], rows, 'Performance (CV: pooled out-of-fold predictions, each classified at its own training fold\'s threshold; external: model fitted on the whole main cohort)');
  const spread = table(['Model', 'Per-fold AUC mean ± SD', 'Per-fold AUCs', 'Apparent AUC (optimistic)'], MODEL_NAMES.filter((m) => r.models[m]).map((m) => {
    const cv = r.models[m]!.cv;
    return [m, `${num(cv.fold_auc_mean)} ± ${num(cv.fold_auc_sd)}`, cv.folds.map((f) => num(f.auc)).join(', '), num(r.models[m]!.apparent.auc)];
  }), 'Spread across outer folds');
  return t + spread + `<p class="note">${esc(r.thresholdRule)}</p>`;
}

function comparisonsHtml(r: StudyResult): string {
  if (!r.comparisons.length) return '<p class="note">Only one model: no comparison.</p>';
  return table(['Cohort', 'Models', 'AUC A', 'AUC B', 'Δ AUC (95% CI)', 'z', 'p'], r.comparisons.map((c) => [esc(c.cohort), `${c.a} vs ${c.b}`, num(c.auc_a), num(c.auc_b), `${num(c.diff)} (${num(c.ci_diff[0])} to ${num(c.ci_diff[1])})`, num(c.z, 2), pval(c.p)]), 'Paired DeLong tests');
}

function cohortsMetrics(r: StudyResult): Array<{ label: string; get: (m: ModelName) => Metrics | undefined }> {
  const out: Array<{ label: string; get: (m: ModelName) => Metrics | undefined }> = [{ label: 'CV (pooled out-of-fold)', get: (m) => r.models[m]?.cv }];
  for (const c of r.cohorts.filter((x) => x.role === 'external')) out.push({ label: `External: ${c.name}`, get: (m) => r.models[m]?.externals[c.name] });
  return out;
}

function perCohortCharts(r: StudyResult, make: (label: string, series: Array<{ m: ModelName; metrics: Metrics }>) => string): string {
  return `<div class="charts">${cohortsMetrics(r).map(({ label, get }) => make(label, MODEL_NAMES.flatMap((m) => { const x = get(m); return x ? [{ m, metrics: x }] : []; }))).join('')}</div>`;
}

function rocHtml(r: StudyResult): string {
  return perCohortCharts(r, (label, ms) => lineChart(ms.map(({ m, metrics }) => ({ name: `${m} (AUC ${num(metrics.auc)})`, color: MODEL_COLOR[m], points: metrics.roc.fpr.map((x, i) => [x, metrics.roc.tpr[i]!] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]) })), {
    title: `ROC — ${label}`, xLabel: '1 − specificity', yLabel: 'sensitivity', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right',
  }));
}

function calibrationHtml(r: StudyResult): string {
  const charts = perCohortCharts(r, (label, ms) => lineChart(ms.map(({ m, metrics }) => ({ name: m, color: MODEL_COLOR[m], points: (metrics.calibration?.curve ?? []).map((p) => [p.meanPredicted, p.observed] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]) })), {
    title: `Calibration — ${label}`, xLabel: 'predicted probability', yLabel: 'observed proportion', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right',
  }));
  const rows = cohortsMetrics(r).flatMap(({ label, get }) => MODEL_NAMES.flatMap((m) => {
    const x = get(m);
    const c = x?.calibration;
    if (x && !c) return [[esc(label), m, `not estimable: ${esc(x.calibration_error ?? '')}`, '', '', '', '']];
    return c ? [[esc(label), m, num(c.citl), num(c.slope), num(c.brier), num(c.oe, 2), `${num(c.hosmerLemeshow.chi2 ?? NaN, 2)} (p ${pval(c.hosmerLemeshow.p ?? NaN)})`]] : [];
  }));
  return charts + table(['Cohort', 'Model', 'Calibration-in-the-large', 'Slope', 'Brier', 'O/E', 'Hosmer–Lemeshow χ²'], rows, 'Calibration statistics');
}

function dcaHtml(r: StudyResult): string {
  return perCohortCharts(r, (label, ms) => {
    const first = ms[0]?.metrics.decision_curve ?? [];
    const series: Series[] = ms.map(({ m, metrics }) => ({ name: m, color: MODEL_COLOR[m], points: metrics.decision_curve.map((d) => [d.threshold, d.netBenefit] as [number, number]) }));
    series.push({ name: 'treat all', color: '#777', dash: true, points: first.map((d) => [d.threshold, d.treatAll] as [number, number]) });
    series.push({ name: 'treat none', color: '#000', points: first.map((d) => [d.threshold, 0] as [number, number]) });
    const maxNb = Math.max(0.05, ...series.flatMap((s) => s.points.map((p) => p[1])));
    return lineChart(series, { title: `Decision curve — ${label}`, xLabel: 'threshold probability', yLabel: 'net benefit', xDomain: [0, 1], yDomain: [-0.05, maxNb * 1.05] });
  });
}

function cohortsHtml(r: StudyResult): string {
  const t = table(['Cohort', 'Role', 'Cases in table', 'Missing outcome', 'Incomplete predictors', 'Analysed', 'Events'], r.missing.cohorts.map((m) => {
    const c = r.cohorts.find((x) => x.name === m.cohort)!;
    return [esc(m.cohort), c.role, String(m.total), String(m.missingOutcome), String(m.incomplete), String(m.analysed), `${c.events} (${num((100 * c.events) / Math.max(1, c.n), 1)}%)`];
  }), `Cohorts and missing data (policy: ${r.missing.policy})`);
  const byVar = r.missing.cohorts.flatMap((m) => Object.entries(m.byVariable).map(([v, k]) => [esc(m.cohort), esc(v), String(k)]));
  return t + (byVar.length ? table(['Cohort', 'Variable', 'Cases missing it'], byVar, 'Missing values by variable (cases with an outcome)') : '');
}

function tripodHtml(r: StudyResult): string {
  return table(['Item', 'Topic', 'Status', 'Where'], tripodChecklist(r).map((c) => [c.item, esc(c.topic), `<span class="${c.status === 'reported' ? 'ok' : c.status}">${c.status}</span>`, esc(c.where)]), 'TRIPOD+AI checklist (Collins et al., BMJ 2024): what this run reports');
}

export function renderReport(r: StudyResult): string {
  const titles: Record<(typeof REPORT_SECTIONS)[number], string> = {
    cohorts: 'Cohorts and missing data', table1: 'Table 1: baseline characteristics', 'clinical-regression': 'Clinical model: logistic regression',
    lasso: 'Radiomics: LASSO path and cross-validation', 'selected-features': 'Selected features and final models', performance: 'Performance',
    comparisons: 'Model comparisons (DeLong)', roc: 'ROC curves', calibration: 'Calibration', 'decision-curves': 'Decision curves', methods: 'Methods', tripod: 'TRIPOD+AI checklist',
  };
  const bodies: Record<(typeof REPORT_SECTIONS)[number], string> = {
    cohorts: cohortsHtml(r), table1: r.table1.map(table1Html).join(''), 'clinical-regression': clinicalHtml(r), lasso: lassoHtml(r),
    'selected-features': selectedHtml(r), performance: performanceHtml(r), comparisons: comparisonsHtml(r), roc: rocHtml(r),
    calibration: calibrationHtml(r), 'decision-curves': dcaHtml(r), methods: `<p>${esc(methodsText(r))}</p>`, tripod: tripodHtml(r),
  };
  const protocol = r.protocol === 'no-leakage'
    ? 'Protocol: <b>no-leakage</b> — every data-driven step was refitted inside every outer training fold.'
    : 'Protocol: <b>paper</b> — selection and tuning on the whole main cohort, then CV (optimistic; for comparison only).';
  const nav = `<nav>${REPORT_SECTIONS.map((s) => `<a href="#${s}">${esc(titles[s])}</a>`).join('')}</nav>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title><style>${CSS}</style></head>
<body><h1>${esc(r.title)}</h1><p>${protocol} Seed ${r.seed}.</p>${r.notes.length ? `<p class="note">${r.notes.map(esc).join('<br>')}</p>` : ''}${nav}
${REPORT_SECTIONS.map((s) => section(s, titles[s], bodies[s])).join('\n')}
<footer class="note"><p>Generated by sonomics (${esc(r.schema)}).</p></footer></body></html>
`;
}
