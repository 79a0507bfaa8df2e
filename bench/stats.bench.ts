/**
 * Stats benchmarks: DeLong CI and the paired DeLong test on 10,000 cases (Sun–Xu O(n log n)),
 * plus a 2,000-replicate stratified bootstrap on 1,000 cases for scale. Prints JSON lines.
 */
import { Random } from '../src/core/random.ts';
import { bootstrapCI, delongCI, delongTest, roc } from '../src/stats/index.ts';
import { emit, summarise } from './util.ts';

function data(n: number, seed: number): { y: number[]; a: number[]; b: number[] } {
  const rng = new Random(seed);
  const y: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const yi = rng.next() < 0.4 ? 1 : 0;
    y.push(yi);
    const latent = yi + rng.normal();
    a.push(latent + 0.5 * rng.normal());
    b.push(Math.round((latent + rng.normal()) * 10) / 10); // ties, like a coarse clinical score
  }
  return { y, a, b };
}

function time(fn: () => unknown, reps: number): number[] {
  fn(); // warm-up
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const big = data(10_000, 7);
emit({ bench: 'stats.delongCI', cases: 10_000, ...summarise(time(() => delongCI(big.y, big.a), 20)) });
emit({ bench: 'stats.delongTest.paired', cases: 10_000, ...summarise(time(() => delongTest(big.y, big.a, big.b), 20)) });
emit({ bench: 'stats.roc', cases: 10_000, ...summarise(time(() => roc(big.y, big.a), 20)) });
const mid = data(1_000, 11);
emit({ bench: 'stats.bootstrapCI', cases: 1_000, replicates: 2000, ...summarise(time(() => bootstrapCI(mid.y, mid.a, { n: 2000, seed: 1 }), 3)) });
