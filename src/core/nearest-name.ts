/**
 * "Did you mean ...?" for misspelt keys and names: the known name at the smallest edit distance,
 * if it is close enough to be a plausible typo.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, Damerau 1964):
 * `lamda` → `lambda` is 1, `familys` → `families` is 2, `lambdA` → `lambda` is 0 (case is ignored).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push(new Array<number>(t.length + 1).fill(0));
  for (let i = 0; i <= s.length; i++) rows[i]![0] = i;
  for (let j = 0; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The known name nearest to `name`, or undefined when none is within a typo's reach: at most
 * 1 edit for names up to 4 characters, 2 up to 8, then a third of the length (a wholly different
 * word should get the list of known names, not a wrong guess). A known name that starts with
 * the given one (`disc` → `discretisation`) also counts.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD) { bestD = d; best = k; }
  }
  const reach = name.length <= 4 ? 1 : name.length <= 8 ? 2 : Math.ceil(name.length / 3);
  if (best !== undefined && bestD <= reach) return best;
  const prefixed = known.filter((k) => name.length >= 3 && k.toLowerCase().startsWith(name.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
