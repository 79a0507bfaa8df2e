// Issue #14, column-role traps: the manifest's label passed through by extract, a candidate that
// alone separates the outcome, a duplicate header from --id-column, joined tables that disagree,
// and a region asked for without its mask column. Each ends in a named error.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SonomicsError } from '../../src/core/errors.ts';
import { Random } from '../../src/core/random.ts';
import { encodePng } from '../../src/io/png-write.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { buildStudyData } from '../../src/study/data.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { loadStudy } from '../../src/node/study-files.ts';
import type { Table } from '../../src/tables/table.ts';

function thrown(f: () => unknown): SonomicsError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(SonomicsError);
    return err as SonomicsError;
  }
  throw new Error('expected an error');
}

/** A feature table as extract writes it: case_id, cohort, the manifest's label, three features. */
function featureTable(n: number, seed: number, labelled = true): Table {
  const rng = new Random(seed);
  const features = ['tumour_original_glcm_contrast', 'tumour_original_intensity_statistics_mean', 'ring5mm_original_glrlm_run_entropy'];
  const rows = Array.from({ length: n }, (_, i) => {
    const label = i % 2;
    const r: Record<string, string> = { case_id: `C${i}`, cohort: 'A', label: labelled ? String(label) : '' };
    for (const f of features) r[f] = (rng.normal() + 0.5 * label).toFixed(4);
    return r;
  });
  return { source: 'features.csv', columns: ['case_id', 'cohort', 'label', ...features], rows, roles: { id: 'case_id', features, passThrough: ['cohort', 'label'] } };
}

const cfg = (over: Record<string, unknown> = {}) => parseStudyConfig({
  data: { id: 'case_id', outcome: 'label', cohorts: [{ name: 'main', role: 'main', tables: ['features.csv'] }] },
  models: ['radiomics'],
  ...over,
});

describe('radiomics candidates come from feature columns only', () => {
  it('the passed-through label (here also the outcome) and cohort are never candidates by default', () => {
    const data = buildStudyData(cfg(), { 'features.csv': featureTable(40, 1) });
    expect(data.features).toEqual(['tumour_original_glcm_contrast', 'tumour_original_intensity_statistics_mean', 'ring5mm_original_glrlm_run_entropy']);
  });

  it('a pattern that includes a pass-through column is an error naming it', () => {
    const t = featureTable(40, 1);
    // outcome is another column: 'label' is then only a passed-through column, still never a feature
    t.columns.push('y');
    t.rows.forEach((r, i) => { r.y = String(i % 2); });
    const e = thrown(() => buildStudyData(cfg({ data: { id: 'case_id', outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: ['features.csv'] }] }, radiomics: { include: ['*'] } }), { 'features.csv': t }));
    expect(e.code).toBe('BAD_CONFIG');
    expect(e.message).toContain("'label' (passed through from the manifest by extract (features.csv); matched by '*')");
    expect(e.message).toContain("'case_id'");
    expect(e.message).toContain("'y' (the outcome column (data.outcome)");
    // excluding them by name is the way out
    const ok = buildStudyData(cfg({ data: { id: 'case_id', outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: ['features.csv'] }] }, radiomics: { include: ['*'], exclude: ['label', 'case_id', 'cohort', 'y'] } }), { 'features.csv': t });
    expect(ok.features).not.toContain('label');
  });

  it('group and fold columns named by a pattern are errors too', () => {
    const t = featureTable(40, 2);
    t.columns.push('patient', 'fold5');
    t.rows.forEach((r, i) => { r.patient = `P${i >> 1}`; r.fold5 = String((i % 5) + 1); });
    const e = thrown(() => buildStudyData(cfg({ data: { id: 'case_id', outcome: 'label', group: 'patient', cohorts: [{ name: 'main', role: 'main', tables: ['features.csv'] }] }, evaluation: { foldColumn: 'fold5' }, radiomics: { include: ['*'], exclude: ['label', 'case_id', 'cohort'] } }), { 'features.csv': t }));
    expect(e.message).toContain("'patient' (the group column (data.group)");
    expect(e.message).toContain("'fold5' (the fold column (evaluation.foldColumn)");
  });

  it('a table without extract\'s record: the feature-name convention decides, else the user must name the features', () => {
    const t = featureTable(40, 3);
    delete t.roles;
    t.columns.push('y');
    t.rows.forEach((r, i) => { r.y = String(i % 2); });
    const over = { data: { id: 'case_id', outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: ['features.csv'] }] } };
    expect(buildStudyData(cfg(over), { 'features.csv': t }).features).toHaveLength(3);
    const plain: Table = { source: 'features.csv', columns: ['case_id', 'y', 'label', 'f1'], rows: t.rows.map((r, i) => ({ case_id: r.case_id!, y: r.y!, label: r.label!, f1: String(i % 7) })) };
    expect(thrown(() => buildStudyData(cfg(over), { 'features.csv': plain })).message).toContain('no feature columns in the main cohort');
  });
});

