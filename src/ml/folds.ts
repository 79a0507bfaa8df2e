/**
 * Stratified k-fold assignment.
 * Unshuffled: scikit-learn 1.2 `StratifiedKFold(shuffle=False)._make_test_folds`, reproduced
 * exactly: classes are numbered by order of first appearance, the per-fold allocation of each
 * class comes from dealing the class-sorted labels round-robin into k folds, and each class's
 * samples receive their fold ids in contiguous blocks (0,0,…,1,1,…) in data order.
 * Shuffled: the same allocation, with each class's block of fold ids permuted by our seeded
 * `Random` (so not numerically identical to numpy's RNG, but deterministic for a seed).
 */
import { Random } from '../core/random.ts';
import { SonomicsError } from '../core/errors.ts';

export function stratifiedKFold(y: ArrayLike<number>, k: number, opts: { shuffle?: boolean; seed?: number } = {}): number[] {
  const n = y.length;
  if (!Number.isInteger(k) || k < 2) throw new SonomicsError('BAD_SETTINGS', `stratifiedKFold: k must be an integer ≥ 2, got ${k}.`);
  // Encode classes by order of first appearance (sklearn's y_encoded).
  const code = new Map<number, number>();
  const enc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    let c = code.get(v);
    if (c === undefined) { c = code.size; code.set(v, c); }
    enc[i] = c;
  }
  const nClasses = code.size;
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < n; i++) counts[enc[i]!]!++;
  if (n < k) throw new SonomicsError('BAD_SETTINGS', `stratifiedKFold: ${n} samples cannot fill ${k} folds.`);
  let maxCount = 0;
  for (const c of counts) maxCount = Math.max(maxCount, c);
  if (maxCount < k) {
    throw new SonomicsError('BAD_SETTINGS', `stratifiedKFold: every class has fewer than k = ${k} members; lower k.`);
  }
  // allocation[f][c] = number of class-c samples among y_order[f::k], y_order = sorted codes.
  const yOrder = Array.from(enc).sort((a, b) => a - b);
  const alloc: Int32Array[] = Array.from({ length: k }, () => new Int32Array(nClasses));
  for (let t = 0; t < n; t++) alloc[t % k]![yOrder[t]!]!++;
  const rng = opts.shuffle ? new Random(opts.seed ?? 0) : null;
  const out = new Array<number>(n);
  for (let c = 0; c < nClasses; c++) {
    const block: number[] = [];
    for (let f = 0; f < k; f++) for (let r = 0; r < alloc[f]![c]!; r++) block.push(f);
    if (rng) rng.shuffle(block);
    let pos = 0;
    for (let i = 0; i < n; i++) if (enc[i] === c) out[i] = block[pos++]!;
  }
  return out;
}

/** `repeats` shuffled stratified k-fold assignments, each from its own seeded stream. */
export function repeatedStratifiedKFold(y: ArrayLike<number>, k: number, repeats: number, seed: number): number[][] {
  const master = new Random(seed);
  const out: number[][] = [];
  for (let r = 0; r < repeats; r++) out.push(stratifiedKFold(y, k, { shuffle: true, seed: master.nextUint32() }));
  return out;
}

/** Indices of training and test samples for fold `f` of an assignment. */
export function foldSplit(foldIds: ArrayLike<number>, f: number): { train: number[]; test: number[] } {
  const train: number[] = [], test: number[] = [];
  for (let i = 0; i < foldIds.length; i++) (foldIds[i] === f ? test : train).push(i);
  return { train, test };
}
