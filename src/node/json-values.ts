/**
 * The values of a stored case's features, read straight from its JSON line as CSV cells — the
 * table writer's fast path (parsing each 2,000-value record and formatting every number again
 * was its whole cost: ≈ 3 ms per case, serial, after the workers finish).
 *
 * Exact because a JSON number is written as the shortest round-tripping decimal, which is what
 * the CSV writer prints (formatNumber = String(number)), and non-finite values are stored as null,
 * which the CSV leaves empty. Returns null for anything else (then the caller parses the record).
 */
export function featureCellsFromJson(line: string): string[] | null {
  // Quotes inside JSON strings are escaped, so the first `"features":{` is the key itself.
  const key = '"features":{';
  let i = line.indexOf(key);
  if (i < 0) return null;
  i += key.length;
  const cells: string[] = [];
  if (line[i] === '}') return cells;
  for (;;) {
    if (line[i] !== '"') return null;
    i = endOfString(line, i);
    if (i < 0 || line[i] !== ':') return null;
    const start = ++i;
    while (i < line.length && line[i] !== ',' && line[i] !== '}') i++;
    const value = line.slice(start, i);
    if (value === 'null') cells.push('');
    else if (/^-?\d/.test(value)) cells.push(value);
    else return null; // a string, object or array: not a plain feature value
    if (line[i] === '}') return cells;
    if (line[i] !== ',') return null;
    i++;
  }
}

/** Index just past the JSON string starting at `open` (a quote), or −1. */
function endOfString(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return -1;
}
