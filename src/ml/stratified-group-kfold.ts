/**
 * Stratified group k-fold: every group (patient) in one fold, the class balance of the folds as
 * even as the groups allow. scikit-learn's StratifiedGroupKFold (model_selection/_split.py,
 * 1.x), reproduced: groups in np.unique order (sorted), visited by decreasing standard deviation of
 * their class counts (stable), each placed in the fold that minimises the mean over classes of the
 * SD across folds of (fold's class count / class total), ties (np.isclose) going to the fold with
 * fewer samples. Unshuffled it gives scikit-learn's folds exactly (its docstring example is a test).
 * Shuffled: the groups' visiting order is a seeded permutation before the stable sort
 * (scikit-learn shuffles the rows of its count matrix instead, which detaches counts from their
 * groups; permuting the groups keeps the intended semantics).
 */
import { Random } from '../core/random.ts';
import { SonomicsError } from '../core/errors.ts';

function sortedUnique(values: string[]): string[] {
  const u = [...new Set(values)];
  const numeric = u.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return numeric ? u.sort((a, b) => Number(a) - Number(b)) : u.sort();
}

const isClose = (a: number, b: number) => Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);

function sd(xs: number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

/** 0-based fold id of every sample; all samples of a group share one. */
export function stratifiedGroupKFold(y: ArrayLike<number>, groups: string[], k: number, opts: { shuffle?: boolean; seed?: number } = {}): number[] {
  const n = y.length;
  if (groups.length !== n) throw new SonomicsError('BAD_INPUT', `stratifiedGroupKFold: ${groups.length} groups for ${n} samples.`);
  if (!Number.isInteger(k) || k < 2) throw new SonomicsError('BAD_SETTINGS', `stratifiedGroupKFold: k must be an integer ≥ 2, got ${k}.`);
  const classes = [...new Set(Array.from(y))].sort((a, b) => a - b);
  const cls = Array.from(y, (v) => classes.indexOf(v));
  const names = sortedUnique(groups);
  if (names.length < k) throw new SonomicsError('BAD_SETTINGS', `stratifiedGroupKFold: ${names.length} groups cannot fill ${k} folds; lower the number of folds.`);
  const gIndex = new Map(names.map((g, i) => [g, i]));
  const gOf = groups.map((g) => gIndex.get(g)!);
  const C = classes.length;
  const yCnt = new Array<number>(C).fill(0);
  const perGroup = names.map(() => new Array<number>(C).fill(0));
  for (let i = 0; i < n; i++) { perGroup[gOf[i]!]![cls[i]!]!++; yCnt[cls[i]!]!++; }

  let order = names.map((_, i) => i);
  if (opts.shuffle) new Random(opts.seed ?? 0).shuffle(order);
  const spread = perGroup.map(sd);
  // Array.prototype.sort is stable: equal spreads keep the (shuffled) order, as mergesort does.
  order = [...order].sort((a, b) => spread[b]! - spread[a]!);

  const perFold = Array.from({ length: k }, () => new Array<number>(C).fill(0));
  const foldOfGroup = new Array<number>(names.length);
  for (const g of order) {
    const counts = perGroup[g]!;
    let best = -1, minEval = Infinity, minSamples = Infinity;
    for (let f = 0; f < k; f++) {
      for (let c = 0; c < C; c++) perFold[f]![c]! += counts[c]!;
      let evalSum = 0;
      for (let c = 0; c < C; c++) evalSum += sd(perFold.map((row) => row[c]! / yCnt[c]!));
      for (let c = 0; c < C; c++) perFold[f]![c]! -= counts[c]!;
      const foldEval = evalSum / C;
      const samples = perFold[f]!.reduce((s, x) => s + x, 0);
      if (foldEval < minEval || (isClose(foldEval, minEval) && samples < minSamples)) { minEval = foldEval; minSamples = samples; best = f; }
    }
    for (let c = 0; c < C; c++) perFold[best]![c]! += counts[c]!;
    foldOfGroup[g] = best;
  }
  return gOf.map((g) => foldOfGroup[g]!);
}

/** `repeats` shuffled stratified group k-fold assignments, each from its own seeded stream. */
export function repeatedStratifiedGroupKFold(y: ArrayLike<number>, groups: string[], k: number, repeats: number, seed: number): number[][] {
  const master = new Random(seed);
  const out: number[][] = [];
  for (let r = 0; r < repeats; r++) out.push(stratifiedGroupKFold(y, groups, k, { shuffle: true, seed: master.nextUint32() }));
  return out;
}
