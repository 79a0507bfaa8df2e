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
  const raw = new Int32Array(n);
  const queue = new Int32Array(n);
  const offs = neighbourOffsets(Z > 1, connectivity);
  const K = offs.length;
  const dx = Int32Array.from(offs, (o) => o[0]), dy = Int32Array.from(offs, (o) => o[1]), dz = Int32Array.from(offs, (o) => o[2]);
  const step = Int32Array.from(offs, (o) => o[0] + X * (o[1] + Y * o[2]));
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!data[s] || raw[s]) continue;
    const label = sizes.length + 1;
    let head = 0, tail = 0;
    queue[tail++] = s; raw[s] = label;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % X, row = (i - x) / X, y = row % Y, z = (row - y) / Y;
      // Away from the grid's faces every neighbour exists: no bound tests (most voxels).
      const interior = x > 0 && x < X - 1 && y > 0 && y < Y - 1 && (Z === 1 || (z > 0 && z < Z - 1));
      for (let k = 0; k < K; k++) {
        // Unsigned compare: a negative coordinate wraps to a huge number and fails too.
        if (!interior && ((x + dx[k]!) >>> 0 >= X || (y + dy[k]!) >>> 0 >= Y || (z + dz[k]!) >>> 0 >= Z)) continue;
        const j = i + step[k]!;
        if (data[j] && !raw[j]) { raw[j] = label; queue[tail++] = j; }
      }
    }
    sizes.push(tail);
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
