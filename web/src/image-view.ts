/**
 * The image canvas: the ultrasound image in grey at its own pixel size (scaled by CSS), the
 * regions as translucent colours, and the outline being drawn. Clicks add outline points in
 * continuous pixel coordinates (pixel (i, j) spans [i, i+1) × [j, j+1)), the convention of
 * polygonToMask.
 */
import type { Image, Mask } from '../../src/index.ts';

export interface Region { name: string; label: string; color: [number, number, number]; alpha: number; mask: Mask; visible: boolean }

export const REGION_COLORS: Record<string, [number, number, number]> = {
  tumour: [230, 40, 40], ring: [255, 200, 0], parenchyma: [40, 130, 255],
};

export class ImageView {
  readonly canvas: HTMLCanvasElement;
  private grey: ImageData | null = null;
  private regions: Region[] = [];
  points: Array<[number, number]> = [];
  drawing = false;
  onPointsChanged: () => void = () => {};

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    canvas.addEventListener('click', (e) => {
      if (!this.drawing || !this.grey) return;
      const r = canvas.getBoundingClientRect();
      const x = ((e.clientX - r.left) / r.width) * canvas.width;
      const y = ((e.clientY - r.top) / r.height) * canvas.height;
      this.points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
      this.render();
      this.onPointsChanged();
    });
  }

  get hasImage(): boolean { return this.grey !== null; }

  setImage(img: Image): void {
    const [W, H] = img.size;
    // Window: the 0.5th–99.5th percentile of a sample, robust to a few bright annotation pixels.
    const sample: number[] = [];
    const step = Math.max(1, Math.floor((W * H) / 20000));
    for (let i = 0; i < W * H; i += step) sample.push(img.data[i]!);
    sample.sort((a, b) => a - b);
    const lo = sample[Math.floor(sample.length * 0.005)] ?? 0;
    const hi = sample[Math.min(sample.length - 1, Math.floor(sample.length * 0.995))] ?? 1;
    const scale = hi > lo ? 255 / (hi - lo) : 1;
    const out = new ImageData(W, H);
    for (let i = 0; i < W * H; i++) {
      const v = Math.max(0, Math.min(255, (img.data[i]! - lo) * scale));
      out.data[4 * i] = out.data[4 * i + 1] = out.data[4 * i + 2] = v;
      out.data[4 * i + 3] = 255;
    }
    this.canvas.width = W;
    this.canvas.height = H;
    this.grey = out;
    this.regions = [];
    this.points = [];
    this.render();
  }

  setRegions(regions: Region[]): void { this.regions = regions; this.render(); }

  setVisible(name: string, visible: boolean): void {
    for (const r of this.regions) if (r.name === name) r.visible = visible;
    this.render();
  }

  render(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.grey) return;
    const px = new ImageData(new Uint8ClampedArray(this.grey.data), this.grey.width, this.grey.height);
    for (const r of this.regions) {
      if (!r.visible) continue;
      const d = r.mask.data;
      for (let i = 0; i < d.length; i++) {
        if (!d[i]) continue;
        for (let c = 0; c < 3; c++) px.data[4 * i + c] = px.data[4 * i + c]! * (1 - r.alpha) + r.color[c]! * r.alpha;
      }
    }
    ctx.putImageData(px, 0, 0);
    if (this.points.length) {
      const lw = Math.max(1, this.canvas.width / 400);
      ctx.strokeStyle = '#00e5ff';
      ctx.fillStyle = '#00e5ff';
      ctx.lineWidth = lw;
      ctx.beginPath();
      this.points.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      if (!this.drawing) ctx.closePath();
      ctx.stroke();
      for (const [x, y] of this.points) ctx.fillRect(x - 1.5 * lw, y - 1.5 * lw, 3 * lw, 3 * lw);
    }
  }
}
