/**
 * PyRadiomics weightingNorm (texture.directionWeighting): each direction's matrix weighted by its
 * length in mm (GLCM exp(−‖d‖²), GLRLM ‖d‖) and summed. Checked against the weighted sum built here
 * from the per-direction matrices, with anisotropic spacing, for all three norms.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { computeGlcm, glcmFeatures, glcmMatrices } from '../../src/features/texture/glcm.ts';
import { computeGlrlm, glrlmFeatures, glrlmMatrix } from '../../src/features/texture/glrlm.ts';
import { DIRECTIONS_3D } from '../../src/features/texture/directions.ts';
import { mergeMatrices, type CountMatrix } from '../../src/features/texture/matrix.ts';
import { cachedTextureVolume } from '../../src/features/texture/volume.ts';
import type { DiscretisedRoi } from '../../src/features/types.ts';

function roi(seed: number): DiscretisedRoi {
  const rng = new Random(seed), size: [number, number, number] = [9, 8, 5], n = 9 * 8 * 5;
  const levels = new Int32Array(n);
  for (let i = 0; i < n; i++) if (rng.next() < 0.8) levels[i] = 1 + rng.int(5);
  levels[100] = 1;
  return { size, spacing: [0.7, 0.9, 2.5], levels, nLevels: 5 };
}
const norms = {
  manhattan: (c: number[]) => c[0]! + c[1]! + c[2]!,
  euclidean: (c: number[]) => Math.hypot(c[0]!, c[1]!, c[2]!),
  infinity: (c: number[]) => Math.max(...c),
} as const;
const scale = (m: CountMatrix, w: number): CountMatrix => ({ ...m, counts: m.counts.map((c) => c * w), nVoxels: m.nVoxels * w });
const close = (a: Record<string, number>, b: Record<string, number>) => {
  for (const k of Object.keys(b)) expect(Math.abs(a[k]! - b[k]!), k).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[k]!)));
};

describe('direction weighting (PyRadiomics weightingNorm)', () => {
  for (const [norm, len] of Object.entries(norms)) {
    it(`${norm}: GLCM and GLRLM equal the weighted sums of the direction matrices (3D, merged)`, () => {
      const r = roi(7);
      const lengths = DIRECTIONS_3D.map((d) => len(d.map((v, a) => Math.abs(v) * r.spacing[a]!)));
      const v = cachedTextureVolume(r, 1, 1);
      const glcm = glcmMatrices(v, DIRECTIONS_3D, 1, -1, true).map((m, k) => scale(m!, Math.exp(-(lengths[k]! ** 2))));
      close(computeGlcm(r, '3D, merged', { directionWeighting: norm as keyof typeof norms }), glcmFeatures(mergeMatrices(glcm)));
      const glrlm = DIRECTIONS_3D.map((d, k) => scale(glrlmMatrix(v, d, -1)!, lengths[k]!));
      close(computeGlrlm(r, '3D, merged', { directionWeighting: norm as keyof typeof norms }), glrlmFeatures(mergeMatrices(glrlm)));
    });
  }
  it('needs a merged aggregation', () => {
    expect(() => computeGlcm(roi(1), '3D, averaged', { directionWeighting: 'euclidean' })).toThrow(/merged aggregation/);
    expect(() => computeGlrlm(roi(1), '2D, averaged', { directionWeighting: 'manhattan' })).toThrow(/merged aggregation/);
  });
});
