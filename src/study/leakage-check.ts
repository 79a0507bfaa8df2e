/**
 * A radiomics candidate that alone separates the main cohort's outcome (AUC ≥ 0.98 or ≤ 0.02) is
 * far more often the label in disguise (a pass-through column, a file name with the diagnosis, a
 * measurement made after the outcome) than a real biomarker: the study stops with a
 * "possible leakage" error naming it, unless the config acknowledges it by name
 * (radiomics.acknowledgeSeparation). Checked on the whole main cohort, before any fold.
 */
import { SonomicsError } from '../core/errors.ts';
import { aucMannWhitney } from '../ml/auc.ts';

export const SEPARATION_AUC = 0.98;

/** AUC of one column against y, over the cases where it is present. */
function columnAuc(y: number[], x: number[]): number {
  const yy: number[] = [], xx: number[] = [];
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(x[i]!)) { yy.push(y[i]!); xx.push(x[i]!); }
  return aucMannWhitney(yy, xx);
}

export function checkSeparatingCandidates(cohort: string, y: number[], columns: Record<string, number[]>, features: string[], acknowledged: string[]): void {
  for (const a of acknowledged) {
    if (!features.includes(a)) throw new SonomicsError('BAD_CONFIG', `radiomics.acknowledgeSeparation names '${a}', which is not a radiomics candidate; check the spelling (candidates come from the feature columns).`, { subject: a });
  }
  const flagged: string[] = [];
  for (const f of features) {
    if (acknowledged.includes(f)) continue;
    const auc = columnAuc(y, columns[f]!);
    if (auc >= SEPARATION_AUC || auc <= 1 - SEPARATION_AUC) flagged.push(`'${f}' (AUC ${auc.toFixed(3)})`);
  }
  if (flagged.length) {
    throw new SonomicsError('POSSIBLE_LEAKAGE', `possible leakage: ${flagged.length} radiomics candidate(s) alone separate the outcome of the main cohort ${cohort}: ${flagged.slice(0, 10).join(', ')}${flagged.length > 10 ? ', ...' : ''}. ` +
      'A column that predicts the outcome this well is usually the label in another form (a passed-through column, a diagnosis in a name, a post-outcome measurement). Remove it (radiomics.exclude), or if it is a genuine feature list it under radiomics.acknowledgeSeparation.', { subject: flagged[0] });
  }
}
