"""
A minimal stand-in for SimpleITK, backed by numpy, written for sonomics' PyRadiomics oracle
(scripts/oracles/pyradiomics_run.py). Debian has no SimpleITK and pip is not available, so the
vendored PyRadiomics 3.1.0 imports this module instead. It holds only what the oracle's code paths
call, each as SimpleITK 2.x / ITK 5.2 computes it; anything else raises NotImplementedError naming
the call, so a path the oracle does not cover fails loudly instead of computing something else.

Where the real computation matters it follows ITK's source (InsightSoftwareConsortium/ITK):
- an Image is a C-order numpy array indexed (z, y, x) plus spacing / origin / direction in
  (x, y, z) order, as SimpleITK's GetArrayFromImage / GetImageFromArray see it;
- ReadImage reads grey-scale PNG as ITK's PNGImageIO does: spacing 1, origin 0 (the pHYs chunk is
  not read), and 1/2/4-bit grey expanded to 8 bits by libpng's png_set_expand_gray_1_2_4_to_8,
  which scales (a 1-bit mask reads as 0/255); raw volumes are read from a JSON header (ReadRaw);
- Normalize: NormalizeImageFilter = StatisticsImageFilter (compensated sums; σ with N − 1) then
  ShiftScaleImageFilter ((x + shift)·scale, shift = −mean, scale = 1/σ), in double;
- LabelStatisticsImageFilter / LabelShapeStatisticsImageFilter: bounding boxes and counts;
  ConnectedComponentImageFilter: object count (FullyConnected: 8- / 26-connectivity);
- CropImageFilter / ConstantPadImageFilter: the array cut / padded, origin moved by the crop;
- LaplacianRecursiveGaussianImageFilter and GradientMagnitudeImageFilter run ITK 5.2 itself:
  sonomics' ITK oracle program (scripts/oracles/itk_filters.cxx, path in $SONOMICS_ITK_FILTERS),
  which instantiates the same ITK filters SimpleITK wraps; the LoG's output is float32 as in
  SimpleITK, the gradient's float64.
Resampling (ResampleImageFilter) and vector images are not provided.
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

import numpy

# `sitk.SimpleITK.Image` is how featureextractor tests for an image object
SimpleITK = sys.modules[__name__]

sitkUInt8, sitkInt8, sitkUInt16, sitkInt16, sitkUInt32, sitkInt32, sitkUInt64, sitkInt64, sitkFloat32, sitkFloat64 = range(1, 11)
sitkNearestNeighbor, sitkLinear, sitkBSpline = 1, 2, 3

_DTYPES = {
  sitkUInt8: numpy.uint8, sitkInt8: numpy.int8, sitkUInt16: numpy.uint16, sitkInt16: numpy.int16,
  sitkUInt32: numpy.uint32, sitkInt32: numpy.int32, sitkUInt64: numpy.uint64, sitkInt64: numpy.int64,
  sitkFloat32: numpy.float32, sitkFloat64: numpy.float64,
}
_NAMES = {
  numpy.uint8: '8-bit unsigned integer', numpy.int8: '8-bit signed integer',
  numpy.uint16: '16-bit unsigned integer', numpy.int16: '16-bit signed integer',
  numpy.uint32: '32-bit unsigned integer', numpy.int32: '32-bit signed integer',
  numpy.uint64: '64-bit unsigned integer', numpy.int64: '64-bit signed integer',
  numpy.float32: '32-bit float', numpy.float64: '64-bit float',
}


def _missing(name):
  raise NotImplementedError('SimpleITK.%s is not in sonomics\' SimpleITK shim (scripts/oracles/pyradiomics/'
                            'simpleitk_shim): the PyRadiomics oracle does not cover this code path' % name)


class Image(object):
  def __init__(self, array, spacing=None, origin=None, direction=None):
    if array.dtype.type not in _NAMES:
      raise TypeError('pixel type %s is not supported by the SimpleITK shim' % array.dtype)
    self._arr = numpy.ascontiguousarray(array)
    d = array.ndim
    self._spacing = tuple(float(s) for s in spacing) if spacing is not None else (1.0,) * d
    self._origin = tuple(float(o) for o in origin) if origin is not None else (0.0,) * d
    self._direction = tuple(float(c) for c in direction) if direction is not None else tuple(numpy.eye(d).ravel().tolist())

  def GetDimension(self):
    return self._arr.ndim

  def GetSize(self):
    return tuple(int(s) for s in self._arr.shape[::-1])

  def GetSpacing(self):
    return self._spacing

  def GetOrigin(self):
    return self._origin

  def GetDirection(self):
    return self._direction

  def SetSpacing(self, spacing):
    self._spacing = tuple(float(s) for s in spacing)

  def SetOrigin(self, origin):
    self._origin = tuple(float(o) for o in origin)

  def SetDirection(self, direction):
    self._direction = tuple(float(c) for c in direction)

  def CopyInformation(self, other):
    if other.GetSize() != self.GetSize():
      raise RuntimeError('CopyInformation: source image size %s does not match %s' % (other.GetSize(), self.GetSize()))
    self._spacing, self._origin, self._direction = other._spacing, other._origin, other._direction

  def GetPixelID(self):
    for k, v in _DTYPES.items():
      if v == self._arr.dtype.type:
        return k

  def GetPixelIDTypeAsString(self):
    return _NAMES[self._arr.dtype.type]

  def GetNumberOfComponentsPerPixel(self):
    return 1

  def TransformContinuousIndexToPhysicalPoint(self, index):
    # ITK: origin + direction · (spacing ∘ index)
    d = self.GetDimension()
    m = numpy.array(self._direction).reshape(d, d)
    return tuple((numpy.array(self._origin) + m.dot(numpy.array(self._spacing) * numpy.array(index, dtype=float))).tolist())

  def TransformPhysicalPointToContinuousIndex(self, point):
    _missing('Image.TransformPhysicalPointToContinuousIndex')

  def _like(self, array):
    return Image(array, self._spacing, self._origin, self._direction)

  def __eq__(self, value):
    # SimpleITK's comparison operators give a UInt8 image of 0 / 1
    return self._like((self._arr == value).astype(numpy.uint8))

  def __mul__(self, value):
    # SimpleITK multiplies in the image's pixel type
    return self._like((self._arr * value).astype(self._arr.dtype))

  __imul__ = __mul__

  __hash__ = object.__hash__


def GetArrayFromImage(image):
  return image._arr.copy()


def GetImageFromArray(array, isVector=False):
  if isVector:
    _missing('GetImageFromArray(isVector=True)')
  array = numpy.asarray(array)
  if array.dtype == numpy.bool_:
    raise TypeError('SimpleITK cannot make an image from a bool array')
  return Image(array.copy())


def Cast(image, pixelID):
  return image._like(image._arr.astype(_DTYPES[pixelID]))


def Hash(image):
  # SimpleITK's default hash: SHA-1 of the pixel buffer
  return hashlib.sha1(image._arr.tobytes()).hexdigest()


class Version(object):
  @staticmethod
  def VersionString():
    return 'sonomics-shim (numpy %s)' % numpy.__version__

  def __str__(self):
    return self.VersionString()


class ProcessObject(object):
  """Global geometry tolerances, as ITK's ProcessObject (default 1e-6)."""
  coordinateTolerance = 1e-6
  directionTolerance = 1e-6

  @staticmethod
  def SetGlobalDefaultCoordinateTolerance(tol):
    ProcessObject.coordinateTolerance = float(tol)

  @staticmethod
  def SetGlobalDefaultDirectionTolerance(tol):
    ProcessObject.directionTolerance = float(tol)