describe('possible leakage', () => {
  it('a candidate that alone separates the outcome stops the study, naming it; acknowledging it by name lets it run', () => {
    const t = featureTable(40, 4);
    t.columns.push('tumour_original_glcm_leak');
    t.roles!.features.push('tumour_original_glcm_leak');
    t.rows.forEach((r) => { r.tumour_original_glcm_leak = String(Number(r.label) * 10 + Number(r.case_id!.slice(1)) / 100); });
    const e = thrown(() => buildStudyData(cfg(), { 'features.csv': t }));
    expect(e.code).toBe('POSSIBLE_LEAKAGE');
    expect(e.message).toMatch(/^possible leakage: 1 radiomics candidate\(s\) alone separate the outcome of the main cohort main: 'tumour_original_glcm_leak' \(AUC 1\.000\)/);
    // the inverse (AUC ≤ 0.02) too
    t.rows.forEach((r) => { r.tumour_original_glcm_leak = String(-Number(r.tumour_original_glcm_leak)); });
    expect(thrown(() => buildStudyData(cfg(), { 'features.csv': t })).message).toContain("'tumour_original_glcm_leak' (AUC 0.000)");
    expect(buildStudyData(cfg({ radiomics: { acknowledgeSeparation: ['tumour_original_glcm_leak'] } }), { 'features.csv': t }).features).toContain('tumour_original_glcm_leak');
    expect(thrown(() => buildStudyData(cfg({ radiomics: { acknowledgeSeparation: ['tumour_original_glcm_lek'] } }), { 'features.csv': t })).message).toContain("names 'tumour_original_glcm_lek', which is not a radiomics candidate");
  });
});

describe('joining tables', () => {
  it('a shared column whose values differ is an error naming it; equal values and gaps are fine', () => {
    const clinical: Table = { source: 'clinical.csv', columns: ['case_id', 'label', 'age'], rows: featureTable(40, 5).rows.map((r, i) => ({ case_id: r.case_id!, label: r.label!, age: String(50 + (i % 9)) })) };
    const features = featureTable(40, 5);
    const config = parseStudyConfig({ data: { id: 'case_id', outcome: 'label', cohorts: [{ name: 'main', role: 'main', tables: ['clinical.csv', 'features.csv'] }] }, models: ['radiomics'] });
    expect(buildStudyData(config, { 'clinical.csv': clinical, 'features.csv': features }).cohorts[0]!.ids).toHaveLength(40);
    features.rows[3]!.label = String(1 - Number(features.rows[3]!.label));
    const e = thrown(() => buildStudyData(config, { 'clinical.csv': clinical, 'features.csv': features }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain(`cohort main: tables share column(s) whose values differ: 'label' (case C3: "1" in clinical.csv, "0" in features.csv)`);
  });
});

describe('extract', () => {
  function cohort(withParenchymaColumn: boolean): { dir: string; manifest: string } {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-roles-'));
    const rng = new Random(3);
    const W = 32;
    const lines = [`image_id,case_id,image,tumour_mask,label${withParenchymaColumn ? ',parenchyma_mask' : ''}`];
    for (let c = 0; c < 4; c++) {
      const img = Array.from({ length: W * W }, () => Math.round(100 + 20 * rng.normal()));
      const mask = Array.from({ length: W * W }, (_, i) => (Math.abs((i % W) - 16) < 7 && Math.abs(Math.floor(i / W) - 16) < 6 ? 255 : 0));
      writeFileSync(join(dir, `i${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: img.map((v) => Math.max(0, Math.min(255, v))) }));
      writeFileSync(join(dir, `m${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: mask }));
      // two images per patient: case_id is the patient, image_id the image
      lines.push(`IMG${c},P${c >> 1},i${c}.png,m${c}.png,${c % 2}${withParenchymaColumn ? ',' : ''}`);
    }
    writeFileSync(join(dir, 'manifest.csv'), lines.join('\n') + '\n');
    return { dir, manifest: join(dir, 'manifest.csv') };
  }
  const settings = { regions: { tumour: true, rings: [], parenchyma: false }, images: [{ type: 'original' }], features: { families: ['intensity_statistics'] } } as never;

  it('--id-column image_id with a case_id column writes no duplicate header; run.json records the column roles; study reads them', async () => {
    const { dir, manifest } = cohort(false);
    const out = join(dir, 'out');
    await runExtraction({ manifest, settings, outDir: out, workers: 0, progress: false, idColumn: 'image_id' });
    const header = readFileSync(join(out, 'features.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(new Set(header).size).toBe(header.length);
    expect(header.slice(0, 4)).toEqual(['case_id', 'cohort', 'manifest_case_id', 'label']);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.columns.passThrough).toEqual(['cohort', 'manifest_case_id', 'label']);
    expect(run.columns.features.length).toBeGreaterThan(10);
    expect(run.columns.features.every((f: string) => f.startsWith('tumour_original_intensity_statistics_'))).toBe(true);
    writeFileSync(join(dir, 'study.yaml'), `data: { id: case_id, outcome: label, cohorts: [{ name: main, tables: [out/features.csv] }] }\nmodels: [radiomics]\n`);
    const study = loadStudy(join(dir, 'study.yaml'));
    expect(study.tables['out/features.csv']!.roles).toEqual(run.columns);
  });

  it('regions.parenchyma: true without a parenchyma_mask column (or with it empty) fails before any case runs', async () => {
    for (const withColumn of [false, true]) {
      const { dir, manifest } = cohort(withColumn);
      const out = join(dir, 'out');
      const e = await runExtraction({ manifest, settings: { ...(settings as object), regions: { tumour: true, rings: [], parenchyma: true } } as never, outDir: out, workers: 0, progress: false, idColumn: 'image_id' }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(SonomicsError);
      expect((e as SonomicsError).code).toBe('BAD_SETTINGS');
      expect((e as Error).message).toContain('regions.parenchyma is true, but manifest');
      expect(existsSync(join(out, 'cases.jsonl'))).toBe(false);
    }
  });
});
