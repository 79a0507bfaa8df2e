/**
 * 300-dpi PNG files of the report's figures, for journals: each standalone SVG is rendered by
 * headless Chromium (Debian's /usr/bin/chromium through playwright-core) at 300/96 device pixels
 * per CSS pixel, and the PNG gets a pHYs chunk saying 300 dpi. Node-only (the library stays
 * browser-safe); without Chromium the SVGs are still written and the caller is told why no PNG.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngChunk } from '../io/png-write.ts';
import type { ReportFigure } from '../report/sections/context.ts';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DPI = 300;

export function findChromium(): string | undefined {
  return CHROMIUM_PATHS.find((p) => existsSync(p));
}

/** Inserts (or replaces) the pHYs chunk: pixels per metre in x and y, unit metre. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const body = new Uint8Array(9);
  const dv = new DataView(body.buffer);
  dv.setUint32(0, ppm);
  dv.setUint32(4, ppm);
  body[8] = 1;
  const chunk = pngChunk('pHYs', body);
  // Signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC = 25): pHYs must precede IDAT.
  const head = 8 + 25;
  const rest = stripChunk(png.subarray(head), 'pHYs');
  const out = new Uint8Array(head + chunk.length + rest.length);
  out.set(png.subarray(0, head), 0);
  out.set(chunk, head);
  out.set(rest, head + chunk.length);
  return out;
}

function stripChunk(chunks: Uint8Array, type: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let i = 0;
  while (i + 8 <= chunks.length) {
    const len = new DataView(chunks.buffer, chunks.byteOffset + i).getUint32(0);
    const t = String.fromCharCode(...chunks.subarray(i + 4, i + 8));
    if (t !== type) parts.push(chunks.subarray(i, i + 12 + len));
    i += 12 + len;
  }
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Renders every figure to <dir>/<id>.png; returns the paths, or the reason none was made. */
export async function writeFigurePngs(figures: ReportFigure[], dir: string): Promise<{ paths: string[]; skipped?: string }> {
  const executablePath = findChromium();
  if (!executablePath) return { paths: [], skipped: `no Chromium at ${CHROMIUM_PATHS.join(' or ')} (apt-get install chromium): figures written as SVG only` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: DPI / 96 });
    const paths: string[] = [];
    for (const f of figures) {
      await page.setContent(`<!DOCTYPE html><html><head><style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${f.svg}</body></html>`);
      const shot = await page.locator('svg').first().screenshot({ type: 'png', omitBackground: false });
      const path = join(dir, `${f.id}.png`);
      writeFileSync(path, withDpi(new Uint8Array(shot), DPI));
      paths.push(path);
    }
    return { paths };
  } finally {
    await browser.close();
  }
}
