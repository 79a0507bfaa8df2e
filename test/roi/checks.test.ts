// Mask checks: errors name the case and say what is wrong; warnings for border contact and
// several components; the 'largest' option keeps only the biggest component.
import { describe, expect, it } from 'vitest';
import { createImage, createMask, maskCount, type Mask } from '../../src/image/image.ts';
import { checkMask } from '../../src/roi/checks.ts';

function maskFrom(rows: string[], spacing: [number, number, number] = [1, 1, 1], unit: 'mm' | 'pixel' = 'mm'): Mask {
  const X = rows[0]!.length, Y = rows.length;
  const m = createMask([X, Y, 1], spacing, undefined, { spacingUnit: unit });
  rows.forEach((r, y) => [...r].forEach((c, x) => { m.data[x + X * y] = c === '#' ? 1 : 0; }));
  return m;
}

describe('checkMask', () => {
  const image = createImage([6, 5, 1], [0.1, 0.1, 1]);

  it('size mismatch names both sizes and the case', () => {
    const small = createMask([412, 300, 1]);
    const big = createImage([640, 480, 1]);
    expect(() => checkMask(big, small, { caseId: 'P017' })).toThrow('mask 412×300 does not match image 640×480 in case P017');
    expect(() => checkMask(big, small, { caseId: 'P017' })).toThrow(expect.objectContaining({ code: 'MASK_MISMATCH', subject: 'P017' }));
  });

  it('spacing mismatch when both are calibrated; a pixel-unit mask takes the image geometry', () => {
    const m = maskFrom(['......', '..##..', '..##..', '......', '......'], [0.2, 0.2, 1]);
    expect(() => checkMask(image, m, { caseId: 'P003' })).toThrow(/mask spacing 0\.2×0\.2 mm does not match image spacing 0\.1×0\.1 mm in case P003/);
    const raster = maskFrom(['......', '..##..', '..##..', '......', '......'], [1, 1, 1], 'pixel');
    const r = checkMask(image, raster, { caseId: 'P003' });
    expect(r.mask.spacing).toEqual([0.1, 0.1, 1]);
    expect(r.mask.spacingUnit).toBe('mm');
    expect(r.voxels).toBe(4);
    expect(r.warnings).toEqual([]);
    const uncalibrated = createImage([6, 5, 1], [1, 1, 1], undefined, { spacingUnit: 'pixel' });
    const calibrated = maskFrom(['......', '..##..', '..##..', '......', '......'], [0.2, 0.2, 1]);
    const u = checkMask(uncalibrated, calibrated, { caseId: 'P004' });
    expect(u.mask.spacingUnit).toBe('pixel');
    expect(u.warnings[0]).toMatch(/image is uncalibrated but mask has spacing 0\.2×0\.2 mm in case P004/);
  });

  it('empty and too-small masks', () => {
    const empty = maskFrom(['......', '......', '......', '......', '......'], [0.1, 0.1, 1]);
    expect(() => checkMask(image, empty, { caseId: 'P009' })).toThrow(expect.objectContaining({ code: 'EMPTY_MASK', message: expect.stringContaining('case P009') }));
    const tiny = maskFrom(['......', '..#...', '......', '......', '......'], [0.1, 0.1, 1]);
    expect(() => checkMask(image, tiny, { caseId: 'P010', minPixels: 5 })).toThrow('mask has 1 voxels in case P010, fewer than the minimum 5');
  });

  it('warns when the mask touches the border', () => {
    const edge = maskFrom(['##....', '##....', '......', '......', '......'], [0.1, 0.1, 1]);
    const r = checkMask(image, edge, { caseId: 'P011' });
    expect(r.touchesBorder).toBe(true);
    expect(r.warnings).toEqual(['mask touches the image border in case P011: the lesion may be cut off by the field of view']);
  });

  it('several components: warn, keep all or only the largest', () => {
    const two = maskFrom(['......', '.##...', '.##..#', '.....#', '......'], [0.1, 0.1, 1]);
    const all = checkMask(image, two, { caseId: 'P012' });
    expect(all.componentSizes).toEqual([4, 2]);
    expect(all.voxels).toBe(6);
    expect(all.warnings.join()).toMatch(/2 disconnected components in case P012 \(voxels: 4, 2\); keeping all/);
    const largest = checkMask(image, two, { caseId: 'P012', components: 'largest' });
    expect(maskCount(largest.mask)).toBe(4);
    expect(largest.warnings.join()).toMatch(/keeping the largest/);
    expect(largest.touchesBorder).toBe(false);
    // Diagonal contact is one component with full connectivity (default), two with face.
    const diag = maskFrom(['......', '.#....', '..#...', '......', '......'], [0.1, 0.1, 1]);
    expect(checkMask(image, diag, { caseId: 'P013' }).componentSizes).toEqual([2]);
    expect(checkMask(image, diag, { caseId: 'P013', connectivity: 'face' }).componentSizes).toEqual([1, 1]);
  });
});
