/**
 * Wilson score interval of a binomial proportion (Wilson 1927; Agresti & Coull 1998, Am Stat
 * 52:119): good coverage at small n and near 0 or 1, where the Wald interval fails — the groups
 * of a calibration plot hold 15–25 cases.
 */
import { qnorm } from './distributions.ts';

export function wilsonInterval(events: number, n: number, level = 0.95): [number, number] {
  if (n <= 0) return [NaN, NaN];
  const z = qnorm(1 - (1 - level) / 2);
  const p = events / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
