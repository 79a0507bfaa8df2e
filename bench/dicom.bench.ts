/**
 * DICOM decode throughput: every ultrasound sample (all frames) and the IBSI CT phantom
 * series. Prints JSON lines: per sample median ms per frame, frames/s and MB/s (of file
 * bytes), and the totals.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDicomCodecs, parseDicom, readDicom, readDicomSeries, frameCount } from '../src/io/dicom/index.ts';
import { emit, round, sharedDir, summarise } from './util.ts';

const shared = sharedDir()!;
const samplesDir = join(shared, 'data', 'dicom-us-samples');
if (!existsSync(samplesDir)) {
  emit({ bench: 'dicom', skipped: 'shared data not found' });
  process.exit(0);
}
await loadDicomCodecs();
const files = readFileSync(join(samplesDir, 'inventory.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
let totalMs = 0, totalFrames = 0, totalBytes = 0;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(samplesDir, f)));
  const frames = frameCount(parseDicom(bytes));
  const decodeAll = () => { for (let k = 0; k < frames; k++) readDicom(bytes, { frame: k }); };
  decodeAll(); // warm-up (JIT, codec heaps)
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) { const t = performance.now(); decodeAll(); ms.push(performance.now() - t); }
  const s = summarise(ms);
  totalMs += s.median_ms; totalFrames += frames; totalBytes += bytes.length;
  emit({ bench: 'dicom_decode', file: f, frames, median_ms: s.median_ms, frames_per_s: round((1000 * frames) / s.median_ms, 1), mb_per_s: round(bytes.length / 1e6 / (s.median_ms / 1000), 1) });
}
emit({ bench: 'dicom_decode_total', files: files.length, frames: totalFrames, images_per_s: round((1000 * totalFrames) / totalMs, 1), mb_per_s: round(totalBytes / 1e6 / (totalMs / 1000), 1) });

const ctDir = join(shared, 'refdata', 'ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'image');
if (existsSync(ctDir)) {
  const slices = readdirSync(ctDir).sort().map((f) => new Uint8Array(readFileSync(join(ctDir, f))));
  readDicomSeries(slices);
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) { const t = performance.now(); readDicomSeries(slices); ms.push(performance.now() - t); }
  const s = summarise(ms);
  const mb = slices.reduce((n, b) => n + b.length, 0) / 1e6;
  emit({ bench: 'dicom_series_ct', slices: slices.length, median_ms: s.median_ms, slices_per_s: round((1000 * slices.length) / s.median_ms, 1), mb_per_s: round(mb / (s.median_ms / 1000), 1) });
}
