// Issue #14, the worked real example (docs/examples/busbra.md) on a subset of BUS-BRA: every
// Toshiba / U-Systems image (the external device cohort, 164 images of 86 patients) and the GE
// images of the first patients, extracted and studied with examples/busbra/*.yaml as they are.
// Checks: AUCs in a plausible range with patient-level CIs, no patient on both sides of any outer
// or inner split (outer from the predictions, inner from every fold assignment the study makes),
// and the label column cannot become a feature.
import { describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { loadStudy } from '../../src/node/study-files.ts';
import { runStudy } from '../../src/study/run.ts';
import { SonomicsError } from '../../src/core/errors.ts';

const innerCalls: Array<{ groups?: string[]; folds: number[] }> = vi.hoisted(() => []);
vi.mock('../../src/study/heads/inner-folds.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/study/heads/inner-folds.ts')>();
  return {
    ...orig,
    innerFoldIds: (y: number[], k: number, seed: number, groups?: string[]) => {
      const folds = orig.innerFoldIds(y, k, seed, groups);
      innerCalls.push({ groups, folds });
      return folds;
    },
  };
});

const BUSBRA = sharedPath('data', 'us-breast-busbra');
const EXTERNAL_DEVICES = ['Toshiba Aplio 300 @12-14 MHz', 'U-Systems @10-14MHz'];
/** GE patients kept in the subset (patients numbered 1..1064 in the manifest's case_id). */
const GE_PATIENTS_UP_TO = 120;

function crossing(groups: string[], folds: number[]): string[] {
  const first = new Map<string, number>();
  const bad = new Set<string>();
  groups.forEach((g, i) => { const f = first.get(g); if (f === undefined) first.set(g, folds[i]!); else if (f !== folds[i]) bad.add(g); });
  return [...bad];
}

/** The subset's manifest, extracted once and shared by the tests below (extraction is most of their time). */
let prepared: Promise<string> | undefined;
function prepare(): Promise<string> {
  prepared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-busbra-'));
    const text = readFileSync(join(BUSBRA, 'manifest.csv'), 'utf8').trimEnd().split('\n');
    const head = text[0]!.split(',');
    const col = (name: string) => head.indexOf(name);
    const rows = text.slice(1).filter((line) => {
      const c = line.split(',');
      return EXTERNAL_DEVICES.includes(c[col('device')]!) || Number(c[col('case_id')]) <= GE_PATIENTS_UP_TO;
    }).map((line) => {
      const c = line.split(',');
      c[col('image_path')] = resolve(BUSBRA, c[col('image_path')]!);
      c[col('mask_path')] = resolve(BUSBRA, c[col('mask_path')]!);
      return c.join(',');
    });
    writeFileSync(join(dir, 'manifest.csv'), [text[0], ...rows].join('\n') + '\n');
    const summary = await runExtraction({ manifest: join(dir, 'manifest.csv'), settings: join(REPO_ROOT, 'examples/busbra/extraction.yaml'), outDir: join(dir, 'features'), idColumn: 'image_id', workers: 2, progress: false });
    expect(summary.failed).toEqual([]);
    copyFileSync(join(REPO_ROOT, 'examples/busbra/study.yaml'), join(dir, 'study.yaml'));
    return dir;
  })();
  return prepared;
}

