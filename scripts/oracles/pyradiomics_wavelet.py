#!/usr/bin/env python3
"""
Reference wavelet sub-bands exactly as PyRadiomics computes them, for the sonomics tests
(test/filters/pyradiomics-wavelet.test.ts). Needs numpy and PyWavelets (Debian: python3-pywt).

The body of `swt3` is PyRadiomics' `radiomics.imageoperations._swt3` (pyradiomics 3.1,
BSD-3-Clause, (c) the PyRadiomics developers) with SimpleITK replaced by plain numpy arrays:
the array has numpy's (z, y, x) order, as sitk.GetArrayFromImage gives, and `axes` is what
getWaveletImage passes (2, 1, 0), or (2, 1) with force2D, or (1, 0) for a 2D image.

Usage: pyradiomics_wavelet.py IN.f64 OUTDIR SHAPE AXES WAVELET START_LEVEL LEVEL
  IN.f64      little-endian float64 voxels in C order of SHAPE
  SHAPE       comma-separated, numpy order (e.g. 25,256,256)
  AXES        comma-separated numpy axes (e.g. 2,1,0)
Writes OUTDIR/<name>.f64 for every image getWaveletImage yields (name as PyRadiomics',
e.g. wavelet-LLH, wavelet2-HLL, wavelet-LLL) and OUTDIR/names.txt listing them in yield order.
"""
import os
import sys

import numpy as np
import pywt


def swt3(matrix, axes, wavelet="coif1", level=1, start_level=0):
    original_shape = matrix.shape
    padding = tuple([(0, 1 if dim % 2 != 0 else 0) for dim in original_shape])
    data = matrix.copy()
    data = np.pad(data, padding, "wrap")

    if not isinstance(wavelet, pywt.Wavelet):
        wavelet = pywt.Wavelet(wavelet)

    for _i in range(start_level):
        dec = pywt.swtn(data, wavelet, level=1, start_level=0, axes=axes)[0]
        data = dec["a" * len(axes)].copy()

    ret = []
    for _i in range(start_level, start_level + level):
        dec = pywt.swtn(data, wavelet, level=1, start_level=0, axes=axes)[0]
        data = dec["a" * len(axes)].copy()

        dec_im = {}
        for decName, decImage in dec.items():
            if decName == "a" * len(axes):
                continue
            decTemp = decImage.copy()
            decTemp = decTemp[tuple(slice(None, -1 if dim % 2 != 0 else None) for dim in original_shape)]
            dec_im[str(decName).replace("a", "L").replace("d", "H")] = decTemp
        ret.append(dec_im)

    data = data[tuple(slice(None, -1 if dim % 2 != 0 else None) for dim in original_shape)]
    return data, ret


def wavelet_images(matrix, axes, **kwargs):
    """getWaveletImage's names and order."""
    approx, ret = swt3(matrix, tuple(axes), **kwargs)
    for idx, wl in enumerate(ret, start=1):
        for name, image in wl.items():
            yield (f"wavelet-{name}" if idx == 1 else f"wavelet{idx}-{name}"), image
    yield (f"wavelet-{'L' * len(axes)}" if len(ret) == 1 else f"wavelet{len(ret)}-{'L' * len(axes)}"), approx


def main():
    src, outdir, shape, axes, wavelet, start_level, level = sys.argv[1:8]
    shape = tuple(int(s) for s in shape.split(","))
    axes = [int(a) for a in axes.split(",")]
    matrix = np.fromfile(src, dtype="<f8").reshape(shape)
    os.makedirs(outdir, exist_ok=True)
    names = []
    for name, image in wavelet_images(matrix, axes, wavelet=wavelet, start_level=int(start_level), level=int(level)):
        np.ascontiguousarray(image, dtype="<f8").tofile(os.path.join(outdir, name + ".f64"))
        names.append(name)
    with open(os.path.join(outdir, "names.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    print(f"pywt {pywt.__version__}, numpy {np.__version__}")


if __name__ == "__main__":
    main()
