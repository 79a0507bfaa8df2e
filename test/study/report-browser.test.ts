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
import { textProblems } from '../../src/node/report-check.ts';

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
      // No text run overlaps another and no figure text is cut off by its SVG (report-check.ts).
      expect(await textProblems(page)).toEqual([]);
      // every figure is in the page, and every checklist link lands on an element of it
      const hrefs = await page.locator('section#tripod a, section#clear a, section#ibsi-items a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
      expect(hrefs.length).toBeGreaterThan(60);
      for (const id of new Set(hrefs)) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
      for (const id of REPORT_SECTIONS) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
      const box = await page.locator('section#roc svg.chart').first().boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(await page.locator('section#performance table').first().innerText()).toContain('combined');
    } finally {
      await browser.close();
    }
  });

  it('the overlap check finds overlapping and clipped text (self-check)', async () => {
    const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.setContent(`<p style="position:absolute;top:10px;left:10px;margin:0">first label</p><p style="position:absolute;top:14px;left:20px;margin:0">second label</p>
        <p style="position:absolute;top:100px;left:10px;margin:0">alone</p>
        <svg width="100" height="60" style="position:absolute;top:200px;left:0"><text x="60" y="30" font-size="12">cut off at the edge</text></svg>`);
      const problems = await textProblems(page);
      expect(problems.filter((p) => p.kind === 'overlap').map((p) => [p.a, p.b])).toEqual([['first label', 'second label']]);
      expect(problems.filter((p) => p.kind === 'clipped').map((p) => p.a)).toEqual(['cut off at the edge']);
    } finally {
      await browser.close();
    }
  });
});