describe.skipIf(!HAS_SHARED)('BUS-BRA worked example (subset)', () => {
  it('extract → study: patient-grouped folds, AUCs with patient-level CIs, the label never a feature', async () => {
    const dir = await prepare();

    const study = loadStudy(join(dir, 'study.yaml'));
    const table = study.tables['features/features.csv']!;
    expect(table.roles?.passThrough).toContain('label');
    expect(table.roles?.passThrough).toContain('manifest_case_id');
    innerCalls.length = 0;
    const r = runStudy(study.config, study.tables);
    const [main, external] = r.cohorts;
    expect(external).toMatchObject({ n: 164 });
    expect(main!.n).toBeGreaterThan(180);

    // The label (and every other passed-through column) is no candidate.
    expect(r.features.candidates.length).toBeGreaterThan(50);
    for (const c of ['label', 'manifest_case_id', 'birads', 'kfold5', 'kfold10', 'device', 'case_id']) expect(r.features.candidates).not.toContain(c);
    let err: unknown;
    try { runStudy({ ...study.config, radiomics: { ...study.config.radiomics, include: ['*'] } }, study.tables); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SonomicsError);
    // label is the outcome here, and passed through by extract: either way never a candidate
    expect((err as Error).message).toMatch(/'label' \(the outcome column \(data\.outcome\); matched by '\*'\)/);
    expect((err as Error).message).toContain("'manifest_case_id' (the group column (data.group)");

    // No patient on both sides of a split: outer folds from the predictions, inner folds from every assignment.
    const patient = new Map(table.rows.map((row) => [row.case_id!, row.manifest_case_id!]));
    const cv = r.predictions.filter((p) => p.set === 'cv');
    expect(cv).toHaveLength(main!.n);
    expect(crossing(cv.map((p) => patient.get(p.id)!), cv.map((p) => p.fold))).toEqual([]);
    expect(innerCalls.length).toBeGreaterThanOrEqual(12);
    for (const c of innerCalls) {
      expect(c.groups).toBeDefined();
      expect(crossing(c.groups!, c.folds)).toEqual([]);
    }

    // Radiomics discriminates benign from malignant; CIs are patient level.
    const m = r.models.radiomics!;
    expect(m.cv.auc).toBeGreaterThan(0.75);
    expect(m.cv.auc).toBeLessThan(0.97);
    expect(m.external!.auc).toBeGreaterThan(0.7);
    expect(m.external!.auc).toBeLessThan(0.98);
    expect(m.cv.auc_ci_method).toBe('clustered DeLong (Obuchowski 1997), patient level');
    expect(m.external!.patients).toBe(86);
    expect(m.cv.auc_ci[0]).toBeLessThan(m.cv.auc);
    expect(m.external!.auc_ci_bootstrap).toBeDefined();
    console.log(`BUS-BRA subset: main ${main!.n} images, external ${external!.n}; radiomics CV AUC ${m.cv.auc.toFixed(3)} (${m.cv.auc_ci.map((x) => x.toFixed(3)).join('–')}), external ${m.external!.auc.toFixed(3)} (${m.external!.auc_ci.map((x) => x.toFixed(3)).join('–')})`);
  }, 900_000);

  // data.unit: patient (issue #14): BUS-BRA's outcome is one per patient (benign or malignant, the
  // same in all of a patient's images), so each rule gives one prediction per patient.
  it('patient level: largest, mean-risk and max-risk — one prediction per patient, folds by patient, AUCs in range', async () => {
    const dir = await prepare();
    const study = loadStudy(join(dir, 'study.yaml'));
    const table = study.tables['features/features.csv']!;
    const patient = new Map(table.rows.map((row) => [row.case_id!, row.manifest_case_id!]));
    const ge = table.rows.filter((row) => !EXTERNAL_DEVICES.includes(row.device!));
    const gePatients = new Set(ge.map((row) => row.manifest_case_id)).size;
    const lines: string[] = [];
    for (const combine of ['largest', 'mean-risk', 'max-risk'] as const) {
      innerCalls.length = 0;
      const cfg = { ...study.config, data: { ...study.config.data, unit: 'patient' as const, combine } };
      const r = runStudy(cfg, study.tables);
      expect(r.unit).toMatchObject({ unit: 'patient', combine });
      if (combine === 'largest') expect(r.unit.size).toBe('tumour_original_morphology_area_pixel_counting');
      const [main, external] = r.cohorts;
      expect(main).toMatchObject({ n: gePatients, lesions: ge.length });
      expect(external).toMatchObject({ n: 86, lesions: 164 });
      const cv = r.predictions.filter((p) => p.set === 'cv' && p.unit === 'patient');
      expect(cv).toHaveLength(gePatients);
      expect(new Set(cv.map((p) => p.id)).size).toBe(gePatients);
      // lesion rows of the risk rules sit in their patient's fold; inner folds keep patients together
      const rows = [...cv.map((p) => ({ g: p.id, f: p.fold })), ...r.predictions.filter((p) => p.set === 'cv' && p.unit === 'lesion').map((p) => ({ g: patient.get(p.id)!, f: p.fold }))];
      if (combine !== 'largest') expect(rows.length).toBe(gePatients + ge.length);
      expect(crossing(rows.map((x) => x.g), rows.map((x) => x.f))).toEqual([]);
      for (const c of innerCalls) if (c.groups) expect(crossing(c.groups, c.folds)).toEqual([]);
      const m = r.models.radiomics!;
      expect(m.cv.n).toBe(gePatients);
      expect(m.cv.auc).toBeGreaterThan(0.75);
      expect(m.cv.auc).toBeLessThan(0.98);
      expect(m.external!.auc).toBeGreaterThan(0.7);
      expect(m.external!.auc).toBeLessThan(0.99);
      const ci = (x: [number, number]) => x.map((v) => v.toFixed(3)).join('–');
      lines.push(`${combine}: CV AUC ${m.cv.auc.toFixed(3)} (${ci(m.cv.auc_ci)}; bootstrap ${ci(m.cv.auc_ci_bootstrap!)}), sens ${m.cv.sensitivity.toFixed(3)} spec ${m.cv.specificity.toFixed(3)}; external ${m.external!.auc.toFixed(3)} (${ci(m.external!.auc_ci)}; bootstrap ${ci(m.external!.auc_ci_bootstrap!)}), sens ${m.external!.sensitivity.toFixed(3)} spec ${m.external!.specificity.toFixed(3)}; threshold ${m.threshold.toFixed(3)}`);
    }
    console.log(`BUS-BRA subset, patient level: main ${gePatients} patients (${ge.length} images), external 86 (164)\n${lines.join('\n')}`);
  }, 1_800_000);
});
