/**
 * Same-level neighbour bits: for every ROI voxel i of a working volume, bit k is set when the
 * neighbour i + offsets[k] (the Chebyshev-distance-1 neighbourhood, in-plane or volumetric, in
 * the order of neighbourhoodOffsets) has the same grey level.
 *
 * Why: on real images (ultrasound speckle) "has my neighbour my grey level?" is close to a coin
 * toss, and as a branch in an inner loop it is mispredicted about half the time. Zone labelling
 * (GLSZM/GLDZM, IBSI 1 §3.8–3.9), run starts and run ends (GLRLM §3.7) and dependence counts
 * (NGLDM §3.11 with δ = 1, a = 0) all ask exactly this question. The bits are computed once per
 * volume without branches and shared by those families; they then read set bits instead of
 * testing every neighbour. The counts they produce are integers, so the matrices are unchanged.
 */
import { neighbourhoodOffsets } from './directions.ts';
import type { TextureVolume } from './volume.ts';
import { perVolumeCache } from './per-volume-cache.ts';
import { textureArena } from './kernels.ts';

export interface SameLevelBits {
  /** Flat offsets of the neighbours; bit k of a voxel refers to offsets[k]. */
  offsets: Int32Array;
  /** Per voxel of the working grid (0 outside the ROI). */
  bits: Uint32Array;
}

/** The bits of volume v (8 in-plane neighbours, or 26 when volumetric), cached per volume. */
export const sameLevelBits = perVolumeCache(computeBits);

function computeBits(v: TextureVolume, volumetric: boolean): SameLevelBits {
  const offsets = neighbourhoodOffsets(1, volumetric, v.X, v.Y);
  const bits = bitsWasm(v, offsets);
  if (bits) return { offsets, bits };
  return { offsets, bits: bitsJs(v, offsets) };
}

/**
 * The bits by the WebAssembly kernel (assembly/texture.ts sameLevelBits), copied out; the kernels'
 * copy stays registered for the volume's other kernels. Null without the kernels or memory.
 */
function bitsWasm(v: TextureVolume, offsets: Int32Array): Uint32Array | null {
  const arena = textureArena();
  if (arena === null) return null;
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex), offs = arena.place(offsets);
  const at = arena.alloc(4 * v.levels.length);
  if (lv < 0 || idx < 0 || offs < 0 || at < 0) return null;
  const view = arena.i32(at, v.levels.length);
  view.fill(0);
  arena.k.sameLevelBits(lv, idx, v.nVoxels, offs, offsets.length, at);
  const bits = new Uint32Array(view.buffer.slice(at, at + 4 * v.levels.length));
  arena.adopt(bits, at);
  return bits;
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
function bitsJs(v: TextureVolume, offsets: Int32Array): Uint32Array {
  const bits = new Uint32Array(v.levels.length);
  if (offsets.length === 8) planarBits(v, offsets, bits);
  else generalBits(v, offsets, bits);
  return bits;
}

/** 8 in-plane neighbours, unrolled: +(b === a) is a flag without a branch. */
function planarBits(v: TextureVolume, o: Int32Array, bits: Uint32Array): void {
  const lv = v.levels, idx = v.roiIndex;
  const o0 = o[0]!, o1 = o[1]!, o2 = o[2]!, o3 = o[3]!, o4 = o[4]!, o5 = o[5]!, o6 = o[6]!, o7 = o[7]!;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q]!, a = lv[i]!;
    bits[i] = +(lv[i + o0] === a) | (+(lv[i + o1] === a) << 1) | (+(lv[i + o2] === a) << 2) | (+(lv[i + o3] === a) << 3)
      | (+(lv[i + o4] === a) << 4) | (+(lv[i + o5] === a) << 5) | (+(lv[i + o6] === a) << 6) | (+(lv[i + o7] === a) << 7);
  }
}

function generalBits(v: TextureVolume, o: Int32Array, bits: Uint32Array): void {
  const lv = v.levels, idx = v.roiIndex, n = o.length;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q]!, a = lv[i]!;
    let m = 0;
    for (let k = 0; k < n; k++) m |= +(lv[i + o[k]!] === a) << k;
    bits[i] = m >>> 0;
  }
}

/** Number of set bits (dependence count − 1 in the NGLDM). */
export function popcount(m: number): number {
  m = m - ((m >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Index k of the neighbour at flat offset `off` (−1 when it is not a distance-1 neighbour). */
export function bitOf(s: SameLevelBits, off: number): number {
  return s.offsets.indexOf(off);
}
