/**
 * Seeded mutation fuzzing of every reader (issue #20), each input read and — for images — put
 * through default feature extraction on a central ROI, in a child process with a 1 GB heap and a
 * 10 s per-input limit: no hang, no crash, no exception without a SonomicsError code.
 * 200 inputs per reader here; `npm run fuzz` runs 10,000 (figures in docs/io.md).
 */
import { describe, expect, it } from 'vitest';
import { READERS } from '../fuzz/corpus.ts';
import { fuzzReader } from '../fuzz/harness.ts';

const COUNT = 200;

describe('mutation fuzz', () => {
  it.each(Object.keys(READERS))('%s: 200 mutated inputs end in a value or a coded error, none hangs or crashes', async (reader) => {
    const r = await fuzzReader(reader, COUNT, { seed: 2026 });
    expect(r.hangs).toEqual([]);
    expect(r.crashes).toEqual([]);
    expect(r.uncoded).toEqual([]);
    expect(Object.values(r.outcomes).reduce((a, b) => a + b, 0)).toBe(COUNT);
  }, 300_000);
});
