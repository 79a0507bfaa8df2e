// Issue #14, trap "typos inside sections are ignored": every key at every depth of the study config
// and of the extraction settings is checked; an unknown key names its path and the nearest known key.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStudyConfig } from '../../src/study/config.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { resolveSettings } from '../../src/features/settings.ts';
import { isPyRadiomicsParams } from '../../src/extract/pyradiomics-params.ts';
import { nearestName } from '../../src/core/nearest-name.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { encodePng } from '../../src/io/png-write.ts';

const base = { data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, models: ['radiomics'] };

function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(SonomicsError);
    return `${(err as SonomicsError).code}: ${(err as Error).message}`;
  }
  throw new Error('expected an error');
}

describe('strict study config', () => {
  it('radiomics.lamda (depth 2) fails with the path and the suggestion, instead of running λ.1se', () => {
    const msg = message(() => parseStudyConfig({ ...base, radiomics: { lamda: 'min' } }));
    expect(msg).toMatch(/^BAD_CONFIG/);
    expect(msg).toContain("radiomics.lamda: unknown key; did you mean 'lambda'?");
  });

  it('depth 3 and 4: a cohort key, a variable key and an extraction key inside the study config', () => {
    const msg = message(() => parseStudyConfig({
      ...base,
      data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tabels: ['t.csv'] }] },
      clinical: { variables: [{ name: 'age', refrence: '1' }] },
      extraction: { features: { familys: ['glcm'] } },
    }));
    expect(msg).toContain("data.cohorts[0].tabels: unknown key; did you mean 'tables'?");
    expect(msg).toContain("clinical.variables[0].refrence: unknown key; did you mean 'reference'?");
    expect(msg).toContain("extraction.features.familys: unknown key; did you mean 'families'?");
  });

  it('a wrong value at depth 2 names the choices and the near one', () => {
    expect(message(() => parseStudyConfig({ ...base, evaluation: { protocol: 'no-leakge' } })))
      .toContain("evaluation.protocol: must be one of 'no-leakage', 'paper', got \"no-leakge\"; did you mean 'no-leakage'?");
  });

  it('a word that is no near miss lists the known keys instead of guessing', () => {
    expect(message(() => parseStudyConfig({ ...base, svm: { kernelWidth: 3 } }))).toContain('svm.kernelWidth: unknown key; known keys here: C, gamma, classWeights');
  });

  it('aliases still work, but giving both spellings is an error', () => {
    expect(parseStudyConfig({ ...base, radiomics: { lambdaRule: 'min' } }).radiomics.lambdaRule).toBe('min');
    expect(message(() => parseStudyConfig({ ...base, radiomics: { lambdaRule: 'min', lambda: '1se' } }))).toContain('radiomics.lambda: given twice');
  });
});

describe('strict extraction settings', () => {
  it('features: { discretization, familys } fails with both paths and suggestions instead of running FBN 32, all families', () => {
    const msg = message(() => resolveExtractionSettings({ features: { discretization: { method: 'FBS', value: 25 }, familys: ['glcm'] } }, 'settings.yaml'));
    expect(msg).toMatch(/^BAD_SETTINGS: settings.yaml: 2 problem/);
    expect(msg).toContain("features.discretization: unknown key; did you mean 'discretisation'?");
    expect(msg).toContain("features.familys: unknown key; did you mean 'families'?");
  });

  it('filter entries are checked per type: a misspelt parameter and a misspelt type', () => {
    const msg = message(() => resolveExtractionSettings({ images: [{ type: 'original' }, { type: 'log', sigma: 2 }, { type: 'wavlet', family: 'coif1', subband: 'LH' }] }));
    expect(msg).toContain("images[1].sigma: unknown key; did you mean 'sigmaMm'?");
    expect(msg).toContain('images[1].sigmaMm: is required');
    expect(msg).toContain("images[2].type: unknown type \"wavlet\"; did you mean 'wavelet'?");
  });

  it('depth 3: regions and texture options', () => {
    const msg = message(() => resolveExtractionSettings({ regions: { ring: [5] }, features: { texture: { aggregation: { glmc: '2D' } } } }));
    expect(msg).toContain("regions.ring: unknown key; did you mean 'rings'?");
    expect(msg).toContain("features.texture.aggregation.glmc: unknown key; did you mean 'glcm'?");
  });

  it('feature settings alone (features --settings) are strict too', () => {
    expect(message(() => resolveSettings({ resampling: { spacing: [1, 1, 1], interpolation: 'linear' } } as never)))
      .toContain('resampling.interpolation: unknown key');
  });

  it('defaults are unchanged by the schema (the settings hash of existing tables stays the same)', () => {
    expect(resolveExtractionSettings({})).toEqual({
      regions: { tumour: true, rings: [5], parenchyma: true, components: 'all', minPixels: 20 },
      images: [{ type: 'original' }],
      features: { dimension: '2D', discretisation: { method: 'FBN', value: 32 } },
    });
  });
});

