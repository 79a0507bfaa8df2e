/**
 * Checks a rendered report page in a real browser: every text run's box (one per line of each
 * text node, HTML and SVG alike) is compared with every other; two that intersect by more than
 * 2 × 2 px overlap. SVG text reaching outside its figure is clipped text. Used by the screenshot
 * script (scripts/report-screenshots.ts) and the browser test.
 */
import type { Page } from 'playwright-core';

export interface TextProblem { kind: 'overlap' | 'clipped'; a: string; b?: string; box: [number, number, number, number] }

export async function textProblems(page: Page): Promise<TextProblem[]> {
  return page.evaluate(() => {
    type Box = { t: string; x0: number; y0: number; x1: number; y1: number; svg: Element | null };
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (!text) continue;
      const el = n.parentElement;
      if (!el || el.closest('title, style, script')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 0.5 || r.height < 0.5) continue;
        boxes.push({ t: text.slice(0, 60), x0: r.left + scrollX, y0: r.top + scrollY, x1: r.right + scrollX, y1: r.bottom + scrollY, svg: el.closest('svg') });
      }
    }
    const out: Array<{ kind: 'overlap' | 'clipped'; a: string; b?: string; box: [number, number, number, number] }> = [];
    boxes.sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length && boxes[j]!.y0 < a.y1; j++) {
        const b = boxes[j]!;
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > 2 && h > 2) out.push({ kind: 'overlap', a: a.t, b: b.t, box: [Math.max(a.x0, b.x0), Math.max(a.y0, b.y0), w, h] });
      }
      if (a.svg) {
        const s = a.svg.getBoundingClientRect();
        const sx0 = s.left + scrollX, sy0 = s.top + scrollY;
        if (a.x0 < sx0 - 1 || a.x1 > sx0 + s.width + 1 || a.y0 < sy0 - 1 || a.y1 > sy0 + s.height + 1) out.push({ kind: 'clipped', a: a.t, box: [a.x0, a.y0, a.x1 - a.x0, a.y1 - a.y0] });
      }
    }
    return out;
  });
}
