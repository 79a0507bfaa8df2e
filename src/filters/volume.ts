/** Small helpers between `Image` (Float32) and the Float64 working arrays filters use. */
import { cropImage, type Box } from '../image/crop.ts';
import { createImage, makeGeometry, type Image, type Vec3 } from '../image/image.ts';

export type Dims = '2D' | '3D';

export function toFloat64(img: Image): Float64Array {
  return Float64Array.from(img.data);
}

/** A new image with `img`'s geometry and the given voxel values. */
export function withData(img: Image, data: Float64Array): Image {
  const out = createImage(img.size, img.spacing, Float32Array.from(data), img);
  out.spacingUnit = img.spacingUnit;
  return out;
}

/**
 * `cropImage(withData(img, data), box)` — the same image — without the whole-image Float32 copy:
 * only the box's values are rounded to float32 and copied.
 */
export function withDataCropped(img: Image, data: Float64Array, box: Box): Image {
  const shell: Image = { ...makeGeometry(img.size, img.spacing, img), data: new Float32Array(0) }; // withData's geometry
  return cropImage(shell, box, data);
}

/** '2D' (slice-wise, in-plane axes x, y only) or '3D'; a single-slice image is always 2D. */
export function effectiveDims(size: Vec3, dims: Dims | undefined): 2 | 3 {
  if (size[2] === 1) return 2;
  return dims === '2D' ? 2 : 3;
}
