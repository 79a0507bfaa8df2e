/**
 * Screenshots of every section of the demo's report in real Chromium, into docs/screenshots/
 * (report-<section>.png), with the page checked on the way: no console errors, no request leaving
 * the file, and no text overlapping other text or clipped by its figure (report-check.ts).
 * Exits 1 and lists the problems when a check fails.
 *
 *   node --import tsx scripts/report-screenshots.ts [--demo DIR] [--out docs/screenshots]
 *
 * Without --demo it runs the default demo (224 + 54 cases, seed 2024) into a temporary folder.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDemo } from '../src/node/demo.ts';
import { CHROMIUM_ARGS, findChromium } from '../src/node/figure-png.ts';
import { textProblems } from '../src/node/report-check.ts';
import { REPORT_SECTIONS } from '../src/report/render.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const out = resolve(arg('--out') ?? 'docs/screenshots');
let demo = arg('--demo');
if (!demo) {
  demo = mkdtempSync(join(tmpdir(), 'sonomics-report-shots-'));
  await runDemo({ outDir: demo, log: (l) => console.error(l) });
}
const executablePath = findChromium();
if (!executablePath) { console.error('no Chromium (apt-get install chromium)'); process.exit(1); }
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(join(demo, 'study', 'report.html')).href);
  const problems = await textProblems(page);
  mkdirSync(out, { recursive: true });
  for (const id of REPORT_SECTIONS) await page.locator(`section#${id}`).screenshot({ path: join(out, `report-${id}.png`) });
  console.log(JSON.stringify({ sections: REPORT_SECTIONS.length, consoleErrors: errors, externalRequests: requests, textProblems: problems.length }));
  for (const p of problems) console.log(JSON.stringify(p));
  failed = errors.length > 0 || requests.length > 0 || problems.length > 0;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
