/**
 * Shared setup of the browser tests: build the web app (Vite) into a temporary folder, make a small
 * synthetic demo (synth → extract → study), and launch Debian's Chromium headless with a fresh
 * profile and no background networking.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../helpers/chromium.ts';
import { buildWebApp } from '../../src/cli/serve.ts';
import { runDemo } from '../../src/node/demo.ts';

// Where Chromium is, and whether its absence skips (a developer's machine) or fails (CI=true).
export { CHROMIUM, HAS_CHROMIUM, requireChromium } from '../helpers/chromium.ts';

/** The same build `sonomics serve` makes, into a temporary folder (tests never touch web/dist). */
export const buildApp = (outDir: string): Promise<string> => buildWebApp(outDir);

/**
 * A demo small enough for a test (40 + 12 cases) but with a real study behind it. Set
 * SONOMICS_E2E_DEMO to an existing demo folder to reuse it while developing.
 */
export async function buildDemo(outDir: string): Promise<string> {
  const reuse = process.env.SONOMICS_E2E_DEMO;
  if (reuse && existsSync(`${reuse}/study/bundle.json`)) return reuse;
  await runDemo({ outDir, nMain: 40, nExternal: 12, workers: 2, log: () => {} });
  return outDir;
}

export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
}