def _verifySameSpace(first, second):
  # ImageToImageFilter::VerifyInputInformation: origin and spacing within coordinateTolerance × the
  # first input's x spacing, direction within directionTolerance; sizes must agree
  if first.GetDimension() != second.GetDimension():
    raise RuntimeError("Both images for LabelStatisticsImageFilter don't match type or dimension!")
  if first.GetSize() != second.GetSize():
    raise RuntimeError('Inputs do not occupy the same physical space! (sizes %s and %s)' % (first.GetSize(), second.GetSize()))
  tol = ProcessObject.coordinateTolerance * first.GetSpacing()[0]
  if (numpy.any(numpy.abs(numpy.subtract(first.GetOrigin(), second.GetOrigin())) > tol) or
      numpy.any(numpy.abs(numpy.subtract(first.GetSpacing(), second.GetSpacing())) > tol) or
      numpy.any(numpy.abs(numpy.subtract(first.GetDirection(), second.GetDirection())) > ProcessObject.directionTolerance)):
    raise RuntimeError('Inputs do not occupy the same physical space!')


def _bounds(arr, label):
  where = numpy.nonzero(arr == label)
  # per axis in x, y, z order: (lower, upper) index
  return [(int(w.min()), int(w.max())) for w in where[::-1]]


class LabelStatisticsImageFilter(object):
  def Execute(self, image, labelImage):
    # ITK names the inputs "Primary" (image) and "LabelInput"; the first in name order is the label
    _verifySameSpace(labelImage, image)
    self._labels = labelImage._arr

  def GetLabels(self):
    return tuple(int(v) for v in numpy.unique(self._labels))

  def GetBoundingBox(self, label):
    return tuple(v for lu in _bounds(self._labels, label) for v in lu)

  def GetCount(self, label):
    return int(numpy.count_nonzero(self._labels == label))


