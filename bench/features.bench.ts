/**
 * Feature-engine speed on real ultrasound: every family (morphology 2D, local intensity,
 * statistics, histogram, IVH, six texture families) on the original BUS-BRA image,
 * 2D, FBN 32, one thread. Prints median / p95 wall-clock ms per lesion (and CPU ms, which
 * is steadier on a shared machine) and ROI pixels per second.
 * `BENCH_N` sets the number of lesions (default 120).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../src/features/pipeline.ts';
import type { FeatureSettings } from '../src/features/settings.ts';
import { maskCount } from '../src/image/image.ts';
import { readImageFile, readMaskFile } from '../src/node/read.ts';
import { emit, sharedDir, summarise } from './util.ts';

const root = join(sharedDir()!, 'data', 'us-breast-busbra');
const lines = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
const n = Math.min(lines.length, Number(process.env.BENCH_N ?? 120));
// spread the sample over the whole manifest (several devices)
const pick = Array.from({ length: n }, (_, i) => lines[Math.floor((i * lines.length) / n)]!);
const settings: FeatureSettings = { dimension: '2D', discretisation: { method: 'FBN', value: 32 } };

const ms: number[] = [];
const cpuMs: number[] = [];
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let pixels = 0, totalMs = 0, features = 0;
for (const [i, line] of pick.entries()) {
  const [imagePath, maskPath] = line.split(',');
  const image = readImageFile(join(root, imagePath!));
  const mask = readMaskFile(join(root, maskPath!));
  if (i === 0) extractFeatures(image, mask, settings); // warm-up (JIT)
  const c = cpuNow();
  const t = performance.now();
  const values = extractFeatures(image, mask, settings);
  const dt = performance.now() - t;
  cpuMs.push(cpuNow() - c);
  ms.push(dt);
  totalMs += dt;
  pixels += maskCount(mask);
  features = Object.keys(values).length;
}
emit({
  bench: 'features',
  what: 'extractFeatures per BUS-BRA lesion, all families, 2D, FBN 32, one thread',
  lesions: n,
  features,
  ...summarise(ms),
  // CPU time of this process: a fairer figure when other jobs share the machine
  cpu_median_ms: summarise(cpuMs).median_ms,
  cpu_p95_ms: summarise(cpuMs).p95_ms,
  roi_pixels_mean: Math.round(pixels / n),
  pixels_per_s: Math.round(pixels / (totalMs / 1000)),
  target_median_ms: 20,
});
