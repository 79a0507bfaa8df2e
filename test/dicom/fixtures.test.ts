/**
 * Codecs not covered by the ultrasound samples (JPEG-LS lossless and near-lossless with every
 * interleave mode, 16-bit JPEG lossless and RLE, JPEG baseline YBR_FULL_422), on small
 * fixtures compressed by DCMTK from known patterns (test/dicom/fixture-patterns.ts; recipe in
 * fixtures/make-fixtures.sh). Lossless must return the pattern exactly; JPEG-LS NEAR=2 within
 * ±2 (its defining bound, ISO 14495-1); baseline JPEG within a PSNR.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, loadDicomCodecs, parseDicom, readDicom } from '../../src/io/dicom/index.ts';
import { grey12, rgb8 } from './fixture-patterns.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const samples = (name: string) => decodeFrame(parseDicom(fixture(name), name), 0);

describe('codec fixtures', () => {
  beforeAll(async () => { await loadDicomCodecs(); });

  for (const name of ['grey12_jpegls.dcm', 'grey12_jpeg_lossless.dcm', 'grey12_rle.dcm']) {
    it(`${name} decodes to the 12-bit pattern exactly`, () => {
      const d = samples(name);
      expect(Array.from(d.samples)).toEqual(Array.from(grey12()));
      expect(Array.from(readDicom(fixture(name)).data.subarray(0, 64))).toEqual(Array.from(grey12().subarray(0, 64)));
    });
  }

  for (const name of ['rgb8_jpegls_planar.dcm', 'rgb8_jpegls_sample.dcm']) {
    it(`${name} decodes to the RGB pattern exactly (interleave mode handled)`, () => {
      const d = samples(name);
      expect(d.photometric).toBe('RGB');
      expect(Array.from(d.samples)).toEqual(Array.from(rgb8()));
    });
  }

  it('JPEG-LS near-lossless (NEAR=2) stays within ±2 and warns that it is lossy', () => {
    const d = samples('grey12_jpegls_near.dcm').samples, ref = grey12();
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(d[i]! - ref[i]!));
    expect(worst).toBeLessThanOrEqual(2);
    expect(readDicom(fixture('grey12_jpegls_near.dcm')).warnings?.some((w) => w.includes('lossy'))).toBe(true);
  });

  it('JPEG baseline YBR_FULL_422 comes out as RGB close to the pattern (PSNR > 28 dB)', () => {
    const d = samples('rgb8_jpeg_422.dcm');
    expect(d.photometric).toBe('RGB');
    const ref = rgb8();
    let se = 0;
    for (let i = 0; i < ref.length; i++) se += (d.samples[i]! - ref[i]!) ** 2;
    expect(10 * Math.log10(255 ** 2 / (se / ref.length))).toBeGreaterThan(28);
  });
});

describe('JPEG baseline colour transform follows the stream', () => {
  it('a JFIF (YCbCr) stream declared RGB still decodes to the right colours', async () => {
    const { encode } = await import('jpeg-js');
    const { el, imageElements, writeDicom } = await import('./write-dicom.ts');
    const ref = rgb8();
    const rgba = new Uint8Array(64 * 48 * 4);
    for (let p = 0; p < 64 * 48; p++) { rgba.set(ref.subarray(3 * p, 3 * p + 3), 4 * p); rgba[4 * p + 3] = 255; }
    const jfif = new Uint8Array(encode({ width: 64, height: 48, data: rgba }, 95).data);
    for (const photometric of ['RGB', 'YBR_FULL_422']) {
      const bytes = writeDicom([el(0x0008, 0x0060, 'CS', 'US'), ...imageElements({ rows: 48, cols: 64, spp: 3, photometric })],
        { uid: '1.2.840.10008.1.2.4.50', explicit: true, le: true }, { encapsulatedPixels: [jfif] });
      const d = decodeFrame(parseDicom(bytes), 0);
      let se = 0;
      for (let i = 0; i < ref.length; i++) se += (d.samples[i]! - ref[i]!) ** 2;
      expect(10 * Math.log10(255 ** 2 / (se / ref.length))).toBeGreaterThan(30);
    }
  });
});
