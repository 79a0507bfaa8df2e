// NIfTI (.nii.gz) through readImage/readMask: the IBSI 1 digital phantom (ROI of 74 voxels with
// mean intensity 2.15, IBSI 1 reference manual, digital phantom "stat_mean"), and the IBSI CT
// phantom, whose NIfTI volume must equal the same phantom read from its DICOM slices.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { readImage } from '../../src/io/read.ts';
import { readDicomSeries } from '../../src/io/dicom/index.ts';

describe.skipIf(!HAS_SHARED)('NIfTI: IBSI phantoms', () => {
  const ibsi = (...p: string[]) => sharedPath('refdata', 'ibsi', 'ibsi1', ...p);

  it('digital phantom: 5×4×4 at 2 mm, ROI 74 voxels, mean 2.15', () => {
    const img = readImageFile(ibsi('digital_phantom', 'image.nii.gz'));
    const mask = readMaskFile(ibsi('digital_phantom', 'mask.nii.gz'));
    expect(img.size).toEqual([5, 4, 4]);
    expect(img.spacing).toEqual([2, 2, 2]);
    let n = 0, sum = 0;
    mask.data.forEach((v, i) => { if (v) { n++; sum += img.data[i]!; } });
    expect(n).toBe(74);
    expect(sum / n).toBeCloseTo(2.15, 2);
  });

  it('CT phantom: the NIfTI volume equals the DICOM series voxel for voxel', () => {
    const nii = readImageFile(ibsi('ct_phantom', 'nifti', 'image.nii.gz'));
    const dir = ibsi('ct_phantom', 'dicom', 'image');
    const dcm = readDicomSeries(readdirSync(dir).sort().map((f) => new Uint8Array(readFileSync(join(dir, f)))));
    expect(nii.size).toEqual([204, 201, 60]);
    expect(nii.size).toEqual(dcm.size);
    nii.spacing.forEach((s, k) => expect(s).toBeCloseTo(dcm.spacing[k]!, 5));
    nii.origin.forEach((o, k) => expect(o).toBeCloseTo(dcm.origin[k]!, 3));
    expect(nii.direction).toEqual(dcm.direction);
    let diff = 0;
    for (let i = 0; i < nii.data.length; i++) if (nii.data[i] !== dcm.data[i]) diff++;
    expect(diff).toBe(0);
  });

  it('readMaskFile on the RTSTRUCT needs the reference image, then rasterises GTV-1', () => {
    const dir = ibsi('ct_phantom', 'dicom', 'image');
    const dcm = readDicomSeries(readdirSync(dir).sort().map((f) => new Uint8Array(readFileSync(join(dir, f)))));
    const rs = ibsi('ct_phantom', 'dicom', 'mask', 'DCM_RS_00060.dcm');
    expect(() => readMaskFile(rs)).toThrow(/RTSTRUCT has no pixel grid of its own; pass the image it belongs to as 'reference'/);
    const m = readMaskFile(rs, { reference: dcm, structure: 'GTV-1' });
    expect(m.size).toEqual(dcm.size);
    // The NIfTI mask of the same phantom is the reference segmentation (125,256 voxels); the
    // polygon fill reproduces it exactly on this phantom (see also test/dicom/series.test.ts).
    const nii = readMaskFile(ibsi('ct_phantom', 'nifti', 'mask.nii.gz'));
    let both = 0, either = 0;
    for (let i = 0; i < m.data.length; i++) { if (m.data[i] && nii.data[i]) both++; if (m.data[i] || nii.data[i]) either++; }
    expect(either).toBe(125_256);
    expect(both).toBe(either);
  });
});

describe('NIfTI header handling', () => {
  // A 2×2×1 int16 NIfTI-1 written by hand (nifti1.h offsets), with pixdim only, then gzipped.
  function nifti(): Uint8Array {
    const b = new Uint8Array(352 + 8);
    const dv = new DataView(b.buffer);
    dv.setInt32(0, 348, true);
    dv.setInt16(40, 3, true); dv.setInt16(42, 2, true); dv.setInt16(44, 2, true); dv.setInt16(46, 1, true);
    dv.setInt16(70, 4, true); dv.setInt16(72, 16, true);
    dv.setFloat32(80, 0.5, true); dv.setFloat32(84, 0.7, true); dv.setFloat32(88, 3, true);
    dv.setFloat32(108, 352, true); dv.setFloat32(112, 2, true); dv.setFloat32(116, -1, true);
    b.set([0x6e, 0x2b, 0x31, 0], 344); // "n+1"
    [10, -20, 30, 0].forEach((v, i) => dv.setInt16(352 + 2 * i, v, true));
    return b;
  }
  it('plain and gzipped, scaled by slope/intercept, spacing from pixdim', () => {
    for (const bytes of [nifti(), gzipSync(nifti())]) {
      const img = readImage(bytes);
      expect(img.size).toEqual([2, 2, 1]);
      expect(Array.from(img.data)).toEqual([19, -41, 59, -1]);
      expect(img.spacing[0]).toBeCloseTo(0.5, 6);
      expect(img.spacing[1]).toBeCloseTo(0.7, 6);
      expect(img.spacingSource).toBe('NIfTI pixdim');
    }
  });
  it('truncated voxel data is CORRUPT_FILE', () => {
    expect(() => readImage(nifti().subarray(0, 355), { name: 'P017.nii' })).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE', message: expect.stringContaining('P017.nii') }));
  });
});
