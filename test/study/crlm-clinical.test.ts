// A clinical-only study on the real TCIA CRLM clinical table (197 patients), with its four
// available predictors of the ultrasound study (see ../shared/data/crlm-tcia-clinical/README.md).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy } from '../../src/study/run.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import { formatPerformanceTable } from '../../src/report/text.ts';
import { renderReport, REPORT_SECTIONS } from '../../src/report/render.ts';

const CSV = sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv');

describe.skipIf(!HAS_SHARED)('clinical-only study on crlm-tcia-clinical', () => {
  it('runs and prints its performance table', () => {
    const cfg = parseStudyConfig({
      title: 'TCIA CRLM: 2-year intrahepatic recurrence, clinical model',
      seed: 11,
      data: { id: 'Patient-ID', outcome: 'intrahepatic_recurrence_2y', missingCodes: ['-999'], cohorts: [{ name: 'tcia', role: 'main', tables: [CSV] }] },
      clinical: {
        variables: [
          { name: 'node_positive_primary', type: 'binary' },
          { name: 'synchronous_crlm', type: 'binary' },
          { name: 'bilobar_disease', type: 'binary' },
          { name: 'chemo_before_liver_resection', type: 'binary' },
        ],
      },
      svm: { C: [0.1, 1], gamma: [0.1, 0.5] },
      innerFolds: 3,
      models: ['clinical'],
    });
    const result = runStudy(cfg, { [CSV]: readTableFile(CSV) });
    const table = formatPerformanceTable(result);
    console.log(table);
    expect(table).toMatch(/clinical\s+CV \(pooled\)/);
    const miss = result.missing.cohorts[0]!;
    expect(miss.total).toBe(197);
    expect(miss.missingOutcome).toBe(7);
    expect(miss.analysed).toBe(190 - miss.incomplete);
    expect(result.cohorts[0]!.events).toBeLessThanOrEqual(59);
    const cv = result.models.clinical!.cv;
    expect(cv.n).toBe(miss.analysed);
    expect(cv.auc).toBeGreaterThan(0.3);
    expect(cv.auc).toBeLessThan(0.95);
    expect(result.models.clinical!.external).toBeUndefined();
    expect(result.selection.clinical!.univariable).toHaveLength(4);
    const html = renderReport(result);
    for (const id of REPORT_SECTIONS) expect(html).toContain(`<section id="${id}">`);
  });
});
