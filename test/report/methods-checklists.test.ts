// The report states what ran: the methods name every extraction setting of the run record, a
// changed setting changes the methods, every checklist row links to an element of the page, and
// the checklists follow the facts (class weighting) instead of fixed text.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy, type StudyResult } from '../../src/study/run.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import { parseExtractionRun, type ExtractionRun } from '../../src/study/extraction-run.ts';
import { summariseSources } from '../../src/extract/source-summary.ts';
import { DEMO_EXTRACTION } from '../../src/node/demo-config.ts';
import { buildReport, cautions, clearChecklist, ibsiReportingItems, methodsText, tripodChecklist } from '../../src/report/index.ts';
import type { Table } from '../../src/tables/table.ts';

const COMBAT = sharedPath('oracles', 'data', 'combat_data.csv');
// The oracle's 12 features under extraction-style names: two are shape features of the parenchyma.
const NAMES: Record<string, string> = {
  f01: 'tumour_original_glcm_contrast', f02: 'tumour_original_intensity_statistics_mean', f03: 'ring5mm_original_glszm_zone_entropy',
  f04: 'parenchyma_original_morphology_area', f05: 'parenchyma_original_morphology_perimeter', f06: 'tumour_log-sigma-2mm-2d_glcm_contrast',
  f07: 'ring5mm_log-sigma-2mm-2d_ngtdm_coarseness', f08: 'tumour_original_morphology_elongation', f09: 'parenchyma_original_glrlm_run_entropy',
  f10: 'tumour_original_glrlm_run_entropy', f11: 'ring5mm_original_intensity_statistics_skewness', f12: 'clinical_marker',
};

function renamed(t: Table): Table {
  return { ...t, columns: t.columns.map((c) => NAMES[c] ?? c), rows: t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [NAMES[k] ?? k, v]))) };
}

function runRecord(settings: unknown): ExtractionRun {
  const sources = Array.from({ length: 70 }, (_, i) => ({ format: 'dicom', spacing: [0.2 + (i % 3) * 0.02, 0.2 + (i % 3) * 0.02], unit: 'mm' as const, spacingSource: 'SequenceOfUltrasoundRegions', size: [800, 600], regionPixels: { tumour: 4000 + i, ring5mm: 6000 + i, parenchyma: 11000 + i } }));
  return parseExtractionRun({ sonomics: '0.1.0', settings, settings_hash: 'abcdef0123456789', cases: 70, finished: 70, failed: [], warnings: {}, images: summariseSources(sources) }, 'features.csv', 'run.json');
}

function study(over: { extraction?: unknown; classWeights?: 'balanced' | 'none'; alpha?: number } = {}): StudyResult {
  const cfg = parseStudyConfig({
    title: 'Report facts',
    seed: 3,
    data: { outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: [COMBAT] }] },
    // clinical.head: svm (the default became logistic in issue #21) so that all three models have a tuned C
    clinical: { variables: [{ name: 'marker_high', derive: 'clinical_marker > 17' }], head: 'svm' },
    radiomics: { include: ['tumour_*', 'ring*', 'parenchyma_*'], alpha: over.alpha ?? 1 },
    svm: { C: [0.1, 1], gamma: [0.1], classWeights: over.classWeights ?? 'balanced' },
    innerFolds: 3,
  });
  return runStudy(cfg, { [COMBAT]: renamed(readTableFile(COMBAT)) }, { extraction: [runRecord(over.extraction ?? DEMO_EXTRACTION)] });
}

