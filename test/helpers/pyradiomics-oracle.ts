/**
 * PyRadiomics 3.1.0 itself as a reference: scripts/oracles/pyradiomics_run.py runs the vendored,
 * unchanged PyRadiomics (scripts/oracles/pyradiomics) on sonomics' numpy SimpleITK shim, with its
 * C extensions built by gcc against python3-dev (cached by the sources' hash) and LoG / gradient
 * computed by ITK 5.2 (test/helpers/itk.ts). Usage:
 *
 *   const [r] = runPyRadiomics([{ image: pngPath, mask: maskPngPath, label: 255,
 *     params: { setting: { binCount: 32, force2D: true }, imageType: { Original: {}, Wavelet: {} } } }]);
 *   r.features['wavelet-LH_glcm_Contrast']   // a number; diagnostics_* are strings
 *
 * A BUS-BRA mask PNG is 1-bit: SimpleITK reads it as 0/255, hence label 255. For other images write
 * them with writeRawVolume and pass the header's path. Missing interpreter or modules on a
 * developer's machine: suites skip and say why; under CI=true (.ci/run installs them) an error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Image, Mask } from '../../src/image/image.ts';
import { IN_CI, REPO_ROOT } from './shared.ts';
import { HAS_ITK, itkOracle } from './itk.ts';

const RUNNER = join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics_run.py');
const PYTHON = '/usr/bin/python3';
const MODULES = 'numpy, pywt, yaml, six, pykwalify.core';

function probe(): string | null {
  const r = spawnSync(PYTHON, ['-c', `import sysconfig, os, ${MODULES}; assert os.path.isfile(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))`], { encoding: 'utf8' });
  if (r.status !== 0) return `${PYTHON} lacks ${MODULES} or Python.h (${(r.stderr || r.error?.message || '').trim().split('\n').pop()})`;
  if (spawnSync('gcc', ['--version']).status !== 0) return 'gcc not found';
  return null;
}

const problem = probe();
export const HAS_PYRADIOMICS_ORACLE = problem === null;

if (problem) {
  const msg = `[sonomics tests] PyRadiomics oracle unavailable: ${problem} (Debian: apt-get install python3-dev python3-numpy python3-pywt python3-yaml python3-six python3-pykwalify python3-ruamel.yaml python3-dateutil python3-docopt gcc)`;
  if (IN_CI) throw new Error(`${msg}, and CI=true: the PyRadiomics oracle must run on CI, not skip.`);
  console.warn(`${msg}: the PyRadiomics oracle suites are skipped.`);
}

export interface OracleCase {
  /** A grey-scale PNG (read as SimpleITK reads it) or a raw volume's JSON header (writeRawVolume). */
  image: string;
  mask: string;
  /** A PyRadiomics parameter file's content (setting, imageType, featureClass), or the path of one (YAML or JSON). */
  params: Record<string, unknown> | string;
  /** execute(label=…); omitted: the params' label (PyRadiomics' default 1). */
  label?: number;
  /** Derived images (not the original) rounded to float32 before their features, as sonomics stores them. */
  float32Images?: boolean;
}

export interface OracleResult {
  /** PyRadiomics' result dict: features as numbers (NaN and ±Infinity included), diagnostics as the strings Python prints. */
  features?: Record<string, number | string>;
  /** PyRadiomics' exception, `Type: message`, for a case it refuses. */
  error?: string;
}

let built = false;

/** Runs PyRadiomics on the cases in one Python process (imports and the build are paid once). */
export function runPyRadiomics(cases: OracleCase[]): OracleResult[] {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // the LoG and gradient are ITK's own (the shim calls the ITK oracle program); build it only when used
  const filters = (c: OracleCase): boolean => (typeof c.params === 'string' ? readFileSync(c.params, 'utf8') : JSON.stringify(c.params.imageType ?? {})).match(/\b(LoG|Gradient)\b/) !== null;
  if (HAS_ITK && cases.some(filters)) env.SONOMICS_ITK_FILTERS = itkOracle();
  if (!built) {
    const b = spawnSync(PYTHON, [RUNNER, '--build'], { encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`building the PyRadiomics oracle failed:\n${b.stderr}`);
    built = true;
  }
  const r = spawnSync(PYTHON, [RUNNER], { input: JSON.stringify({ cases }), env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`the PyRadiomics oracle failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout) as { pyradiomics: string; results: OracleResult[] };
  if (out.pyradiomics !== '3.1.0') throw new Error(`the PyRadiomics oracle reports version ${out.pyradiomics}, expected 3.1.0`);
  const special: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };
  for (const res of out.results) {
    for (const [k, v] of Object.entries(res.features ?? {})) {
      if (typeof v === 'string' && v in special && !k.startsWith('diagnostics_')) res.features![k] = special[v]!;
    }
  }
  return out.results;
}

export type RawDtype = 'uint8' | 'int16' | 'uint16' | 'int32' | 'float32' | 'float64';

const ARRAYS = { uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array } as const;
const NUMPY = { uint8: '|u1', int16: '<i2', uint16: '<u2', int32: '<i4', float32: '<f4', float64: '<f8' } as const;

/**
 * Writes an image or mask for the oracle as raw little-endian pixels plus a JSON header (the SimpleITK
 * shim's ReadRaw), in `dtype` (the pixel type PyRadiomics would get from the file, which matters for
 * casts). A one-slice volume is written 2D, as SimpleITK reads a PNG. Returns the header's path.
 */
export function writeRawVolume(dir: string, name: string, volume: Image | Mask, dtype: RawDtype): string {
  const Arr = ARRAYS[dtype];
  const pixels = new Arr(volume.data.length);
  for (let i = 0; i < pixels.length; i++) {
    const v = volume.data[i]!;
    pixels[i] = v;
    if (pixels[i] !== v && !Number.isNaN(v) && dtype !== 'float32') throw new RangeError(`${name}: value ${v} at ${i} does not fit ${dtype}`);
  }
  const flat = volume.size[2] === 1;
  const [x, y, z] = volume.size;
  const d = volume.direction;
  writeFileSync(join(dir, `${name}.raw`), new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
  const header = flat
    ? { raw: `${name}.raw`, dtype: NUMPY[dtype], shape: [y, x], spacing: volume.spacing.slice(0, 2), origin: volume.origin.slice(0, 2), direction: [d[0], d[1], d[3], d[4]] }
    : { raw: `${name}.raw`, dtype: NUMPY[dtype], shape: [z, y, x], spacing: volume.spacing, origin: volume.origin, direction: d };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(header));
  return path;
}

/** A fresh temporary directory for writeRawVolume. */
export function oracleTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sonomics-pyradiomics-oracle-'));
  if (!existsSync(dir)) throw new Error(`could not create ${dir}`);
  return dir;
}
