/** The clinical model's logistic regressions (univariable, multivariable) and its points table. */
import { esc, num, pval } from '../html.ts';
import type { ReportSection } from './context.ts';

export const clinicalRegressionSection: ReportSection = {
  id: 'clinical-regression',
  title: () => 'Clinical model: logistic regression',
  render({ r, table }) {
    const c = r.selection.clinical;
    if (!c) return '<p class="note">No clinical model in this study.</p>';
    const n = r.cohorts.find((x) => x.role === 'main')!.n;
    const uni = table('clinical-univariable', ['Variable', 'Term', 'OR', '95% CI', 'p (term)', 'p (variable)', 'Entered'], c.univariable.flatMap((u) => u.terms.map((t, j) => [j === 0 ? esc(u.variable) : '', esc(t.name), num(t.oddsRatio, 2), `${num(t.orLower, 2)}–${num(t.orUpper, 2)}`, pval(t.p), j === 0 ? pval(u.p) : '', j === 0 ? (u.entered ? 'yes' : '') : ''])), `Univariable logistic regression (main cohort, n = ${n})`);
    const mv = c.multivariable;
    // The intercept is a row of its own (β only): a caption like "((Intercept) −1.856)" read as a typo.
    const multi = mv ? table('clinical-multivariable', ['Term', 'β', 'OR', '95% CI', 'p'], mv.names.map((name, j) => j === 0
      ? ['Intercept', num(mv.coef[0], 3), '', '', '']
      : [esc(name), num(mv.coef[j], 3), num(mv.oddsRatio[j], 2), `${num(mv.orLower[j], 2)}–${num(mv.orUpper[j], 2)}`, pval(mv.p[j])]), `Multivariable logistic regression${c.logisticFirth ? ' (Firth penalised likelihood)' : ''}; retained: ${esc(c.retained.join(', '))}`) : '';
    const pts = c.points ? table('clinical-points', ['Term', 'Range', 'Points at low', 'Points at high'], c.points.terms.map((t) => [esc(t.name), `${num(t.low, 2)} – ${num(t.high, 2)}`, num(t.pointsAtLow, 0), num(t.pointsAtHigh, 0)]), 'Points table (nomogram-style, from the logistic model on the retained variables)')
      + table('clinical-points-risk', ['Total points', 'Predicted risk'], c.points.risk.map((x) => [num(x.points, 0), num(x.probability, 3)])) : '';
    const notes = c.notes.length ? `<p class="note">${c.notes.map(esc).join('<br>')}</p>` : '';
    return uni + multi + pts + notes;
  },
};
