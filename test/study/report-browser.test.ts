// report.html in headless Chromium (Debian's `chromium`, installed by .ci/run): it opens without
// console errors and every section, table and chart is there. Skips with a message without Chromium
// (fails instead under CI=true).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { CHROMIUM, HAS_CHROMIUM, requireChromium } from '../helpers/chromium.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy } from '../../src/study/run.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import { renderReport, REPORT_SECTIONS } from '../../src/report/render.ts';

requireChromium('the report browser test');

const COMBAT = sharedPath('oracles', 'data', 'combat_data.csv');

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)('report.html in headless Chromium', () => {
  it('opens without console errors and shows every section', async () => {
    // A small three-model study: 70 cases, 12 features; a derived "clinical" variable from f12.
    const cfg = parseStudyConfig({
      title: 'Browser check',
      seed: 1,
      data: { outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: [COMBAT] }] },
      clinical: { variables: [{ name: 'f12_high', derive: 'f12 > 17' }, { name: 'batch', type: 'binary', column: 'batch', derive: 'batch == 2' }] },
      radiomics: { include: ['f??'] },
      svm: { C: [1], gamma: [0.1] },
      innerFolds: 3,
    });
    const html = renderReport(runStudy(cfg, { [COMBAT]: readTableFile(COMBAT) }));
    const file = join(mkdtempSync(join(tmpdir(), 'sonomics-report-')), 'report.html');
    writeFileSync(file, html);

    const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(file).href);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]); // self-contained: nothing fetched from the network
      for (const id of REPORT_SECTIONS) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
      const box = await page.locator('section#roc svg.chart').first().boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(await page.locator('section#performance table').first().innerText()).toContain('combined');
    } finally {
      await browser.close();
    }
  });
});
