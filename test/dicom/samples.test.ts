/**
 * Every ultrasound DICOM sample in ../shared/data/dicom-us-samples decodes, checked against
 * independent decoders. Reference values (test/dicom/reference/dcmtk-reference.json) were
 * produced once by reference/make-reference.py with Debian's DCMTK 3.6.7 (dcmdjpeg, dcmdrle,
 * dcmconv) and GDCM 3.0.21 (gdcmconv --raw for JPEG 2000, --apply-lut for palettes), the raw
 * pixel bytes read with numpy; those tools are not needed at test time. On top of that,
 * lossless encodings of one image must decode identically (US1_UNCR = US1_RLE = US1_J2KR;
 * OBXXXX1A = _expb = _rle frame 0).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { decodeFrame, loadDicomCodecs, parseDicom, readDicom } from '../../src/io/dicom/index.ts';
import { readPalette } from '../../src/io/dicom/palette.ts';
import { rgbToGrey, toRgb } from '../../src/io/dicom/photometric.ts';
import { fnv1a32, inventory, mean, mismatches, reference, sampleBytes, type RefEntry } from './helpers.ts';

describe.skipIf(!HAS_SHARED)('DICOM ultrasound samples', () => {
  beforeAll(async () => { await loadDicomCodecs(); });
  const rows = HAS_SHARED ? inventory() : [];
  const refs: Record<string, RefEntry> = HAS_SHARED ? reference() : {};

  it('the inventory lists 13 files', () => expect(rows.length).toBe(13));

  for (const row of rows) {
    describe(row.file, () => {
      const file = () => parseDicom(sampleBytes(row.file), row.file);

      it('decodes with the right size, frames and transfer syntax', () => {
        const img = readDicom(sampleBytes(row.file), { name: row.file, frame: row.frames - 1 });
        expect(img.size).toEqual([row.cols, row.rows, 1]);
        expect(img.meta?.frames).toBe(row.frames);
        expect(img.meta?.transferSyntax).toBe(row.ts_uid);
        expect(img.data.every(Number.isFinite)).toBe(true);
      });

      it('every frame matches the independent decoder', () => {
        const ref = refs[row.file]!;
        const f = file();
        expect(ref.frames).toBe(row.frames);
        const lossyJpeg = row.ts_uid === '1.2.840.10008.1.2.4.50';
        for (let k = 0; k < row.frames; k++) {
          const d = decodeFrame(f, k);
          const r = ref.samples[k]!;
          expect(d.samples.length).toBe(ref.rows * ref.cols * ref.spp);
          const got = r.at.map((i) => d.samples[i]!);
          if (lossyJpeg) {
            // jpeg-js and libijg use different IDCTs: allow ±2 per sample, 0.2 in the mean.
            got.forEach((v, i) => expect(Math.abs(v - r.values[i]!)).toBeLessThanOrEqual(2));
            expect(Math.abs(mean(d.samples) - r.mean)).toBeLessThan(0.2);
          } else {
            expect(got).toEqual(r.values);
            expect(fnv1a32(d.samples, ref.bits === 16 ? 2 : 1)).toBe(r.fnv1a32);
          }
        }
      });

      if (row.photometric === 'PALETTE COLOR') {
        it('palette → RGB matches GDCM (16-bit tables scaled by 1/256)', () => {
          const ref = refs[row.file]!.paletteRgb!;
          const f = file();
          const rgb = toRgb(decodeFrame(f, 0), readPalette(f.dataset, row.file), 8, row.file);
          const scale = ref.bits === 16 ? 256 : 1;
          ref.at.forEach((i, k) => expect(Math.abs(rgb[i]! - Math.floor(ref.values[k]! / scale))).toBeLessThanOrEqual(1));
          expect(Math.abs(mean(rgb) - ref.mean / scale)).toBeLessThan(0.6);
          // readDicom's one-pass palette → luma equals luma of the RGB above.
          const grey = readDicom(sampleBytes(row.file)).data, viaRgb = rgbToGrey(rgb, 'luma');
          for (let p = 0; p < grey.length; p += 101) expect(grey[p]).toBeCloseTo(viaRgb[p]!, 4);
        });
      }
    });
  }

  it('lossless encodings of US1 decode identically (UNCR = RLE = J2KR)', () => {
    const a = readDicom(sampleBytes('pydicom-data/US1_UNCR.dcm'));
    for (const other of ['wearemothership-dicom-test-files/US1_RLE.dcm', 'pydicom-data/US1_J2KR.dcm']) {
      expect(mismatches(readDicom(sampleBytes(other)).data, a.data)).toBe(0);
    }
  });

  it('lossy US1_J2KI stays close to the original (PSNR > 30 dB)', () => {
    const a = readDicom(sampleBytes('pydicom-data/US1_UNCR.dcm')).data;
    const b = readDicom(sampleBytes('pydicom-data/US1_J2KI.dcm'));
    let se = 0;
    for (let i = 0; i < a.length; i++) se += (a[i]! - b.data[i]!) ** 2;
    const psnr = 10 * Math.log10(255 ** 2 / (se / a.length));
    expect(psnr).toBeGreaterThan(30);
    expect(b.warnings?.some((w) => w.includes('lossy'))).toBe(true);
    // WASM decoding is deterministic: a second decode is bit-identical.
    expect(mismatches(readDicom(sampleBytes('pydicom-data/US1_J2KI.dcm')).data, b.data)).toBe(0);
  });

  it('OBXXXX1A: explicit LE = explicit BE = RLE frame 0', () => {
    const a = readDicom(sampleBytes('pydicom-data/OBXXXX1A.dcm'));
    expect(mismatches(readDicom(sampleBytes('pydicom-data/OBXXXX1A_expb.dcm')).data, a.data)).toBe(0);
    expect(mismatches(readDicom(sampleBytes('pydicom-data/OBXXXX1A_rle_2frame.dcm'), { frame: 0 }).data, a.data)).toBe(0);
  });

  it('JPEG baseline (fragmented, empty offset table) stays close to the uncompressed cine', () => {
    for (const frame of [0, 7]) {
      const a = readDicom(sampleBytes('cornerstonejs-dicomParser/IM00001.implicit_little_endian.dcm'), { frame }).data;
      const b = readDicom(sampleBytes('cornerstonejs-dicomParser/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm'), { frame }).data;
      let se = 0;
      for (let i = 0; i < a.length; i++) se += (a[i]! - b[i]!) ** 2;
      expect(10 * Math.log10(255 ** 2 / (se / a.length))).toBeGreaterThan(30);
    }
  });

  it('colour → grey is BT.601 luma by default; channels on request', () => {
    const bytes = sampleBytes('pydicom-data/US1_UNCR.dcm');
    const d = decodeFrame(parseDicom(bytes), 0).samples;
    const luma = readDicom(bytes).data, r = readDicom(bytes, { channel: 'r' }).data;
    const g = readDicom(bytes, { channel: 'g' }).data, m = readDicom(bytes, { channel: 'mean' }).data;
    for (const p of [0, 1234, 150_000, 307_199]) {
      expect(luma[p]).toBeCloseTo(0.299 * d[3 * p]! + 0.587 * d[3 * p + 1]! + 0.114 * d[3 * p + 2]!, 3);
      expect(r[p]).toBe(d[3 * p]);
      expect(g[p]).toBe(d[3 * p + 1]);
      expect(m[p]).toBeCloseTo((d[3 * p]! + d[3 * p + 1]! + d[3 * p + 2]!) / 3, 4);
    }
  });

  it('frames are selectable and out-of-range frames fail clearly', () => {
    const bytes = sampleBytes('wearemothership-dicom-test-files/US-PAL-8-10x-echo.dcm');
    const f0 = readDicom(bytes, { frame: 0 }).data, f9 = readDicom(bytes, { frame: 9 }).data;
    expect(mismatches(f0, f9)).toBeGreaterThan(1000);
    expect(() => readDicom(bytes, { frame: 10 })).toThrow(expect.objectContaining({ code: 'BAD_SETTINGS' }));
  });
});

describe.skipIf(!HAS_SHARED)('DICOM ultrasound spacing', () => {
  it('OBXXXX1A: 0.26229 mm from the calibrated B-mode region (not the Doppler strip)', () => {
    const img = readDicom(sampleBytes('pydicom-data/OBXXXX1A.dcm'));
    expect(img.spacing[0]).toBeCloseTo(0.26229, 5);
    expect(img.spacing[1]).toBeCloseTo(0.26229, 5);
    expect(img.spacingUnit).toBe('mm');
    expect(img.spacingSource).toBe('SequenceOfUltrasoundRegions');
    expect(img.meta?.usRegionUsed).toBe(0);
  });

  it('a negative PhysicalDeltaX gives a positive spacing (IM00001: 2.2938 mm)', () => {
    const img = readDicom(sampleBytes('cornerstonejs-dicomParser/IM00001.implicit_little_endian.dcm'));
    expect(img.spacing[0]).toBeCloseTo(2.2938, 4);
    expect(img.spacing[1]).toBeCloseTo(2.2938, 4);
  });

  it('the ROI point picks its region; outside every calibrated region the largest is used with a warning', () => {
    const bytes = sampleBytes('pydicom-data/gdcm-US-ALOKA-16.dcm');
    expect(readDicom(bytes, { roi: { x: 100, y: 200 } }).meta?.usRegionUsed).toBe(0);
    expect(readDicom(bytes, { roi: { x: 500, y: 200 } }).meta?.usRegionUsed).toBe(1);
    const outside = readDicom(bytes, { roi: { x: 5, y: 5 } });
    expect(outside.spacing[0]).toBeCloseTo(0.38265, 5);
    expect(outside.warnings?.some((w) => w.includes('no calibrated ultrasound region contains'))).toBe(true);
  });

  it('uncalibrated images are in pixel units with a warning', () => {
    const img = readDicom(sampleBytes('pydicom-data/US1_UNCR.dcm'));
    expect(img.spacingUnit).toBe('pixel');
    expect(img.spacingSource).toBe('none');
    expect(img.spacing).toEqual([1, 1, 1]);
    expect(img.warnings?.some((w) => w.includes('no PixelSpacing'))).toBe(true);
  });
});
