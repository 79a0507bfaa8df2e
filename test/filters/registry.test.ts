// The one filter registry (src/filters/registry.ts) drives the settings schema, validation, the
// image names, the reach, applyFilter(s) and the methods text. Every registered filter is run
// through all of them with its own examples, and a filter type that is not registered (a typo,
// a renamed or removed filter) fails loudly wherever a spec enters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../src/core/schema.ts';
import { Random } from '../../src/core/random.ts';
import { createImage, type Image, type Vec3 } from '../../src/image/image.ts';
import { pyradiomicsImageName } from '../../src/extract/pyradiomics-params.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import {
  applyFilter, applyFilters, filterData, filterName, filterReachMm, FILTERS, FILTER_TYPES, findFilter,
  validateFilterSpec, type FilterSpec,
} from '../../src/filters/index.ts';
import { IBSI2_PHASE1, IBSI2_PHASE2_2D, IBSI2_PHASE2_3D } from '../../src/filters/ibsi2-configs.ts';
import { FILTER_SPEC_SCHEMA, FILTER_SPEC_VARIANTS } from '../../src/filters/spec-schema.ts';
import { describeFilter, filterTitle, isIbsi2Filter } from '../../src/report/extraction-text.ts';

/** A random volume (odd sides, so there is a centre voxel). */
function volume(n: number, seed = 11): Image {
  const rng = new Random(seed);
  const d = new Float32Array(n * n * n);
  for (let i = 0; i < d.length; i++) d[i] = Math.round(200 * rng.next()) - 50;
  return createImage([n, n, n], [1, 1, 1], d);
}

/** The n³ block of `img` (side N) centred on its centre voxel. */
function centreCrop(img: Image, n: number): Image {
  const N = img.size[0], o = (N - n) / 2;
  const d = new Float32Array(n * n * n);
  for (let z = 0; z < n; z++) for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) d[x + n * (y + n * z)] = img.data[(x + o) + N * ((y + o) + N * (z + o))]!;
  return createImage([n, n, n], img.spacing, d);
}

const EXAMPLES = FILTERS.flatMap((f) => f.examples.map((spec) => ({ def: f, spec: spec as FilterSpec })));
const label = (spec: FilterSpec) => JSON.stringify(spec);

