/**
 * Marching cubes (Lorensen & Cline 1987) on a binary mask at iso-level 0.5, as IBSI 1 §3.1
 * (mesh-based representation, WRJH) recommends. For a 0/1 mask every vertex is an edge
 * midpoint, so vertices are kept as doubled integer index coordinates (exact).
 *
 * The case table is derived, not typed in: on each cube face the crossing edges are paired
 * so that every inside corner arc is cut off (ambiguous faces therefore separate the two
 * inside corners, consistently for both cubes sharing the face), each pair is directed
 * entry → exit going counter-clockwise around the outward face normal, and the directed
 * segments of the six faces are chained into closed loops and fanned into triangles (apex
 * choice in fanWithLargestVolume: it reproduces the IBSI digital-phantom mesh, 556 mm³ and
 * 388 mm², where other fans give 549–554 mm³, and the CT-phantom sphericity family). Shared
 * edges are walked in opposite directions by neighbouring faces and cubes, so the mesh is
 * closed and consistently oriented (what the IBSI volume formula requires).
 */
const CORNER = (c: number): [number, number, number] => [c & 1, (c >> 1) & 1, (c >> 2) & 1];

/** 12 cube edges as [cornerA, cornerB, axis]. */
const EDGES: Array<[number, number, number]> = [];
const EDGE_OF = new Int8Array(64).fill(-1);
for (let c = 0; c < 8; c++) {
  for (let a = 0; a < 3; a++) {
    if (c & (1 << a)) continue;
    const d = c | (1 << a);
    EDGE_OF[c * 8 + d] = EDGE_OF[d * 8 + c] = EDGES.length;
    EDGES.push([c, d, a]);
  }
}

/** Six faces, each four corners counter-clockwise seen from outside the cube. */
const FACES: number[][] = [];
for (let a = 0; a < 3; a++) {
  const [u, v] = [0, 1, 2].filter((k) => k !== a) as [number, number];
  for (const s of [0, 1]) {
    const base = s << a;
    let cyc = [base, base | (1 << u), base | (1 << u) | (1 << v), base | (1 << v)];
    // (u,v) cycle normal is +e_a for a = 0, 2 and −e_a for a = 1; outward normal is ±e_a by side
    const cycleSign = a === 1 ? -1 : 1;
    const outward = s ? 1 : -1;
    if (cycleSign !== outward) cyc = cyc.reverse();
    FACES.push(cyc);
  }
}

/** Edge midpoint ×2 (cube corner coordinates 0..2). */
function edgePoint(e: number): [number, number, number] {
  const [a, b] = EDGES[e]!;
  const pa = CORNER(a), pb = CORNER(b);
  return [pa[0] + pb[0], pa[1] + pb[1], pa[2] + pb[2]];
}

/**
 * Fan triangulation of a (possibly non-planar) loop from the apex that encloses the largest
 * (sign +1) or smallest (sign −1) volume. Configurations with up to four inside corners bulge
 * outwards; those with more take the surface of their complement (as Lorensen's table shares
 * one triangulation between a case and its complement).
 */
function fanWithLargestVolume(loop: number[], sign: number): number[] {
  let best: number[] = [], bestVol = -Infinity;
  for (let r = 0; r < loop.length; r++) {
    const lp = loop.slice(r).concat(loop.slice(0, r));
    const t: number[] = [];
    let vol = 0;
    for (let i = 1; i + 1 < lp.length; i++) {
      t.push(lp[0]!, lp[i]!, lp[i + 1]!);
      const a = edgePoint(lp[0]!), b = edgePoint(lp[i]!), c = edgePoint(lp[i + 1]!);
      vol += a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
    }
    if (sign * vol > bestVol + 1e-12) { bestVol = sign * vol; best = t; }
  }
  return best;
}

function popcount(v: number): number {
  let n = 0;
  for (; v; v >>= 1) n += v & 1;
  return n;
}

