/**
 * Run by test/pyradiomics/deopt-loops.test.ts in a child process with `--single-threaded
 * --trace-deopt` (the workers' flags plus V8's deopt trace): extracts the first N BUS-BRA lesions
 * (argv[2]) in the PyRadiomics configuration named by argv[3], after a marker line, so that the
 * test counts only the deoptimisations of the extraction.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { sharedPath } from './shared.ts';

const n = Number(process.argv[2]);
const root = sharedPath('data', 'us-breast-busbra');
const rows = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 1 + n);
const cases = rows.map((line) => {
  const [image, mask] = line.split(',');
  // a one-slice volume (meta dimensions 3): force2D keeps the in-plane texture and wavelet measured so far (a 2D
  // file with force2D would keep PyRadiomics' one direction, src/extract/pyradiomics-2d-input.ts)
  const img = readImageFile(join(root, image!));
  return { image: { ...img, meta: { ...img.meta, dimensions: 3 } }, tumour: readMaskFile(join(root, mask!), { label: 1 }) };
});
const imageType = process.argv[3] === 'filtered' ? { Original: {}, LoG: { sigma: [1, 3] }, Wavelet: {} } : { Original: {} };
const settings = resolveExtractionSettings({ setting: { binCount: 32, force2D: true }, imageType }, 'deopt probe');
console.log('=== extraction starts');
for (const [i, c] of cases.entries()) extractCase(c, settings, { caseId: `bus-${i}` });
console.log('=== extraction ends');
