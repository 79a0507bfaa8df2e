/** The selection step: the LASSO / elastic-net coefficient path and its cross-validation curve. */
import { esc, num } from '../html.ts';
import { lineChart, PALETTE } from '../svg.ts';
import type { ReportSection } from './context.ts';

export const lassoSection: ReportSection = {
  id: 'lasso',
  title: ({ facts }) => `Radiomics: ${facts.selector} path and cross-validation`,
  render({ r, facts, figure }) {
    const rad = r.selection.radiomics;
    if (!rad) return '<p class="note">No radiomics model in this study.</p>';
    const l = rad.lasso;
    const active = l.features.map((name, j) => ({ name, row: l.beta[j]! })).filter((f) => f.row.some((b) => b !== 0));
    const firstNonzero = (row: number[]) => { const k = row.findIndex((b) => b !== 0); return k < 0 ? Infinity : k; };
    active.sort((a, b) => firstNonzero(a.row) - firstNonzero(b.row));
    const shown = active.slice(0, 20);
    const path = figure({ id: 'selection-path', title: `${facts.selector} coefficient path`, caption: `${facts.selectorWithAlpha} coefficient path.`, svg: lineChart(shown.map((f, i) => ({ name: i < 10 ? f.name : '', points: l.lambda.map((lam, k) => [lam, f.row[k]!] as [number, number]), color: PALETTE[i % PALETTE.length] })), {
      title: `${facts.selector} coefficient path`, xLabel: 'λ (log scale)', yLabel: 'coefficient (z-scale)', logX: true, vlines: [{ x: l.lambdaMin, label: 'λ.min' }, { x: l.lambda1se, label: 'λ.1se' }], width: 520,
    }) });
    const cv = figure({ id: 'selection-cv', title: `${facts.selector} cross-validation curve`, caption: `${facts.selector} cross-validation curve.`, svg: lineChart([{ name: 'CV deviance ± SE', points: l.lambda.map((lam, k) => [lam, l.cvm[k]!] as [number, number]), markers: true, errors: l.cvsd, color: PALETTE[1] }], {
      title: `${facts.selector} cross-validation curve`, xLabel: 'λ (log scale)', yLabel: 'binomial deviance', logX: true, vlines: [{ x: l.lambdaMin, label: 'λ.min' }, { x: l.lambda1se, label: 'λ.1se' }], width: 520,
      yDomain: [Math.min(...l.cvm.map((m, k) => m - l.cvsd[k]!)), Math.max(...l.cvm.map((m, k) => m + l.cvsd[k]!))],
    }) });
    const info = `<p>${rad.candidates} candidate features → ${rad.redundancy.kept.length} after the redundancy filter (${rad.redundancy.dropped.length} removed) → ${rad.selected.length} selected at λ.${l.rule} = ${num(l.lambda[l.chosenIndex], 5)} (λ.min = ${num(l.lambdaMin, 5)}, λ.1se = ${num(l.lambda1se, 5)}).</p>`;
    return info + `<div class="charts">${path}${cv}</div>` + (rad.notes.length ? `<p class="note">${rad.notes.map(esc).join('<br>')}</p>` : '');
  },
};
