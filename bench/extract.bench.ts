/**
 * Batch extraction over BUS-BRA (../shared/data/us-breast-busbra): tumour + 5 mm ring; original,
 * LoG σ 1/2/3 mm and the four wavelet level-1 sub-bands; all families; with 1 and 2 workers.
 * Prints wall time, cases/s, CPU time (this process and its worker processes: the steadier figure
 * when other jobs share the machine) and peak resident memory (sampled, workers included) per worker count.
 * SONOMICS_BENCH_CASES=N limits the run to the first N cases (default: all 1,875);
 * SONOMICS_BENCH_WORKERS=2 (or "1,2", the default) chooses the worker counts.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runExtraction } from '../src/node/extract-run.ts';
import { cpuSecondsWithChildren, emit, round, treeRssBytes } from './util.ts';

const shared = process.env.SONOMICS_SHARED ?? new URL('../../shared', import.meta.url).pathname;
const busbra = join(shared, 'data', 'us-breast-busbra');
if (!existsSync(join(busbra, 'manifest.csv'))) {
  emit({ bench: 'extract', skipped: `BUS-BRA not found at ${busbra}` });
  process.exit(0);
}
const limit = Number(process.env.SONOMICS_BENCH_CASES ?? 0);
const dir = mkdtempSync(join(tmpdir(), 'sonomics-bench-extract-'));
let manifest = join(busbra, 'manifest.csv');
if (limit > 0) {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(manifest, 'utf8').trim().split('\n');
  manifest = join(dir, 'manifest.csv');
  // Paths stay valid: rewrite them absolute.
  const head = lines[0]!;
  const rows = lines.slice(1, 1 + limit).map((l) => l.split(',').map((c, i) => (i < 2 ? join(busbra, c) : c)).join(','));
  writeFileSync(manifest, [head, ...rows].join('\n') + '\n');
}
const settings = {
  // BUS-BRA's PNGs carry no pixel size: lengths are pixels, said explicitly (else UNCALIBRATED, issue #14)
  units: 'pixel',
  regions: { tumour: true, rings: [5], parenchyma: false },
  images: [
    { type: 'original' },
    { type: 'log', sigmaMm: 1, dims: '2D' }, { type: 'log', sigmaMm: 2, dims: '2D' }, { type: 'log', sigmaMm: 3, dims: '2D' },
    ...['LL', 'LH', 'HL', 'HH'].map((subband) => ({ type: 'wavelet', family: 'coif1', subband, level: 1 })),
  ],
  features: { dimension: '2D', discretisation: { method: 'FBN', value: 32 } },
};
const workerCounts = (process.env.SONOMICS_BENCH_WORKERS ?? '1,2').split(',').map(Number);
for (const workers of workerCounts) {
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, treeRssBytes()); }, 200);
  const c0 = cpuSecondsWithChildren();
  const t0 = performance.now();
  const r = await runExtraction({ manifest, idColumn: 'image_id', settings: settings as never, outDir: join(dir, `w${workers}`), workers, progress: false });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSecondsWithChildren() - c0;
  clearInterval(timer);
  emit({
    bench: 'extract-busbra', workers, cases: r.total, failed: r.failed.length, wall_s: round(seconds, 2), cases_per_s: round(r.total / seconds, 2),
    cpu_s: round(cpuSeconds, 1), cpu_ms_per_case: round((1000 * cpuSeconds) / r.total, 1),
    // This process plus its worker processes, summed at each sample.
    peak_rss_mb: round(peak / 1048576, 1),
  });
}
rmSync(dir, { recursive: true, force: true });
