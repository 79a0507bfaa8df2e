// The synthetic CRLM cohort: deterministic, calibrated to the published AUCs, readable as DICOM.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { drawPatient } from '../../src/synth/truth.ts';
import { synthCohort, synthImages } from '../../src/synth/cohort.ts';
import { writeUsDicom } from '../../src/synth/dicom-us.ts';
import { readImage } from '../../src/io/read.ts';
import { delongCI } from '../../src/stats/index.ts';

describe('synthetic truth model', () => {
  it('large-sample true-risk AUCs and prevalence match the calibration targets', () => {
    const rng = new Random(99);
    const n = 40_000;
    const y: number[] = [], c: number[] = [], im: number[] = [], t: number[] = [];
    let over200 = 0;
    for (let i = 0; i < n; i++) {
      const p = drawPatient(rng);
      y.push(p.recurrence); c.push(p.clinicalLp); im.push(p.imagingLp); t.push(p.clinicalLp + p.imagingLp);
      if (p.ca199 > 200) over200++;
    }
    const prev = y.reduce((a, b) => a + b, 0) / n;
    expect(prev).toBeGreaterThan(0.4);
    expect(prev).toBeLessThan(0.5);
    expect(over200 / n).toBeGreaterThan(0.06);
    expect(over200 / n).toBeLessThan(0.15);
    // Published: clinical 0.706, radiomics 0.744, cRadiomics 0.811 — the generator aims near them.
    expect(delongCI(y, c).auc).toBeCloseTo(0.70, 1);
    expect(delongCI(y, im).auc).toBeCloseTo(0.74, 1);
    expect(delongCI(y, t).auc).toBeCloseTo(0.81, 1);
    expect(Math.abs(delongCI(y, c).auc - 0.70)).toBeLessThan(0.02);
    expect(Math.abs(delongCI(y, im).auc - 0.74)).toBeLessThan(0.02);
    expect(Math.abs(delongCI(y, t).auc - 0.81)).toBeLessThan(0.02);
  });
});

describe('synthetic images', () => {
  const cohort = synthCohort({ nMain: 3, nExternal: 2, seed: 5 });
  const many = synthCohort({ nMain: 12, nExternal: 0, seed: 8 });

  it('the same seed gives byte-identical images and masks; cases differ', () => {
    const a = synthImages(cohort[0]!, 5, 0), b = synthImages(cohort[0]!, 5, 0), c = synthImages(cohort[1]!, 5, 1);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
    expect(Buffer.from(a.tumour.data).equals(Buffer.from(b.tumour.data))).toBe(true);
    expect(Buffer.from(a.pixels).equals(Buffer.from(c.pixels))).toBe(false);
  });

  it('masks are non-empty and disjoint; hypo- and hyperechoic lesions are darker / brighter than the liver', () => {
    for (const [i, c] of many.entries()) {
      const { pixels, tumour, parenchyma } = synthImages(c, 8, i);
      let nt = 0, np = 0, st = 0, sp = 0, overlap = 0;
      for (let k = 0; k < pixels.length; k++) {
        if (tumour.data[k]) { nt++; st += pixels[k]!; }
        if (parenchyma.data[k]) { np++; sp += pixels[k]!; }
        if (tumour.data[k] && parenchyma.data[k]) overlap++;
      }
      expect(nt).toBeGreaterThan(100);
      expect(np).toBeGreaterThan(1000);
      expect(overlap).toBe(0);
      if (c.patient.look === 'hypoechoic') expect(st / nt).toBeLessThan(sp / np);
      // Target lesions (amplitude 1.7) can look iso- or hypoechoic in a fatty (brighter) liver, as in real life.
      if (c.patient.look === 'hyperechoic') expect(st / nt).toBeGreaterThan(sp / np);
    }
  });

  it('the DICOM file carries the ultrasound-region calibration that readers use for spacing', () => {
    const c = cohort[3]!; // centre B
    const { pixels, image } = synthImages(c, 5, 3);
    const [w, h] = image.size;
    const bytes = writeUsDicom({ caseId: c.caseId, width: w, height: h, pixels, spacingMm: c.scanner.spacingMm, region: { x0: 0, y0: 0, x1: w - 1, y1: h - 1 }, manufacturer: 'test', institution: 'test' });
    const read = readImage(bytes);
    expect(read.size).toEqual([w, h, 1]);
    expect(read.spacing[0]).toBeCloseTo(c.scanner.spacingMm, 9);
    expect(read.spacing[1]).toBeCloseTo(c.scanner.spacingMm, 9);
    expect(read.spacingUnit).toBe('mm');
    for (let k = 0; k < pixels.length; k += 997) expect(read.data[k]).toBe(pixels[k]);
  });
});
