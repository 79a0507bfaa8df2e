/**
 * Cases of one patient split across folds make CV optimistic (issue #14: 66 of 76 two-image
 * BUS-BRA patients were split; radiomics CV AUC 0.899 → 0.932). Without data.group, a text column
 * that looks like a patient id and repeats within a cohort is worth a loud warning.
 */

const ID_NAME = /(^|_)(patient|subject|person|pid|mrn)(_|$)|patient|subject/i;

/** Warnings (one per cohort and column) naming the column, how many ids repeat, and what to set. */
export function repeatedIdWarnings(cohort: string, rows: Array<Record<string, string>>, columns: string[], skip: Set<string>): string[] {
  const out: string[] = [];
  const n = rows.length;
  for (const c of columns) {
    if (skip.has(c)) continue;
    const values = rows.map((r) => r[c] ?? '').filter((v) => v !== '');
    if (values.length < 4) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const repeated = [...counts.values()].filter((k) => k > 1).length;
    if (!repeated) continue;
    const textual = values.some((v) => !Number.isFinite(Number(v)));
    // An id column: named like one, or text with many distinct values (not a category such as a device).
    if (!(ID_NAME.test(c) || (textual && counts.size >= n / 10 && counts.size < values.length))) continue;
    const cases = values.filter((v) => counts.get(v)! > 1).length;
    out.push(`cohort ${cohort}: column '${c}' repeats ${repeated} of its ${counts.size} values (${cases} of ${n} cases); if these are patients with several lesions or images, set data.group: ${c} so that a patient's cases stay in one fold and the CIs resample patients.`);
  }
  return out;
}