describe.skipIf(!HAS_SHARED)('report: methods and checklists from what ran', () => {
  const base = HAS_SHARED ? study() : (undefined as unknown as StudyResult);

  it('the methods name every extraction setting of the run record', () => {
    const text = methodsText(base);
    for (const s of [
      'DICOM (70)', 'Sequence of Ultrasound Regions', '0.2–0.24', '800 × 600', // images and calibration
      'a 5 mm peri-tumoural ring', 'disease-free parenchyma', 'smaller than 20 pixels', 'all connected components', // regions
      'original image', 'Laplacian of Gaussian (LoG) (σ = 2 mm, 2D, mirror boundary (default))', 'log-sigma-2mm-2d', // images
      '2D feature computation', 'no resampling', 'not rounded', 'no re-segmentation',
      'discretisation of the original image: fixed bin number (FBN), 32 bins', 'discretisation of filtered images: fixed bin number (FBN), 32 bins',
      'GLCM "2D, slice-merged"', 'GLSZM "2D"', 'texture neighbourhood distance 1', 'NGLDM coarseness 0',
      'morphology (shape), intensity statistics (first order), GLCM, GLRLM, GLSZM, NGLDM, NGTDM', // classes
      '1803 of 1803 IBSI 1', 'Every filter that ran is an IBSI 2 filter', 'abcdef012345', 'sonomics 0.1.0',
    ]) expect(text, s).toContain(s);
  });

  it('changing a setting changes the methods text', () => {
    const before = methodsText(base);
    const variants: Array<[string, unknown, string]> = [
      ['ring width', { ...DEMO_EXTRACTION, regions: { ...DEMO_EXTRACTION.regions, rings: [3] } }, 'a 3 mm peri-tumoural ring'],
      ['LoG σ', { ...DEMO_EXTRACTION, images: [{ type: 'original' }, { type: 'log', sigmaMm: 3, dims: '2D' }] }, 'σ = 3 mm'],
      ['discretisation', { ...DEMO_EXTRACTION, features: { ...DEMO_EXTRACTION.features, discretisation: { method: 'FBS', value: 25 } } }, 'fixed bin size (FBS), width 25'],
      ['resampling', { ...DEMO_EXTRACTION, features: { ...DEMO_EXTRACTION.features, resampling: { spacing: [0.3, 0.3, 1] } } }, 'resampling to 0.3 × 0.3 × 1 mm'],
      ['PyRadiomics distances', { ...DEMO_EXTRACTION, features: { ...DEMO_EXTRACTION.features, texture: { distanceShells: [1, 2] } } }, 'texture neighbours at Chebyshev distance 1, 2 only (PyRadiomics distances; GLRLM and GLSZM at 1)'],
      ['non-IBSI filter', { ...DEMO_EXTRACTION, images: [{ type: 'original' }, { type: 'lbp2d' }] }, '2D local binary pattern is not an IBSI 2 filter'],
    ];
    for (const [what, settings, expected] of variants) {
      const r = { ...base, extraction: [runRecord(settings)] };
      const text = methodsText(r);
      expect(text, what).not.toBe(before);
      expect(text, what).toContain(expected);
      expect(before, what).not.toContain(expected);
    }
  });

  it('a patient grouping column is stated in the validation design', () => {
    expect(methodsText(base)).not.toMatch(/Cases of one patient/);
    const grouped = { ...base, config: { ...base.config, data: { ...base.config.data, group: 'patient_id' } } };
    expect(methodsText(grouped)).toMatch(/Cases of one patient \(column patient_id\) were kept in the same fold/);
  });

  it('every checklist row resolves to an element of the report', () => {
    for (const r of [base, { ...base, extraction: undefined }]) {
      const { html } = buildReport(r);
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      const rows = [...tripodChecklist(r), ...clearChecklist(r), ...ibsiReportingItems(r)];
      expect(clearChecklist(r)).toHaveLength(58);
      for (const row of rows) expect(ids.has(row.anchor), `${row.item} ${row.topic} → #${row.anchor}`).toBe(true);
      // and every row is a link to its anchor in the page
      for (const row of rows) expect(html).toContain(`href="#${row.anchor}"`);
    }
  });

  it('class imbalance and the selector are stated as they ran, never as fixed text', () => {
    const item13 = (r: StudyResult) => tripodChecklist(r).find((i) => i.item === '13')!.where;
    expect(item13(base)).toMatch(/weighted inversely/);
    const unweighted = study({ classWeights: 'none' });
    expect(item13(unweighted)).toMatch(/no re-weighting/);
    expect(clearChecklist(unweighted).find((i) => i.item === '30')!.where).toMatch(/no re-weighting/);
    expect(methodsText(unweighted)).not.toMatch(/weighted inversely/);
    const enet = study({ alpha: 0.5 });
    const { html } = buildReport(enet);
    expect(html).toContain('Radiomics: elastic net path and cross-validation');
    expect(html).not.toMatch(/LASSO (coefficient path|cross-validation curve)/);
  });

  it('cautions follow the facts: non-lesion shape candidates, events per variable, grid edges', () => {
    const list = cautions(base);
    const ids = list.map((c) => c.id);
    expect(ids).toContain('non-lesion-shape');
    expect(list.find((c) => c.id === 'non-lesion-shape')!.text).toMatch(/^2 shape \(morphology\) features of non-lesion regions/);
    // 70 cases with 11 radiomics + 1 clinical candidates: events per candidate variable below 10
    expect(ids).toContain('events-per-variable');
    // the two-value C grid: every tuned C is an edge, and each is reported
    for (const m of ['clinical', 'radiomics', 'combined'] as const) {
      const hyper = base.models[m]!.hyper.C;
      expect(ids, m).toContain(`grid-edge-${m}-c-${hyper === 0.1 ? 'lowest' : 'highest'}`);
    }
  });

  it("cautions carry what the heads and the evaluation flagged (#21): results.warnings, head fallbacks, undefined feature values", () => {
    const flagged = structuredClone(base);
    flagged.warnings = ['radiomics: the pooled out-of-fold AUC 0.700 differs from the mean per-fold AUC 0.800'];
    flagged.models.radiomics!.cv.fallbacks = { 'platt-in-sample': 2 };
    flagged.models.radiomics!.fallbacks = ['platt-in-sample'];
    flagged.featureGaps = { rule: 'a rule', cohorts: [{ cohort: 'main', values: 3, cases: 2 }], final: { dropped: [], imputed: 3 }, folds: [] };
    const list = cautions(flagged);
    expect(list.find((c) => c.id === 'study-warning-1')!.text).toContain('pooled out-of-fold AUC');
    expect(list.find((c) => c.id === 'fallbacks-radiomics')!.text).toMatch(/platt-in-sample in 2 of \d+ outer folds; platt-in-sample in the final model/);
    expect(list.find((c) => c.id === 'feature-gaps')!.text).toMatch(/^3 feature values were undefined \(main: 3 values in 2 cases\)\. A rule\./);
  });
});