class LabelShapeStatisticsImageFilter(object):
  def Execute(self, labelImage):
    self._labels = labelImage._arr

  def GetLabels(self):
    return tuple(int(v) for v in numpy.unique(self._labels) if v != 0)

  def GetBoundingBox(self, label):
    b = _bounds(self._labels, label)
    return tuple(lo for lo, _ in b) + tuple(hi - lo + 1 for lo, hi in b)

  def GetNumberOfPixels(self, label):
    return int(numpy.count_nonzero(self._labels == label))


class ConnectedComponentImageFilter(object):
  def __init__(self):
    self._full = False
    self._count = None

  def FullyConnectedOn(self):
    self._full = True

  def Execute(self, image):
    # flood fill over flat indices of the array padded by one background voxel (no bounds checks)
    fg = numpy.pad(image._arr != 0, 1)
    d = fg.ndim
    strides = [int(numpy.prod(fg.shape[k + 1:])) for k in range(d)]
    grid = numpy.indices((3,) * d).reshape(d, -1).T - 1
    offsets = [int(numpy.dot(o, strides)) for o in grid if numpy.any(o) and (self._full or numpy.abs(o).sum() == 1)]
    flat = fg.ravel().tolist()
    count = 0
    for start in numpy.flatnonzero(fg).tolist():
      if not flat[start]:
        continue
      count += 1
      flat[start] = False
      stack = [start]
      while stack:
        p = stack.pop()
        for o in offsets:
          q = p + o
          if flat[q]:
            flat[q] = False
            stack.append(q)
    self._count = count
    return image

  def GetObjectCount(self):
    return self._count


class CropImageFilter(object):
  def SetLowerBoundaryCropSize(self, size):
    self._lower = [int(s) for s in size]

  def SetUpperBoundaryCropSize(self, size):
    self._upper = [int(s) for s in size]

  def Execute(self, image):
    size = image.GetSize()
    lo, up = self._lower, self._upper
    sl = tuple(slice(lo[a], size[a] - up[a]) for a in range(len(size)))[::-1]  # numpy order z, y, x
    out = image._like(image._arr[sl].copy())
    # SimpleITK's output starts at index 0: the origin moves to the first kept voxel
    out._origin = image.TransformContinuousIndexToPhysicalPoint(lo)
    return out


