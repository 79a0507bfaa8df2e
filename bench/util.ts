/** Small helpers for benchmarks: timing statistics and the one JSON-line output format. */
export function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarise(ms: number[]): { median_ms: number; p95_ms: number; mean_ms: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { median_ms: round(quantile(s, 0.5)), p95_ms: round(quantile(s, 0.95)), mean_ms: round(mean), n: s.length };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function sharedDir(): string | null {
  const p = process.env.SONOMICS_SHARED ?? new URL('../../shared', import.meta.url).pathname;
  return p;
}
