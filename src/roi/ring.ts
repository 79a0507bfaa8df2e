/**
 * Peri-tumoural ring: the voxels outside the tumour whose distance to it lies in
 * (innerMarginMm, innerMarginMm + widthMm]. Optionally the ring also reaches `insideMm` into the
 * tumour (a band straddling the border: tumour voxels within insideMm of a non-tumour voxel),
 * and is clipped to a second mask (liver, field of view). It is always clipped to the image grid.
 *
 * Distance: in mm between voxel centres, from an exact anisotropic Euclidean distance transform
 * (src/image/distance.ts; Felzenszwalb & Huttenlocher 2012). The ring is therefore the standard
 * morphological definition dilateMm(T, m + W) − dilateMm(T, m) (m = inner margin), as a ball
 * dilation in ITK/SimpleITK would give. Known bias: the tumour's outermost voxel centres sit
 * slightly inside its true outline, so the ring's outer edge is a fraction of a voxel short —
 * measured on a 10 mm disc with a 5 mm ring: −0.4% of the ring area at 0.1 mm spacing, −0.7% at
 * 0.1 × 0.25 mm; −2% for a 5 mm disc with a 2 mm ring at 0.1 × 0.25 mm; in 3D −1.4% for a 5 mm
 * ball with a 5 mm shell at 0.2 × 0.2 × 0.4 mm and −3.7% when the ring is only 5 slices thick
 * (test/roi/ring.test.ts). Measuring to the voxel faces instead over-corrects by about as much,
 * so the plain definition is kept; resample coarse volumes to finer spacing for thin rings.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, type Mask } from '../image/image.ts';
import { squaredDistanceToSeeds } from '../image/distance.ts';
import { sameGrid } from './grid.ts';

export interface RingOptions {
  /** Leave out the first `innerMarginMm` mm next to the tumour (default 0). */
  innerMarginMm?: number;
  /** Also take the tumour's outer `insideMm` mm (a ring straddling the border; default 0). */
  insideMm?: number;
  /** Keep only voxels inside this mask (liver, field of view); same grid as the tumour. */
  clipTo?: Mask;
}

export function peritumoralRing(tumour: Mask, widthMm: number, opts: RingOptions = {}): Mask {
  const margin = opts.innerMarginMm ?? 0, inside = opts.insideMm ?? 0;
  if (!(widthMm > 0) || !Number.isFinite(widthMm)) throw new SonomicsError('BAD_SETTINGS', `ring width must be a positive number of mm, got ${widthMm}`);
  if (!(margin >= 0)) throw new SonomicsError('BAD_SETTINGS', `ring inner margin must be ≥ 0 mm, got ${margin}`);
  if (!(inside >= 0)) throw new SonomicsError('BAD_SETTINGS', `ring insideMm must be ≥ 0 mm, got ${inside}`);
  if (opts.clipTo) sameGrid(opts.clipTo, tumour, 'ring clip mask', 'tumour mask');
  const n = tumour.data.length;
  // A small relative tolerance keeps voxels at exactly the outer distance (e.g. 5 mm = 50 × 0.1 mm).
  const lo2 = margin * margin * (1 + 1e-9), hi = margin + widthMm, hi2 = hi * hi * (1 + 1e-9);
  const out = new Uint8Array(n);
  const d2 = squaredDistanceToSeeds(tumour.data, tumour.size, tumour.spacing);
  for (let i = 0; i < n; i++) {
    const v = d2[i]!;
    out[i] = !tumour.data[i] && v > lo2 && v <= hi2 ? 1 : 0;
  }
  if (inside > 0) {
    const outside = new Uint8Array(n);
    for (let i = 0; i < n; i++) outside[i] = tumour.data[i] ? 0 : 1;
    const e2 = squaredDistanceToSeeds(outside, tumour.size, tumour.spacing);
    const in2 = inside * inside * (1 + 1e-9);
    for (let i = 0; i < n; i++) if (tumour.data[i] && e2[i]! <= in2) out[i] = 1;
  }
  if (opts.clipTo) for (let i = 0; i < n; i++) if (!opts.clipTo.data[i]) out[i] = 0;
  return createMask(tumour.size, tumour.spacing, out, tumour);
}
