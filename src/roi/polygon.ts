/**
 * A drawn outline → a mask. Vertices are in continuous pixel coordinates of a 2D grid: pixel (i, j)
 * covers [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5). A pixel is inside when its centre
 * is inside the polygon by the even-odd rule (crossing number; O'Rourke, "Computational Geometry in
 * C", §7.4), evaluated one scanline at a time: the edges crossing the row's centre line give the
 * x positions where inside/outside flips. Self-intersecting outlines follow the same rule.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, type Geometry, type Mask } from '../image/image.ts';

export type PolygonPoint = readonly [number, number];

export function polygonToMask(polygon: readonly PolygonPoint[], grid: Geometry): Mask {
  if (grid.size[2] !== 1) throw new SonomicsError('BAD_INPUT', `a drawn outline needs a 2D image, got ${grid.size.join('×')}; draw on one slice.`);
  if (polygon.length < 3) throw new SonomicsError('BAD_INPUT', `an outline needs at least 3 points, got ${polygon.length}; click more points around the lesion.`);
  if (polygon.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) throw new SonomicsError('BAD_INPUT', 'an outline point is not a finite number.');
  const [W, H] = grid.size;
  const mask = createMask(grid.size, grid.spacing, undefined, grid);
  const n = polygon.length;
  const xs: number[] = [];
  for (let j = 0; j < H; j++) {
    const yc = j + 0.5;
    xs.length = 0;
    for (let k = 0; k < n; k++) {
      const [x0, y0] = polygon[k]!;
      const [x1, y1] = polygon[(k + 1) % n]!;
      // Half-open rule (y0 <= yc < y1 or y1 <= yc < y0): a vertex on the line counts once, horizontal edges never.
      if ((y0 <= yc) !== (y1 <= yc)) xs.push(x0 + ((yc - y0) * (x1 - x0)) / (y1 - y0));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // Pixel centres i + 0.5 with xs[k] <= i + 0.5 < xs[k+1].
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(W - 1, Math.ceil(xs[k + 1]! - 0.5) - 1);
      for (let i = from; i <= to; i++) mask.data[i + W * j] = 1;
    }
  }
  return mask;
}
