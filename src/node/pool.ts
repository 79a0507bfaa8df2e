/**
 * A small worker-thread pool: runs `fn(input)` from a task module on N workers, hands each result
 * (or error) to `onDone` as soon as it arrives, and resolves when every task is done or `stop()`
 * was called. With workers = 0 the tasks run in this thread (simpler to debug, same results).
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<I, O> {
  /** Absolute file URL of the task module (e.g. new URL('./task.ts', import.meta.url).href). */
  module: string;
  fn: string;
  inputs: I[];
  workers: number;
  onDone: (index: number, outcome: { ok: true; result: O } | { ok: false; error: { message: string; code: string } }) => void | Promise<void>;
  /** Checked after each task; when it returns true no new task starts. */
  shouldStop?: () => boolean;
}

export async function runPool<I, O>(opts: PoolOptions<I, O>): Promise<void> {
  const { inputs } = opts;
  let next = 0;
  if (opts.workers <= 0) {
    const mod = (await import(opts.module)) as Record<string, (i: I) => Promise<O> | O>;
    const fn = mod[opts.fn]!;
    for (; next < inputs.length && !opts.shouldStop?.(); next++) {
      try {
        await opts.onDone(next, { ok: true, result: await fn(inputs[next]!) });
      } catch (err) {
        const e = err as { message?: string; code?: string };
        await opts.onDone(next, { ok: false, error: { message: e.message ?? String(err), code: e.code ?? 'INTERNAL' } });
      }
    }
    return;
  }
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const n = Math.min(opts.workers, inputs.length);
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(boot, { workerData: { module: opts.module, fn: opts.fn } });
    let current = -1;
    let chain = Promise.resolve();
    const feed = () => {
      if (next >= inputs.length || opts.shouldStop?.()) {
        void worker.terminate().then(() => resolve());
        return;
      }
      current = next++;
      worker.postMessage({ id: current, input: inputs[current] });
    };
    worker.on('message', (msg: { ready?: boolean; id: number; ok: boolean; result?: O; error?: { message: string; code: string } }) => {
      if (msg.ready) { feed(); return; }
      const outcome = msg.ok ? { ok: true as const, result: msg.result as O } : { ok: false as const, error: msg.error! };
      chain = chain.then(() => opts.onDone(msg.id, outcome)).then(feed, reject);
    });
    worker.on('error', (err) => {
      // A crashed worker fails its current task only; the pool goes on with the others.
      if (current >= 0) void opts.onDone(current, { ok: false, error: { message: err.message, code: 'INTERNAL' } });
      resolve();
    });
  })));
}
