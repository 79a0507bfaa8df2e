#!/usr/bin/python3
"""
PyRadiomics 3.1.0 itself as an oracle: its feature dict, exactly as PyRadiomics computes it.

Usage (Debian's /usr/bin/python3 with python3-numpy, python3-pywt, python3-yaml, python3-six,
python3-pykwalify and python3-dev + gcc to build the C extensions):

    echo '{"cases": [{"image": "bus_0001-l.png", "mask": "mask_0001-l.png", "label": 255,
                      "params": {"setting": {"binCount": 32, "force2D": true},
                                 "imageType": {"Original": {}, "Wavelet": {}}}}]}' \
      | /usr/bin/python3 scripts/oracles/pyradiomics_run.py > out.json
    -> {"pyradiomics": "3.1.0", "results": [{"features": {"diagnostics_…": "…",
        "original_firstorder_Mean": 97.1, …}}]}   (or {"error": "…"} for a case PyRadiomics refuses)

    /usr/bin/python3 scripts/oracles/pyradiomics_run.py --build   # only build; prints the cache dir

From TypeScript tests: test/helpers/pyradiomics-oracle.ts (runPyRadiomics).

- `params` is a PyRadiomics parameter file's content (setting / imageType / featureClass), or the path
  of a YAML / JSON parameter file, validated by PyRadiomics' own schema (pykwalify), as
  `RadiomicsFeatureExtractor(params)` does.
- `image` / `mask`: a grey-scale PNG, read as SimpleITK reads it (a 1-bit PNG mask reads as 0/255,
  hence `label: 255` for BUS-BRA), or a JSON header of a raw volume (see SimpleITK shim, ReadRaw).
- `label` (optional) is passed to `execute(label=…)`.
- `float32Images` (optional, default false): derived images are rounded to float32 before their features,
  as sonomics stores them (PyRadiomics keeps wavelet and transform images as float64).
- Feature values are floats (NaN / ±inf as the strings "nan" / "inf" / "-inf"); diagnostics are
  written as str() of PyRadiomics' value (tuples, dicts), except numbers.

What runs: the vendored, unchanged PyRadiomics 3.1.0 (scripts/oracles/pyradiomics/radiomics; its C
extensions built here with gcc against python3-dev and numpy, cached in a temporary directory named
by the sources' hash) on top of sonomics' numpy SimpleITK shim (scripts/oracles/pyradiomics/
simpleitk_shim). LoG and gradient need ITK itself: set SONOMICS_ITK_FILTERS to the compiled
scripts/oracles/itk_filters.cxx (test/helpers/itk.ts builds it). Resampling is not available.
"""
import contextlib
import hashlib
import json
import logging
import math
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
VENDORED = os.path.join(HERE, 'pyradiomics')
SHIM = os.path.join(VENDORED, 'simpleitk_shim')
# PyRadiomics' setup.py: one extension module per C wrapper
EXTENSIONS = {'_cmatrices': ['_cmatrices.c', 'cmatrices.c'], '_cshape': ['_cshape.c', 'cshape.c']}


def sourcesHash():
  h = hashlib.sha256()
  h.update(sys.version.encode())
  for base, _, files in sorted(os.walk(os.path.join(VENDORED, 'radiomics'))):
    for name in sorted(files):
      if name.endswith('.pyc'):
        continue
      path = os.path.join(base, name)
      h.update(os.path.relpath(path, VENDORED).encode())
      with open(path, 'rb') as f:
        h.update(f.read())
  return h.hexdigest()[:16]


