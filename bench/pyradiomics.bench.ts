/**
 * PyRadiomics-compatible extraction speed (issue #16) on the first BUS-BRA lesions, one thread,
 * PyRadiomics settings with binCount 32 and every feature class (shape2D on these 2D images):
 *  - `original`: the original image only (target ≤ 5 ms median CPU per lesion);
 *  - `log+wavelet`: original + LoG σ 1, 2, 3 mm + the coif1 wavelet sub-bands (target ≤ 25 ms).
 *    On 2D input PyRadiomics' wavelet yields 4 images (LH, HL, HH, LL); `wavelet_levels: 2`
 *    also takes level 2 (8 wavelet images), the issue's "8 sub-bands".
 *  - `first_lesion_cpu_ms`: the first lesion in this fresh process, JIT warm-up included (target ≤ 100 ms).
 * PyRadiomics 3.1.0 on this machine kind (issue #16, same 50 lesions): 26.7 ms and 211 ms.
 * `BENCH_N` sets the number of lesions (default 50).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCase } from '../src/extract/case.ts';
import { resolveExtractionSettings, type ExtractionSettings } from '../src/extract/settings.ts';
import type { Image, Mask } from '../src/image/image.ts';
import { readImageFile, readMaskFile } from '../src/node/read.ts';
import { emit, sharedDir, summarise } from './util.ts';

const root = join(sharedDir()!, 'data', 'us-breast-busbra');
const lines = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
const n = Math.min(lines.length, Number(process.env.BENCH_N ?? 50));
const cases: Array<{ image: Image; tumour: Mask }> = lines.slice(0, n).map((line) => {
  const [imagePath, maskPath] = line.split(',');
  return { image: readImageFile(join(root, imagePath!)), tumour: readMaskFile(join(root, maskPath!), { label: 1 }) };
});
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const configs: Array<{ name: string; params: unknown; target: number }> = [
  { name: 'original', params: { setting: { binCount: 32, force2D: true }, imageType: { Original: {} } }, target: 5 },
  { name: 'log+wavelet', params: { setting: { binCount: 32, force2D: true }, imageType: { Original: {}, LoG: { sigma: [1, 2, 3] }, Wavelet: {} } }, target: 25 },
  { name: 'log+wavelet, wavelet_levels: 2', params: { setting: { binCount: 32, force2D: true }, imageType: { Original: {}, LoG: { sigma: [1, 2, 3] }, Wavelet: { level: 2 } } }, target: 25 },
];

for (const [k, cfg] of configs.entries()) {
  const settings: ExtractionSettings = resolveExtractionSettings(cfg.params, `bench ${cfg.name}`);
  const cpu: number[] = [], wall: number[] = [];
  let first = NaN, columns = 0;
  for (const [i, c] of cases.entries()) {
    const c0 = cpuNow(), t0 = performance.now();
    const r = extractCase(c, settings, { caseId: `bus-${i}` });
    const dc = cpuNow() - c0;
    if (i === 0 && k === 0) first = dc; // cold: the first extraction in this process
    else { cpu.push(dc); wall.push(performance.now() - t0); }
    columns = Object.keys(r.features).length;
  }
  const s = summarise(wall), sc = summarise(cpu);
  emit({
    bench: 'pyradiomics',
    config: cfg.name,
    what: 'extractCase per BUS-BRA lesion with PyRadiomics settings (binCount 32, all classes), one thread',
    lesions: n,
    images: settings.images.length,
    columns,
    cpu_median_ms: sc.median_ms,
    cpu_p95_ms: sc.p95_ms,
    median_ms: s.median_ms,
    ...(k === 0 ? { first_lesion_cpu_ms: Math.round(first * 10) / 10, target_first_ms: 100 } : {}),
    target_median_ms: cfg.target,
    pyradiomics_3_1_median_ms: k === 0 ? 26.7 : 211,
  });
}
