/**
 * Reader throughput through the generic entry points (readImage / readMask, format sniffed):
 * every BUS-BRA image and mask (1,875 pairs; also checks that each pair has matching sizes),
 * the PyRadiomics NRRD volumes, and the DICOM ultrasound samples via readImageAsync (frame 0).
 * JSON lines: images/s and MB/s of file bytes (files are read into memory before timing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImage, readImageAsync, readMask } from '../src/io/read.ts';
import { emit, round, sharedDir } from './util.ts';

const shared = sharedDir()!;
const bus = join(shared, 'data', 'us-breast-busbra');
if (!existsSync(join(bus, 'manifest.csv'))) {
  emit({ bench: 'io', skipped: 'shared data not found' });
  process.exit(0);
}
const rows = readFileSync(join(bus, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const images = rows.map((r) => new Uint8Array(readFileSync(join(bus, r[0]!))));
const masks = rows.map((r) => new Uint8Array(readFileSync(join(bus, r[1]!))));
const mb = (list: Uint8Array[]) => list.reduce((n, b) => n + b.length, 0) / 1e6;

// Warm-up on a few files (JIT), then one timed pass over all of them.
for (let i = 0; i < 20; i++) { readImage(images[i]!); readMask(masks[i]!); }
let t = performance.now();
const sizes = images.map((b) => readImage(b).size);
const imgMs = performance.now() - t;
t = performance.now();
let mismatches = 0, empty = 0;
masks.forEach((b, i) => {
  const m = readMask(b);
  if (m.size.some((s, k) => s !== sizes[i]![k])) mismatches++;
  if (!m.data.includes(1)) empty++;
});
const maskMs = performance.now() - t;
emit({ bench: 'io_busbra_images', files: images.length, seconds: round(imgMs / 1000, 2), images_per_s: round((1000 * images.length) / imgMs, 1), mb_per_s: round(mb(images) / (imgMs / 1000), 1) });
emit({ bench: 'io_busbra_masks', files: masks.length, seconds: round(maskMs / 1000, 2), images_per_s: round((1000 * masks.length) / maskMs, 1), mb_per_s: round(mb(masks) / (maskMs / 1000), 1), size_mismatches: mismatches, empty_masks: empty });

const nrrdDir = join(shared, 'refdata', 'pyradiomics', 'data');
if (existsSync(nrrdDir)) {
  const files = readdirSync(nrrdDir).filter((f) => f.endsWith('.nrrd')).map((f) => new Uint8Array(readFileSync(join(nrrdDir, f))));
  readImage(files[0]!);
  t = performance.now();
  let voxels = 0;
  for (const b of files) voxels += readImage(b).data.length;
  const ms = performance.now() - t;
  emit({ bench: 'io_nrrd_gzip', files: files.length, images_per_s: round((1000 * files.length) / ms, 1), mb_per_s: round(mb(files) / (ms / 1000), 1), mvoxels_per_s: round(voxels / 1e6 / (ms / 1000), 1) });
}

const dicomDir = join(shared, 'data', 'dicom-us-samples');
if (existsSync(join(dicomDir, 'inventory.csv'))) {
  const files = readFileSync(join(dicomDir, 'inventory.csv'), 'utf8').trim().split('\n').slice(1).map((l) => new Uint8Array(readFileSync(join(dicomDir, l.split(',')[0]!))));
  for (const b of files) await readImageAsync(b); // warm-up: loads the WebAssembly codecs
  t = performance.now();
  for (const b of files) await readImageAsync(b);
  const ms = performance.now() - t;
  emit({ bench: 'io_dicom_us_frame0', files: files.length, images_per_s: round((1000 * files.length) / ms, 1), mb_per_s: round(mb(files) / (ms / 1000), 1) });
}
