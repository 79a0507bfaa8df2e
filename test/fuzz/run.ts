/**
 * `npm run fuzz [-- COUNT [READER...]]`: the mutation fuzzer over every reader (default 10,000
 * inputs each), one JSON line per reader with its outcome counts, hangs, crashes and uncoded
 * exceptions. docs/io.md keeps the figures of the last full run.
 */
import { READERS } from './corpus.ts';
import { fuzzReader } from './harness.ts';

const [countText, ...names] = process.argv.slice(2);
const count = Number(countText ?? 10_000);
let bad = 0;
for (const reader of names.length ? names : Object.keys(READERS)) {
  const r = await fuzzReader(reader, count);
  bad += r.hangs.length + r.crashes.length + r.uncoded.length;
  console.log(JSON.stringify({ ...r, uncoded: r.uncoded.slice(0, 5) }));
}
process.exitCode = bad ? 1 : 0;
