/**
 * FFT speed (src/math/fft.ts): CPU ms for a forward plus inverse `fftNd` of a real-valued field,
 * for the shapes the Fourier-domain filters meet — powers of two, 2·3·5-smooth sizes (Stockham
 * stages) and sizes with large prime factors (Bluestein) — in 1D, 2D and 3D. One JSON line per
 * shape (wall-clock median/p95 and CPU ms per run).
 */
import { fftNd } from '../src/math/fft.ts';
import { emit, summarise } from './util.ts';

const SHAPES: number[][] = [
  [4096], [4099], // 2^12 and a prime
  [512, 512], [500, 375], [353, 274], [97, 89], // the BUS-BRA image 274 × 353 transposed and padded sizes
  [64, 64, 64], [60, 61, 62],
];

for (const dims of SHAPES) {
  const n = dims.reduce((a, b) => a * b, 1);
  const re = new Float64Array(n), im = new Float64Array(n);
  const fill = () => { for (let i = 0; i < n; i++) { re[i] = Math.sin(i * 0.37) + (i % 11); im[i] = 0; } };
  fill();
  fftNd(re, im, dims); fftNd(re, im, dims, true); // warm-up (JIT, twiddles, chirps)
  const repeats = n > 100_000 ? 5 : 20;
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < repeats; r++) {
    fill();
    const t = performance.now();
    fftNd(re, im, dims);
    fftNd(re, im, dims, true);
    ms.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  emit({ bench: 'fft', shape: dims.join('x'), ...summarise(ms), cpu_ms: Math.round(((cpu.user + cpu.system) / 1000 / repeats) * 100) / 100 });
}
