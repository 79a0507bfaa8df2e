/**
 * LoG image names as PyRadiomics writes them: by str(sigma), so a YAML integer stays one
 * (`sigma: [1, 2]` → log-sigma-1-mm-3D) and a float keeps its '.0' (`[1.0]` → log-sigma-1-0-mm-3D).
 * PyRadiomics itself on such a file: test/pyradiomics/oracle.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { readSettingsFile } from '../../src/node/settings-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'sonomics-log-names-'));
const namesOf = (file: string, text: string): string[] => {
  const path = join(dir, file);
  writeFileSync(path, text);
  return resolveExtractionSettings(readSettingsFile(path), path).pyradiomics!.imageNames!;
};

describe('PyRadiomics LoG image names from a parameter file', () => {
  it('YAML: integers as written name log-sigma-1-mm-3D, floats log-sigma-1-0-mm-3D and log-sigma-1-5-mm-3D, in either list style and under setting', () => {
    expect(namesOf('flow.yaml', 'imageType:\n  LoG: {sigma: [1, 2.0, 1.5, 3]}\n')).toEqual(['log-sigma-1-mm-3D', 'log-sigma-2-0-mm-3D', 'log-sigma-1-5-mm-3D', 'log-sigma-3-mm-3D']);
    expect(namesOf('block.yaml', 'setting:\n  binCount: 32\n  sigma:\n    - 1.0\n    - 2\nimageType:\n  Original: {}\n  LoG: {}\n')).toEqual(['original', 'log-sigma-1-0-mm-3D', 'log-sigma-2-mm-3D']);
  });

  it('JSON files and settings given as objects carry no int/float difference: the float names of PyRadiomics\' examples', () => {
    expect(namesOf('p.json', JSON.stringify({ imageType: { LoG: { sigma: [1, 2.5] } } }))).toEqual(['log-sigma-1-0-mm-3D', 'log-sigma-2-5-mm-3D']);
    expect(resolveExtractionSettings({ imageType: { LoG: { sigma: [1, 2] } } }, 'object').pyradiomics!.imageNames).toEqual(['log-sigma-1-0-mm-3D', 'log-sigma-2-0-mm-3D']);
  });

  it('a YAML syntax error is still reported with the file name', () => {
    expect(() => namesOf('bad.yaml', 'imageType: [1, 2\n')).toThrow(/bad\.yaml: not readable YAML/);
  });
});
