/**
 * PNG for a binary mask (8-bit grey, 0 outside, 255 inside) in one linear pass, for bulk synthetic
 * output. A mask is a few smooth blobs, so with the Up filter (PNG §9.2) almost every filtered byte
 * is 0 and the rest come in short runs: run-length deflate (distance-1 matches, like zlib's Z_RLE
 * strategy) in one fixed-Huffman block (RFC 1951 §3.2.6) compresses it as well as zlib level 6 at a
 * fraction of the cost of a general LZ77 search. Pure integer code: the same bytes on every platform.
 */
import { pngChunk } from '../io/png-write.ts';

/** Fixed-Huffman literal/length codes, bit-reversed for the LSB-first deflate stream (RFC 1951 §3.1.1). */
const LIT_CODE = new Uint32Array(288);
const LIT_BITS = new Uint8Array(288);
/** For a match length 3..258: length code, its extra bits and the 5-bit distance code 0 (distance 1), packed. */
const LEN_CODE = new Uint32Array(259);
const LEN_BITS = new Uint8Array(259);

(function buildTables() {
  const reverse = (code: number, bits: number) => {
    let r = 0;
    for (let i = 0; i < bits; i++) r |= ((code >>> i) & 1) << (bits - 1 - i);
    return r;
  };
  for (let s = 0; s < 288; s++) {
    const [base, first, bits] = s < 144 ? [0x30, 0, 8] : s < 256 ? [0x190, 144, 9] : s < 280 ? [0, 256, 7] : [0xc0, 280, 8];
    LIT_CODE[s] = reverse(base + s - first, bits);
    LIT_BITS[s] = bits;
  }
  // Length symbols 257..284 (RFC 1951 §3.2.5); 285 is exactly 258.
  const baseLen = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const extra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  for (let k = 0; k < baseLen.length; k++) {
    const top = k + 1 < baseLen.length - 1 ? baseLen[k + 1]! - 1 : baseLen[k]! + (1 << extra[k]!) - 1;
    for (let len = baseLen[k]!; len <= Math.min(258, top); len++) {
      const sym = 257 + k;
      // Code bits, then the extra bits (LSB first), then distance code 0 in 5 bits (all zero).
      LEN_CODE[len] = LIT_CODE[sym]! | ((len - baseLen[k]!) << LIT_BITS[sym]!);
      LEN_BITS[len] = LIT_BITS[sym]! + extra[k]! + 5;
    }
  }
})();

/** The mask (non-zero = inside) as a PNG file. */
export function encodeMaskPng(mask: Uint8Array, width: number, height: number): Uint8Array {
  const out = new BitWriter(((width + 1) * height * 9) / 8 + 64);
  out.bytes(0x78, 0x01); // zlib header: deflate, 32 K window, fastest (RFC 1950 §2.2)
  out.bits(0b011, 3); // BFINAL = 1, BTYPE = 01 (fixed Huffman)
  let a = 1, b = 0; // Adler-32 of the uncompressed scanlines (RFC 1950 §8.2), updated per run
  const ADLER = 65521;
  // Runs of equal bytes: a literal, then distance-1 matches of up to 258 bytes.
  const run = (value: number, length: number) => {
    b = (b + length * a + value * ((length * (length + 1)) / 2)) % ADLER;
    a = (a + length * value) % ADLER;
    out.literal(value);
    let left = length - 1;
    while (left >= 3) {
      const len = left > 258 ? 258 : left;
      out.bits(LEN_CODE[len]!, LEN_BITS[len]!);
      left -= len;
    }
    while (left-- > 0) out.literal(value); // 1–2 bytes too short for a match
  };
  // Only columns where this row or the one above is set can give non-zero filtered bytes: the rest
  // of every row is one run of zeros, found without visiting its pixels.
  const set = setColumns(mask, width, height);
  for (let y = 0; y < height; y++) {
    run(y === 0 ? 0 : 2, 1); // filter type: None for the first row, Up after
    let lo = set[2 * y]!, hi = set[2 * y + 1]!;
    if (y > 0 && set[2 * y - 2]! <= set[2 * y - 1]!) { lo = Math.min(lo, set[2 * y - 2]!); hi = Math.max(hi, set[2 * y - 1]!); }
    if (lo > hi) { run(0, width); continue; }
    const row = y * width, prev = row - width;
    // Filtered byte: 255·m for the first row; (255·(m − m_above)) mod 256 = 0, 255 or 1 after.
    let value = 0, length = lo;
    for (let x = lo; x <= hi; x++) {
      const m = mask[row + x] ? 1 : 0;
      const v = y === 0 ? m * 255 : (255 * (m - (mask[prev + x] ? 1 : 0))) & 255;
      if (v === value) length++;
      else {
        if (length) run(value, length);
        value = v;
        length = 1;
      }
    }
    if (value === 0) length += width - 1 - hi;
    else if (length) { run(value, length); value = 0; length = width - 1 - hi; }
    if (length) run(value, length);
  }
  out.literal(256); // end of block
  out.flush();
  out.bytes(b >>> 8, b & 255, a >>> 8, a & 255);
  const idat = out.result();

  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr[8] = 8; // bit depth; colour type 0 (grey), deflate, adaptive filtering, no interlace
  const chunks = [pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(8 + chunks.reduce((s, c) => s + c.length, 0));
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let o = 8;
  for (const c of chunks) { png.set(c, o); o += c.length; }
  return png;
}

/**
 * First and last set column of every row (first > last for an empty row). Reads 4 pixels at a time
 * where the rows allow it: most rows of a lesion mask are empty.
 */
function setColumns(mask: Uint8Array, width: number, height: number): Int32Array {
  const out = new Int32Array(2 * height);
  const words = width % 4 === 0 && mask.byteOffset % 4 === 0 ? new Uint32Array(mask.buffer, mask.byteOffset, (width * height) >> 2) : null;
  for (let y = 0; y < height; y++) {
    let lo = 0, hi = width - 1;
    if (words) {
      const w0 = (y * width) >> 2, w1 = w0 + (width >> 2);
      let a = w0, b = w1 - 1;
      while (a < w1 && words[a] === 0) a++;
      while (b > a && words[b] === 0) b--;
      lo = 4 * (a - w0);
      hi = a < w1 ? 4 * (b - w0) + 3 : -1;
    }
    while (lo <= hi && !mask[y * width + lo]) lo++;
    while (hi >= lo && !mask[y * width + hi]) hi--;
    out[2 * y] = lo < width ? lo : width;
    out[2 * y + 1] = hi;
  }
  return out;
}

class BitWriter {
  private buf: Uint8Array;
  private pos = 0;
  private acc = 0;
  private n = 0;
  constructor(capacity: number) { this.buf = new Uint8Array(Math.ceil(capacity)); }
  /** Append `count` (≤ 24) bits, least significant first. */
  bits(value: number, count: number): void {
    this.acc |= value << this.n;
    this.n += count;
    while (this.n >= 8) {
      this.buf[this.pos++] = this.acc & 255;
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  literal(v: number): void { this.bits(LIT_CODE[v]!, LIT_BITS[v]!); }
  flush(): void { if (this.n > 0) this.bits(0, 8 - this.n); }
  bytes(...b: number[]): void { for (const x of b) this.buf[this.pos++] = x; }
  result(): Uint8Array { return this.buf.slice(0, this.pos); }
}