describe('PyRadiomics parameter files', () => {
  const pyrad = { imageType: { Original: {}, LoG: { sigma: [2.0] } }, featureClass: { glcm: null }, setting: { binWidth: 25 } };

  // Issue #16 replaced the refusal with acceptance: a PyRadiomics file is read into extraction
  // settings (docs/pyradiomics.md); its unknown keys are still errors that name the key.
  it('are recognised and read (PyRadiomics names), their unknown keys named', () => {
    expect(isPyRadiomicsParams(pyrad)).toBe(true);
    expect(isPyRadiomicsParams({ features: {}, setting: 1 })).toBe(false);
    expect(isPyRadiomicsParams([1])).toBe(false);
    const ex = resolveExtractionSettings(pyrad, 'params.yaml');
    expect(ex.names).toBe('pyradiomics');
    expect(ex.pyradiomics?.imageNames).toEqual(['original', 'log-sigma-2-0-mm-3D']);
    expect(message(() => resolveExtractionSettings({ ...pyrad, setting: { binWidht: 25 } }, 'params.yaml'))).toMatch(/^BAD_SETTINGS: params.yaml: setting\.binWidht is not a PyRadiomics setting/);
    expect(parseStudyConfig({ ...base, extraction: pyrad }).extraction).toEqual(pyrad);
    expect(message(() => parseStudyConfig({ ...base, extraction: { ...pyrad, setting: { binWidht: 25 } } }))).toContain('setting.binWidht is not a PyRadiomics setting');
  });
});

describe('sonomics features --settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonomics-features-settings-'));
  const size = 24;
  const pixels = new Uint8Array(size * size).map((_, i) => (i * 37) % 251);
  const mask = new Uint8Array(size * size).map((_, i) => (Math.abs((i % size) - 12) < 7 && Math.abs(Math.floor(i / size) - 12) < 7 ? 255 : 0));
  writeFileSync(join(dir, 'img.png'), encodePng({ width: size, height: size, channels: 1, bitDepth: 8, data: pixels }));
  writeFileSync(join(dir, 'mask.png'), encodePng({ width: size, height: size, channels: 1, bitDepth: 8, data: mask }));

  async function run(settings: string, name: string): Promise<string> {
    const path = join(dir, name);
    writeFileSync(path, settings);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'features', join(dir, 'img.png'), join(dir, 'mask.png'), '--settings', path, '--format', 'json']);
      return log.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      log.mockRestore();
    }
  }

  it('reads YAML like extract, and an extraction-settings file (its features section)', async () => {
    const a = JSON.parse(await run('families: [glcm]\ndiscretisation: { method: FBN, value: 8 }\n', 'f.yaml')) as Record<string, number>;
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(Object.keys(a).every((k) => k.startsWith('glcm_'))).toBe(true);
    const b = JSON.parse(await run('regions: { tumour: true }\nfeatures: { families: [glcm], discretisation: { method: FBN, value: 8 } }\n', 'x.yaml'));
    expect(b).toEqual(a);
  });

  it('a typo in the YAML is named with its suggestion', async () => {
    await expect(run('familys: [glcm]\n', 't.yaml')).rejects.toThrow("familys: unknown key; did you mean 'families'?");
  });
});

describe('nearestName', () => {
  it('suggests typos, not unrelated words', () => {
    expect(nearestName('lamda', ['lambda', 'alpha'])).toBe('lambda');
    expect(nearestName('discretization', ['discretisation', 'dimension'])).toBe('discretisation');
    expect(nearestName('fold', ['folds', 'repeats'])).toBe('folds');
    expect(nearestName('kernelWidth', ['C', 'gamma', 'classWeights'])).toBeUndefined();
    expect(nearestName('disc', ['discretisation', 'dimension'])).toBe('discretisation');
  });
});
