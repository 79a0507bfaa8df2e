/**
 * Resampling as PyRadiomics does it (imageoperations.resampleImage with SimpleITK's
 * ResampleImageFilter): the new grid covers the mask's bounding box plus padDistance new voxels,
 * its first voxel centre at old continuous index 0.5·(s_new − s_old)/s_old + L·s_new/s_old
 * (L = ⌊(lo − 0.5)·s_old/s_new − pad⌋, clamped to the image), axes where the ROI is one voxel thick
 * keep their spacing; the image by cubic B-spline (sitkBSpline) and cast back to its pixel type
 * (integer images truncate, as ITK's static_cast), the mask by nearest neighbour (round half up).
 */
import type { Image, Mask, Vec3 } from '../../image/image.ts';
import { boxSize, cropData, maskBox, type Box } from './grid.ts';
import { resampleWindow, type AxisMap } from './resample.ts';

export function resampleLikePyradiomics(image: Image, mask: Mask, spacing: Vec3, padDistance = 5, interpolation: 'cubic' | 'linear' | 'nearest' = 'cubic'): { image: Image; mask: Mask } {
  const bb = maskBox(mask.size, mask.data)!;
  const old = image.spacing;
  const target = [0, 1, 2].map((a) => (bb.hi[a]! === bb.lo[a]! || spacing[a] === 0 ? old[a]! : spacing[a]!)) as Vec3;
  const maps: AxisMap[] = [];
  for (let a = 0; a < 3; a++) {
    const ratio = old[a]! / target[a]!;
    const size = bb.hi[a]! - bb.lo[a]! + 1;
    const maxU = Math.ceil(image.size[a]! * ratio) - 1;
    const lo = Math.max(0, Math.floor((bb.lo[a]! - 0.5) * ratio - padDistance));
    const hi = Math.min(maxU, Math.ceil((bb.lo[a]! + size - 0.5) * ratio + padDistance));
    const step = target[a]! / old[a]!;
    const offset = (0.5 * (target[a]! - old[a]!)) / old[a]! + lo / ratio;
    maps.push({ n: hi - lo + 1, step, offset, resampled: !(step === 1 && Number.isInteger(offset)) });
  }
  const win: Box = { lo: [0, 0, 0], hi: maps.map((m) => m.n - 1) as Vec3 };
  // whole image as the source: the spline prefilter then sees the same data as ITK's (no crop edge)
  const full: Box = { lo: [0, 0, 0], hi: image.size.map((n) => n - 1) as Vec3 };
  const src = { size: [...image.size] as Vec3, spacing: [...old] as Vec3, data: cropData(image.size, image.data, full) };
  let values = resampleWindow(src, full, maps, win, interpolation);
  let integer = true;
  for (let i = 0; i < image.data.length && integer; i++) integer = Number.isInteger(image.data[i]!);
  if (integer) values = values.map(Math.trunc);
  const msrc = { size: [...image.size] as Vec3, spacing: [...old] as Vec3, data: Float32Array.from(mask.data, (v) => (v ? 1 : 0)) };
  const m = resampleWindow(msrc, full, maps, win, 'nearest');
  const size = boxSize(win);
  return {
    image: { ...image, size, spacing: target, data: Float32Array.from(values) },
    mask: { ...mask, size, spacing: target, data: Uint8Array.from(m, (v) => (v >= 0.5 ? 1 : 0)) },
  };
}