class ConstantPadImageFilter(object):
  def __init__(self):
    self._constant = 0

  def SetPadLowerBound(self, bound):
    self._lower = [int(b) for b in bound]

  def SetPadUpperBound(self, bound):
    self._upper = [int(b) for b in bound]

  def SetConstant(self, c):
    self._constant = c

  def Execute(self, image):
    pad = list(zip(self._lower, self._upper))[::-1]
    out = image._like(numpy.pad(image._arr, pad, mode='constant', constant_values=self._constant))
    out._origin = image.TransformContinuousIndexToPhysicalPoint([-b for b in self._lower])
    return out


def _compensatedSum(values):
  # itk::CompensatedSummation (Kahan–Babuška) as StatisticsImageFilter accumulates, one work unit
  s = 0.0
  c = 0.0
  for v in values.tolist():
    y = v - c
    t = s + y
    c = (t - s) - y
    s = t
  return s


def Normalize(image):
  x = image._arr.astype(numpy.float64).ravel()
  n = x.size
  total = _compensatedSum(x)
  squares = _compensatedSum(x * x)
  mean = total / n
  variance = (squares - (total * total / n)) / (n - 1)
  sigma = numpy.sqrt(variance)
  shift, scale = -mean, 1.0 / sigma
  # ShiftScaleImageFilter: (x + shift) · scale in the real type; the output type is NumericTraits<T>::RealType (double)
  return image._like((image._arr.astype(numpy.float64) + shift) * scale)


def _itkProgram(image, args):
  exe = os.environ.get('SONOMICS_ITK_FILTERS')
  if not exe or not os.path.isfile(exe):
    raise RuntimeError('the LoG and gradient run ITK itself: build scripts/oracles/itk_filters.cxx (test/helpers/itk.ts) '
                       'and set SONOMICS_ITK_FILTERS to the executable')
  size = list(image.GetSize()) + [1] * (3 - image.GetDimension())
  spacing = list(image.GetSpacing()) + [1.0] * (3 - image.GetDimension())
  with tempfile.TemporaryDirectory(prefix='sonomics-sitk-shim-') as tmp:
    src, dst = os.path.join(tmp, 'in.f64'), os.path.join(tmp, 'out.f64')
    image._arr.astype('<f8').tofile(src)
    subprocess.run([exe, src, dst] + [str(s) for s in size] + [repr(s) for s in spacing] + args, check=True)
    return numpy.fromfile(dst, dtype='<f8').reshape(image._arr.shape)


class LaplacianRecursiveGaussianImageFilter(object):
  def __init__(self):
    self._sigma = 1.0
    self._normalize = False

  def SetNormalizeAcrossScale(self, on):
    self._normalize = bool(on)

  def SetSigma(self, sigma):
    self._sigma = float(sigma)

  def Execute(self, image):
    if not self._normalize:
      _missing('LaplacianRecursiveGaussianImageFilter without NormalizeAcrossScale')
    # SimpleITK's output pixel type for this filter is float32; the program writes it widened exactly
    return image._like(_itkProgram(image, ['log', repr(self._sigma)]).astype(numpy.float32))


class GradientMagnitudeImageFilter(object):
  def __init__(self):
    self._useSpacing = True

  def SetUseImageSpacing(self, on):
    self._useSpacing = bool(on)

  def Execute(self, image):
    if not self._useSpacing:
      _missing('GradientMagnitudeImageFilter without image spacing')
    return image._like(_itkProgram(image, ['gradient']))


