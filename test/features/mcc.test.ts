// GLCM MCC (PyRadiomics' maximal correlation coefficient) is λ₂ of a symmetric matrix. Session 6
// replaced the full eigen-decomposition (Householder + QL, then a sort) by a λ₂-only solver
// (kthLargestEigenvalue: the reduction along rows, then bisection) and builds S as a Gram matrix
// without a division per term. That moves MCC's last bits; the lead accepted ≤ 1e-12 relative
// (absolute below 1e-6) against the previous computation, which this file keeps as the reference
// (referenceMcc below, the old code) and checks on real GLCMs: the first BUS-BRA lesions on the
// original image and on the PyRadiomics LoG σ 1/2/3 and coif1 wavelet images of the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { kthLargestEigenvalue, symmetricEigenvalues } from '../../src/features/linalg.ts';
import { glcmFeatures, glcmMatrices } from '../../src/features/texture/glcm.ts';
import { DIRECTIONS_2D } from '../../src/features/texture/directions.ts';
import { textureVolume } from '../../src/features/texture/volume.ts';
import { buildContext, textureInput } from '../../src/features/pipeline.ts';
import { resolveSettings } from '../../src/features/settings.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { forSingleSliceImage } from '../../src/extract/pyradiomics-params.ts';
import { applyFilters } from '../../src/filters/index.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import type { CountMatrix } from '../../src/features/texture/matrix.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { knownSpectrum } from '../helpers/known-spectrum.ts';

describe('kthLargestEigenvalue', () => {
  it('recovers every eigenvalue of Q diag(λ) Qᵀ for n = 1..40, by rank (to 1e-13), and leaves the matrix as it was', () => {
    const rng = new Random(5);
    for (let t = 0; t < 80; t++) {
      const n = 1 + (t % 40);
      const { m, lam } = knownSpectrum(rng, n, t % 3 === 0);
      const before = Float64Array.from(m);
      const want = [...lam].sort((a, b) => b - a);
      for (let k = 1; k <= n; k++) expect(Math.abs(kthLargestEigenvalue(m, n, k) - want[k - 1]!)).toBeLessThan(1e-13);
      expect(m).toEqual(before);
    }
  });
  it('a diagonal matrix, a zero matrix and a rank outside 1..n', () => {
    const diag = Float64Array.from([3, 0, 0, 0, -1, 0, 0, 0, 2]);
    // bisection stops at adjacent doubles (or 2ε apart): the exact eigenvalue to a few ulps, not bit for bit
    [3, 2, -1].forEach((want, r) => expect(Math.abs(kthLargestEigenvalue(diag, 3, r + 1) - want)).toBeLessThanOrEqual(4 * Number.EPSILON * 3));
    expect(Math.abs(kthLargestEigenvalue(new Float64Array(16), 4, 2))).toBeLessThan(1e-280);
    expect(() => kthLargestEigenvalue(diag, 3, 4)).toThrow(/k = 4 is outside 1\.\.3/);
  });
});

/** The MCC as computed before session 6: Q's symmetric form with a division per term, all eigenvalues by QL. */
function referenceMcc(m: CountMatrix): number {
  const ng = m.rows, c = m.counts;
  let total = 0;
  for (let k = 0; k < c.length; k++) total += c[k]!;
  const px = new Float64Array(ng), py = new Float64Array(ng);
  for (let i = 0; i < ng; i++) for (let j = 0; j < ng; j++) { const p = c[i * ng + j]! / total; px[i] += p; py[j] += p; }
  const rows = [...px.keys()].filter((i) => px[i]! > 0), cols = [...py.keys()].filter((k) => py[k]! > 0);
  const n = rows.length;
  if (n < 2) return 1;
  const s = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let q = 0;
      for (const k of cols) q += (c[rows[a]! * ng + k]! / total) * (c[rows[b]! * ng + k]! / total) / py[k]!;
      q /= Math.sqrt(px[rows[a]!]! * px[rows[b]!]!);
      s[a * n + b] = s[b * n + a] = q;
    }
  }
  return Math.sqrt(Math.max(0, symmetricEigenvalues(s, n).sort((x, y) => y - x)[1]!));
}

describe.skipIf(!HAS_SHARED)('GLCM MCC on BUS-BRA lesions, original and filtered images', () => {
  it('equals the full eigen-decomposition to 1e-12 relative (absolute below 1e-6) on every direction matrix', () => {
    const root = sharedPath('data', 'us-breast-busbra');
    const lines = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 9);
    const plan = resolveExtractionSettings({ setting: { binCount: 32, force2D: true }, imageType: { Original: {}, LoG: { sigma: [1, 2, 3] }, Wavelet: {} } }, 'mcc test');
    const specs = forSingleSliceImage(plan.images, plan.pyradiomics!.imageNames!).images;
    const settings = resolveSettings(plan.features);
    let checked = 0, worst = 0;
    for (const line of lines) {
      const [imagePath, maskPath] = line.split(',');
      const image = readImageFile(join(root, imagePath!)), mask = readMaskFile(join(root, maskPath!), { label: 1 });
      for (const filtered of applyFilters(image, specs)) {
        const v = textureVolume(textureInput(buildContext(filtered, mask, settings)), 1, 0);
        for (const m of glcmMatrices(v, DIRECTIONS_2D, 1, 0)) {
          if (!m) continue;
          const want = referenceMcc(m), got = glcmFeatures(m, { mcc: true }).maximal_correlation_coefficient!;
          const err = want < 1e-6 ? Math.abs(got - want) : Math.abs(got - want) / want;
          worst = Math.max(worst, err);
          checked++;
        }
      }
    }
    expect(checked).toBe(8 * 8 * 4); // 8 lesions × 8 images × 4 directions, none empty
    expect(worst).toBeLessThanOrEqual(1e-12);
  }, 120_000);
});