describe('filter registry', () => {
  it('registers each type once, with its schema variant, a title and examples of its own type', () => {
    expect(new Set(FILTER_TYPES).size).toBe(FILTER_TYPES.length);
    expect(Object.keys(FILTER_SPEC_VARIANTS)).toEqual([...FILTER_TYPES]);
    for (const f of FILTERS) {
      expect(f.type, f.type).toMatch(/^[a-z][a-z0-9]*$/);
      expect(f.title.length, f.type).toBeGreaterThan(0);
      expect(f.examples.length, f.type).toBeGreaterThan(0);
      for (const e of f.examples) expect(e.type).toBe(f.type);
      expect(findFilter(f.type)).toBe(f);
    }
  });

  it('every example passes the settings schema, the value checks and the extraction settings', () => {
    for (const { spec } of EXAMPLES) {
      expect(checkSchema(FILTER_SPEC_SCHEMA, spec).problems, label(spec)).toEqual([]);
      expect(() => validateFilterSpec(spec), label(spec)).not.toThrow();
    }
    const s = resolveExtractionSettings({ images: EXAMPLES.map((e) => e.spec) });
    expect(s.images.map((i) => i.type)).toEqual(EXAMPLES.map((e) => e.spec.type));
  });

  it('every example gets its own image name, and the methods text describes it with its filter title', () => {
    const names = EXAMPLES.map((e) => filterName(e.spec));
    expect(new Set(names).size, names.join(' ')).toBe(names.length);
    for (const { def, spec } of EXAMPLES) {
      const name = filterName(spec);
      expect(name, label(spec)).toMatch(/^[a-z][a-zA-Z0-9.-]*$/);
      expect(filterTitle(spec)).toBe(def.title);
      expect(describeFilter(spec), label(spec)).toContain(`${def.title}`);
      expect(describeFilter(spec), label(spec)).toContain(`"${name}"`);
      // PyRadiomics' variants (convention 'pyradiomics', issue #16) compute something else than IBSI 2
      expect(isIbsi2Filter(spec)).toBe(def.ibsi2 && (spec as { convention?: string }).convention !== 'pyradiomics');
      // names: pyradiomics — PyRadiomics' image-type name where PyRadiomics has the filter, else ours
      const py = pyradiomicsImageName(spec, name);
      if (def.pyradiomicsName) expect(py, label(spec)).toMatch(/^(original|log-sigma-\d+-\d+-mm-3D|wavelet\d*-[LH]{2,3}|square|squareroot|logarithm|exponential|gradient|lbp-2D)$/);
      else expect(py).toBe(name);
    }
  });

  it('docs/filters.md lists every registered filter type', () => {
    const doc = readFileSync(new URL('../../docs/filters.md', import.meta.url), 'utf8');
    for (const t of FILTER_TYPES) expect(doc, t).toContain(`\`${t}\``);
  });

  it('every example filters a volume: finite values, same size, byte-identical on a second run', () => {
    const img = volume(9);
    for (const { spec } of EXAMPLES) {
      const a = filterData(img, spec), b = filterData(img, spec);
      expect(a.length, label(spec)).toBe(img.data.length);
      expect(a.every(Number.isFinite), label(spec)).toBe(true);
      expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer)), label(spec)).toBe(true);
      const out = applyFilter(img, spec);
      expect(out.size).toEqual(img.size);
      expect(out.spacing).toEqual(img.spacing);
    }
  });

  it('applyFilters (with the work filters share) gives what applyFilter gives, for all examples in one plan', () => {
    const img = createImage([11, 11, 1], [0.5, 0.5, 1], volume(11).data.slice(0, 121));
    const specs = EXAMPLES.map((e) => e.spec).filter((s) => !(s.type === 'wavelet' && s.subband.length === 3) && !(s.type === 'laws' && s.kernels.length === 6));
    // 2D sub-bands of one family, level and boundary share passes: add a sibling so the sharing runs.
    specs.push({ type: 'wavelet', family: 'coif1', subband: 'HH' }, { type: 'wavelet', family: 'coif1', subband: 'LH' });
    const together = applyFilters(img, specs);
    specs.forEach((spec, i) => expect(Array.from(together[i]!.data), label(spec)).toEqual(Array.from(applyFilter(img, spec).data)));
  });

  it('a crop with the declared reach as margin gives the same centre value (filters with a finite reach)', () => {
    const spacing: Vec3 = [1, 1, 1];
    let checked = 0;
    for (const { spec } of EXAMPLES) {
      const reach = filterReachMm(spec, spacing);
      expect(reach, label(spec)).toBeGreaterThanOrEqual(0);
      if (!Number.isFinite(reach)) continue; // whole-image filters (Fourier domain, scaled by the image maximum)
      const m = Math.ceil(reach), n = 2 * m + 1;
      const full = volume(n + 6);
      const c = (n + 6 - 1) / 2, N = n + 6;
      const whole = filterData(full, spec)[c + N * (c + N * c)]!;
      const part = filterData(centreCrop(full, n), spec)[m + n * (m + n * m)]!;
      expect(part, label(spec)).toBeCloseTo(whole, 8);
      checked++;
    }
    expect(checked, "most filters are local").toBeGreaterThan(EXAMPLES.length / 2);
  });
});

describe('an unregistered filter type fails loudly', () => {
  const typo = { type: 'lbp3d' } as unknown as FilterSpec;
  const loud = expect.objectContaining({ code: 'BAD_SETTINGS', message: expect.stringMatching(/lbp3d.*registered: original, mean/s) });

  it('in validation, naming, reach and apply, naming the type and the registered ones', () => {
    expect(() => validateFilterSpec(typo)).toThrow(loud);
    expect(() => filterName(typo)).toThrow(loud);
    expect(() => filterReachMm(typo, [1, 1, 1])).toThrow(loud);
    expect(() => applyFilter(volume(5), typo)).toThrow(loud);
    expect(() => applyFilters(volume(5), [{ type: 'original' }, typo])).toThrow(loud);
    expect(() => describeFilter(typo)).toThrow(loud);
  });

  it('in extraction settings, naming the entry', () => {
    expect(() => resolveExtractionSettings({ images: [{ type: 'original' }, { type: 'lbp3d' }] })).toThrow(/images\[1\].*lbp3d/s);
  });

  it('every filter type the IBSI 2 configurations and the example settings use is registered', () => {
    const used = [...IBSI2_PHASE1, ...IBSI2_PHASE2_2D, ...IBSI2_PHASE2_3D].map((c) => c.spec.type as string);
    for (const f of ['extraction-ct-3d.yaml', 'extraction-quick.yaml', 'extraction-ultrasound.yaml']) {
      const text = readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8');
      for (const m of text.matchAll(/\btype:\s*['"]?([a-z0-9]+)/g)) used.push(m[1]!);
    }
    expect(used.length).toBeGreaterThan(30);
    for (const t of new Set(used)) expect(FILTER_TYPES, t).toContain(t);
  });
});
