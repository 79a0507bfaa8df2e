/**
 * The schema of one filter spec (an entry of the extraction settings' `images`): which keys each
 * filter type takes, for strict validation and the docs' reference table. Value checks that need
 * the filters themselves (Laws kernel names, wavelet families, sub-bands) stay in validate.ts.
 */
import { s, type Field, type ObjectNode } from '../core/schema.ts';
import { BOUNDARY_MODES } from './boundary.ts';

const boundary: Record<string, Field> = {
  boundary: s.field(s.oneOf(BOUNDARY_MODES), 'boundary condition (IBSI 2)', { docDefault: '`mirror`' }),
};
const dims = s.field(s.oneOf(['2D', '3D']), 'filter in-plane (2D) or volumetrically (3D)', { docDefault: '`3D`' });
const pooling = s.field(s.oneOf(['mean', 'max', 'min']), 'pooling over rotations');
const rotationInvariant = s.field(s.bool(), 'pool the responses over rotations', { docDefault: '`false`' });
const sigmaMm = s.field(s.num({ gt: 0 }), 'Gaussian scale σ in mm', { required: true });
const truncate = s.field(s.num({ gt: 0 }), 'kernel half-width in σ', { docDefault: '`4`' });
const none = s.obj({});

export const FILTER_SPEC_VARIANTS: Record<string, ObjectNode> = {
  original: none,
  mean: s.obj({ support: s.field(s.int({ min: 1 }), 'odd support in voxels, e.g. 5', { required: true }), dims, ...boundary }),
  gaussian: s.obj({ sigmaMm, truncate, dims, ...boundary }),
  log: s.obj({ sigmaMm, truncate, dims, ...boundary }),
  laws: s.obj({
    kernels: s.field(s.str(), "one kernel per axis, x first: 'L5E5' (2D) or 'E5L5S5' (3D)", { required: true }),
    rotationInvariant, pooling,
    energyDelta: s.field(s.int({ min: 0 }), 'energy map half-width δ in voxels (omit for the plain response)'),
    ...boundary,
  }),
  gabor: s.obj({
    sigmaMm,
    gamma: s.field(s.num({ gt: 0 }), 'spatial aspect ratio γ', { required: true }),
    lambdaMm: s.field(s.num({ gt: 0 }), 'wavelength λ in mm', { required: true }),
    thetaDeg: s.field(s.num(), 'first orientation (degrees)', { docDefault: '`0`' }),
    thetaStepDeg: s.field(s.num({ gt: 0 }), 'orientation step (degrees); omit for one orientation'),
    planes: s.field(s.oneOf(['axial', 'orthogonal']), 'axial (2D) or axial + coronal + sagittal', { docDefault: '`axial`' }),
    response: s.field(s.oneOf(['modulus', 'real', 'imaginary', 'phase']), 'which part of the complex response', { docDefault: '`modulus`' }),
    pooling,
    truncate: s.field(s.num({ min: 0 }), 'kernel half-width in σ (0 = whole plane)', { docDefault: '`4`' }),
    ...boundary,
  }),
  wavelet: s.obj({
    family: s.field(s.str(), 'haar, db1..db6, coif1..coif3', { required: true }),
    subband: s.field(s.str(), "one letter per axis, x first: 'LH' (2D) or 'LLH' (3D)", { required: true }),
    level: s.field(s.int({ min: 1, max: 4 }), 'decomposition level', { docDefault: '`1`' }),
    rotationInvariant, pooling, ...boundary,
  }),
  simoncelli: s.obj({ level: s.field(s.int({ min: 1, max: 6 }), 'decomposition level', { docDefault: '`1`' }), dims }),
  square: none,
  squareroot: none,
  logarithm: none,
  exponential: none,
  gradient: s.obj({ dims }),
  lbp2d: s.obj({
    radius: s.field(s.num({ gt: 0 }), 'radius in pixels', { docDefault: '`1`' }),
    samples: s.field(s.int({ min: 2, max: 32 }), 'number of samples on the circle', { docDefault: '`8`' }),
  }),
};

export const FILTER_SPEC_SCHEMA = s.tagged('type', FILTER_SPEC_VARIANTS);
