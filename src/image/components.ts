/**
 * Connected components of a mask (breadth-first flood fill with an explicit queue, so large
 * lesions cannot overflow the call stack). Face connectivity (4 in 2D, 6 in 3D) by default;
 * 'full' is 8 / 26.
 */
import { createMask, type Mask } from './image.ts';
import { neighbourOffsets, type Connectivity } from './morphology.ts';

export interface Components {
  /** 0 outside the mask, 1..count inside; labels are numbered largest component first. */
  labels: Int32Array;
  /** Voxel count of each component: sizes[k - 1] for label k, in decreasing order. */
  sizes: number[];
}

export function connectedComponents(mask: Mask, connectivity: Connectivity = 'face'): Components {
  const [X, Y, Z] = mask.size;
  const n = X * Y * Z;
  const raw = new Int32Array(n);
  const queue = new Int32Array(n);
  const offs = neighbourOffsets(Z > 1, connectivity);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!mask.data[s] || raw[s]) continue;
    const label = sizes.length + 1;
    let head = 0, tail = 0;
    queue[tail++] = s; raw[s] = label;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % X, y = Math.floor(i / X) % Y, z = Math.floor(i / (X * Y));
      for (const [dx, dy, dz] of offs) {
        const a = x + dx, b = y + dy, c = z + dz;
        if (a < 0 || b < 0 || c < 0 || a >= X || b >= Y || c >= Z) continue;
        const j = a + X * (b + Y * c);
        if (mask.data[j] && !raw[j]) { raw[j] = label; queue[tail++] = j; }
      }
    }
    sizes.push(tail);
  }
  // Renumber largest first (ties: first found first) so label 1 is always the largest.
  const order = sizes.map((_, k) => k).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(sizes.length + 1);
  order.forEach((k, r) => { rank[k + 1] = r + 1; });
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = rank[raw[i]!]!;
  return { labels, sizes: order.map((k) => sizes[k]!) };
}

/** The largest connected component only (an empty mask stays empty). */
export function largestComponent(mask: Mask, connectivity: Connectivity = 'face'): Mask {
  const { labels } = connectedComponents(mask, connectivity);
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < out.length; i++) out[i] = labels[i] === 1 ? 1 : 0;
  return createMask(mask.size, mask.spacing, out, mask);
}
