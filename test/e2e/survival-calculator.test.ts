// The calculator with a survival bundle (issue #17), end to end: the TCIA CRLM table through the
// survival study loop (clinical Cox, liver recurrence, horizon 24 months), its bundle loaded in the
// browser app (Vite build, Debian's Chromium), a patient's clinical form filled in → the risk at 1,
// 2 and 3 years (Cox, and Fine–Gray with death as the competing event) and the survival curve, equal to `predictSurvival` (what `sonomics predict` runs) to
// 1e-12, all on one 1366×768 screen. Skips without Chromium (fails instead under CI=true).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runSurvivalStudy } from '../../src/study/survival/run.ts';
import { buildSurvivalBundle } from '../../src/study/bundle-survival-build.ts';
import { bundleJson, loadModel, predictSurvival } from '../../src/study/bundle.ts';
import { serveStatic, type StaticServer } from '../../src/node/static-server.ts';
import { buildApp, HAS_CHROMIUM, launchChromium, requireChromium } from './setup.ts';

requireChromium('the survival calculator browser test');

const SHOTS = process.env.SONOMICS_SCREENSHOTS; // e.g. docs/screenshots
const CSV = HAS_SHARED ? sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv') : '';
const PREDICTORS = ['node_positive_primary', 'synchronous_crlm', 'bilobar_disease', 'chemo_before_liver_resection'];

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)('calculator with a survival bundle (TCIA CRLM)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sonomics-e2e-surv-'));
  const bundleFile = join(tmp, 'bundle.json');
  let server: StaticServer;
  let context: BrowserContext;
  let rows: Array<Record<string, string>>;

  beforeAll(async () => {
    const table = parseCsv(readFileSync(CSV, 'utf8'), CSV);
    rows = table.rows as Array<Record<string, string>>;
    const cfg = parseStudyConfig({
      title: 'TCIA CRLM liver recurrence', seed: 2024,
      data: { id: 'Patient-ID', cohorts: [{ name: 'tcia', tables: [CSV] }] },
      outcome: { time: 'months_to_liver_DFS_progression', event: 'progression_or_recurrence_liveronly', eventValue: 1, competingColumn: 'vital_status_liver_DFS', competingValue: 1, horizon: 24, times: [12, 24, 36] },
      // Death without liver recurrence competes: the bundle also carries the Fine–Gray model.
      survival: { fineGray: true },
      clinical: { variables: PREDICTORS.map((name) => ({ name, type: 'binary' })), alpha: 1 },
      models: ['clinical'],
    });
    writeFileSync(bundleFile, bundleJson(buildSurvivalBundle(runSurvivalStudy(cfg, { [CSV]: table }), { software: { sonomics: 'test' } })));
    const dist = await buildApp(join(tmp, 'dist'));
    server = await serveStatic(dist, 0);
    context = await launchChromium(join(tmp, 'profile'));
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('risk at 1, 2 and 3 years (Cox, and Fine–Gray with death competing) and the survival curve equal predictSurvival (1e-12), on one 1366×768 screen', async () => {
    const bundle = loadModel(readFileSync(bundleFile, 'utf8'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(server.url);
    await page.setInputFiles('#bundle-file', bundleFile);
    await page.locator('#bundle-info').filter({ hasText: 'C-index' }).waitFor();
    // A patient with preoperative chemotherapy (the one prognostic predictor) and another without.
    for (const patient of [rows.find((r) => r.chemo_before_liver_resection === '1')!, rows.find((r) => r.chemo_before_liver_resection === '0')!]) {
      for (const el of await page.locator('#clinical-fields select, #clinical-fields input').all()) {
        const column = (await el.getAttribute('name'))!;
        if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(patient[column]!);
        else await el.fill(patient[column]!);
      }
      await page.click('#compute');
      await page.locator('#survival-risks').waitFor();
      const want = predictSurvival(bundle, patient, { times: [12, 24, 36], beyondLastTime: 'drop' });
      const shown = await page.locator('#survival-risks tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('data-time')), Number(tr.getAttribute('data-risk'))]));
      expect(shown.map(([t]) => t)).toEqual([12, 24, 36]);
      shown.forEach(([, r], k) => expect(Math.abs(r! - want.at[k]!.risk)).toBeLessThanOrEqual(1e-12));
      const incidence = await page.locator('#survival-risks tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-incidence'))));
      incidence.forEach((v, k) => expect(Math.abs(v - want.fineGray!.at[k]!.incidence)).toBeLessThanOrEqual(1e-12));
      expect(await page.locator('#survival-risks thead th').allInnerTexts()).toEqual(['By', 'Risk', 'Event-free', 'Fine–Gray risk']);
      expect(Number(await page.locator('#risk').getAttribute('data-risk'))).toBe(want.risk);
      expect(await page.locator('#survival-risks tbody th').allInnerTexts()).toEqual(['1 year (12 months)', '2 years (24 months)', '3 years (36 months)']);
      // The curve: a step polyline and a marker at each year.
      expect(await page.locator('#survival-curve polyline').count()).toBe(1);
      expect(await page.locator('#survival-curve circle').count()).toBe(3);
    }
    // Everything of the result in view at 1366×768.
    await page.click('#compute');
    await page.locator('#survival-curve').waitFor();
    for (const sel of ['#risk', '#risk-group', '#survival-risks', '#survival-curve', '#drivers']) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.y >= 0 && b.y + b.height <= 768 && b.x >= 0 && b.x + b.width <= 1366, sel).toBe(true);
    }
    expect(errors).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'calculator-survival.png') });
    }
    await page.close();
  });
});
