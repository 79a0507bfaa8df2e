// The browser app end to end: Vite build → served on 127.0.0.1 → Debian's Chromium driven by
// playwright-core. A small synthetic demo (synth → extract → study) gives a real model bundle, a
// DICOM case with its masks and a results.json. The risk the page shows must equal `predict` (what
// `sonomics predict` runs) on the same case's features to 1e-9, and no request may leave localhost.
// Skips with a message when /usr/bin/chromium is absent (.ci/run installs it); fails instead under CI=true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { encodePng, extractCase, loadModel, parseCsv, polygonToMask, predict, readImage, readMask, resolveExtractionSettings, type ModelBundle } from '../../src/index.ts';
import { serveStatic, type StaticServer } from '../../src/node/static-server.ts';
import { pngChunk } from '../../src/io/png-write.ts';
import { buildDemo, buildApp, HAS_CHROMIUM, launchChromium, requireChromium } from './setup.ts';

requireChromium('the web-app browser tests');

const SHOTS = process.env.SONOMICS_SCREENSHOTS; // e.g. docs/screenshots: where to save screenshots of both views

describe.skipIf(!HAS_CHROMIUM)('web app in headless Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sonomics-e2e-'));
  let demo: string;
  let server: StaticServer;
  let context: BrowserContext;
  let bundle: ModelBundle;
  let clinical: Record<string, Record<string, string>>;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [dist, demoDir] = await Promise.all([buildApp(join(tmp, 'dist')), buildDemo(join(tmp, 'demo'))]);
    demo = demoDir;
    server = await serveStatic(dist, 0);
    context = await launchChromium(join(tmp, 'profile'));
    context.on('request', (r) => requests.push(r.url()));
    bundle = loadModel(readFileSync(join(demo, 'study', 'bundle.json'), 'utf8'));
    const table = parseCsv(readFileSync(join(demo, 'cohort', 'clinical.csv'), 'utf8'));
    clinical = Object.fromEntries(table.rows.map((r) => [r.case_id!, r as Record<string, string>]));
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  async function open(hash = ''): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${m.text()} (${m.location().url})`); });
    await page.goto(server.url + hash);
    return page;
  }

  const cohortFile = (p: string) => join(demo, 'cohort', p);

  /** The expected prediction: extractCase with the bundle's settings (as `sonomics extract`) + predict on the CSV row. */
  function expected(caseId: string, tumour = readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_tumour.png`))))) {
    const image = readImage(new Uint8Array(readFileSync(cohortFile(`images/${caseId}.dcm`))));
    const parenchyma = readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_parenchyma.png`))));
    const { features } = extractCase({ image, tumour, parenchyma }, resolveExtractionSettings(bundle.extraction.settings), { caseId });
    return predict(bundle, { ...clinical[caseId]!, ...features }, { caseId, centre: centreOf(caseId) });
  }

  /** The demo's centre of a case: its cohort name (the demo study has no batch column). */
  const centreOf = (caseId: string) => (caseId.startsWith('B') ? bundle.harmonisation!.centres[0]! : bundle.harmonisation!.trainingCentres[0]!);

  async function loadCase(page: Page, caseId: string, withTumour = true, imageFile = cohortFile(`images/${caseId}.dcm`)): Promise<void> {
    await page.setInputFiles('#bundle-file', join(demo, 'study', 'bundle.json'));
    await page.locator('#bundle-info').filter({ hasText: 'trained on' }).waitFor();
    // The demo is harmonised (centre-robust): the calculator asks for the image's centre.
    await page.selectOption('#centre-select', centreOf(caseId));
    await page.setInputFiles('#image-file', imageFile);
    await page.waitForFunction(() => (document.getElementById('overlay') as HTMLCanvasElement).width > 1);
    if (withTumour) await page.setInputFiles('#tumour-file', cohortFile(`masks/${caseId}_tumour.png`));
    await page.setInputFiles('#parenchyma-file', cohortFile(`masks/${caseId}_parenchyma.png`));
    // The clinical form: every field the bundle generated, filled from the case's row.
    const row = clinical[caseId]!;
    for (const el of await page.locator('#clinical-fields select, #clinical-fields input').all()) {
      const column = (await el.getAttribute('name'))!;
      expect(row[column], `clinical.csv has ${column}`).toBeDefined();
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(row[column]!);
      else await el.fill(row[column]!);
    }
  }

  async function computedRisk(page: Page): Promise<number> {
    await page.click('#compute');
    await page.locator('#risk').waitFor({ timeout: 120_000 });
    return Number(await page.locator('#risk').getAttribute('data-risk'));
  }

  it('calculator: demo bundle + DICOM + masks + clinical form → the same risk as predict (1e-9)', async () => {
    const page = await open();
    const caseId = 'A0001';
    await loadCase(page, caseId);
    const risk = await computedRisk(page);
    const want = expected(caseId);
    expect(Math.abs(risk - want.risk)).toBeLessThanOrEqual(1e-9);
    const group = await page.locator('#risk-group').innerText();
    expect(group).toContain(want.class === 1 ? 'High-risk' : 'Low-risk');
    // The top drivers, then every input behind a disclosure (raw names in data-name, readable names shown).
    const names = (sel: string) => page.locator(`${sel} tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')!));
    expect(await names('#drivers')).toEqual(want.contributions.slice(0, 3).map((c) => c.name));
    expect(await names('#all-drivers')).toEqual(want.contributions.map((c) => c.name));
    expect(await page.locator('#all-drivers').isVisible()).toBe(false);
    expect(await page.locator('#drivers tbody th').first().innerText()).not.toMatch(/_/);
    expect(await page.locator('#legend label').allInnerTexts()).toEqual(['Tumour', 'Peri-tumoural ring (ring5mm)', 'Parenchyma']);
    // Each model of the bundle gives predict's risk too (clinical: no image features).
    for (const m of Object.keys(bundle.models) as Array<keyof ModelBundle['models']>) {
      await page.selectOption('#model-select', m);
      for (const el of await page.locator('#clinical-fields select, #clinical-fields input').all()) {
        const column = (await el.getAttribute('name'))!;
        if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(clinical[caseId]![column]!);
        else await el.fill(clinical[caseId]![column]!);
      }
      const r = await computedRisk(page);
      expect(Math.abs(r - predict(bundle, { ...clinical[caseId]!, ...featuresOf(caseId) }, { model: m, centre: centreOf(caseId) }).risk), m).toBeLessThanOrEqual(1e-9);
    }
    await page.close();
  });

  it('1366×768: after Compute, risk, risk group, top drivers and the image with its outline are on one screen', async () => {
    const page = await open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadCase(page, 'A0001');
    await computedRisk(page);
    const inView = async (sel: string) => {
      const b = (await page.locator(sel).boundingBox())!;
      return b.y >= 0 && b.y + b.height <= 768 && b.x >= 0 && b.x + b.width <= 1366;
    };
    for (const sel of ['#risk', '#risk-group', '#drivers', '#overlay']) expect(await inView(sel), sel).toBe(true);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'calculator.png') });
    }
    await page.close();
  });

  it('must-show: for every external (centre B) case, the calculator gives exactly the study\'s external probability and class', async () => {
    const study = parseCsv(readFileSync(join(demo, 'study', 'predictions.csv'), 'utf8')).rows.filter((r) => r.set === 'external');
    expect(study.length).toBeGreaterThanOrEqual(10);
    const page = await open();
    const m = bundle.defaultModel;
    for (const r of study) {
      await loadCase(page, r.id!);
      const risk = await computedRisk(page);
      expect(risk, `${r.id} ${m}`).toBe(Number(r[`p_${m}`]));
      expect(Number(await page.locator('#risk').getAttribute('data-class')), r.id).toBe(Number(r[`class_${m}`]));
      expect(await page.locator('#risk-group').innerText()).toContain(`Centre: ${bundle.harmonisation!.centres[0]}`);
    }
    // No centre chosen: the page says what to do instead of skipping the harmonisation.
    await page.selectOption('#centre-select', '');
    await page.click('#compute');
    await expect.poll(() => page.locator('#calc-error').innerText()).toMatch(/choose the centre/);
    await page.close();
  }, 600_000);

  const featureCache = new Map<string, Record<string, number>>();
  function featuresOf(caseId: string): Record<string, number> {
    if (!featureCache.has(caseId)) {
      const image = readImage(new Uint8Array(readFileSync(cohortFile(`images/${caseId}.dcm`))));
      const tumour = readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_tumour.png`))));
      const parenchyma = readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_parenchyma.png`))));
      featureCache.set(caseId, extractCase({ image, tumour, parenchyma }, resolveExtractionSettings(bundle.extraction.settings), { caseId }).features);
    }
    return featureCache.get(caseId)!;
  }

  it('calculator: a polygon drawn on the image gives a prediction (equal to predict on the same outline)', async () => {
    const page = await open();
    const caseId = 'A0002';
    await loadCase(page, caseId, false);
    // Click an octagon around the tumour's centre, inside its bounding box.
    const t = readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_tumour.png`))));
    const [W, H] = t.size;
    let x0 = W, x1 = 0, y0 = H, y1 = 0;
    for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) if (t.data[i + W * j]) { x0 = Math.min(x0, i); x1 = Math.max(x1, i); y0 = Math.min(y0, j); y1 = Math.max(y1, j); }
    const cx = (x0 + x1 + 1) / 2, cy = (y0 + y1 + 1) / 2, rx = (x1 - x0 + 1) / 2, ry = (y1 - y0 + 1) / 2;
    await page.check('#mode-draw');
    await page.click('#draw-toggle');
    await page.locator('#overlay').scrollIntoViewIfNeeded();
    const box = (await page.locator('#overlay').boundingBox())!;
    for (let k = 0; k < 8; k++) {
      const a = (2 * Math.PI * k) / 8;
      await page.mouse.click(box.x + ((cx + 0.8 * rx * Math.cos(a)) / W) * box.width, box.y + ((cy + 0.8 * ry * Math.sin(a)) / H) * box.height);
    }
    await page.click('#draw-toggle'); // finish
    expect(await page.locator('#outline-info').innerText()).toMatch(/8 points, \d+ pixels inside/);
    const points = (await page.inputValue('#outline-points')).split('\n').map((l) => l.split(',').map(Number) as [number, number]);
    expect(points).toHaveLength(8);
    const risk = await computedRisk(page);
    expect(risk).toBeGreaterThan(0);
    expect(risk).toBeLessThan(1);
    const want = expected(caseId, polygonToMask(points, t));
    expect(Math.abs(risk - want.risk)).toBeLessThanOrEqual(1e-9);
    await page.close();
  });

  // Issue #14: a PNG carries no pixel size, the demo bundle's settings are in mm (5 mm ring, LoG σ in
  // mm). The calculator asks for the pixel size, refuses implausible values by name, and with the
  // DICOM's own spacing typed in gives exactly predict's risk for the DICOM; a PNG pHYs is used and shown.
  it('pixel size: an uncalibrated PNG asks for it; bad values are named errors; typed = the DICOM\'s spacing gives predict\'s risk (1e-9); PNG pHYs is used and shown', async () => {
    const caseId = 'A0001';
    const dicom = readImage(new Uint8Array(readFileSync(cohortFile(`images/${caseId}.dcm`))));
    const [sx, sy] = dicom.spacing;
    let max = 0;
    for (const v of dicom.data) max = Math.max(max, v);
    const pixels = { width: dicom.size[0], height: dicom.size[1], channels: 1 as const, bitDepth: (max > 255 ? 16 : 8) as 8 | 16, data: dicom.data };
    const pngBytes = encodePng(pixels);
    // the PNG holds exactly the DICOM's pixel values (so the features can only differ by the pixel size)
    expect(Array.from(readImage(pngBytes).data)).toEqual(Array.from(dicom.data));
    const png = join(tmp, `${caseId}.png`);
    writeFileSync(png, pngBytes);
    const page = await open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadCase(page, caseId, true, png);
    expect(await page.locator('#pixel-size-box').isVisible()).toBe(true);
    const failWith = async (text: string) => {
      await page.click('#compute');
      await page.locator('#calc-error').filter({ hasText: text }).waitFor({ timeout: 120_000 });
      expect(await page.locator('#risk').count()).toBe(0);
    };
    await failWith('enter the pixel size (mm per pixel)');
    expect(await page.locator('#calc-error').innerText()).toContain('no physical calibration');
    await page.fill('#pixel-size-x', '0');
    await failWith('pixel size x "0": write the size of one pixel in mm as a positive number');
    await page.fill('#pixel-size-x', '50');
    await failWith('pixel size x 50 mm is outside the plausible range 0.001–10 mm per pixel');
    await page.fill('#pixel-size-x', 'abc');
    await failWith('pixel size x "abc"');
    await page.fill('#pixel-size-x', String(sx));
    await page.fill('#pixel-size-y', String(sy));
    const risk = await computedRisk(page);
    expect(Math.abs(risk - expected(caseId).risk)).toBeLessThanOrEqual(1e-9);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      // the typed pixel size beside the result (the result column is sticky)
      await page.locator('#pixel-size').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(SHOTS, 'calculator-pixel-size.png') });
    }
    // A PNG with pHYs in pixels per metre: its pixel size is read, shown, and used (no input asked).
    const ppm = Math.round(1000 / sx);
    const phys = new Uint8Array(9);
    new DataView(phys.buffer).setUint32(0, ppm);
    new DataView(phys.buffer).setUint32(4, ppm);
    phys[8] = 1; // unit: metre
    const withPhys = new Uint8Array([...pngBytes.subarray(0, 33), ...pngChunk('pHYs', phys), ...pngBytes.subarray(33)]);
    const physFile = join(tmp, `${caseId}-phys.png`);
    writeFileSync(physFile, withPhys);
    await page.setInputFiles('#image-file', physFile);
    await page.locator('#pixel-size-file').filter({ hasText: 'PNG pHYs' }).waitFor();
    expect(await page.locator('#pixel-size-file').innerText()).toContain(`${(1000 / ppm).toFixed(4)} × ${(1000 / ppm).toFixed(4)} mm per pixel`);
    expect(await page.locator('#pixel-size-box').isVisible()).toBe(false);
    await page.setInputFiles('#tumour-file', cohortFile(`masks/${caseId}_tumour.png`));
    await page.setInputFiles('#parenchyma-file', cohortFile(`masks/${caseId}_parenchyma.png`));
    const physRisk = await computedRisk(page);
    const img = readImage(withPhys);
    expect(img.spacingSource).toBe('PNG pHYs');
    const { features } = extractCase({ image: img, tumour: readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_tumour.png`)))), parenchyma: readMask(new Uint8Array(readFileSync(cohortFile(`masks/${caseId}_parenchyma.png`)))) }, resolveExtractionSettings(bundle.extraction.settings), { caseId });
    expect(Math.abs(physRisk - predict(bundle, { ...clinical[caseId]!, ...features }, { caseId, centre: centreOf(caseId) }).risk)).toBeLessThanOrEqual(1e-9);
    await page.close();
  });

  it('study viewer: results.json → performance table and ROC charts', async () => {
    const page = await open('#study');
    await page.setInputFiles('#results-file', join(demo, 'study', 'results.json'));
    await page.locator('#roc-charts svg').first().waitFor();
    expect(await page.locator('#roc-charts svg').count()).toBeGreaterThanOrEqual(2); // CV and external
    expect(await page.locator('#roc-charts svg polyline, #roc-charts svg path').count()).toBeGreaterThan(2);
    const perf = await page.locator('#performance-table').innerText();
    for (const m of Object.keys(bundle.models)) expect(perf).toContain(m);
    expect(await page.locator('#calibration-charts svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#decision-charts svg').count()).toBeGreaterThanOrEqual(2);
    if (SHOTS) {
      await page.setViewportSize({ width: 1280, height: 1190 }); // the table and the ROC charts
      await page.screenshot({ path: join(SHOTS, 'study-viewer.png') });
    }
    await page.close();
  });

  it('wrong files give a clear message in the page and nothing breaks', async () => {
    const page = await open();
    const err = page.locator('#calc-error');
    // A bundle of another schema.
    const other = join(tmp, 'other-bundle.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(join(demo, 'study', 'bundle.json'), 'utf8')), schema: 'someone.else/2' }));
    await page.setInputFiles('#bundle-file', other);
    await expect.poll(() => err.innerText()).toContain('schema is "someone.else/2"');
    // Not an image.
    const text = join(tmp, 'notes.txt');
    writeFileSync(text, 'this is not an image\n');
    await page.setInputFiles('#image-file', text);
    await expect.poll(() => err.innerText()).toContain('not a recognised image');
    // A mask of the wrong size.
    await page.setInputFiles('#image-file', cohortFile('images/A0003.dcm'));
    await expect.poll(() => err.innerText()).toBe('');
    const small = join(tmp, 'small-mask.png');
    writeFileSync(small, encodePng({ width: 12, height: 9, channels: 1, bitDepth: 8, data: new Uint8Array(108).fill(255) }));
    await page.setInputFiles('#tumour-file', small);
    await expect.poll(() => err.innerText()).toMatch(/12×9 does not match image \d+×\d+/);
    // A model bundle opened in the study viewer.
    await page.click('#tab-study');
    await page.setInputFiles('#results-file', join(demo, 'study', 'bundle.json'));
    await expect.poll(() => page.locator('#study-error').innerText()).toContain('results schema');
    // Nothing broke: the right files still give a prediction.
    await page.click('#tab-calculator');
    await loadCase(page, 'A0003');
    expect(Math.abs((await computedRisk(page)) - expected('A0003').risk)).toBeLessThanOrEqual(1e-9);
    await page.close();
  });

  it('keyboard and 200% zoom: tabs move with the arrow keys; no horizontal scrolling at 640 px', async () => {
    const page = await open();
    await page.focus('#tab-calculator');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-study');
    expect(await page.locator('#panel-study').isVisible()).toBe(true);
    // 200% zoom of a 1280 px window = a 640 px CSS viewport.
    await page.setViewportSize({ width: 640, height: 800 });
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // Also with a study open: wide tables scroll inside their own box, charts shrink.
    await page.click('#tab-study');
    await page.setInputFiles('#results-file', join(demo, 'study', 'results.json'));
    await page.locator('#roc-charts svg').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.click('#tab-calculator');
    for (const id of ['bundle-file', 'image-file', 'tumour-file', 'parenchyma-file']) {
      expect(await page.locator(`label[for="${id}"]`).count(), id).toBe(1);
    }
    await page.close();
  });

  it('made no request beyond 127.0.0.1 and raised no page errors', () => {
    const outside = requests.filter((u) => { const p = new URL(u); return !(p.protocol === 'data:' || p.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(p.hostname)); });
    expect(outside).toEqual([]);
    expect(requests.some((u) => /\/assets\/extract-worker-[\w-]+\.js$/.test(u)), 'extraction ran in the Web Worker').toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
