/**
 * Hostile and damaged files end in a named SonomicsError within the readers' caps
 * (docs/io.md, "Limits"; issue #20): declared sizes are checked before allocating,
 * decompression stops at what the header declares, detached NRRD data stays beside its header.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { readImage } from '../../src/io/read.ts';
import { pngChunk } from '../../src/io/png-write.ts';
import { readImageFile } from '../../src/node/read.ts';

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof SonomicsError ? e.code : `not a SonomicsError: ${String(e)}`; }
  return undefined;
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function png(width: number, height: number, idat: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width); dv.setUint32(4, height);
  ihdr[8] = 8; ihdr[9] = 0; // 8-bit grey
  const parts = [PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function nrrd(header: string, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const head = new TextEncoder().encode(`NRRD0004\n${header}\n\n`);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head); out.set(payload, head.length);
  return out;
}

describe('readers refuse hostile sizes before allocating', () => {
  it('a PNG declaring 16000×16000 in a few bytes is TOO_LARGE', () => {
    expect(codeOf(() => readImage(png(16000, 16000, zlibSync(new Uint8Array(1000)))))).toBe('TOO_LARGE');
  });

  it('a PNG whose IDAT inflates to 20 MB decodes only the rows its header declares', () => {
    const img = readImage(png(64, 32, zlibSync(new Uint8Array(20_000_000))));
    expect(img.size).toEqual([64, 32, 1]);
  });

  it("an NRRD with 'sizes: 4.5' is refused", () => {
    expect(codeOf(() => readImage(nrrd('type: uchar\ndimension: 1\nsizes: 4.5\nencoding: raw', new Uint8Array(8))))).toBe('UNSUPPORTED_FORMAT');
  });

  it("an NRRD with 'line skip: 1e9' ends at the data's end, named", () => {
    expect(codeOf(() => readImage(nrrd('type: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\nline skip: 1e9', new Uint8Array(8))))).toBe('CORRUPT_FILE');
  });

  it('an NRRD declaring 10^15 voxels is TOO_LARGE before anything is allocated', () => {
    expect(codeOf(() => readImage(nrrd('type: uchar\ndimension: 3\nsizes: 100000 100000 100000\nencoding: raw', new Uint8Array(8))))).toBe('TOO_LARGE');
  });

  it('a gzip NRRD bomb inflates only the declared voxels', () => {
    const img = readImage(nrrd('type: uchar\ndimension: 2\nsizes: 8 8\nencoding: gzip', gzipSync(new Uint8Array(20_000_000))));
    expect(img.size).toEqual([8, 8, 1]);
  });

  it('a damaged gzip NRRD is CORRUPT_FILE', () => {
    const gz = gzipSync(Uint8Array.from({ length: 4096 }, (_, i) => i % 251));
    gz.fill(0xff, 20, 60);
    expect(codeOf(() => readImage(nrrd('type: uchar\ndimension: 2\nsizes: 64 64\nencoding: gzip', gz)))).toBe('CORRUPT_FILE');
  });

  it('a .nii.gz declaring a huge volume is TOO_LARGE', () => {
    const h = new Uint8Array(352);
    const dv = new DataView(h.buffer);
    dv.setInt32(0, 348, true);
    dv.setInt16(40, 3, true);
    dv.setInt16(42, 30000, true); dv.setInt16(44, 30000, true); dv.setInt16(46, 30000, true);
    dv.setInt16(70, 2, true); dv.setInt16(72, 8, true); // uint8
    dv.setFloat32(108, 352, true);
    h.set([0x6e, 0x2b, 0x31, 0], 344); // 'n+1\0'
    expect(codeOf(() => readImage(gzipSync(h)))).toBe('TOO_LARGE');
  });

  it("a detached NRRD 'data file' outside the header's folder is refused (no /etc/passwd voxels)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-nrrd-'));
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'secret.raw'), new Uint8Array(4));
    writeFileSync(join(dir, 'inner', 'h.nhdr'), nrrd('type: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\ndata file: ../secret.raw'));
    writeFileSync(join(dir, 'inner', 'p.nhdr'), nrrd('type: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\ndata file: ../../../../../../etc/passwd'));
    expect(codeOf(() => readImageFile(join(dir, 'inner', 'h.nhdr')))).toBe('BAD_INPUT');
    expect(codeOf(() => readImageFile(join(dir, 'inner', 'p.nhdr')))).toBe('BAD_INPUT');
    // inside the folder it still works
    writeFileSync(join(dir, 'inner', 'ok.raw'), Uint8Array.from([1, 2, 3, 4]));
    writeFileSync(join(dir, 'inner', 'ok.nhdr'), nrrd('type: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\ndata file: ok.raw'));
    expect(Array.from(readImageFile(join(dir, 'inner', 'ok.nhdr')).data)).toEqual([1, 2, 3, 4]);
  });
});
