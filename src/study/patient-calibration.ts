/**
 * data.combine: mean-risk / max-risk — the patient-level calibration and threshold of a lesion-level
 * model, fitted inside one training set. The lesion model's own risks on its training lesions are
 * in-sample (an RBF SVM nearly separates them), so the patient-level sigmoid and threshold are fitted
 * on inner out-of-fold risks instead: the training set is split by patient (stratified group k-fold,
 * innerFolds), every model is refitted on each inner training part exactly as on the whole set
 * (fitModels: selection, tuning, Platt), and predicts the lesions of the held-out patients. Those
 * risks, combined per patient by the rule, are what a new patient's combined risk looks like.
 */
import type { SeedStream } from '../core/random.ts';
import { fitModels, type FitContext, type FitResult, type Selections } from './fit.ts';
import { applyModel, type FittedModel } from './model.ts';
import { innerFoldIds, usableFolds } from './heads/inner-folds.ts';
import { fitPatientCombiner, patientIndex, patientOutcome, type PatientCombiner, type RiskRule } from './patient-unit.ts';

export interface CombinerTarget {
  key: string;
  pick: (fit: FitResult) => FittedModel | undefined;
}

export interface PatientCombiners {
  byKey: Record<string, PatientCombiner>;
  notes: string[];
}

/** `groups`: the patient of each training lesion (required: the rule combines by it). */
export function fitPatientCombiners(rule: RiskRule, ctx: FitContext, recs: Array<Record<string, number>>, y: number[], batch: string[] | undefined, groups: string[], ids: string[], stream: SeedStream, fixed: Selections | undefined, where: string, targets: CombinerTarget[]): PatientCombiners {
  const idx = patientIndex(groups);
  const k = usableFolds(patientOutcome(y, idx), ctx.cfg.innerFolds, idx.patients);
  const fold = innerFoldIds(y, k, stream.child('patient-calibration/folds').seed(), groups);
  const oof: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.key, new Array<number>(y.length).fill(NaN)]));
  for (let f = 0; f < k; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    fold.forEach((v, i) => (v === f ? te : tr).push(i));
    if (!te.length) continue;
    const sub = <T>(xs: T[], rows: number[]) => rows.map((i) => xs[i]!);
    const fit = fitModels(ctx, sub(recs, tr), sub(y, tr), batch && sub(batch, tr), stream.child(`patient-calibration/inner:${f + 1}`), fixed, `inner fold ${f + 1} of ${where} (patient-level calibration)`, sub(groups, tr));
    for (const t of targets) {
      const p = applyModel(t.pick(fit)!, sub(recs, te), batch && sub(batch, te), sub(ids, te)).probability;
      te.forEach((i, j) => { oof[t.key]![i] = p[j]!; });
    }
  }
  const patientY = patientOutcome(y, idx);
  const byKey: Record<string, PatientCombiner> = {};
  const notes: string[] = [];
  for (const t of targets) {
    byKey[t.key] = fitPatientCombiner(rule, oof[t.key]!, idx, patientY);
    if (byKey[t.key]!.identity) notes.push(`${t.key} model on ${where}: the patient-level Platt sigmoid fitted on the inner out-of-fold ${rule === 'mean-risk' ? 'mean' : 'maximum'} lesion risks was not increasing; the combined risks were used without recalibration`);
  }
  return { byKey, notes };
}
