/**
 * Palette colour lookup tables (PS3.3 C.7.6.3.1.5–6), plain or segmented (C.7.9.2).
 * Descriptor: [number of entries (0 means 65536), first mapped pixel value, bits per entry].
 * Indices below the first mapped value take the first entry, above the table the last.
 * 16-bit entries are brought to the 0–255 range (value >> 8) so that palette images come out
 * on the same scale as 8-bit RGB; a 16-bit table whose entries never exceed 255 (an old
 * writer bug) is used as is.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DicomDataset } from './dataset.ts';
import { T } from './tags.ts';

export interface Palette {
  red: Float32Array;
  green: Float32Array;
  blue: Float32Array;
  firstMapped: number;
  /** Bits per entry as declared (8 or 16). */
  bits: number;
  segmented: boolean;
}

export function readPalette(ds: DicomDataset, name: string): Palette {
  const channel = (desc: number, plain: number, seg: number) => {
    const d = ds.words(desc);
    if (d.length < 3) throw new SonomicsError('CORRUPT_FILE', `${name}: PALETTE COLOR image without a lookup table descriptor`);
    const entries = d[0] === 0 ? 65536 : d[0]!;
    const bits = d[2]!;
    let values: Float64Array;
    let segmented = false;
    if (ds.has(plain)) {
      const bytes = ds.bytes(plain)!;
      values = new Float64Array(entries);
      if (bits === 8 && bytes.length === entries) for (let i = 0; i < entries; i++) values[i] = bytes[i]!;
      else {
        const w = ds.words(plain);
        if (w.length < entries) throw new SonomicsError('CORRUPT_FILE', `${name}: palette table has ${w.length} entries, descriptor says ${entries}`);
        for (let i = 0; i < entries; i++) values[i] = w[i]!;
      }
    } else if (ds.has(seg)) {
      values = expandSegmented(ds.words(seg), entries, name);
      segmented = true;
    } else throw new SonomicsError('CORRUPT_FILE', `${name}: PALETTE COLOR image without lookup table data`);
    return { values, firstMapped: d[1]!, bits, segmented };
  };
  const r = channel(T.RedLUTDescriptor, T.RedLUTData, T.SegmentedRedLUTData);
  const g = channel(T.GreenLUTDescriptor, T.GreenLUTData, T.SegmentedGreenLUTData);
  const b = channel(T.BlueLUTDescriptor, T.BlueLUTData, T.SegmentedBlueLUTData);
  const bits = r.bits;
  let max = 0;
  for (const c of [r, g, b]) for (let i = 0; i < c.values.length; i++) if (c.values[i]! > max) max = c.values[i]!;
  const shift = bits > 8 && max > 255 ? 8 : 0;
  const toF32 = (v: Float64Array) => {
    const out = new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = Math.floor(v[i]!) >> shift;
    return out;
  };
  return { red: toF32(r.values), green: toF32(g.values), blue: toF32(b.values), firstMapped: r.firstMapped, bits, segmented: r.segmented };
}

/**
 * Segmented table (PS3.3 C.7.9.2): opcode 0 = discrete (n values), 1 = linear ramp of n
 * values from the previous value to y1, 2 = indirect (copy n segments starting at a 32-bit
 * word offset, low word first).
 */
export function expandSegmented(words: Uint16Array, entries: number, name: string): Float64Array {
  let out = new Float64Array(Math.max(entries, 16));
  let n = 0;
  const push = (v: number) => {
    if (n === out.length) { const bigger = new Float64Array(2 * n); bigger.set(out); out = bigger; }
    out[n++] = v;
  };
  const bad = (why: string): never => { throw new SonomicsError('CORRUPT_FILE', `${name}: segmented palette table is invalid (${why})`); };
  const run = (start: number, maxSegments: number, depth: number): void => {
    if (depth > 4) bad('indirect segments nested too deep');
    let i = start, seg = 0;
    while (i < words.length && seg < maxSegments) {
      const op = words[i]!, len = words[i + 1];
      if (len === undefined) bad('segment header cut short');
      const count = len!;
      if (op === 0) {
        if (i + 2 + count > words.length) bad('discrete segment cut short');
        for (let k = 0; k < count; k++) push(words[i + 2 + k]!);
        i += 2 + count;
      } else if (op === 1) {
        if (n === 0) bad('linear segment without a previous value');
        const y0 = out[n - 1]!, y1 = words[i + 2]!;
        for (let k = 1; k <= count; k++) push(y0 + ((y1 - y0) * k) / count);
        i += 3;
      } else if (op === 2) {
        const offset = words[i + 2]! | (words[i + 3]! << 16);
        run(offset, count, depth + 1);
        i += 4;
      } else bad(`unknown opcode ${op}`);
      seg++;
    }
  };
  run(0, Infinity, 0);
  if (n < entries) bad(`expands to ${n} entries, descriptor says ${entries}`);
  const table = new Float64Array(entries);
  for (let i = 0; i < entries; i++) table[i] = Math.round(out[i]!);
  return table;
}

export function applyPalette(index: number, p: Palette, out: Float32Array, o: number): void {
  let i = index - p.firstMapped;
  if (i < 0) i = 0;
  else if (i >= p.red.length) i = p.red.length - 1;
  out[o] = p.red[i]!; out[o + 1] = p.green[i]!; out[o + 2] = p.blue[i]!;
}
