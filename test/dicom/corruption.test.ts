/**
 * Damaged files never crash with a raw JavaScript error: reading a truncated or byte-flipped
 * file either succeeds or throws a SonomicsError (property test over the small fixtures).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { loadDicomCodecs, readDicom } from '../../src/io/dicom/index.ts';

const FIXTURES = ['grey12_rle.dcm', 'grey12_jpeg_lossless.dcm', 'grey12_jpegls.dcm', 'rgb8_jpeg_422.dcm', 'rgb8_jpegls_planar.dcm'];
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function outcome(bytes: Uint8Array): string {
  try {
    readDicom(bytes, { name: 'damaged.dcm' });
    return 'ok';
  } catch (e) {
    if (e instanceof SonomicsError) return e.code;
    return `raw ${(e as Error).name}: ${(e as Error).message}`;
  }
}

describe('damaged DICOM files', () => {
  beforeAll(async () => { await loadDicomCodecs(); });

  it('truncation anywhere gives a SonomicsError (or a readable image)', () => {
    for (const name of FIXTURES) {
      const b = fixture(name);
      for (let cut = 0; cut < b.length; cut += Math.max(1, Math.floor(b.length / 150))) {
        const r = outcome(b.subarray(0, cut));
        expect(r.startsWith('raw'), `${name} cut at ${cut}: ${r}`).toBe(false);
      }
    }
  });

  it('random byte changes give a SonomicsError (or an image)', () => {
    const files = FIXTURES.map(fixture);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      (which, edits) => {
        const b = files[which]!.slice();
        for (const [pos, v] of edits) b[132 + (pos % (b.length - 132))] = v;
        const r = outcome(b);
        if (r.startsWith('raw')) throw new Error(`${FIXTURES[which]} with edits ${JSON.stringify(edits)}: ${r}`);
      },
    ), { numRuns: 300, seed: 42 });
  });
});
