/** Small helpers for benchmarks: timing statistics and the one JSON-line output format. */
import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * CPU seconds of this process plus its finished child processes (the worker pool runs cases in
 * child processes; Linux adds a child's CPU to the parent's cutime/cstime once it has exited).
 */
export function cpuSecondsWithChildren(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6 + childCpuSeconds();
}

function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // Fields after the command name: index 13/14 are cutime/cstime in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory (bytes) of this process and its live child processes (Linux /proc; else own RSS). */
export function treeRssBytes(): number {
  let total = process.memoryUsage().rss;
  try {
    for (const t of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
        const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
        total += pages * 4096;
      }
    }
  } catch {
    // not Linux, or a child exited while we looked
  }
  return total;
}
