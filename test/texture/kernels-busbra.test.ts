// Whole PyRadiomics-mode extractions of BUS-BRA lesions (every class, original image and LoG +
// wavelet) give the same bits with the WebAssembly texture kernels as with the JavaScript loops.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { useTextureWasm } from '../../src/features/texture/kernels.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

afterAll(() => useTextureWasm(true));

describe.skipIf(!HAS_SHARED)('texture kernels on BUS-BRA', () => {
  const root = sharedPath('data', 'us-breast-busbra');
  const rows = HAS_SHARED ? readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 7) : [];
  const cases = rows.map((line) => {
    const [image, mask] = line.split(',');
    // a one-slice volume (meta dimensions 3): force2D with the in-plane texture and wavelet, as before src/extract/pyradiomics-2d-input.ts
    const img = readImageFile(join(root, image!));
    return { image: { ...img, meta: { ...img.meta, dimensions: 3 } }, tumour: readMaskFile(join(root, mask!), { label: 1 }) };
  });
  const settings = resolveExtractionSettings({ setting: { binCount: 32, force2D: true }, imageType: { Original: {}, LoG: { sigma: [1, 3] }, Wavelet: {} } }, 'kernels test');

  it('every feature column is bit-identical with and without WebAssembly', () => {
    let compared = 0;
    for (const [i, c] of cases.entries()) {
      useTextureWasm(true);
      const wasm = extractCase(c, settings, { caseId: `bus-${i}` }).features;
      useTextureWasm(false);
      const js = extractCase(c, settings, { caseId: `bus-${i}` }).features;
      expect(Object.keys(wasm)).toEqual(Object.keys(js));
      for (const key of Object.keys(js)) {
        if (!Object.is(wasm[key], js[key])) expect([key, wasm[key]]).toEqual([key, js[key]]);
        compared++;
      }
    }
    expect(cases.length).toBe(6);
    expect(compared).toBeGreaterThan(6 * 7 * 90);
  });
});
