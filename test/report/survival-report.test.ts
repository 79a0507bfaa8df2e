// The report of a time-to-event study (issue #17): the TCIA CRLM table run through the survival
// study loop (liver recurrence, death first as the competing event; main cohort and an "external"
// cohort split by sex with data.cohorts[].where) renders exactly the survival sections of the
// registry, each figure (KM by risk group with numbers at risk, cumulative incidence, AUC(t),
// calibration at the horizon, decision curve) per model and cohort, methods stated from what ran,
// and opens in Chromium without console errors, overlapping or clipped text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { CHROMIUM, HAS_CHROMIUM, requireChromium } from '../helpers/chromium.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runSurvivalStudy } from '../../src/study/survival/run.ts';
import { buildReport, REPORT_SECTIONS, SURVIVAL_REPORT_SECTIONS } from '../../src/report/render.ts';
import { survivalMethodsParagraphs } from '../../src/report/survival-methods.ts';
import { textProblems } from '../../src/node/report-check.ts';

requireChromium('the survival report browser test');

const CSV = HAS_SHARED ? sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv') : '';
const PREDICTORS = ['node_positive_primary', 'synchronous_crlm', 'bilobar_disease', 'chemo_before_liver_resection'];

function config(over: Record<string, unknown> = {}) {
  return parseStudyConfig({
    title: 'TCIA CRLM liver recurrence',
    seed: 2024,
    data: {
      id: 'Patient-ID',
      cohorts: [
        { name: 'tcia men', role: 'main', tables: [CSV], where: { column: 'sex', in: ['1'] } },
        { name: 'tcia women', role: 'external', tables: [CSV], where: { column: 'sex', in: ['2'] } },
      ],
    },
    outcome: { time: 'months_to_liver_DFS_progression', event: 'progression_or_recurrence_liveronly', eventValue: 1, competingColumn: 'vital_status_liver_DFS', competingValue: 1, horizon: 24, times: [12, 24, 36] },
    survival: { fineGray: true },
    clinical: { variables: PREDICTORS.map((name) => ({ name, type: 'binary' })), alpha: 1 },
    models: ['clinical'],
    ...over,
  });
}

describe.skipIf(!HAS_SHARED)('survival study report (TCIA CRLM)', () => {
  const table = HAS_SHARED ? parseCsv(readFileSync(CSV, 'utf8'), CSV) : null;
  const result = HAS_SHARED ? runSurvivalStudy(config(), { [CSV]: table! }) : null;

  it('has exactly the survival sections, each figure per model and cohort, and none of the binary sections', () => {
    const b = buildReport(result!, { software: { sonomics: 'test' } });
    for (const id of SURVIVAL_REPORT_SECTIONS) expect(b.html, id).toContain(`<section id="${id}">`);
    for (const id of REPORT_SECTIONS) expect(b.html, id).not.toContain(`<section id="${id}">`);
    expect(SURVIVAL_REPORT_SECTIONS.filter((id) => REPORT_SECTIONS.includes(id))).toEqual([]);
    const ids = b.figures.map((f) => f.id).sort();
    expect(ids).toEqual([
      'survival-calibration-clinical-cv', 'survival-calibration-clinical-external-1',
      'survival-cif-clinical-cv', 'survival-cif-clinical-external-1',
      'survival-decision-cv', 'survival-decision-external-1',
      'survival-km-clinical-cv', 'survival-km-clinical-external-1',
      'survival-time-auc-cv', 'survival-time-auc-external-1',
    ]);
    const km = b.figures.find((f) => f.id === 'survival-km-clinical-cv')!;
    const g = result!.models.clinical!.cv.riskGroups;
    // Numbers at risk under the axis: every group's count at time 0 is its size.
    expect(km.svg).toContain('Number at risk');
    for (const x of g.groups) expect(km.svg).toContain(`>${x.atRisk[0]}</text>`);
    expect(km.caption).toContain(`log-rank χ² = ${g.logRank.chisq.toFixed(2)}`);
    expect(b.figures.find((f) => f.id === 'survival-cif-clinical-cv')!.caption).toContain("Gray's test");
    // The PH check: one row per model (model, per-term p's, global p).
    const zph = b.tables.find((t) => t.id === 'table-survival-zph')!;
    expect(zph.rows.map((r) => r.length)).toEqual([3]);
    expect(zph.rows[0]![1]).toContain('chemo_before_liver_resection: ');
    // Byte-identical across calls.
    expect(buildReport(result!, { software: { sonomics: 'test' } }).html).toBe(b.html);
  });

  it('states the methods from what ran: Cox ties, C-index types, IPCW AUC, horizon, Fine–Gray', () => {
    const text = survivalMethodsParagraphs(result!).map((p) => p.text).join(' ');
    for (const s of ['Efron ties', "Harrell's C", "Uno's C truncated at 24 months", 'inverse-probability-of-censoring', 'AUC(t)', 'competing events as controls', 'Fine–Gray', 'Aalen–Johansen', 'horizon of 24 months', 'stratified by status']) expect(text, s).toContain(s);
    const breslow = survivalMethodsParagraphs(runSurvivalStudy(config({ survival: { ties: 'breslow', fineGray: false } }), { [CSV]: table! })).map((p) => p.text).join(' ');
    expect(breslow).toContain('Breslow ties');
    expect(breslow).not.toContain('Efron ties');
    expect(breslow).not.toContain('Fine–Gray');
  });

  it.skipIf(!HAS_CHROMIUM)('opens in Chromium without console errors, overlapping or clipped text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sonomics-survreport-')), 'report.html');
    writeFileSync(file, buildReport(result!).html);
    const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      expect(errors).toEqual([]);
      expect(await textProblems(page)).toEqual([]);
      for (const id of SURVIVAL_REPORT_SECTIONS) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
      expect(await page.locator('svg.chart').count()).toBe(10);
    } finally {
      await browser.close();
    }
  });
});
