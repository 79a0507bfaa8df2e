#!/usr/bin/env python3
"""
PyRadiomics' LBP2D image computed by scikit-image's own code, for
test/filters/pyradiomics-lbp2d.test.ts.

The body is radiomics/imageoperations.py's getLBP2DImage (pyradiomics 3.1, BSD-3-Clause, (c) the
PyRadiomics developers) with SimpleITK's array conversion left out: a 3D image is processed slice
by slice along force2Ddimension and each result is written back into the image's own array (so
into its dtype, e.g. int16 for a CT/MR NRRD); a 2D image gets the float64 result.

scikit-image: `skimage.feature.local_binary_pattern` when the full package is installed; otherwise
its compiled core `skimage.feature._texture._local_binary_pattern` (Debian's python3-skimage-lib,
2 MB instead of python3-skimage's 51 packages) called exactly as local_binary_pattern does in
scikit-image 0.19 (skimage/feature/texture.py: the method letter, the image as contiguous float64).

Usage: pyradiomics_lbp2d.py IN OUT DTYPE Z Y X P R METHOD [FORCE2DDIMENSION]
  IN: voxels in C order (z, y, x) as little-endian DTYPE (numpy name: uint8, int16, float64, ...);
  Z = 0 means a 2D image of Y x X. OUT: the LBP image as little-endian float64, same order.
"""
import sys

import numpy as np

try:
    from skimage.feature import local_binary_pattern
except ImportError:
    from skimage.feature._texture import _local_binary_pattern

    _METHODS = {"default": ord("D"), "ror": ord("R"), "uniform": ord("U"), "nri_uniform": ord("N"), "var": ord("V")}

    def local_binary_pattern(image, P, R, method="default"):
        image = np.ascontiguousarray(image, dtype=np.double)
        return _local_binary_pattern(image, P, R, _METHODS[method.lower()])


def get_lbp2d_image(im_arr, lbp_samples, lbp_radius, lbp_method, lbp_axis=0):
    """getLBP2DImage's array code (imageoperations.py, pyradiomics 3.1)."""
    if im_arr.ndim == 3:
        im_arr = im_arr.swapaxes(0, lbp_axis)
        for idx in range(im_arr.shape[0]):
            im_arr[idx, ...] = local_binary_pattern(im_arr[idx, ...], P=lbp_samples, R=lbp_radius, method=lbp_method)
        im_arr = im_arr.swapaxes(0, lbp_axis)
    else:
        im_arr = local_binary_pattern(im_arr, P=lbp_samples, R=lbp_radius, method=lbp_method)
    return im_arr


def main():
    src, out, dtype, z, y, x, p, r, method = sys.argv[1:10]
    axis = int(sys.argv[10]) if len(sys.argv) > 10 else 0
    z, y, x = int(z), int(y), int(x)
    shape = (y, x) if z == 0 else (z, y, x)
    im = np.fromfile(src, dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype).reshape(shape)
    # PyRadiomics' lbp2DRadius is a float in the parameter file, lbp2DSamples an int
    res = get_lbp2d_image(im, int(p), float(r), method, axis)
    np.ascontiguousarray(res, dtype="<f8").tofile(out)


if __name__ == "__main__":
    main()
