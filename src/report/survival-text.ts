/**
 * The console table of a time-to-event study (sonomics study, demo --survival): per model and
 * cohort Harrell's C, Uno's C at the horizon, AUC(horizon) and the Brier score with their CIs, and
 * the paired C-index comparisons.
 */
import { MODEL_NAMES } from '../study/config.ts';
import type { Estimate, SurvivalStudyResult } from '../study/survival/results-types.ts';

const f3 = (x: number) => x.toFixed(3);
export const withCi = (e: Estimate): string => `${f3(e.estimate)} (${f3(e.lower)}–${f3(e.upper)})`;

export function formatSurvivalTable(r: SurvivalStudyResult): string {
  const h = r.outcome.horizon;
  const pct = Math.round(r.config.evaluation.ciLevel * 100);
  const lines = [`model      cohort               Harrell C (${pct}% CI)     Uno C(${h}) (${pct}% CI)     AUC(${h}) (${pct}% CI)       Brier(${h})`];
  for (const m of MODEL_NAMES) {
    const x = r.models[m];
    if (!x) continue;
    for (const [name, c] of [['CV', x.cv], ...Object.entries(x.externals)] as const) {
      lines.push(`${m.padEnd(10)} ${name.padEnd(20)} ${withCi(c.harrell).padEnd(24)} ${withCi(c.unoAtHorizon).padEnd(24)} ${withCi(c.auc).padEnd(24)} ${f3(c.brier.estimate)}`);
    }
  }
  if (r.fineGray) for (const [name, c] of [['CV', r.fineGray.cv], ...Object.entries(r.fineGray.externals)] as const) {
    lines.push(`${'Fine–Gray'.padEnd(10)} ${name.padEnd(20)} ${withCi(c.harrell).padEnd(24)} ${withCi(c.unoAtHorizon).padEnd(24)} ${withCi(c.auc).padEnd(24)} ${f3(c.brier.estimate)}`);
  }
  if (r.comparisons.length) lines.push('');
  for (const c of r.comparisons) lines.push(`C ${c.a} vs ${c.b} (${c.cohort}): ΔC ${f3(c.diff)} (${f3(c.ci_diff[0])}–${f3(c.ci_diff[1])}), z ${c.z.toFixed(2)}, p ${c.p.toPrecision(3)}`);
  return lines.join('\n');
}
