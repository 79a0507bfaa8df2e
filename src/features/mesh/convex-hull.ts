/**
 * 3D convex hull of integer points (incremental construction with horizon edges, as in
 * quickhull's face update step: Barber, Dobkin & Huhdanpaa 1996). Predicates are exact
 * because the mesh vertices are small integers (doubled voxel indices). Points are first
 * thinned to the x-extremes of each (y, z) line: any other point lies between two points of
 * its line and cannot be a hull vertex.
 */
export interface Hull {
  /** Hull triangles as indices into `points` (outward orientation). */
  triangles: number[];
}

export function extremePoints(pts: Int32Array): number[] {
  const lo = new Map<number, number>(), hi = new Map<number, number>();
  for (let i = 0; i < pts.length / 3; i++) {
    const key = pts[3 * i + 1]! * 1048576 + pts[3 * i + 2]!;
    const l = lo.get(key);
    if (l === undefined || pts[3 * l]! > pts[3 * i]!) lo.set(key, i);
    const h = hi.get(key);
    if (h === undefined || pts[3 * h]! < pts[3 * i]!) hi.set(key, i);
  }
  return [...new Set([...lo.values(), ...hi.values()])];
}

/** Convex hull of the given point indices; null when the points are coplanar. */
export function convexHull(pts: Int32Array, candidates: number[]): Hull | null {
  const P = (i: number, k: number): number => pts[3 * i + k]!;
  const orient = (a: number, b: number, c: number, d: number): number => {
    const ax = P(a, 0) - P(d, 0), ay = P(a, 1) - P(d, 1), az = P(a, 2) - P(d, 2);
    const bx = P(b, 0) - P(d, 0), by = P(b, 1) - P(d, 1), bz = P(b, 2) - P(d, 2);
    const cx = P(c, 0) - P(d, 0), cy = P(c, 1) - P(d, 1), cz = P(c, 2) - P(d, 2);
    return ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  };
  // initial tetrahedron: extreme x, farthest from it, farthest from that line, farthest from that plane
  const c = candidates;
  if (c.length < 4) return null;
  let i0 = c[0]!, i1 = c[0]!;
  for (const i of c) { if (P(i, 0) < P(i0, 0)) i0 = i; if (P(i, 0) > P(i1, 0)) i1 = i; }
  if (i0 === i1) {
    for (const i of c) if (i !== i0) { i1 = i; break; }
  }
  let i2 = -1, best = 0;
  for (const i of c) {
    const ux = P(i1, 0) - P(i0, 0), uy = P(i1, 1) - P(i0, 1), uz = P(i1, 2) - P(i0, 2);
    const wx = P(i, 0) - P(i0, 0), wy = P(i, 1) - P(i0, 1), wz = P(i, 2) - P(i0, 2);
    const cr = (uy * wz - uz * wy) ** 2 + (uz * wx - ux * wz) ** 2 + (ux * wy - uy * wx) ** 2;
    if (cr > best) { best = cr; i2 = i; }
  }
  if (i2 < 0) return null;
  let i3 = -1; best = 0;
  for (const i of c) {
    const o = Math.abs(orient(i0, i1, i2, i));
    if (o > best) { best = o; i3 = i; }
  }
  if (i3 < 0) return null;
  // faces stored with outward orientation: orient(a,b,c,p) > 0 ⇔ p sees face (a,b,c)
  const fa: number[] = [], fb: number[] = [], fc: number[] = [], alive: boolean[] = [];
  // outward plane n·x = d per face (exact integers): p sees the face ⇔ n·p > d
  const fnx: number[] = [], fny: number[] = [], fnz: number[] = [], fd: number[] = [];
  const addFace = (a: number, b: number, cc: number): void => {
    fa.push(a); fb.push(b); fc.push(cc); alive.push(true);
    const ux = P(b, 0) - P(a, 0), uy = P(b, 1) - P(a, 1), uz = P(b, 2) - P(a, 2);
    const vx = P(cc, 0) - P(a, 0), vy = P(cc, 1) - P(a, 1), vz = P(cc, 2) - P(a, 2);
    // orient(a,b,c,p) = (a−p)·((b−p)×(c−p)) = −(p−a)·((b−a)×(c−a))... so the outward normal is −(u×v)
    const nx = -(uy * vz - uz * vy), ny = -(uz * vx - ux * vz), nz = -(ux * vy - uy * vx);
    fnx.push(nx); fny.push(ny); fnz.push(nz); fd.push(nx * P(a, 0) + ny * P(a, 1) + nz * P(a, 2));
  };
  const tet = [i0, i1, i2, i3];
  for (const [a, b, cc, d] of [[0, 1, 2, 3], [0, 1, 3, 2], [0, 2, 3, 1], [1, 2, 3, 0]] as const) {
    // orient so that the opposite vertex d is behind the face
    if (orient(tet[a]!, tet[b]!, tet[cc]!, tet[d]!) > 0) addFace(tet[a]!, tet[cc]!, tet[b]!);
    else addFace(tet[a]!, tet[b]!, tet[cc]!);
  }
  const used = new Set(tet);
  const N = pts.length / 3 + 1;
  let live: number[] = [0, 1, 2, 3];
  for (const p of c) {
    if (used.has(p)) continue;
    const visible: number[] = [];
    const px = P(p, 0), py = P(p, 1), pz = P(p, 2);
    for (const f of live) if (fnx[f]! * px + fny[f]! * py + fnz[f]! * pz > fd[f]!) visible.push(f);
    if (visible.length === 0) continue;
    const edges = new Set<number>();
    for (const f of visible) {
      alive[f] = false;
      edges.add(fa[f]! * N + fb[f]!); edges.add(fb[f]! * N + fc[f]!); edges.add(fc[f]! * N + fa[f]!);
    }
    const next: number[] = [];
    for (const f of live) if (alive[f]) next.push(f);
    for (const f of visible) {
      for (const [a, b] of [[fa[f]!, fb[f]!], [fb[f]!, fc[f]!], [fc[f]!, fa[f]!]] as const) {
        if (edges.has(b * N + a)) continue; // interior edge of the visible region
        next.push(fa.length);
        addFace(a, b, p);
      }
    }
    live = next;
  }
  const triangles: number[] = [];
  for (const f of live) triangles.push(fa[f]!, fb[f]!, fc[f]!);
  return { triangles };
}
