/**
 * PyRadiomics-compatible extraction speed (issue #16) on the first BUS-BRA lesions, one thread,
 * PyRadiomics settings with binCount 32 and every feature class (shape2D on these 2D images):
 *  - `original`: the original image only (target ≤ 5 ms median CPU per lesion);
 *  - `log+wavelet`: original + LoG σ 1, 2, 3 mm + the coif1 wavelet sub-bands (target ≤ 25 ms).
 *    On 2D input PyRadiomics' wavelet yields 4 images (LH, HL, HH, LL); `wavelet_levels: 2`
 *    also takes level 2 (8 wavelet images), the "8 sub-bands".
 *  - `first_lesion_cpu_ms`: the first extraction in a fresh process, JIT warm-up included
 *    (target ≤ 100 ms): the median of BENCH_FIRST fresh processes (default 5), each loading its
 *    modules and the lesion, then timing that one extraction.
 * Per configuration the lesions are extracted twice in one process: `cpu_median_ms` is the first
 * pass (the JIT still compiling and tiering up the hot functions for the first few dozen
 * lesions; the process starts with the `original` configuration), `warm_cpu_median_ms` the
 * second pass over the same lesions (compiled code: what each further lesion of a batch costs).
 *
 * Node flags (`node_flags`): the extraction runs in child processes, once with the flags
 * `sonomics extract` gives its worker processes (`WORKER_EXEC_ARGV`, src/node/pool.ts: what the
 * product runs; `flags: "workers"`) and once with Node's defaults (`flags: "default"`, e.g. an
 * application calling extractCase in its own process). The two are run alternately (first-lesion
 * samples interleaved) so that both see the same machine load. CPU time counts every thread of
 * the process, V8's background compile and GC threads included.
 *
 * PyRadiomics 3.1.0 on this machine kind (issue #16, same 50 lesions): 26.7 ms and 211 ms.
 * `BENCH_N` sets the number of lesions (default 50).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractCase } from '../src/extract/case.ts';
import { resolveExtractionSettings, type ExtractionSettings } from '../src/extract/settings.ts';
import type { Image, Mask } from '../src/image/image.ts';
import { readImageFile, readMaskFile } from '../src/node/read.ts';
import { WORKER_EXEC_ARGV } from '../src/node/pool.ts';
import { emit, round, sharedDir, summarise } from './util.ts';

const role = process.env.BENCH_ROLE ?? 'main';
const root = join(sharedDir()!, 'data', 'us-breast-busbra');
const lines = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
const n = role === 'first' ? 1 : Math.min(lines.length, Number(process.env.BENCH_N ?? 50));
const cases: Array<{ image: Image; tumour: Mask }> = role === 'main' ? [] : lines.slice(0, n).map((line) => {
  const [imagePath, maskPath] = line.split(',');
  return { image: readImageFile(join(root, imagePath!)), tumour: readMaskFile(join(root, maskPath!), { label: 1 }) };
});
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// No `force2D`: a PNG is 2D input, where PyRadiomics' plain 2D extraction is the in-plane texture
// and the 4-band wavelet measured here. With force2D on a 2D image PyRadiomics itself keeps one
// texture direction and a 1D wavelet (docs/pyradiomics.md, "What the end-to-end comparison found"),
// which is less work and not the configuration. (Until session 7 the bench set force2D,
// which sonomics then ignored on a one-slice image: the same work as now.)
const configs: Array<{ name: string; params: unknown; target: number }> = [
  { name: 'original', params: { setting: { binCount: 32 }, imageType: { Original: {} } }, target: 5 },
  { name: 'log+wavelet', params: { setting: { binCount: 32 }, imageType: { Original: {}, LoG: { sigma: [1, 2, 3] }, Wavelet: {} } }, target: 25 },
  { name: 'log+wavelet, wavelet_levels: 2', params: { setting: { binCount: 32 }, imageType: { Original: {}, LoG: { sigma: [1, 2, 3] }, Wavelet: { level: 2 } } }, target: 25 },
];

const flagSets: Array<{ flags: string; argv: string[] }> = [
  { flags: 'workers', argv: WORKER_EXEC_ARGV },
  { flags: 'default', argv: [] },
];

/** Runs this file in a child process with `argv` Node flags and the given role; its JSON lines. */
function child(argv: string[], childRole: string): Array<Record<string, unknown>> {
  const r = spawnSync(process.execPath, [...argv, '--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_ROLE: childRole }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child (${childRole}, flags ${argv.join(' ') || 'none'}) exited with ${r.status}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

if (role === 'first') {
  // one sample of the warm-up: this fresh process's first extraction
  const settings = resolveExtractionSettings(configs[0]!.params, 'bench first lesion');
  const c0 = cpuNow();
  extractCase(cases[0]!, settings, { caseId: 'bus-0' });
  console.log(JSON.stringify({ first_cpu_ms: cpuNow() - c0 }));
} else if (role === 'passes') {
  // every configuration, two passes each, in this process (whose Node flags the parent chose)
  for (const [k, cfg] of configs.entries()) {
    const settings: ExtractionSettings = resolveExtractionSettings(cfg.params, `bench ${cfg.name}`);
    const cpu: number[] = [], wall: number[] = [], warm: number[] = [];
    let first = NaN, columns = 0, images = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, c] of cases.entries()) {
        const c0 = cpuNow(), t0 = performance.now();
        const r = extractCase(c, settings, { caseId: `bus-${i}` });
        const dc = cpuNow() - c0;
        if (pass === 1) warm.push(dc);
        else if (i === 0 && k === 0) first = dc; // cold: the first extraction in this process
        else { cpu.push(dc); wall.push(performance.now() - t0); }
        columns = Object.keys(r.features).length;
        // the images extracted (PyRadiomics column prefixes), not the image types configured: a 2D
        // image yields 4 of the 8 wavelet sub-bands a settings file names
        images = new Set(Object.keys(r.features).map((name) => name.slice(0, name.indexOf('_')))).size;
      }
    }
    console.log(JSON.stringify({ config: cfg.name, images, columns, cpu, wall, warm, first }));
  }
} else {
  const samples = Number(process.env.BENCH_FIRST ?? 5);
  const firsts = flagSets.map(() => [] as number[]);
  for (let s = 0; s < samples; s++) {
    for (const [f, set] of flagSets.entries()) firsts[f]!.push(child(set.argv, 'first')[0]!.first_cpu_ms as number);
  }
  const passes = flagSets.map((set) => child(set.argv, 'passes'));
  for (const [k, cfg] of configs.entries()) {
    for (const [f, set] of flagSets.entries()) {
      const r = passes[f]![k]! as { images: number; columns: number; cpu: number[]; wall: number[]; warm: number[]; first: number };
      const s = summarise(r.wall), sc = summarise(r.cpu), sw = summarise(r.warm);
      const fresh = k === 0 ? summarise(firsts[f]!) : undefined;
      emit({
        bench: 'pyradiomics',
        config: cfg.name,
        flags: set.flags,
        node_flags: set.argv.join(' '),
        what: 'extractCase per BUS-BRA lesion with PyRadiomics settings (binCount 32, all classes), one thread',
        lesions: r.cpu.length + (k === 0 ? 1 : 0),
        images: r.images,
        columns: r.columns,
        cpu_median_ms: sc.median_ms,
        cpu_p95_ms: sc.p95_ms,
        median_ms: s.median_ms,
        warm_cpu_median_ms: sw.median_ms,
        warm_cpu_p95_ms: sw.p95_ms,
        ...(k === 0 ? { first_lesion_in_process_cpu_ms: round(r.first, 1), first_lesion_cpu_ms: fresh!.median_ms, first_lesion_samples: fresh!.n, target_first_ms: 100 } : {}),
        target_median_ms: cfg.target,
        pyradiomics_3_1_median_ms: k === 0 ? 26.7 : 211,
      });
    }
  }
}
