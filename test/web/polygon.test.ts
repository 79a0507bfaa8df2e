import { describe, expect, it } from 'vitest';
import { createImage, polygonToMask } from '../../src/index.ts';

const grid = createImage([10, 8, 1], [0.5, 0.5, 1]);

/** Brute-force even-odd test of one point (ray to +x), the definition the scanline version must match. */
function inside(poly: Array<[number, number]>, x: number, y: number): boolean {
  let c = false;
  for (let k = 0, m = poly.length - 1; k < poly.length; m = k++) {
    const [xi, yi] = poly[k]!, [xj, yj] = poly[m]!;
    if ((yi <= y) !== (yj <= y) && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) c = !c;
  }
  return c;
}

describe('polygonToMask', () => {
  it('fills the pixels whose centres are inside a rectangle, on the grid geometry', () => {
    const m = polygonToMask([[2, 1], [6, 1], [6, 4], [2, 4]], grid);
    expect(m.size).toEqual([10, 8, 1]);
    expect(m.spacing).toEqual([0.5, 0.5, 1]);
    const on: string[] = [];
    for (let j = 0; j < 8; j++) for (let i = 0; i < 10; i++) if (m.data[i + 10 * j]) on.push(`${i},${j}`);
    // centres x in {2.5..5.5}, y in {1.5..3.5}
    expect(on.length).toBe(4 * 3);
    expect(on[0]).toBe('2,1');
    expect(on.at(-1)).toBe('5,3');
  });

  it('matches the brute-force even-odd rule on a self-intersecting star and clips to the image', () => {
    const star: Array<[number, number]> = [[5, -2], [7.3, 9], [0.2, 2.4], [11, 2.6], [1.1, 9.5]];
    const m = polygonToMask(star, grid);
    for (let j = 0; j < 8; j++) for (let i = 0; i < 10; i++) expect(m.data[i + 10 * j], `${i},${j}`).toBe(inside(star, i + 0.5, j + 0.5) ? 1 : 0);
  });

  it('rejects outlines with fewer than 3 points or on 3D grids', () => {
    expect(() => polygonToMask([[1, 1], [2, 2]], grid)).toThrow(/at least 3 points/);
    expect(() => polygonToMask([[1, 1], [2, 2], [1, 3]], createImage([4, 4, 2]))).toThrow(/2D image/);
  });
});
