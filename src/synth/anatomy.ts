/**
 * The scene of one synthetic liver ultrasound: field of view, parenchyma (steatosis-like brightness,
 * coarseness), vessels, and a colorectal metastasis with one of the typical looks, plus the masks a
 * reader would draw (tumour, disease-free parenchyma). Output is a scatterer-amplitude map; the
 * B-mode formation (speckle, PSF, attenuation, log compression) happens in bmode.ts.
 */
import type { Random } from '../core/random.ts';
import type { ScannerProfile } from './scanners.ts';
import type { Patient } from './truth.ts';
import { coarseSmoothField, upsample } from './fields.ts';

export interface Scene {
  width: number;
  height: number;
  /** Scatterer amplitude (echogenicity) per pixel; 0 outside the field of view. */
  amplitude: Float32Array;
  /** Extra one-way transmission loss per pixel in [0, 1] (1 = none): acoustic shadows. */
  transmission: Float32Array;
  fov: Uint8Array;
  tumour: Uint8Array;
  parenchyma: Uint8Array;
  /** Depth of each pixel from the probe surface, in mm. */
  depthMm: Float32Array;
}

/** Convex probe: radius of curvature and half opening angle. */
const CONVEX_RADIUS_MM = 45;
const CONVEX_HALF_ANGLE = (36 * Math.PI) / 180;
const PARENCHYMA_RADIUS_MM = 12;
/** Vessels keep this far (plus half the tumour radius) from the tumour's outline. */
const VESSEL_CLEARANCE_MM = 8;
/** Correlation length of the tumour's internal echo variation: mottled areas of a few mm, coarser than speckle. */
const HETEROGENEITY_GRAIN_MM = 1.5;
const ANGLE_STEPS = 1024;

/** f(θ) at ANGLE_STEPS + 1 angles from −π to π (for linear interpolation by angle). */
function angleTable(f: (theta: number) => number): Float64Array {
  const t = new Float64Array(ANGLE_STEPS + 1);
  for (let k = 0; k <= ANGLE_STEPS; k++) t[k] = f(-Math.PI + (2 * Math.PI * k) / ANGLE_STEPS);
  return t;
}

