/** Gabor filter, pooled over orientations and planes (IBSI 2 §2.8; math in ../gabor.ts). */
import { SonomicsError } from '../../core/errors.ts';
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { gaborFilter, type ComplexResponse } from '../gabor.ts';
import { boundarySuffix, num } from '../name-parts.ts';
import { boundaryField, DEFAULT_BOUNDARY, poolingField, positive, sigmaMmField, type BoundarySetting, type Pooling } from '../settings-fields.ts';

export interface GaborSpec extends BoundarySetting {
  type: 'gabor';
  sigmaMm: number;
  gamma: number;
  lambdaMm: number;
  /** First orientation (degrees), default 0. */
  thetaDeg?: number;
  /** Orientation step (degrees): pool θ, θ+step, … < 360. Omit for a single orientation. */
  thetaStepDeg?: number;
  /** 'axial' (2D, default) or 'orthogonal' (axial + coronal + sagittal, 3D rotation invariance). */
  planes?: 'axial' | 'orthogonal';
  response?: ComplexResponse;
  pooling?: Pooling;
  /** Kernel half-width in σ along the envelope's long axis (default 4); 0 = whole plane. */
  truncate?: number;
}

const DEFAULT_TRUNCATE = 4;

/** Orientation list θ0, θ0+step, … below θ0+360 (or just θ0). */
export function gaborThetas(thetaDeg = 0, stepDeg?: number): number[] {
  if (!stepDeg) return [thetaDeg];
  if (!(stepDeg > 0)) throw new SonomicsError('BAD_SETTINGS', `Gabor thetaStepDeg must be > 0 (got ${stepDeg})`);
  const out: number[] = [];
  for (let t = 0; t < 360 - 1e-9; t += stepDeg) out.push(thetaDeg + t);
  return out;
}

export const GABOR_FILTER = defineFilter<GaborSpec>({
  type: 'gabor',
  title: 'Gabor filter',
  ibsi2: true,
  boundaryDefault: true,
  examples: [{ type: 'gabor', sigmaMm: 2, gamma: 1.5, lambdaMm: 3 }, { type: 'gabor', sigmaMm: 1, gamma: 0.5, lambdaMm: 2, thetaDeg: 30, thetaStepDeg: 90, planes: 'orthogonal', response: 'real', pooling: 'max', truncate: 3, boundary: 'nearest' }],
  settings: s.obj({
    sigmaMm: sigmaMmField,
    gamma: s.field(s.num({ gt: 0 }), 'spatial aspect ratio γ', { required: true }),
    lambdaMm: s.field(s.num({ gt: 0 }), 'wavelength λ in mm', { required: true }),
    thetaDeg: s.field(s.num(), 'first orientation (degrees)', { docDefault: '`0`' }),
    thetaStepDeg: s.field(s.num({ gt: 0 }), 'orientation step (degrees); omit for one orientation'),
    planes: s.field(s.oneOf(['axial', 'orthogonal']), 'axial (2D) or axial + coronal + sagittal', { docDefault: '`axial`' }),
    response: s.field(s.oneOf(['modulus', 'real', 'imaginary', 'phase']), 'which part of the complex response', { docDefault: '`modulus`' }),
    pooling: poolingField,
    truncate: s.field(s.num({ min: 0 }), 'kernel half-width in σ (0 = whole plane)', { docDefault: '`4`' }),
    ...boundaryField,
  }),
  validate(spec, bad) {
    if (!positive(spec.sigmaMm) || !positive(spec.lambdaMm) || !positive(spec.gamma)) bad('sigmaMm, lambdaMm and gamma must be > 0');
    if (spec.thetaStepDeg !== undefined && !positive(spec.thetaStepDeg)) bad('thetaStepDeg must be > 0 (degrees)');
    if (spec.truncate !== undefined && !(typeof spec.truncate === 'number' && spec.truncate >= 0)) bad('truncate must be ≥ 0 (0 = whole plane)');
    if (spec.planes !== undefined && spec.planes !== 'axial' && spec.planes !== 'orthogonal') bad(`planes must be 'axial' or 'orthogonal'`);
    if (spec.response !== undefined && !['modulus', 'real', 'imaginary', 'phase'].includes(spec.response)) bad('response must be modulus, real, imaginary or phase');
  },
  name(spec) {
    let n = `gabor-s${num(spec.sigmaMm)}-g${num(spec.gamma)}-l${num(spec.lambdaMm)}`;
    n += spec.thetaStepDeg ? `-tstep${num(spec.thetaStepDeg)}${spec.thetaDeg ? `-t${num(spec.thetaDeg)}` : ''}` : `-t${num(spec.thetaDeg ?? 0)}`;
    if (spec.planes === 'orthogonal') n += '-3d';
    if (spec.response && spec.response !== 'modulus') n += `-${spec.response}`;
    if (spec.pooling && spec.pooling !== 'mean') n += `-${spec.pooling}`;
    if (spec.truncate !== undefined && spec.truncate !== DEFAULT_TRUNCATE) n += spec.truncate === 0 ? '-fullplane' : `-trunc${num(spec.truncate)}`;
    return n + boundarySuffix(spec);
  },
  reachMm(spec, spacing) {
    // The envelope's long axis is σ/γ when γ < 1; a whole-plane kernel reaches everything.
    const t = spec.truncate ?? DEFAULT_TRUNCATE;
    return t > 0 ? t * spec.sigmaMm * Math.max(1, 1 / spec.gamma) + Math.max(...spacing) : Infinity;
  },
  apply: (data, { size, spacing }, spec) =>
    gaborFilter(data, size, spacing, {
      sigmaMm: spec.sigmaMm,
      gamma: spec.gamma,
      lambdaMm: spec.lambdaMm,
      thetasDeg: gaborThetas(spec.thetaDeg, spec.thetaStepDeg),
      planes: spec.planes ?? 'axial',
      response: spec.response ?? 'modulus',
      pooling: spec.pooling ?? 'mean',
      mode: spec.boundary ?? DEFAULT_BOUNDARY,
      truncate: spec.truncate ?? DEFAULT_TRUNCATE,
    }),
});
