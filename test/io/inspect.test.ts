// `sonomics inspect`: the JSON record per file (the fields scripts rely on), the text form,
// and per-file errors that do not stop the other files.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { Command } from 'commander';
import { addInspectCommand } from '../../src/cli/inspect.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

async function run(args: string[]): Promise<{ out: string[]; err: string[] }> {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => { out.push(String(s)); });
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => { err.push(String(s)); });
  const program = new Command('sonomics').exitOverride();
  addInspectCommand(program);
  await program.parseAsync(['node', 'sonomics', 'inspect', ...args]);
  return { out, err };
}

afterEach(() => { vi.restoreAllMocks(); process.exitCode = undefined; });

const FIX = join(import.meta.dirname, 'fixtures');

describe('sonomics inspect', () => {
  it('--json: one object per file with format, size, spacing, spacing_source', async () => {
    const { out } = await run(['--json', join(FIX, 'rgb8.png'), join(FIX, 'tiff-lzw.tif')]);
    expect(out).toHaveLength(2);
    const a = JSON.parse(out[0]!);
    expect(a).toMatchObject({ file: join(FIX, 'rgb8.png'), format: 'png', size: [13, 11, 1], spacing: null, spacing_unit: 'pixel', spacing_source: 'none', photometric: 'RGB', bit_depth: 8, frames: 1 });
    expect(JSON.parse(out[1]!).format).toBe('tiff');
  });

  it('a missing file is reported and the others still are; exit code 2', async () => {
    const { out } = await run(['--json', '/no/such/file.png', join(FIX, 'grey16.png')]);
    expect(JSON.parse(out[0]!)).toEqual({ file: '/no/such/file.png', error: { code: 'FILE_NOT_FOUND', message: '/no/such/file.png: no such file; check the path' } });
    expect(JSON.parse(out[1]!).bit_depth).toBe(16);
    expect(process.exitCode).toBe(2);
  });

  it.skipIf(!HAS_SHARED)('text form shows spacing and its source (NRRD, DICOM ultrasound regions)', async () => {
    const { out } = await run([sharedPath('refdata', 'pyradiomics', 'data', 'breast1_image.nrrd'), sharedPath('data', 'dicom-us-samples', 'pydicom-data', 'OBXXXX1A.dcm')]);
    expect(out[0]).toMatch(/size {9}45 × 120 × 21/);
    expect(out[0]).toMatch(/spacing {6}0\.664062 × 0\.664062 × 2\.1 mm \(from NRRD space directions\)/);
    expect(out[1]).toMatch(/spacing {6}0\.262288 × 0\.262288 mm \(from SequenceOfUltrasoundRegions\)/);
    expect(out[1]).toMatch(/us regions {3}2/);
  });

  it.skipIf(!HAS_SHARED)('--mask checks a mask against the image', async () => {
    const root = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const { out } = await run(['--json', `${root}/Images/bus_0001-l.png`, '--mask', `${root}/Masks/mask_0001-l.png`]);
    expect(JSON.parse(out[0]!).mask).toMatchObject({ voxels: 5664, components: [5664], touches_border: false, warnings: [] });
    const wrong = await run(['--json', `${root}/Images/bus_0001-l.png`, '--mask', `${root}/Masks/mask_0002-r.png`]);
    expect(JSON.parse(wrong.out[0]!).mask.error).toMatchObject({ code: 'MASK_MISMATCH', message: expect.stringMatching(/mask 276×371 does not match image 274×353/) });
    const text = await run([`${root}/Images/bus_0001-l.png`, '--mask', `${root}/Masks/mask_0001-l.png`]);
    expect(text.out[0]).toMatch(/mask {9}.*mask_0001-l\.png: 5664 voxels, 1 component/);
  });
});
