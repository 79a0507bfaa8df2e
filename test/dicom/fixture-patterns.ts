/**
 * The known pixel patterns behind test/dicom/fixtures/*.dcm. The fixtures were made once by
 * test/dicom/fixtures/make-fixtures.sh: these patterns written as uncompressed DICOM with
 * test/dicom/write-dicom.ts, then compressed by DCMTK 3.6.7 (dcmcjpls, dcmcjpeg, dcmcrle).
 * A lossless decode must give the pattern back exactly.
 */
export const W = 64, H = 48;

/** 12-bit grey ramp with texture. */
export function grey12(): Uint16Array {
  const out = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[x + W * y] = (x * 37 + y * 101 + ((x * y) % 17) * 29) % 4096;
  return out;
}

/** 8-bit RGB, interleaved, smooth enough for lossy JPEG. */
export function rgb8(): Uint8Array {
  const out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const p = 3 * (x + W * y);
    out[p] = (x * 4) & 255; out[p + 1] = (y * 5) & 255; out[p + 2] = ((x + y) * 2) & 255;
  }
  return out;
}
