/**
 * Connected components of a mask (breadth-first flood fill with an explicit queue, so large
 * lesions cannot overflow the call stack). Face connectivity (4 in 2D, 6 in 3D) by default;
 * 'full' is 8 / 26.
 */
import { createMask, type Mask, type Vec3 } from './image.ts';
import { neighbourOffsets, type Connectivity } from './morphology.ts';

export interface Components {
  /** 0 outside the mask, 1..count inside; labels are numbered largest component first. */
  labels: Int32Array;
  /** Voxel count of each component: sizes[k - 1] for label k, in decreasing order. */
  sizes: number[];
}

export function connectedComponents(mask: Mask, connectivity: Connectivity = 'face'): Components {
  const { raw, sizes } = labelComponents(mask.data, mask.size, connectivity);
  // Renumber largest first (ties: first found first) so label 1 is always the largest.
  const order = sizes.map((_, k) => k).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  if (order.every((k, r) => k === r)) return { labels: raw, sizes }; // already in that order (one component, say)
  const rank = new Int32Array(sizes.length + 1);
  order.forEach((k, r) => { rank[k + 1] = r + 1; });
  const labels = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) labels[i] = rank[raw[i]!]!;
  return { labels, sizes: order.map((k) => sizes[k]!) };
}

/**
 * Components labelled 1, 2, … in the order a scan (x fastest) first meets them, with their voxel
 * counts (sizes[k − 1] for label k). The cheap core of connectedComponents, for callers that do
 * not need the largest-first numbering.
 */
export function labelComponents(data: Uint8Array, size: Vec3, connectivity: Connectivity): { raw: Int32Array; sizes: number[] } {
  const [X, Y, Z] = size;
  const n = X * Y * Z;
  // The flood fill runs on a copy framed by one voxel of zeros (in z too for 3D): every neighbour
  // of an inside voxel exists, so the fill needs no coordinates and no bound tests.
  const pz = Z > 1 ? 1 : 0;
  const PX = X + 2, PY = Y + 2, PZ = Z + 2 * pz;
  const open = new Uint8Array(PX * PY * PZ); // 1: inside and not yet labelled
  const label = new Int32Array(PX * PY * PZ);
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) {
    const row = 1 + PX * (y + 1 + PY * (z + pz));
    for (let x = 0; x < X; x++, i++) if (data[i]) open[row + x] = 1;
  }
  const step = Int32Array.from(neighbourOffsets(Z > 1, connectivity), (o) => o[0] + PX * (o[1] + PY * o[2]));
  const K = step.length;
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  // seeds in scan order (x fastest) of the original grid, so labels keep their numbering
  for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) {
    const row = 1 + PX * (y + 1 + PY * (z + pz));
    for (let x = 0; x < X; x++) {
      const s = row + x;
      if (!open[s]) continue;
      const l = sizes.length + 1;
      let head = 0, tail = 0;
      queue[tail++] = s; open[s] = 0; label[s] = l;
      while (head < tail) {
        const i = queue[head++]!;
        for (let k = 0; k < K; k++) {
          const j = i + step[k]!;
          if (open[j]) { open[j] = 0; label[j] = l; queue[tail++] = j; }
        }
      }
      sizes.push(tail);
    }
  }
  const raw = new Int32Array(n);
  if (sizes.length > 0) {
    for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) {
      const row = 1 + PX * (y + 1 + PY * (z + pz));
      for (let x = 0; x < X; x++, i++) raw[i] = label[row + x]!;
    }
  }
  return { raw, sizes };
}

/** The largest connected component only (an empty mask stays empty). */
export function largestComponent(mask: Mask, connectivity: Connectivity = 'face'): Mask {
  const { labels } = connectedComponents(mask, connectivity);
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < out.length; i++) out[i] = labels[i] === 1 ? 1 : 0;
  return createMask(mask.size, mask.spacing, out, mask);
}
