// The `study` and `predict` sub-commands on a small clinical-only config (fast), end to end
// through YAML, files and the model bundle.
import { describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { settingsHash } from '../../src/core/hash.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { readSettingsFile } from '../../src/node/settings-file.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { loadModel, predict } from '../../src/study/bundle.ts';
import { encodePng } from '../../src/io/png-write.ts';
import { Random } from '../../src/core/random.ts';

const CSV = sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv');

describe.skipIf(!HAS_SHARED)('sonomics study / predict', () => {
  it('writes report, results, predictions and bundle; predict reproduces the fitted risks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-study-'));
    const cfg = join(dir, 'study.yaml');
    writeFileSync(cfg, `title: CLI test
seed: 3
data:
  id: Patient-ID
  outcome: intrahepatic_recurrence_2y
  missingCodes: ["-999"]
  cohorts:
    - { name: tcia, role: main, tables: ["${CSV}"] }
clinical:
  head: svm  # the default became logistic (issue #21); this test is about an RBF SVM's private bundle
  variables:
    - { name: node_positive_primary, type: binary }
    - { name: bilobar_disease, type: binary }
    - { name: chemo_before_liver_resection, type: binary }
    - { name: cea_high, derive: "carcinoembryonic_antigen > 200" }
svm: { C: [1], gamma: [0.1] }
innerFolds: 3
models: [clinical]
extraction:
  regions: { tumour: true, rings: [], parenchyma: false }
  images: [{ type: original }]
  features: { dimension: 2D, discretisation: { method: FBN, value: 16 } }
`);
    const out = join(dir, 'out');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'study', '--config', cfg, '--out', out]);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/clinical\s+CV \(pooled\)/);
      // The clinical head is an RBF SVM, whose support vectors are training rows: it goes to the
      // private bundle only, and with no other model there is no shareable bundle.json (#15).
      for (const f of ['report.html', 'results.json', 'predictions.csv', 'bundle.private.json']) expect(existsSync(join(out, f)), f).toBe(true);
      expect(existsSync(join(out, 'bundle.json'))).toBe(false);
      const bundleFile = join(out, 'bundle.private.json');
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(results.models.clinical.cv).toHaveProperty('auc');
      expect(results.missing.cohorts[0].missingOutcome).toBe(7);

      const preds = join(dir, 'risk.csv');
      await buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', bundleFile, '--features', CSV, '--id', 'Patient-ID', '--out', preds]);
      const risk = new Map(parseCsv(readFileSync(preds, 'utf8')).rows.map((r) => [r.id!, Number(r.risk)]));
      const fitted = parseCsv(readFileSync(join(out, 'predictions.csv'), 'utf8')).rows.filter((r) => r.set === 'fitted');
      expect(fitted.length).toBeGreaterThan(150);
      for (const r of fitted) expect(risk.get(r.id!)).toBe(Number(r.p_clinical));

      // --manifest: features are extracted with the bundle's settings; clinical columns pass through.
      const rng = new Random(4);
      const lines = ['case_id,image,tumour_mask,node_positive_primary,bilobar_disease,chemo_before_liver_resection,carcinoembryonic_antigen'];
      const clinical = [[1, 0, 1, 12], [0, 1, 0, 350], [1, 1, 1, 4]];
      for (let c = 0; c < 3; c++) {
        const W = 40;
        const img = Array.from({ length: W * W }, () => 60 + Math.floor(rng.next() * 120));
        const mask = Array.from({ length: W * W }, (_, i) => (Math.abs((i % W) - 20) < 8 && Math.abs(Math.floor(i / W) - 20) < 6 ? 255 : 0));
        writeFileSync(join(dir, `img${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: img }));
        writeFileSync(join(dir, `mask${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: mask }));
        lines.push(`P${c},img${c}.png,mask${c}.png,${clinical[c]!.join(',')}`);
      }
      writeFileSync(join(dir, 'new.csv'), lines.join('\n') + '\n');
      const viaManifest = join(dir, 'risk-manifest.csv');
      await buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', bundleFile, '--manifest', join(dir, 'new.csv'), '--workers', '0', '--out', viaManifest]);
      const got = parseCsv(readFileSync(viaManifest, 'utf8')).rows;
      expect(got.map((r) => r.id)).toEqual(['P0', 'P1', 'P2']);
      const bundle = loadModel(readFileSync(bundleFile, 'utf8'));
      got.forEach((r, c) => {
        const [node, bilobar, chemo, cea] = clinical[c]!;
        const expected = predict(bundle, { node_positive_primary: node!, bilobar_disease: bilobar!, chemo_before_liver_resection: chemo!, carcinoembryonic_antigen: cea! }).risk;
        expect(Number(r.risk)).toBe(expected);
      });
    } finally {
      log.mockRestore();
    }
  });

  // #15: a bundle that cannot score images says so when the study ends, not at deployment; the
  // extraction settings may be a file; they must agree with the run.json of the features' extraction.
  const base = (extraction: string, tables = `["${CSV}"]`) => `title: settings test
seed: 3
data:
  id: Patient-ID
  outcome: intrahepatic_recurrence_2y
  missingCodes: ["-999"]
  cohorts:
    - { name: tcia, role: main, tables: ${tables} }
clinical:
  head: svm  # kernel applies to the SVM head (the default became logistic, issue #21)
  kernel: linear
  variables:
    - { name: node_positive_primary, type: binary }
    - { name: bilobar_disease, type: binary }
svm: { C: [1] }
innerFolds: 3
models: [clinical]
${extraction}`;
  const settings = { regions: { tumour: true, rings: [], parenchyma: false }, images: [{ type: 'original' }], features: { dimension: '2D', discretisation: { method: 'FBN', value: 16 } } };

  async function runStudyCli(dir: string, yaml: string): Promise<{ out: string; said: string }> {
    writeFileSync(join(dir, 'study.yaml'), yaml);
    const out = join(dir, 'out');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'study', '--config', join(dir, 'study.yaml'), '--out', out, '-q']);
      return { out, said: err.mock.calls.map((c) => String(c[0])).join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  }

  it('must-show (b): a study without extraction settings says at the end that its bundle is features-only; predict --manifest then refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-study-'));
    const { out, said } = await runStudyCli(dir, base(''));
    expect(said).toMatch(/the model bundle is features-only: it cannot score images because the study config gives no extraction settings/);
    const bundle = loadModel(readFileSync(join(out, 'bundle.json'), 'utf8'));
    expect(bundle.extraction).toMatchObject({ settings: null, scoresImages: false, source: 'none' });
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.provenance.bundle).toMatchObject({ file: 'bundle.json', scoresImages: false, containsTrainingData: false });
    expect(results.provenance.bundle.contentHash).toBe(bundle.contentHash);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(bundle.contentHash.slice(0, 12));
    writeFileSync(join(dir, 'new.csv'), 'case_id,image,tumour_mask\nP0,a.png,b.png\n');
    await expect(buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', join(out, 'bundle.json'), '--manifest', join(dir, 'new.csv'), '--workers', '0'])).rejects.toThrow(/features-only: it cannot score images/);
  });

  it('extraction: as a file path is read and resolved; settings that disagree with the features\' run.json are an error at study time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-study-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
    const { out, said } = await runStudyCli(dir, base('extraction: settings.json'));
    expect(said).toBe('');
    const bundle = loadModel(readFileSync(join(out, 'bundle.json'), 'utf8'));
    expect(bundle.extraction).toMatchObject({ settings: resolveExtractionSettings(settings), hash: settingsHash(resolveExtractionSettings(settings)), scoresImages: true, source: 'config' });
    // A feature table beside the run.json of the extraction that made it (other settings).
    mkdirSync(join(dir, 'features'));
    copyFileSync(CSV, join(dir, 'features', 'table.csv'));
    const other = resolveExtractionSettings({ ...settings, features: { ...settings.features, discretisation: { method: 'FBN', value: 32 } } });
    writeFileSync(join(dir, 'features', 'run.json'), JSON.stringify({ settings: other, settings_hash: settingsHash(other) }));
    await expect(runStudyCli(dir, base('extraction: settings.json', '["features/table.csv"]'))).rejects.toThrow(/extraction: \(hash [0-9a-f]{12}…\) disagrees with the settings that produced the features of features\/table.csv/);
    // Without extraction: the recorded settings are taken.
    const taken = await runStudyCli(dir, base('', '["features/table.csv"]'));
    const b2 = loadModel(readFileSync(join(taken.out, 'bundle.json'), 'utf8'));
    expect(b2.extraction).toMatchObject({ settings: other, hash: settingsHash(other), source: 'extraction record', scoresImages: true });
  });

  it('extraction: a PyRadiomics parameter file in YAML, as a file or inline, is read as sonomics extract --settings reads it: integer sigma names log-sigma-1-mm-3D and the hash agrees with the run.json', async () => {
    // PyRadiomics names a LoG image by str(sigma) (pyradiomics-yaml-integers.ts); a study that read
    // the same YAML with a plain parser would call sigma 1 "1-0", hash differently and refuse the table.
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-study-'));
    writeFileSync(join(dir, 'params.yaml'), 'setting:\n  binCount: 16\nimageType:\n  Original: {}\n  LoG: {sigma: [1, 2.0]}\n');
    const recorded = resolveExtractionSettings(readSettingsFile(join(dir, 'params.yaml')), 'params.yaml');
    const names = ['original', 'log-sigma-1-mm-3D', 'log-sigma-2-0-mm-3D'];
    expect(recorded.pyradiomics!.imageNames).toEqual(names);
    mkdirSync(join(dir, 'features'));
    copyFileSync(CSV, join(dir, 'features', 'table.csv'));
    writeFileSync(join(dir, 'features', 'run.json'), JSON.stringify({ settings: recorded, settings_hash: settingsHash(recorded) }));
    const inline = 'extraction:\n  setting:\n    binCount: 16\n  imageType:\n    Original: {}\n    LoG: {sigma: [1, 2.0]}';
    for (const extraction of ['extraction: params.yaml', inline]) {
      const { out } = await runStudyCli(dir, base(extraction, '["features/table.csv"]'));
      const bundle = loadModel(readFileSync(join(out, 'bundle.json'), 'utf8'));
      expect(bundle.extraction, extraction).toMatchObject({ hash: settingsHash(recorded), scoresImages: true });
      expect((bundle.extraction.settings as { pyradiomics: { imageNames: string[] } }).pyradiomics.imageNames, extraction).toEqual(names);
    }
  });
});
