// NRRD: the PyRadiomics test volumes (sizes, spacing, voxel counts and image means checked
// against PyRadiomics' own diagnostics in baseline_firstorder.csv), plus hand-written headers
// for raw / detached / ascii / big-endian / RAS cases.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { readNrrd } from '../../src/io/nrrd.ts';
import { readImage, readMask } from '../../src/io/read.ts';
import { maskCount } from '../../src/image/image.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';

const enc = (s: string) => new TextEncoder().encode(s);
function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

describe.skipIf(!HAS_SHARED)('PyRadiomics NRRD volumes', () => {
  // Reference: diagnostics_Image-original_{Size,Spacing,Mean} and diagnostics_Mask-original_VoxelNum
  // from refdata/pyradiomics/baseline/baseline_firstorder.csv (PyRadiomics via SimpleITK).
  const cases = [
    { c: 'brain1', size: [256, 256, 25], spacing: [0.78125, 0.78125, 6.5], voxels: 4137, mean: 385.6564080810547 },
    { c: 'brain2', size: [256, 256, 23], spacing: [0.78125, 0.78125, 6.5], voxels: 453, mean: 236.20217696480128 },
    { c: 'breast1', size: [45, 120, 21], spacing: [0.664062, 0.664062, 2.1], voxels: 143, mean: 63.380440917107585 },
  ];
  it.each(cases)('$c image and label', ({ c, size, spacing, voxels, mean }) => {
    const img = readImageFile(sharedPath('refdata', 'pyradiomics', 'data', `${c}_image.nrrd`));
    const mask = readMaskFile(sharedPath('refdata', 'pyradiomics', 'data', `${c}_label.nrrd`), { label: 1 });
    expect(img.size).toEqual(size);
    img.spacing.forEach((s, k) => expect(s).toBeCloseTo(spacing[k]!, 9));
    expect(img.spacingSource).toBe('NRRD space directions');
    expect(mask.size).toEqual(size);
    expect(maskCount(mask)).toBe(voxels);
    // PyRadiomics' diagnostics mean is over the whole image.
    let sum = 0;
    for (const v of img.data) sum += v;
    expect(sum / img.data.length).toBeCloseTo(mean, 6);
  });

  it('brain1: direction and origin from the header (LPS, y axis flipped)', () => {
    const img = readImageFile(sharedPath('refdata', 'pyradiomics', 'data', 'brain1_image.nrrd'));
    expect(img.direction).toEqual([1, 0, 0, 0, -1, 0, 0, 0, 1]);
    expect(img.origin[0]).toBeCloseTo(-99.609375, 9);
    expect(img.origin[1]).toBeCloseTo(99.609375, 9);
    expect(img.origin[2]).toBeCloseTo(-78, 9);
  });

  it('lung labels load (images are not in the snapshot)', () => {
    const m = readMaskFile(sharedPath('refdata', 'pyradiomics', 'data', 'lung1_label.nrrd'));
    expect(m.size).toEqual([512, 512, 48]);
    expect(maskCount(m)).toBe(837);
  });
});

describe('NRRD variants', () => {
  const header = (extra: string) => enc(`NRRD0004\n# comment\ntype: unsigned short\ndimension: 3\nsizes: 3 2 2\n${extra}\n\n`);
  const values = Array.from({ length: 12 }, (_, i) => i * 1000 + 7);
  const le16 = () => { const b = new Uint8Array(24); const dv = new DataView(b.buffer); values.forEach((v, i) => dv.setUint16(2 * i, v, true)); return b; };

  it('raw attached, spacings only', () => {
    const img = readNrrd(join(header('encoding: raw\nendian: little\nspacings: 0.5 0.25 2'), le16()));
    expect(Array.from(img.data)).toEqual(values);
    expect(img.spacing).toEqual([0.5, 0.25, 2]);
    expect(img.spacingSource).toBe('NRRD spacings');
  });

  it('big endian, RAS space turned into LPS', () => {
    const b = new Uint8Array(24); const dv = new DataView(b.buffer); values.forEach((v, i) => dv.setUint16(2 * i, v, false));
    const img = readNrrd(join(header('encoding: raw\nendian: big\nspace: right-anterior-superior\nspace directions: (0.5,0,0) (0,0.5,0) (0,0,3)\nspace origin: (10,20,30)'), b));
    expect(Array.from(img.data)).toEqual(values);
    expect(img.spacing).toEqual([0.5, 0.5, 3]);
    expect(img.origin).toEqual([-10, -20, 30]);
    expect(img.direction).toEqual([-1, 0, 0, 0, -1, 0, 0, 0, 1]);
  });

  it('gzip, detached data file through the resolver', () => {
    const nhdr = header('encoding: gzip\nendian: little\ndata file: vol.raw.gz\nspace directions: (1,0,0) (0,1,0) (0,0,1)');
    const asked: string[] = [];
    const img = readImage(nhdr, { resolveDataFile: (f) => { asked.push(f); return gzipSync(le16()); } });
    expect(asked).toEqual(['vol.raw.gz']);
    expect(Array.from(img.data)).toEqual(values);
    expect(() => readImage(nhdr, { name: 'x.nhdr' })).toThrow(/x\.nhdr: .*detached data file 'vol\.raw\.gz'/);
  });

  it('ascii encoding, 2D, as a labelled mask', () => {
    const b = enc('NRRD0005\ntype: int\ndimension: 2\nsizes: 3 2\nencoding: ascii\n\n0 2 1\n2 2 0\n');
    const img = readNrrd(b);
    expect(img.size).toEqual([3, 2, 1]);
    expect(Array.from(readMask(b, { label: 2 }).data)).toEqual([0, 1, 0, 1, 1, 0]);
    expect(Array.from(readMask(b).data)).toEqual([0, 1, 1, 1, 1, 0]);
  });

  it('clear errors for truncated data, bad types and missing fields', () => {
    const short = join(header('encoding: raw\nendian: little'), le16().subarray(0, 10));
    expect(() => readNrrd(short, { name: 'P017.nrrd' })).toThrow(/P017\.nrrd: voxel data truncated/);
    expect(() => readNrrd(enc('NRRD0004\ntype: quaternion\ndimension: 3\nsizes: 1 1 1\nencoding: raw\n\n'))).toThrow(/type 'quaternion'/);
    expect(() => readNrrd(enc('NRRD0004\ntype: short\nsizes: 1 1 1\nencoding: raw\n\n'))).toThrow(/'dimension' is missing/);
    const badGzip = join(header('encoding: gzip\nendian: little'), new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    expect(() => readNrrd(badGzip)).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE' }));
  });

  it('Node reader resolves a detached data file next to the header; a missing one is named', () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'sonomics-nrrd-'));
    writeFileSync(joinPath(dir, 'vol.nhdr'), header('encoding: raw\nendian: little\ndata file: vol.raw\nspacings: 1 1 2').subarray(0, -1));
    writeFileSync(joinPath(dir, 'vol.raw'), le16());
    expect(Array.from(readImageFile(joinPath(dir, 'vol.nhdr')).data)).toEqual(values);
    writeFileSync(joinPath(dir, 'lost.nhdr'), header('encoding: raw\nendian: little\ndata file: lost.raw').subarray(0, -1));
    expect(() => readImageFile(joinPath(dir, 'lost.nhdr'))).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND', message: expect.stringContaining('lost.raw') }));
  });
});