export function buildScene(p: Patient, s: ScannerProfile, rng: Random): Scene {
  const W = s.width, H = s.height, n = W * H, mm = s.spacingMm;
  const { fov, depthMm, angle } = probeGeometry(s);

  // Parenchyma: steatosis brightens; coarseness widens and strengthens the tissue texture.
  const base = 1 + 0.6 * p.steatosis;
  const grain = (0.6 + 2.4 * p.coarseness) / mm;
  const textureGain = 0.1 + 0.4 * p.coarseness;
  // exp on the coarse grid, then interpolated: the field is smooth at that scale (cheaper than exp per pixel).
  const tissue = coarseSmoothField(W, H, grain, rng);
  for (let k = 0; k < tissue.data.length; k++) tissue.data[k] = base * Math.exp(textureGain * tissue.data[k]!);
  const amplitude = upsample(tissue, W, H, fov);

  // Tumour: irregular disc; halo outside its boundary belongs to the peri-tumoural zone.
  const tumour = new Uint8Array(n);
  const transmission = new Float32Array(n).fill(1);
  const radiusPx = p.diameterMm / 2 / mm;
  const centre = placeTumour(W, H, fov, depthMm, radiusPx, mm, rng);

  // Vessels: 1–3 anechoic tubes with slightly bright walls. A metastasis displaces the vessels
  // around it (they run past, not through, the tumour and its peri-tumoural zone), so the ring
  // the features read holds tumour margin and liver rather than a lumen by chance.
  const vessel = new Uint8Array(n);
  const nVessels = 1 + rng.int(3);
  const clearPx = radiusPx * 1.5 + VESSEL_CLEARANCE_MM / mm;
  for (let v = 0; v < nVessels; v++) drawVessel(amplitude, vessel, fov, W, H, mm, rng, centre, clearPx);
  const harmonics = Array.from({ length: 5 }, (_, k) => ({ k: k + 3, amp: (0.22 * p.irregularity) / (k + 1), phase: 2 * Math.PI * rng.next() }));
  const boundary = (theta: number) => 1 + harmonics.reduce((acc, h) => acc + h.amp * Math.sin(h.k * theta + h.phase), 0);
  const haloWobble = Array.from({ length: 3 }, (_, k) => ({ k: k + 2, amp: 0.25 * p.irregularity / (k + 1), phase: 2 * Math.PI * rng.next() }));
  const haloPx = (theta: number) => (p.haloMm / mm) * Math.max(0.2, 1 + haloWobble.reduce((a, h) => a + h.amp * Math.sin(h.k * theta + h.phase), 0));
  // Boundary and halo radius tabulated over the angle (linear interpolation between 1,024 steps is
  // exact to < 0.001 px for these ≤ 7th harmonics) instead of 8 sines per pixel.
  const edgeAt = angleTable((th) => radiusPx * boundary(th));
  const outerAt = angleTable((th) => radiusPx * boundary(th) + (p.haloMm > 0 ? haloPx(th) : 0));
  let reachMax = 0;
  for (let t = 0; t < outerAt.length; t++) reachMax = Math.max(reachMax, outerAt[t]!);
  const heteroGain = 0.05 + 1.0 * p.heterogeneity;
  const look = p.look;
  const interior = look === 'hypoechoic' ? 0.32 : look === 'target' ? 1.7 : look === 'hyperechoic' ? 2.1 : 1.1;
  const reach = radiusPx * 1.5 + (3 * p.haloMm) / mm + 4;
  const x0 = Math.max(0, Math.floor(centre.x - reach)), x1 = Math.min(W - 1, Math.ceil(centre.x + reach));
  const y0 = Math.max(0, Math.floor(centre.y - reach)), y1 = Math.min(H - 1, Math.ceil(centre.y + reach));
  // Internal heterogeneity field, made only over the tumour's bounding box (cheap).
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const innerBox = upsample(coarseSmoothField(bw, bh, HETEROGENEITY_GRAIN_MM / mm, rng), bw, bh);
  const calcifications: number[] = [];
  const perRadian = ANGLE_STEPS / (2 * Math.PI);
  for (let y = y0; y <= y1; y++) {
    const dy = y - centre.y;
    for (let x = x0; x <= x1; x++) {
      const i = x + W * y;
      const dx = x - centre.x;
      const r2 = dx * dx + dy * dy;
      if (r2 > reachMax * reachMax || !fov[i]) continue;
      const r = Math.sqrt(r2);
      const u = (Math.atan2(dy, dx) + Math.PI) * perRadian;
      const t = Math.min(ANGLE_STEPS - 1, u | 0), f = u - t;
      const edge = edgeAt[t]! + f * (edgeAt[t + 1]! - edgeAt[t]!);
      if (r <= edge) {
        tumour[i] = 1;
        vessel[i] = 0;
        // Target look: brighter core fading to the rim.
        const core = look === 'target' ? 1 + 0.35 * (1 - r / edge) : 1;
        amplitude[i] = interior * core * Math.exp(heteroGain * innerBox[x - x0 + bw * (y - y0)]!);
        if (look === 'calcified' && rng.next() < 0.004 && r < 0.7 * edge) calcifications.push(i);
      } else if (p.haloMm > 0 && r <= outerAt[t]! + f * (outerAt[t + 1]! - outerAt[t]!)) {
        amplitude[i] = 0.14 * Math.exp(0.15 * innerBox[x - x0 + bw * (y - y0)]!);
      }
    }
  }
  for (const i of calcifications) castCalcification(i, amplitude, transmission, angle, depthMm, fov, W, H, mm, s.probe);

  const parenchyma = placeParenchyma(W, H, fov, tumour, vessel, depthMm, centre, radiusPx, mm, rng);
  return { width: W, height: H, amplitude, transmission, fov, tumour, parenchyma, depthMm };
}

interface ProbeGeometry { fov: Uint8Array; depthMm: Float32Array; angle: Float32Array }
const geometryCache = new Map<string, ProbeGeometry>();

/**
 * Field of view, depth (mm) and beam angle of every pixel: the same for every image of one scanner,
 * so computed once per scanner profile. Callers must not modify the arrays.
 */
