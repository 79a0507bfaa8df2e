/**
 * PyRadiomics' `force2D` on a 2D image (a PNG, JPEG, TIFF, BMP, or a NIfTI / NRRD file with two
 * dimensions). SimpleITK reads such a file as a 2D image, whose numpy array is (y, x), and
 * PyRadiomics takes numpy axis `force2Ddimension` of *that* array as the out-of-plane axis
 * (imageoperations / cMatrices build_angles drop every direction with an offset along it). So on a
 * 2D image force2D keeps one direction only: neighbours along x for dimension 0, along y for
 * dimension 1; dimension 2 names no axis and drops nothing (in-plane texture). sonomics holds a 2D image as a
 * one-slice volume; this module says when the file was 2D and how to reproduce PyRadiomics: the
 * out-of-plane axis is permuted to z (force2d-plane.ts), so each row (or column) is a slice of its
 * own and the engine's 2D texture sees only the neighbours along it. A one-slice file that is 3D
 * (NIfTI / NRRD with three dimensions, DICOM) keeps the in-plane 2D texture, as PyRadiomics does.
 */
import { SonomicsError } from '../core/errors.ts';
import type { FilterSpec } from '../filters/index.ts';
import type { Image } from '../image/image.ts';

const RASTER_FORMATS = new Set(['png', 'jpeg', 'tiff', 'bmp']);

/**
 * True when the image was read from a 2D file: a NIfTI / NRRD declaring two dimensions (meta
 * dimensions), or a raster. A one-slice image whose meta says `dimensions: 3` is a volume, whatever
 * its source (how a program hands sonomics a PNG as PyRadiomics would see a one-slice NIfTI).
 */
export function readFrom2DFile(image: Image): boolean {
  const meta = image.meta ?? {};
  if (image.size[2] !== 1) return false;
  return typeof meta.dimensions === 'number' ? meta.dimensions === 2 : RASTER_FORMATS.has(String(meta.format));
}

/**
 * The force2d-plane.ts permutation that makes PyRadiomics' out-of-plane axis of a 2D image the z
 * axis: numpy axis 0 of (y, x) is y (permutation 1: y ↔ z), axis 1 is x (permutation 2: x → z).
 * Dimension 2 names no axis of a 2D image: PyRadiomics' C code then drops no direction (checked
 * with PyRadiomics itself: the in-plane texture), so undefined (nothing permuted). The wavelet
 * decomposes the one remaining axis: x for dimension 0 (alongXOnly), y for dimension 1, which is
 * refused (sonomics' 1D bands run along x), as is dimension 2, where PyRadiomics fails
 * (`axes.remove(2)`). extractCase names the case.
 */
export function force2DOn2DImage(force2Ddimension: number, images: readonly FilterSpec[]): 1 | 2 | undefined {
  if (force2Ddimension !== 0 && images.some((spec) => spec.type === 'wavelet')) {
    const what = force2Ddimension === 2 ? 'PyRadiomics fails there (a 2D image has no numpy axis 2)' : `PyRadiomics then decomposes along ${force2Ddimension === 0 ? 'x' : 'y'} only (wavelet-H, wavelet-L), which sonomics does not reproduce`;
    throw new SonomicsError('BAD_SETTINGS', `imageType Wavelet with force2D, force2Ddimension ${force2Ddimension} on a 2D image: ${what}; leave force2D out (PyRadiomics and sonomics then agree on the in-plane wavelet-LH … -LL), or drop Wavelet`);
  }
  return force2Ddimension === 0 ? 1 : force2Ddimension === 1 ? 2 : undefined;
}

/**
 * The wavelet images of a plan on a 2D image with force2D (dimension 0): PyRadiomics decomposes x
 * only (getWaveletImage: axes [1, 0] without force2Ddimension 0), yielding per level the detail
 * `wavelet-H` and finally the approximation `wavelet-L`, in that order. From the plan's 2D bands
 * (x, y letters) those low along y keep their x letter (wavelet-HL → wavelet-H, wavelet-LL →
 * wavelet-L); those high along y do not exist there.
 */
export function alongXOnly(images: readonly FilterSpec[], imageNames: readonly string[]): { images: FilterSpec[]; imageNames: string[] } {
  const out: FilterSpec[] = [], names: string[] = [];
  images.forEach((spec, i) => {
    const name = imageNames[i]!;
    if (spec.type === 'wavelet' && spec.subband.length === 2) {
      if (spec.subband[1]!.toUpperCase() !== 'L') return;
      out.push({ ...spec, subband: spec.subband[0]! });
      names.push(name.replace(/-([LH])[LH]$/, '-$1'));
      return;
    }
    out.push(spec);
    names.push(name);
  });
  return { images: out, imageNames: names };
}

/** The case warning: what PyRadiomics' force2D does to a 2D image, and how to get the in-plane texture. */
export function force2DOn2DImageWarning(force2Ddimension: number): string {
  const kept = force2Ddimension === 0 ? 'horizontal (x)' : 'vertical (y)';
  return `force2D on a 2D image: as PyRadiomics, numpy axis ${force2Ddimension} of the (y, x) image is taken as out-of-plane, so texture counts only ${kept} neighbours; leave force2D out for the in-plane 2D texture of every direction`;
}
