/** Pieces of the image names in feature columns (filterName), shared by the filter files. */
import type { BoundarySetting } from './settings-fields.ts';
import type { Dims } from './volume.ts';

/** 1.5 → "1.5", 2 → "2": feature names stay lower snake/kebab case without exponent forms. */
export function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Suffix for a boundary other than the default mirror, which is usually left as it is. */
export function boundarySuffix(spec: BoundarySetting): string {
  return spec.boundary && spec.boundary !== 'mirror' ? `-b${spec.boundary}` : '';
}

/** PyRadiomics' float formatting in image names: str(2.0) = '2.0' → '2-0', 1.5 → '1-5'. */
export function pyFloat(x: number): string {
  return (Number.isInteger(x) ? x.toFixed(1) : String(x)).replace('.', '-');
}

/** "-2d" for a filter asked to work in-plane; 3D is the default. */
export function dimsSuffix(dims: Dims | undefined): string {
  return dims === '2D' ? '-2d' : '';
}