function probeGeometry(s: ScannerProfile): ProbeGeometry {
  const key = JSON.stringify(s);
  const cached = geometryCache.get(key);
  if (cached) return cached;
  const W = s.width, H = s.height, n = W * H, mm = s.spacingMm;
  const fov = new Uint8Array(n);
  const depthMm = new Float32Array(n);
  const angle = new Float32Array(n); // beam angle (convex) or lateral position (linear), for shadows
  const apexY = -CONVEX_RADIUS_MM / mm;
  const cx = W / 2;
  const maxDepthPx = H - 8;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = x + W * y;
      if (s.probe === 'convex') {
        const dx = x - cx, dy = y - apexY;
        const r = Math.sqrt(dx * dx + dy * dy);
        const th = Math.atan2(dx, dy);
        const depth = r + apexY; // px below the probe surface
        depthMm[i] = Math.max(0, depth) * mm;
        angle[i] = th;
        fov[i] = Math.abs(th) <= CONVEX_HALF_ANGLE && depth >= 0 && depth <= maxDepthPx ? 1 : 0;
      } else {
        depthMm[i] = y * mm;
        angle[i] = x;
        fov[i] = x >= 40 && x < W - 40 && y >= 4 && y <= maxDepthPx ? 1 : 0;
      }
    }
  }
  const g = { fov, depthMm, angle };
  geometryCache.set(key, g);
  return g;
}

function placeTumour(W: number, H: number, fov: Uint8Array, depthMm: Float32Array, rPx: number, mm: number, rng: Random): { x: number; y: number } {
  for (let attempt = 0; attempt < 200; attempt++) {
    const x = W * (0.25 + 0.5 * rng.next());
    const y = H * (0.3 + 0.4 * rng.next());
    if (insideFov(fov, W, H, x, y, rPx * 1.4 + 6 / mm)) return { x, y };
  }
  return { x: W / 2, y: H / 2 };
}

function insideFov(fov: Uint8Array, W: number, H: number, x: number, y: number, r: number): boolean {
  for (let k = 0; k < 16; k++) {
    const a = (k / 16) * 2 * Math.PI;
    const px = Math.round(x + r * Math.cos(a)), py = Math.round(y + r * Math.sin(a));
    if (px < 0 || py < 0 || px >= W || py >= H || !fov[px + W * py]) return false;
  }
  return true;
}

function drawVessel(amplitude: Float32Array, vessel: Uint8Array, fov: Uint8Array, W: number, H: number, mm: number, rng: Random,
  avoid: { x: number; y: number }, clearPx: number): void {
  const radius = (1.5 + 3 * rng.next()) / mm;
  let ax = 0, ay = 0, ang = 0, bend = 0, len = 0;
  // Up to 30 tries for a course that stays clear of the tumour; else no vessel (rare: huge tumours).
  let clear = false;
  for (let attempt = 0; attempt < 30 && !clear; attempt++) {
    ax = W * rng.next(); ay = H * (0.15 + 0.7 * rng.next());
    ang = Math.PI * rng.next();
    bend = (rng.next() - 0.5) * 0.0015;
    len = (0.25 + 0.35 * rng.next()) * Math.max(W, H);
    clear = true;
    const r = clearPx + radius;
    for (let t = -len; t <= len && clear; t += 4) {
      const cx = ax + t * Math.cos(ang), cy = ay + t * Math.sin(ang) + bend * t * t;
      if ((cx - avoid.x) ** 2 + (cy - avoid.y) ** 2 < r * r) clear = false;
    }
  }
  if (!clear) return;
  for (let t = -len; t <= len; t += Math.max(1, radius / 2)) {
    const cx = ax + t * Math.cos(ang), cy = ay + t * Math.sin(ang) + bend * t * t;
    if (cx < -radius || cy < -radius || cx > W + radius || cy > H + radius) continue;
    const r1 = radius + 0.6 / mm;
    for (let y = Math.max(0, Math.floor(cy - r1)); y <= Math.min(H - 1, Math.ceil(cy + r1)); y++) {
      for (let x = Math.max(0, Math.floor(cx - r1)); x <= Math.min(W - 1, Math.ceil(cx + r1)); x++) {
        const i = x + W * y;
        if (!fov[i]) continue;
        const d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        if (d2 <= radius * radius) { amplitude[i] = 0.03; vessel[i] = 1; }
        else if (d2 <= r1 * r1 && !vessel[i]) amplitude[i] = Math.max(amplitude[i]!, 1.9);
      }
    }
  }
}