def _unfilter(raw, width, height, bpp, rowBytes):
  # PNG scanline filters (PNG spec §9)
  out = bytearray(height * rowBytes)
  prev = bytearray(rowBytes)
  pos = 0
  for r in range(height):
    ftype = raw[pos]
    line = bytearray(raw[pos + 1:pos + 1 + rowBytes])
    pos += 1 + rowBytes
    for i in range(rowBytes):
      a = line[i - bpp] if i >= bpp else 0
      b = prev[i]
      c = prev[i - bpp] if i >= bpp else 0
      if ftype == 1:
        line[i] = (line[i] + a) & 255
      elif ftype == 2:
        line[i] = (line[i] + b) & 255
      elif ftype == 3:
        line[i] = (line[i] + ((a + b) >> 1)) & 255
      elif ftype == 4:
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        pred = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
        line[i] = (line[i] + pred) & 255
      elif ftype != 0:
        raise ValueError('PNG: unknown filter type %d' % ftype)
    out[r * rowBytes:(r + 1) * rowBytes] = line
    prev = line
  return bytes(out)


def _readPNG(path):
  data = open(path, 'rb').read()
  if data[:8] != b'\x89PNG\r\n\x1a\n':
    raise ValueError('%s is not a PNG file' % path)
  pos, idat, header = 8, [], None
  while pos < len(data):
    n, = struct.unpack('>I', data[pos:pos + 4])
    kind = data[pos + 4:pos + 8]
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
      header = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT':
      idat.append(body)
    pos += 12 + n
  width, height, depth, colour, _, _, interlace = header
  if colour != 0 or interlace != 0 or depth not in (1, 2, 4, 8, 16):
    raise NotImplementedError('%s: only non-interlaced grey-scale PNG is read by the SimpleITK shim' % path)
  bits = width * depth
  rowBytes = (bits + 7) // 8
  raw = _unfilter(zlib.decompress(b''.join(idat)), width, height, max(1, depth // 8), rowBytes)
  rows = numpy.frombuffer(raw, dtype=numpy.uint8).reshape(height, rowBytes)
  if depth == 16:
    arr = rows.view('>u2').astype(numpy.uint16)
  elif depth == 8:
    arr = rows.copy()
  else:
    # libpng's png_set_expand_gray_1_2_4_to_8: unpack and scale to 8 bits (1-bit 1 → 255)
    arr = numpy.unpackbits(rows, axis=1).reshape(height, rowBytes * 8 // depth, depth)
    arr = (arr * (1 << numpy.arange(depth - 1, -1, -1))).sum(axis=2)[:, :width]
    arr = (arr * (255 // ((1 << depth) - 1))).astype(numpy.uint8)
  return Image(arr)


def ReadRaw(headerPath):
  """A volume as {"raw": file, "dtype": numpy dtype, "shape": [z, y, x] or [y, x], "spacing", "origin",
  "direction": in x, y, z order} — how the oracle's runner receives images that are not PNG files."""
  with open(headerPath) as f:
    h = json.load(f)
  raw = h['raw'] if os.path.isabs(h['raw']) else os.path.join(os.path.dirname(headerPath), h['raw'])
  arr = numpy.fromfile(raw, dtype=numpy.dtype(h['dtype']).newbyteorder('<')).reshape(h['shape'])
  return Image(arr.astype(arr.dtype.newbyteorder('=')), h.get('spacing'), h.get('origin'), h.get('direction'))


_pngCache = {}


def ReadImage(path):
  if path.lower().endswith('.png'):
    # decoding in Python is slow: one decode per file and process (callers get their own copy)
    key = (os.path.abspath(path), os.path.getmtime(path))
    if key not in _pngCache:
      _pngCache[key] = _readPNG(path)
    cached = _pngCache[key]
    return Image(cached._arr.copy(), cached._spacing, cached._origin, cached._direction)
  if path.lower().endswith('.json'):
    return ReadRaw(path)
  _missing('ReadImage(%r): the shim reads grey-scale PNG and raw volumes with a JSON header' % path)


def __getattr__(name):
  # an AttributeError, so that hasattr() still works, naming what the shim lacks
  raise AttributeError('SimpleITK.%s is not in sonomics\' SimpleITK shim (scripts/oracles/pyradiomics/simpleitk_shim): '
                       'the PyRadiomics oracle does not cover this code path' % name)
