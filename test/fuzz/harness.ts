/**
 * The mutation-fuzz harness: for one reader, runs `count` seeded mutations in a child process
 * with a heap limit, and stops a child that spends longer than `timeoutMs` on one input (a hang),
 * restarting after it. Returns the outcome counts plus every hang, crash and uncoded exception
 * with the index that reproduces it (mutate(seedInput, seed, index)).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FuzzReport {
  reader: string;
  count: number;
  outcomes: Record<string, number>;
  hangs: number[];
  crashes: Array<{ index: number; how: string }>;
  uncoded: Array<{ index: number; outcome: string }>;
  seconds: number;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export async function fuzzReader(reader: string, count: number, opts: { seed?: number; timeoutMs?: number; heapMb?: number } = {}): Promise<FuzzReport> {
  const seed = opts.seed ?? 1;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const t0 = Date.now();
  const report: FuzzReport = { reader, count, outcomes: {}, hangs: [], crashes: [], uncoded: [], seconds: 0 };
  let next = 0;
  while (next < count) {
    next = await new Promise<number>((resolve) => {
      let current = next; // the input the child is on
      const child = fork(CHILD, [reader, String(seed), String(next), String(count)], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${opts.heapMb ?? 1024}`],
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      let timer = setTimeout(() => onHang(), timeoutMs * 3); // the first input also pays for start-up
      let hung = false;
      const onHang = () => { hung = true; child.kill('SIGKILL'); };
      child.on('message', (m: { i: number; outcome: string }) => {
        report.outcomes[m.outcome.startsWith('UNCODED') ? 'UNCODED' : m.outcome] = (report.outcomes[m.outcome.startsWith('UNCODED') ? 'UNCODED' : m.outcome] ?? 0) + 1;
        if (m.outcome.startsWith('UNCODED')) report.uncoded.push({ index: m.i, outcome: m.outcome });
        current = m.i + 1;
        clearTimeout(timer);
        timer = setTimeout(onHang, timeoutMs);
      });
      // 'close', not 'exit': 'exit' may come before the last IPC messages are delivered, which
      // made a finished child look as if it had died mid-run
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (current >= count) return resolve(count);
        if (hung) report.hangs.push(current);
        else report.crashes.push({ index: current, how: signal ? `signal ${signal}` : `exit ${code}` });
        resolve(current + 1); // skip the input that hung or crashed, go on with a fresh child
      });
    });
  }
  report.seconds = (Date.now() - t0) / 1000;
  return report;
}