/** A bright calcification and the acoustic shadow behind it (along the beam). */
function castCalcification(i: number, amplitude: Float32Array, transmission: Float32Array, angle: Float32Array, depthMm: Float32Array,
  fov: Uint8Array, W: number, H: number, mm: number, probe: 'convex' | 'linear'): void {
  const x = i % W, y = (i - x) / W;
  const r = 0.8 / mm;
  for (let yy = Math.max(0, Math.floor(y - r)); yy <= Math.min(H - 1, Math.ceil(y + r)); yy++)
    for (let xx = Math.max(0, Math.floor(x - r)); xx <= Math.min(W - 1, Math.ceil(x + r)); xx++)
      if ((xx - x) ** 2 + (yy - y) ** 2 <= r * r && fov[xx + W * yy]) amplitude[xx + W * yy] = 5;
  const a0 = angle[i]!, d0 = depthMm[i]!;
  const halfWidth = probe === 'convex' ? (0.8 / Math.max(10, d0 + 45)) : r;
  // The shadow's columns in each row: angles a0 ± halfWidth from the apex (convex; the angle is
  // atan2(dx, dy) from the apex, see probeGeometry) or columns a0 ± r (linear), ±1 px of slack;
  // the exact angle test below decides.
  const apexY = -CONVEX_RADIUS_MM / mm, cx = W / 2;
  const tanLo = Math.tan(a0 - halfWidth), tanHi = Math.tan(a0 + halfWidth);
  for (let yy = y; yy < H; yy++) {
    const lo = probe === 'convex' ? cx + (yy - apexY) * tanLo : a0 - halfWidth;
    const hi = probe === 'convex' ? cx + (yy - apexY) * tanHi : a0 + halfWidth;
    for (let xx = Math.max(0, x - 80, Math.floor(lo) - 1); xx <= Math.min(W - 1, x + 80, Math.ceil(hi) + 1); xx++) {
      const j = xx + W * yy;
      if (!fov[j] || depthMm[j]! <= d0 + 1) continue;
      if (Math.abs(angle[j]! - a0) <= halfWidth) transmission[j] = Math.min(transmission[j]!, 0.2);
    }
  }
}

function nearVessel(vessel: Uint8Array, W: number, H: number, cx: number, cy: number, r: number): boolean {
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(H - 1, Math.ceil(cy + r)); y += 2)
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(W - 1, Math.ceil(cx + r)); x += 2)
      if (vessel[x + W * y] && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  return false;
}

function placeParenchyma(W: number, H: number, fov: Uint8Array, tumour: Uint8Array, vessel: Uint8Array, depthMm: Float32Array,
  centre: { x: number; y: number }, tumourRadiusPx: number, mm: number, rng: Random): Uint8Array {
  const r = PARENCHYMA_RADIUS_MM / mm;
  const keepAway = tumourRadiusPx * 1.4 + 15 / mm + r;
  let best: { x: number; y: number } | null = null;
  for (let attempt = 0; attempt < 400 && !best; attempt++) {
    const x = W * (0.2 + 0.6 * rng.next()), y = H * (0.25 + 0.55 * rng.next());
    if (Math.hypot(x - centre.x, y - centre.y) < keepAway) continue;
    if (!insideFov(fov, W, H, x, y, r + 2)) continue;
    // Disease-free parenchyma is drawn away from vessels (and their bright walls).
    if (attempt < 300 && nearVessel(vessel, W, H, x, y, r + 1.5 / mm)) continue;
    best = { x, y };
  }
  best ??= { x: W / 2, y: H * 0.8 };
  const out = new Uint8Array(W * H);
  for (let y = Math.max(0, Math.floor(best.y - r)); y <= Math.min(H - 1, Math.ceil(best.y + r)); y++)
    for (let x = Math.max(0, Math.floor(best.x - r)); x <= Math.min(W - 1, Math.ceil(best.x + r)); x++) {
      const i = x + W * y;
      if (Math.hypot(x - best.x, y - best.y) <= r && fov[i] && !tumour[i] && !vessel[i]) out[i] = 1;
    }
  void depthMm;
  return out;
}