function buildCase(cfg: number, joinInside: boolean): number[] {
  const inside = (c: number): boolean => ((cfg >> c) & 1) === 1;
  const next = new Int8Array(12).fill(-1);
  for (const f of FACES) {
    for (let k = 0; k < 4; k++) {
      const a = f[k]!, b = f[(k + 1) % 4]!;
      if (inside(a) || !inside(b)) continue; // not an entry
      // walk forward to the exit closing this inside arc (or, joining, the other arc's exit)
      const ambiguous = f.every((c, i) => inside(c) !== inside(f[(i + 1) % 4]!));
      for (let m = joinInside && ambiguous ? 3 : 1; m < 4; m++) {
        const p = f[(k + m) % 4]!, q = f[(k + m + 1) % 4]!;
        if (inside(p) && !inside(q)) {
          next[EDGE_OF[a * 8 + b]!] = EDGE_OF[p * 8 + q]!;
          break;
        }
      }
    }
  }
  const tris: number[] = [];
  const seen = new Uint8Array(12);
  for (let e = 0; e < 12; e++) {
    if (next[e] === -1 || seen[e]) continue;
    const loop: number[] = [];
    for (let cur = e; !seen[cur]; cur = next[cur]!) {
      seen[cur] = 1;
      loop.push(cur);
    }
    tris.push(...fanWithLargestVolume(loop, popcount(cfg) > 4 ? -1 : 1));
  }
  return tris;
}

const CASES: number[][] = Array.from({ length: 256 }, (_, cfg) => buildCase(cfg, false));

export interface Mesh {
  /** Vertex coordinates ×2 in voxel index units (x, y, z interleaved): exact integers. */
  vertices2: Int32Array;
  /** Triangles as vertex-index triples. */
  triangles: Int32Array;
}

/** Mesh of the 0.5 iso-surface of a binary mask (padded with zeros on every side). */
export function marchingCubes(size: [number, number, number], mask: Uint8Array): Mesh {
  const [X, Y, Z] = size;
  const GX = X + 2, GY = Y + 2, GZ = Z + 2;
  const vid = new Int32Array(3 * GX * GY * GZ).fill(-1);
  const verts: number[] = [];
  const tris: number[] = [];
  const at = (x: number, y: number, z: number): number =>
    x < 0 || y < 0 || z < 0 || x >= X || y >= Y || z >= Z ? 0 : mask[x + X * (y + Y * z)]!;
  const corner = new Uint8Array(8);
  const cornerPos = Array.from({ length: 8 }, (_, c) => CORNER(c));
  for (let z = -1; z < Z; z++) {
    for (let y = -1; y < Y; y++) {
      for (let x = -1; x < X; x++) {
        let cfg = 0;
        for (let c = 0; c < 8; c++) {
          const p = cornerPos[c]!;
          corner[c] = at(x + p[0], y + p[1], z + p[2]);
          cfg |= corner[c]! << c;
        }
        if (cfg === 0 || cfg === 255) continue;
        for (const e of CASES[cfg]!) {
          const [ca, , axis] = EDGES[e]!;
          const p = cornerPos[ca]!;
          const gx = x + p[0] + 1, gy = y + p[1] + 1, gz = z + p[2] + 1;
          const key = axis + 3 * (gx + GX * (gy + GY * gz));
          let v = vid[key]!;
          if (v < 0) {
            v = verts.length / 3;
            vid[key] = v;
            verts.push(2 * (x + p[0]) + (axis === 0 ? 1 : 0), 2 * (y + p[1]) + (axis === 1 ? 1 : 0), 2 * (z + p[2]) + (axis === 2 ? 1 : 0));
          }
          tris.push(v);
        }
      }
    }
  }
  return { vertices2: Int32Array.from(verts), triangles: Int32Array.from(tris) };
}

/** Mesh area (mm²) and volume (mm³, IBSI RNU0: |Σ a·(b×c)/6|) with voxel spacing applied. */
export function meshAreaVolume(mesh: Mesh, spacing: [number, number, number]): { area: number; volume: number } {
  const v = mesh.vertices2, t = mesh.triangles;
  const sx = spacing[0] / 2, sy = spacing[1] / 2, sz = spacing[2] / 2;
  let area = 0, vol = 0;
  for (let k = 0; k < t.length; k += 3) {
    const a = t[k]! * 3, b = t[k + 1]! * 3, c = t[k + 2]! * 3;
    const ax = v[a]! * sx, ay = v[a + 1]! * sy, az = v[a + 2]! * sz;
    const bx = v[b]! * sx, by = v[b + 1]! * sy, bz = v[b + 2]! * sz;
    const cx = v[c]! * sx, cy = v[c + 1]! * sy, cz = v[c + 2]! * sz;
    vol += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
    const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - ax, wy = cy - ay, wz = cz - az;
    const nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
    area += Math.sqrt(nx * nx + ny * ny + nz * nz) / 2;
  }
  return { area, volume: Math.abs(vol) / 6 };
}
