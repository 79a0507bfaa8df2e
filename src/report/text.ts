/** Plain-text performance table for the terminal (`sonomics study` prints it). */
import { MODEL_NAMES } from '../study/config.ts';
import type { Metrics } from '../study/evaluate.ts';
import type { StudyResult } from '../study/run.ts';

const n3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  –  ');

export function performanceRows(r: StudyResult): Array<{ model: string; cohort: string; m: Metrics }> {
  const rows: Array<{ model: string; cohort: string; m: Metrics }> = [];
  for (const name of MODEL_NAMES) {
    const res = r.models[name];
    if (!res) continue;
    rows.push({ model: name, cohort: 'CV (pooled)', m: res.cv });
    for (const [cohort, m] of Object.entries(res.externals)) rows.push({ model: name, cohort, m });
    if (res.logistic) {
      rows.push({ model: 'clinical (logistic)', cohort: 'CV (pooled)', m: res.logistic.cv });
      for (const [cohort, m] of Object.entries(res.logistic.externals)) rows.push({ model: 'clinical (logistic)', cohort, m });
    }
  }
  return rows;
}

export function formatPerformanceTable(r: StudyResult): string {
  const head = ['model', 'cohort', 'n', 'AUC', '95% CI', 'acc', 'sens', 'spec', 'PPV', 'NPV', 'thr'];
  const rows = performanceRows(r).map(({ model, cohort, m }) => [model, cohort, String(m.n), n3(m.auc), `${n3(m.auc_ci[0])}–${n3(m.auc_ci[1])}`, n3(m.accuracy), n3(m.sensitivity), n3(m.specificity), n3(m.ppv), n3(m.npv), n3(m.threshold)]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => (j < 2 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (r.comparisons.length) {
    out.push('', 'Paired DeLong tests:');
    for (const c of r.comparisons) out.push(`  ${c.cohort.padEnd(12)} ${c.a} vs ${c.b}: ΔAUC ${n3(c.diff)}, z = ${c.z.toFixed(2)}, p = ${c.p < 0.001 ? c.p.toExponential(2) : c.p.toFixed(3)}`);
  }
  out.push('', `protocol: ${r.protocol}; threshold: Youden on training inner out-of-fold probabilities`);
  return out.join('\n');
}
