// extractCase works on crops around each region group for speed. Its features must equal those
// computed on the whole image: the crop margin covers rings, filter reach and the local-intensity
// sphere (which reads values outside the ROI).
import { describe, expect, it } from 'vitest';
import { synthCohort, synthImages } from '../../src/synth/cohort.ts';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { extractFeatures } from '../../src/features/pipeline.ts';
import { applyFilter, filterName } from '../../src/filters/index.ts';
import { peritumoralRing } from '../../src/roi/ring.ts';
import { DEMO_EXTRACTION } from '../../src/node/demo.ts';

describe('extractCase crops', () => {
  // The original image alone has no filter reach: then only the sphere keeps the crop wide enough.
  it.each([
    ['original and LoG (the demo plan)', DEMO_EXTRACTION],
    // Wavelets: their sub-bands share passes and are computed only where features read them.
    ['original, LoG and two coif1 sub-bands', { ...DEMO_EXTRACTION, images: [...DEMO_EXTRACTION.images, { type: 'wavelet', family: 'coif1', subband: 'HH', level: 1 }, { type: 'wavelet', family: 'coif1', subband: 'LH', level: 1 }] }],
    ['the original image only', { ...DEMO_EXTRACTION, images: [{ type: 'original' }] }],
  ])('give the same features as the whole image for every region and image: %s', (_name, plan) => {
    const [c] = synthCohort({ nMain: 1, nExternal: 0, seed: 3 });
    const { image, tumour, parenchyma } = synthImages(c!, 3, 0);
    const settings = resolveExtractionSettings(plan);
    const cropped = extractCase({ image, tumour, parenchyma }, settings, { caseId: 'A0001' }).features;
    const regions = [['tumour', tumour], ['ring5mm', peritumoralRing(tumour, 5)], ['parenchyma', parenchyma]] as const;
    let compared = 0;
    for (const spec of settings.images) {
      const img = spec.type === 'original' ? image : applyFilter(image, spec);
      const fs = spec.type === 'original' ? settings.features : {
        ...settings.features,
        families: settings.features.families?.filter((f) => f !== 'morphology') ?? (['local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram', 'glcm', 'glrlm', 'glszm', 'gldzm', 'ngtdm', 'ngldm'] as const).slice(),
        discretisation: settings.filteredDiscretisation ?? settings.features.discretisation,
        resegmentation: undefined,
      };
      for (const [region, mask] of regions) {
        for (const [k, v] of Object.entries(extractFeatures(img, mask, fs))) {
          const got = cropped[`${region}_${filterName(spec)}_${k}`];
          if (Number.isNaN(v)) expect(got).toBeNaN();
          // Moran's I / Geary's C go through an FFT whose size follows the crop: round-off only.
          else expect(Math.abs(got! - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
          compared++;
        }
      }
    }
    expect(compared).toBe(Object.keys(cropped).length);
  }, 120_000);
});
