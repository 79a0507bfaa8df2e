/**
 * Texture families speed: a synthetic speckle-like 2D ultrasound ROI (30 000 px, FBN 32)
 * and the IBSI CT phantom's 3D GTV (config A levels). Prints median / p95 ms per family
 * and for all six together, one JSON line each.
 */
import { readFileSync, existsSync } from 'node:fs';
import { Random } from '../src/core/random.ts';
import { TEXTURE_FAMILIES, type TextureFamily } from '../src/features/texture/index.ts';
import type { DiscretisedRoi, TextureAggregation } from '../src/features/types.ts';
import { readNifti } from '../src/io/nifti.ts';
import { emit, round, summarise } from './util.ts';

/**
 * Fully developed speckle: the magnitude of a complex Gaussian field smoothed by a small
 * kernel (the resolution cell) is Rayleigh distributed and spatially correlated.
 */
function speckleRoi(width: number, height: number, targetPixels: number, nLevels: number, seed = 7): DiscretisedRoi {
  const rng = new Random(seed);
  const n = width * height;
  const re = new Float64Array(n), im = new Float64Array(n);
  for (let i = 0; i < n; i++) { re[i] = rng.normal(); im[i] = rng.normal(); }
  const amp = new Float64Array(n);
  const r = 1; // 3×3 resolution cell
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sr = 0, si = 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const xx = Math.min(width - 1, Math.max(0, x + dx)), yy = Math.min(height - 1, Math.max(0, y + dy));
          sr += re[xx + width * yy]!; si += im[xx + width * yy]!;
        }
      }
      // A slow gradient adds lesion-like heterogeneity on top of the speckle.
      amp[x + width * y] = Math.hypot(sr, si) * (1 + 0.5 * Math.sin(x / 25) * Math.cos(y / 30));
    }
  }
  // Elliptic ROI with area ≈ targetPixels.
  const a = Math.sqrt((targetPixels / Math.PI) * (width / height)), b = (targetPixels / Math.PI) / a;
  const inside = new Uint8Array(n);
  let lo = Infinity, hi = -Infinity;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x - width / 2 + 0.5) / a, v = (y - height / 2 + 0.5) / b;
      if (u * u + v * v <= 1) {
        const i = x + width * y;
        inside[i] = 1;
        lo = Math.min(lo, amp[i]!); hi = Math.max(hi, amp[i]!);
      }
    }
  }
  // IBSI fixed bin number discretisation.
  const levels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (inside[i]) levels[i] = amp[i] === hi ? nLevels : Math.floor((nLevels * (amp[i]! - lo)) / (hi - lo)) + 1;
  }
  return { size: [width, height, 1], spacing: [0.1, 0.1, 1], levels, nLevels };
}

function ctPhantomRoi(): DiscretisedRoi | null {
  const base = new URL('../../shared/refdata/ibsi/ibsi1/ct_phantom/nifti/', import.meta.url).pathname;
  if (!existsSync(base + 'image.nii.gz')) return null;
  const img = readNifti(readFileSync(base + 'image.nii.gz'));
  const mask = readNifti(readFileSync(base + 'mask.nii.gz'));
  const levels = new Int32Array(img.data.length), morphMask = new Uint8Array(img.data.length);
  for (let i = 0; i < levels.length; i++) {
    if (!(mask.data[i]! > 0.5)) continue;
    morphMask[i] = 1;
    const x = Math.round(img.data[i]!);
    if (x >= -500 && x <= 400) levels[i] = Math.floor((x + 500) / 25) + 1;
  }
  return { size: img.size, spacing: img.spacing, levels, nLevels: 37, morphMask };
}

/**
 * Times fn on a fresh copy of the ROI per run: the families cache the cropped working
 * volume and zone labelling per ROI, and one extraction starts with an empty cache.
 */
function time(roi: DiscretisedRoi, fn: (roi: DiscretisedRoi) => void, runs: number): number[] {
  const fresh = () => ({ ...roi, levels: roi.levels.slice() });
  fn(fresh()); fn(fresh()); // warm-up
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const r = fresh();
    const t0 = performance.now();
    fn(r);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Median / p95 / mean, plus the minimum: the least disturbed run on a shared machine. */
function stats(ms: number[]) {
  return { ...summarise(ms), min_ms: round(Math.min(...ms)) };
}

function benchRoi(name: string, roi: DiscretisedRoi, pixels: number, aggregationOf: (f: TextureFamily) => TextureAggregation, runs: number): void {
  for (const f of TEXTURE_FAMILIES) {
    const agg = aggregationOf(f);
    emit({ bench: 'texture', roi: name, family: f.family, aggregation: agg, pixels, ...stats(time(roi, (r) => f.compute(r, agg, {}), runs)) });
  }
  const all = stats(time(roi, (r) => { for (const f of TEXTURE_FAMILIES) f.compute(r, aggregationOf(f), {}); }, runs));
  emit({ bench: 'texture', roi: name, family: 'all', pixels, ...all, pixels_per_s: Math.round(pixels / (all.median_ms / 1000)) });
}

const us = speckleRoi(240, 200, 30_000, 32);
const usPixels = us.levels.reduce((s, l) => s + (l > 0 ? 1 : 0), 0);
benchRoi('speckle-2d-30k', us, usPixels, (f) => (f.directional ? '2D, averaged' : '2D'), 50);

const ct = ctPhantomRoi();
if (ct) {
  const ctVoxels = ct.levels.reduce((s, l) => s + (l > 0 ? 1 : 0), 0);
  benchRoi('ct-phantom-3d', ct, ctVoxels, (f) => (f.directional ? '3D, averaged' : '3D'), 5);
} else {
  emit({ bench: 'texture', roi: 'ct-phantom-3d', skipped: 'CT phantom not found in ../shared' });
}
