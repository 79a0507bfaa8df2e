/**
 * Writes docs/contact-sheet.png: synthetic B-mode images of both centres (rows) and the four
 * CRLM looks (columns: hypoechoic, target, hyperechoic, calcified), each with the tumour outline
 * (yellow) and the parenchyma region (cyan) drawn on a half-size copy.
 *   node --import tsx scripts/contact-sheet.ts [out.png]
 */
import { writeFileSync } from 'node:fs';
import { synthCohort, synthImages } from '../src/synth/cohort.ts';
import { encodePng } from '../src/io/png-write.ts';

const LOOKS = ['hypoechoic', 'target', 'hyperechoic', 'calcified'] as const;
const seed = 7;
const cohort = synthCohort({ nMain: 200, nExternal: 200, seed });
const tileW = 400, tileH = 300, gap = 6;
const W = LOOKS.length * tileW + (LOOKS.length + 1) * gap, H = 2 * tileH + 3 * gap;
const rgb = new Uint8Array(W * H * 3).fill(255);

['main', 'external'].forEach((which, row) => {
  LOOKS.forEach((look, col) => {
    // Medium-sized lesions show the look best.
    const index = cohort.findIndex((c) => c.cohort === which && c.patient.look === look && c.patient.diameterMm > 20 && c.patient.diameterMm < 35 && (look !== 'target' || c.patient.haloMm > 2.4));
    const c = cohort[index]!;
    const { image, tumour, parenchyma, pixels } = synthImages(c, seed, index);
    const [w, h] = image.size;
    const edge = (m: Uint8Array, x: number, y: number) => m[x + w * y] && (!m[x - 1 + w * y] || !m[x + 1 + w * y] || !m[x + w * (y - 1)] || !m[x + w * (y + 1)]);
    const ox = gap + col * (tileW + gap), oy = gap + row * (tileH + gap);
    for (let ty = 0; ty < tileH; ty++) for (let tx = 0; tx < tileW; tx++) {
      // 2×2 box downsampling; outlines win over pixels.
      let v = 0, t = false, p = false;
      for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
        const x = 2 * tx + dx, y = 2 * ty + dy;
        v += pixels[x + w * y]!;
        if (x > 0 && y > 0 && x < w - 1 && y < h - 1) { t ||= Boolean(edge(tumour.data, x, y)); p ||= Boolean(edge(parenchyma.data, x, y)); }
      }
      const o = 3 * (ox + tx + W * (oy + ty));
      const g = Math.round(v / 4);
      if (t) { rgb[o] = 255; rgb[o + 1] = 215; rgb[o + 2] = 0; }
      else if (p) { rgb[o] = 0; rgb[o + 1] = 200; rgb[o + 2] = 255; }
      else { rgb[o] = g; rgb[o + 1] = g; rgb[o + 2] = g; }
    }
  });
});
const out = process.argv[2] ?? new URL('../docs/contact-sheet.png', import.meta.url).pathname;
writeFileSync(out, encodePng({ width: W, height: H, channels: 3, bitDepth: 8, data: rgb }));
console.log(`wrote ${out} (${W}×${H})`);