def build():
  """The vendored package with its C extensions compiled, in a cache directory keyed by the sources' hash."""
  import numpy
  cache = os.path.join(tempfile.gettempdir(), 'sonomics-pyradiomics-' + sourcesHash())
  if os.path.isdir(os.path.join(cache, 'radiomics')):
    return cache
  work = tempfile.mkdtemp(prefix='sonomics-pyradiomics-build-')
  pkg = os.path.join(work, 'radiomics')
  shutil.copytree(os.path.join(VENDORED, 'radiomics'), pkg)
  suffix = sysconfig.get_config_var('EXT_SUFFIX')
  for module, sources in EXTENSIONS.items():
    cmd = ['gcc', '-O2', '-fPIC', '-shared', '-I', sysconfig.get_paths()['include'], '-I', numpy.get_include()]
    cmd += [os.path.join(pkg, 'src', s) for s in sources] + ['-lm', '-o', os.path.join(pkg, module + suffix)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
      raise RuntimeError('building PyRadiomics\' %s failed (needs gcc, python3-dev, python3-numpy):\n%s' % (module, r.stderr))
  try:
    os.rename(work, cache)
  except OSError:
    # another process built the same sources meanwhile
    shutil.rmtree(work, ignore_errors=True)
  return cache


def importRadiomics():
  cache = build()
  sys.path.insert(0, SHIM)
  sys.path.insert(0, cache)
  # _version.py is versioneer's git lookup (not vendored): the version is the tag's
  version = types.ModuleType('radiomics._version')
  version.get_versions = lambda: {'version': '3.1.0', 'full-revisionid': '6a761c4eb01905cfcb1139b0b158547c55edd4df',
                                  'dirty': False, 'error': None}
  sys.modules['radiomics._version'] = version
  import radiomics
  from radiomics import featureextractor
  radiomics.setVerbosity(logging.ERROR)
  return radiomics, featureextractor


@contextlib.contextmanager
def float32Images(on):
  """With `float32Images`, every derived image (wavelet, LoG, square, …; not the original) is rounded to float32
  before its features are computed, as sonomics stores images, and kept in a float64 array, as sonomics computes
  (with a float32 array PyRadiomics would also compute bin edges in float32): PyRadiomics' own code on rounded
  filter output, to tell float32 storage apart from any other difference. The module is patched for the case only."""
  if not on:
    yield
    return
  import SimpleITK as sitk
  from radiomics import imageoperations
  saved = {}
  for name in dir(imageoperations):
    if name.startswith('get') and name.endswith('Image') and name not in ('getOriginalImage', 'getMask'):
      saved[name] = getattr(imageoperations, name)

      def wrapped(inputImage, inputMask, _gen=saved[name], **kwargs):
        for image, imageName, args in _gen(inputImage, inputMask, **kwargs):
          yield sitk.Cast(sitk.Cast(image, sitk.sitkFloat32), sitk.sitkFloat64), imageName, args
      setattr(imageoperations, name, wrapped)
  try:
    yield
  finally:
    for name, fn in saved.items():
      setattr(imageoperations, name, fn)


def plain(value):
  import numpy
  if isinstance(value, numpy.ndarray) and value.size == 1:
    value = value.item()
  if isinstance(value, (numpy.floating, numpy.integer)):
    value = value.item()
  if isinstance(value, bool) or not isinstance(value, (int, float)):
    return str(value)
  if isinstance(value, float) and not math.isfinite(value):
    return 'nan' if math.isnan(value) else ('inf' if value > 0 else '-inf')
  return value


def main():
  if sys.argv[1:] == ['--build']:
    print(build())
    return
  request = json.load(sys.stdin)
  radiomics, featureextractor = importRadiomics()
  results = []
  for case in request['cases']:
    try:
      extractor = featureextractor.RadiomicsFeatureExtractor(case['params'])
      with float32Images(case.get('float32Images', False)):
        out = extractor.execute(case['image'], case['mask'], label=case.get('label'))
      results.append({'features': {k: plain(v) for k, v in out.items()}})
    except Exception as e:  # a case PyRadiomics refuses: its message, for the test to assert on
      results.append({'error': '%s: %s' % (type(e).__name__, e)})
  json.dump({'pyradiomics': radiomics.__version__, 'results': results}, sys.stdout)


if __name__ == '__main__':
  main()
