#!/usr/bin/env python3
"""
PyRadiomics' intensity transforms on the same voxels, for test/filters/pyradiomics-transforms.test.ts.
The bodies are radiomics/imageoperations.py's getSquareImage, getSquareRootImage,
getLogarithmImage and getExponentialImage (pyradiomics 3.1, BSD-3-Clause, (c) the PyRadiomics
developers) with SimpleITK's array conversion left out (they act voxel-wise on the whole array).

Usage: pyradiomics_transforms.py IN.f64 OUTDIR   (little-endian float64 voxels, any order)
Writes OUTDIR/square.f64, squareroot.f64, logarithm.f64, exponential.f64.
"""
import os
import sys

import numpy as np


def square(im):
    im = im.astype("float64")
    coeff = 1 / np.sqrt(np.max(np.abs(im)))
    return (coeff * im) ** 2


def squareroot(im):
    im = im.astype("float64")
    coeff = np.max(np.abs(im))
    im[im > 0] = np.sqrt(im[im > 0] * coeff)
    im[im < 0] = -np.sqrt(-im[im < 0] * coeff)
    return im


def logarithm(im):
    im = im.astype("float64")
    im_max = np.max(np.abs(im))
    im[im > 0] = np.log(im[im > 0] + 1)
    im[im < 0] = -np.log(-(im[im < 0] - 1))
    return im * (im_max / np.max(np.abs(im)))


def exponential(im):
    im = im.astype("float64")
    im_max = np.max(np.abs(im))
    coeff = np.log(im_max) / im_max
    return np.exp(coeff * im)


def main():
    src, outdir = sys.argv[1:3]
    im = np.fromfile(src, dtype="<f8")
    os.makedirs(outdir, exist_ok=True)
    for f in (square, squareroot, logarithm, exponential):
        np.ascontiguousarray(f(im.copy()), dtype="<f8").tofile(os.path.join(outdir, f.__name__ + ".f64"))


if __name__ == "__main__":
    main()
