/**
 * Connected components of a mask (union–find on runs along x: no recursion, so large lesions
 * cannot overflow the call stack). Face connectivity (4 in 2D, 6 in 3D) by default;
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
 *
 * Works on runs (maximal stretches of inside voxels along x) rather than voxels: each run is
 * joined (union–find) with the touching runs of the rows before it, which for lesion-like masks
 * is a few operations per row instead of a neighbour test per voxel and direction. Runs are
 * numbered in scan order and a component's root is its lowest-numbered run, so a component is
 * labelled when the scan meets its first run: the order a flood fill from a scan would give.
 */
export function labelComponents(data: Uint8Array, size: Vec3, connectivity: Connectivity): { raw: Int32Array; sizes: number[] } {
  const [X, Y, Z] = size;
  const n = X * Y * Z, rowsN = Y * Z;
  const maxRuns = rowsN * ((X + 1) >> 1);
  const start = new Int32Array(maxRuns), end = new Int32Array(maxRuns), parent = new Int32Array(maxRuns);
  const rowRuns = new Int32Array(rowsN + 1); // runs of row r: rowRuns[r] .. rowRuns[r + 1] − 1
  // Rows already scanned that a run can touch: (dy, dz) before the current row, with the x
  // offsets they allow (a run [s, e] touches [s', e'] there when s' ≤ e + hi and e' ≥ s + lo).
  const groups = new Map<string, { dy: number; dz: number; lo: number; hi: number }>();
  for (const [dx, dy, dz] of neighbourOffsets(Z > 1, connectivity)) {
    if (dz > 0 || (dz === 0 && dy >= 0)) continue;
    const g = groups.get(`${dy},${dz}`);
    if (g) { g.lo = Math.min(g.lo, dx); g.hi = Math.max(g.hi, dx); } else groups.set(`${dy},${dz}`, { dy, dz, lo: dx, hi: dx });
  }
  const before = [...groups.values()];
  const find = (u: number): number => {
    while (parent[u] !== u) { parent[u] = parent[parent[u]!]!; u = parent[u]!; }
    return u;
  };
  let runs = 0;
  for (let z = 0, r = 0; z < Z; z++) for (let y = 0; y < Y; y++, r++) {
    rowRuns[r] = runs;
    const row = X * r;
    for (let x = 0; x < X; x++) {
      if (!data[row + x]) continue;
      const s = x;
      while (x + 1 < X && data[row + x + 1]) x++;
      start[runs] = s; end[runs] = x; parent[runs] = runs;
      for (const g of before) {
        const yy = y + g.dy, zz = z + g.dz;
        if (yy < 0 || yy >= Y || zz < 0) continue;
        const rr = yy + Y * zz;
        for (let v = rowRuns[rr]!, last = rowRuns[rr + 1]!; v < last; v++) {
          if (start[v]! > x + g.hi) break; // runs of a row are in x order
          if (end[v]! < s + g.lo) continue;
          const a = find(v), b = find(runs);
          if (a < b) parent[b] = a; else if (b < a) parent[a] = b;
        }
      }
      runs++;
    }
  }
  rowRuns[rowsN] = runs;
  const raw = new Int32Array(n);
  const sizes: number[] = [];
  const label = new Int32Array(runs);
  for (let r = 0; r < rowsN; r++) {
    for (let u = rowRuns[r]!; u < rowRuns[r + 1]!; u++) {
      const root = find(u);
      if (root === u) { sizes.push(0); label[u] = sizes.length; }
      const l = label[root]!;
      sizes[l - 1]! += end[u]! - start[u]! + 1;
      raw.fill(l, X * r + start[u]!, X * r + end[u]! + 1);
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
