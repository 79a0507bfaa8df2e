/**
 * CT series → volume and RTSTRUCT → mask, on the IBSI 1 CT phantom, whose NIfTI version
 * (read by src/io/nifti.ts) is the reference: same voxels, same geometry; the RTSTRUCT's
 * GTV-1 against the IBSI NIfTI mask (125,256 voxels).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { readNifti } from '../../src/io/nifti.ts';
import { readDicomSeries, rtstructRois, rtstructToMask } from '../../src/io/dicom/index.ts';
import { readDicomFolder } from '../../src/node/dicom-series.ts';
import type { Image } from '../../src/image/image.ts';

const PHANTOM = sharedPath('refdata', 'ibsi', 'ibsi1', 'ct_phantom');
const bytes = (p: string) => new Uint8Array(readFileSync(p));

describe.skipIf(!HAS_SHARED)('IBSI CT phantom: DICOM series and RTSTRUCT', () => {
  let slices: Uint8Array[] = [];
  let volume: Image;
  let nifti: Image;
  beforeAll(() => {
    const dir = join(PHANTOM, 'dicom', 'image');
    slices = readdirSync(dir).sort().map((f) => bytes(join(dir, f)));
    volume = readDicomSeries(slices);
    nifti = readNifti(bytes(join(PHANTOM, 'nifti', 'image.nii.gz')));
  });

  it('loads as a 204×201×60 volume with the NIfTI geometry', () => {
    expect(volume.size).toEqual([204, 201, 60]);
    expect(volume.size).toEqual(nifti.size);
    volume.spacing.forEach((s, k) => expect(s).toBeCloseTo(nifti.spacing[k]!, 5));
    volume.origin.forEach((o, k) => expect(o).toBeCloseTo(nifti.origin[k]!, 3));
    volume.direction.forEach((d, k) => expect(d).toBeCloseTo(nifti.direction[k]!, 6));
    expect(volume.spacingUnit).toBe('mm');
  });

  it('has the same voxel values as the NIfTI (HU after rescale)', () => {
    let differ = 0;
    for (let i = 0; i < volume.data.length; i++) if (volume.data[i] !== nifti.data[i]) differ++;
    expect(differ).toBe(0);
  });

  it('does not depend on the order the files come in', () => {
    const shuffled = [...slices].reverse();
    shuffled.push(shuffled.shift()!);
    const v = readDicomSeries(shuffled);
    expect(v.origin).toEqual(volume.origin);
    let differ = 0;
    for (let i = 0; i < v.data.length; i += 97) if (v.data[i] !== volume.data[i]) differ++;
    expect(differ).toBe(0);
  });

  it('the Node wrapper reads the folder', async () => {
    const v = await readDicomFolder(join(PHANTOM, 'dicom', 'image'));
    expect(v.size).toEqual([204, 201, 60]);
  });

  it('RTSTRUCT GTV-1 matches the IBSI mask (Dice = 1.0 here; > 0.98 required)', () => {
    const rt = bytes(join(PHANTOM, 'dicom', 'mask', 'DCM_RS_00060.dcm'));
    expect(rtstructRois(rt).map((r) => r.name)).toEqual(['GTV-1']);
    const mask = rtstructToMask(rt, volume, 'GTV-1');
    const ref = readNifti(bytes(join(PHANTOM, 'nifti', 'mask.nii.gz')));
    let a = 0, b = 0, ab = 0;
    for (let i = 0; i < mask.data.length; i++) {
      const x = mask.data[i]!, y = ref.data[i]! > 0.5 ? 1 : 0;
      a += x; b += y; ab += x & y;
    }
    const dice = (2 * ab) / (a + b);
    expect(b).toBe(125_256);
    expect(dice).toBeGreaterThan(0.98);
    expect(a).toBe(125_256); // exact on this phantom
    expect(mask.size).toEqual(volume.size);
  });

  it('unknown ROI names fail with the list of names', () => {
    const rt = bytes(join(PHANTOM, 'dicom', 'mask', 'DCM_RS_00060.dcm'));
    expect(() => rtstructToMask(rt, volume, 'liver')).toThrow(/no ROI named "liver" \(available: "GTV-1"\)/);
  });

  it('a slice given twice fails clearly', () => {
    expect(() => readDicomSeries([slices[0]!, slices[0]!, slices[1]!])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});
