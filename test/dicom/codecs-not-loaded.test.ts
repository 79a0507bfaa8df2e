/**
 * Without `await loadDicomCodecs()`, JPEG-LS / JPEG 2000 files fail with a clear message
 * (the WebAssembly codecs start asynchronously); readDicomAsync loads them itself.
 * This file must not load the codecs before the first test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dicomCodecsLoaded, readDicom, readDicomAsync } from '../../src/io/dicom/index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('WebAssembly codecs not loaded', () => {
  it('says what to do, then readDicomAsync works', async () => {
    if (dicomCodecsLoaded()) return; // another file in this worker loaded them (non-isolated run)
    expect(() => readDicom(fixture('grey12_jpegls.dcm'), { name: 'x.dcm' })).toThrow(/await loadDicomCodecs\(\)/);
    const img = await readDicomAsync(fixture('grey12_jpegls.dcm'));
    expect(img.size).toEqual([64, 48, 1]);
    // Codecs without WASM need no loading.
    expect(readDicom(fixture('grey12_rle.dcm')).size).toEqual([64, 48, 1]);
  });

  it('decoding is deterministic', async () => {
    const a = await readDicomAsync(fixture('grey12_jpegls_near.dcm'));
    const b = await readDicomAsync(fixture('grey12_jpegls_near.dcm'));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});
