/**
 * The contract of a filter: what a filter file in registered/ exports so that the one filter
 * registry (registry.ts) can list it. Everything that needs to know about filters reads the
 * registry: the settings schema and its docs table (spec-schema.ts), `validateFilterSpec` and
 * `filterReachMm` (validate.ts), the image names in feature columns (`filterName`, spec.ts),
 * `applyFilter(s)` (apply.ts) and the methods text (report/extraction-text.ts). A new filter is
 * one new file plus one line there (docs/architecture.md, "How to add a filter").
 *
 * The filter math stays in its own file (log.ts, wavelet.ts, …); the registered file is the
 * settings side: which keys a spec takes, how they are checked and named, which math runs.
 */
import type { ObjectNode } from '../core/schema.ts';
import type { Box } from '../image/crop.ts';
import type { Image, Vec3 } from '../image/image.ts';

/** Every filter spec is plain JSON tagged by `type` (an entry of the extraction settings' `images`). */
export interface SpecBase { type: string }

export interface FilterDef<S extends SpecBase = SpecBase> {
  /** The spec's `type` ('log', 'wavelet', …), as written in settings files. */
  type: S['type'];
  /** How the methods text names it ('Laplacian of Gaussian (LoG)'). */
  title: string;
  /** True when sonomics reproduces IBSI 2 reference values for it (docs/filters.md; the methods say so). */
  ibsi2: boolean;
  /**
   * True when the filter reads voxels outside the image through a `boundary` setting whose
   * default (mirror) the methods text states; false for pointwise transforms and for filters
   * with a fixed edge rule of their own (Fourier domain, one-sided differences, zero outside).
   */
  boundaryDefault: boolean;
  /**
   * Specs the registry test runs through everything above (schema, validation, name, reach,
   * apply on a small image): the defaults and at least one with non-default settings.
   */
  examples: readonly S[];
  /** Keys besides `type` (strict validation and the docs' reference table). */
  settings: ObjectNode;
  /**
   * Value checks the schema cannot express (Laws kernel names, wavelet families, odd supports);
   * `bad` throws BAD_SETTINGS naming the spec. Runs before any pixel is touched.
   */
  validate(spec: S, bad: (what: string) => never): void;
  /**
   * The image name in feature columns (`{region}_{image}_{family}_{feature}`), e.g.
   * `log-sigma-2mm`. Distinct settings must give distinct names: defaults are left out,
   * anything else is spelled out (name-parts.ts).
   */
  name(spec: S): string;
  /**
   * How far (mm) the filtered value at a voxel depends on other voxels, so that a caller may
   * crop around the ROI with that margin and get the same values; Infinity = the whole image.
   */
  reachMm(spec: S, spacing: Vec3): number;
  /**
   * PyRadiomics' image-type name for it (`names: pyradiomics`: `log-sigma-2-0-mm-3D`,
   * `wavelet-LLH`); absent for filters PyRadiomics lacks, whose images keep their sonomics name.
   */
  pyradiomicsName?(spec: S): string;
  /**
   * The filtered values. `data` is the image's values as Float64 (not to be modified; returning
   * it unchanged is allowed); `image` gives size and spacing. `region`: the caller needs only
   * these voxels, a filter may leave the others 0 (values inside must equal the whole
   * computation's) or ignore it.
   */
  apply(data: Float64Array, image: Image, spec: S, region?: Box): Float64Array;
  /**
   * Optional: several specs of this filter at once, sharing work (2D wavelet sub-bands share
   * their first passes). Returns one entry per spec, undefined for those left to `apply`.
   */
  applyMany?(data: Float64Array, image: Image, specs: readonly S[], region?: Box): Array<Float64Array | undefined>;
}

/** The spec type a definition takes (the registry derives the FilterSpec union from it). */
export type SpecOf<D> = D extends FilterDef<infer S> ? S : never;

/** Declares a filter; `S` is its spec type, with `type` a string literal. */
export function defineFilter<S extends SpecBase>(def: FilterDef<S>): FilterDef<S> {
  return def;
}
