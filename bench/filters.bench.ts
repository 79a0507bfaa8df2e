/**
 * Filter speed: ms per filter for one BUS-BRA breast ultrasound image (2D PNG, real size) and
 * for the 64³ IBSI 2 checkerboard phantom (3D). One JSON line per filter and image (wall-clock
 * median/p95 and CPU ms per run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filterData } from '../src/filters/apply.ts';
import { filterName, type FilterSpec } from '../src/filters/spec.ts';
import type { Image } from '../src/image/image.ts';
import { readNifti } from '../src/io/nifti.ts';
import { readImage } from '../src/io/read.ts';
import { emit, sharedDir, summarise } from './util.ts';

const FILTERS_2D: FilterSpec[] = [
  { type: 'mean', support: 5 },
  { type: 'log', sigmaMm: 2 },
  { type: 'laws', kernels: 'L5E5', energyDelta: 7, rotationInvariant: true, pooling: 'max' },
  { type: 'gabor', sigmaMm: 5, gamma: 1.5, lambdaMm: 2, thetaStepDeg: 22.5 },
  { type: 'wavelet', family: 'coif1', subband: 'LH' },
  { type: 'wavelet', family: 'db3', subband: 'HH', level: 2, rotationInvariant: true },
  { type: 'simoncelli', level: 1 },
  { type: 'square' }, { type: 'squareroot' }, { type: 'logarithm' }, { type: 'exponential' },
  { type: 'gradient' }, { type: 'lbp2d' },
];

const FILTERS_3D: FilterSpec[] = [
  { type: 'mean', support: 15, dims: '3D' },
  { type: 'log', sigmaMm: 5, dims: '3D' },
  { type: 'laws', kernels: 'E3W5R5', energyDelta: 7, rotationInvariant: true, pooling: 'max' },
  { type: 'gabor', sigmaMm: 20, gamma: 2.5, lambdaMm: 8, thetaStepDeg: 22.5, planes: 'orthogonal' },
  { type: 'wavelet', family: 'coif1', subband: 'HHL' },
  { type: 'wavelet', family: 'haar', subband: 'HHH', level: 2, rotationInvariant: true },
  { type: 'simoncelli', level: 1, dims: '3D' },
  { type: 'gradient', dims: '3D' },
];

function time(image: Image, spec: FilterSpec, label: string, repeats: number): void {
  filterData(image, spec); // warm-up (JIT, FFT plans)
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    filterData(image, spec);
    ms.push(performance.now() - t);
  }
  // CPU time per run too: on a shared, loaded machine wall-clock time mostly measures the queue.
  const cpu = process.cpuUsage(cpu0);
  const cpu_ms = Math.round((cpu.user + cpu.system) / 1000 / repeats);
  emit({ bench: 'filters', image: label, size: image.size.join('x'), filter: filterName(spec), ...summarise(ms), cpu_ms });
}

const shared = sharedDir()!;
const png = join(shared, 'data', 'us-breast-busbra', 'BUSBRA', 'Images', 'bus_0001-l.png');
if (existsSync(png)) {
  const img = readImage(readFileSync(png));
  for (const spec of FILTERS_2D) time(img, spec, 'busbra bus_0001-l (2D)', 3);
} else emit({ bench: 'filters', skipped: `BUS-BRA image not found at ${png}` });

const phantom = join(shared, 'refdata', 'ibsi', 'ibsi2', 'digital_phantoms', 'checkerboard', 'image.nii.gz');
if (existsSync(phantom)) {
  const img = readNifti(readFileSync(phantom));
  for (const spec of FILTERS_3D) time(img, spec, 'ibsi2 checkerboard 64³ (3D)', 2);
} else emit({ bench: 'filters', skipped: `IBSI 2 phantom not found at ${phantom}` });
