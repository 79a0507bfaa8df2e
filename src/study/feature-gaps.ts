/**
 * Undefined radiomics feature values (a ratio with a zero denominator in one filtered band, a
 * texture matrix with one grey level, a failed extraction): one such value must not drop the whole
 * case, as complete-case handling of hundreds of features would. The rule, fitted inside every
 * training set and applied unchanged to its held-out and external cases:
 *   - a feature undefined in more than MAX_UNDEFINED_SHARE of the training cases is not a
 *     candidate in that training set (it would be mostly imputation);
 *   - any other undefined value is replaced by the feature's training median.
 * Clinical variables keep the study's missing-value policy (data.missing).
 */
import { median } from '../math/quantile.ts';

/** Share of training cases above which a feature with undefined values is dropped rather than imputed. */
export const MAX_UNDEFINED_SHARE = 0.1;

export const FEATURE_GAP_RULE = `a radiomics feature undefined in more than ${MAX_UNDEFINED_SHARE * 100}% of a training set's cases is dropped from that training set's candidates; other undefined values are set to the training median of the feature (also for held-out, external and new cases); cases are never dropped for an undefined feature value`;

export interface FeatureGaps {
  /** Features dropped from the candidates in this training set. */
  dropped: string[];
  /** Training median of every feature with at least one defined value. */
  fill: Record<string, number>;
  /** Undefined values set to the median in this training set. */
  imputed: number;
}

export function fitFeatureGaps(records: Array<Record<string, number>>, features: string[]): FeatureGaps {
  const dropped: string[] = [];
  const fill: Record<string, number> = {};
  let imputed = 0;
  for (const f of features) {
    const values = records.map((r) => r[f]!);
    const undefinedCount = values.filter((x) => !Number.isFinite(x)).length;
    if (undefinedCount > MAX_UNDEFINED_SHARE * records.length) dropped.push(f);
    else imputed += undefinedCount;
    const m = median(values.filter(Number.isFinite));
    if (Number.isFinite(m)) fill[f] = m;
  }
  return { dropped, fill, imputed };
}

/** The records with undefined feature values set to the fill; records without any are shared, not copied. */
export function applyFeatureGaps(records: Array<Record<string, number>>, features: string[], gaps: FeatureGaps): Array<Record<string, number>> {
  return records.map((r) => {
    let o: Record<string, number> | undefined;
    for (const f of features) {
      if (Number.isFinite(r[f]!) || gaps.fill[f] === undefined) continue;
      o ??= { ...r };
      o[f] = gaps.fill[f]!;
    }
    return o ?? r;
  });
}
