/**
 * A small process pool: runs `fn(input)` from a task module in N worker processes, hands each
 * result (or error) to `onDone` as soon as it arrives, and resolves when every task is done or
 * `stop()` was called. With workers = 0 the tasks run in this thread (simpler to debug, same results).
 *
 * Why processes and not worker threads: worker threads share one V8 platform whose parallel
 * garbage-collector threads compete with the other workers for the cores; each child here runs
 * with `--single-threaded` (see WORKER_EXEC_ARGV and docs/performance.md). A child that dies (e.g. out of memory on a huge image) fails only the
 * task it was running; a fresh child takes over the rest.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SonomicsError } from '../core/errors.ts';

export interface PoolOptions<I, O> {
  /** Absolute file URL of the task module (e.g. taskModule('./task', import.meta.url)). */
  module: string;
  fn: string;
  inputs: I[];
  workers: number;
  onDone: (index: number, outcome: { ok: true; result: O } | { ok: false; error: { message: string; code: string } }) => void | Promise<void>;
  /** Checked after each task; when it returns true no new task starts. */
  shouldStop?: () => boolean;
  /**
   * A task running longer than this in a worker fails alone with TIMEOUT: its worker is killed and
   * a fresh one takes the remaining tasks (a hung case must not stop a cohort). Not applied with
   * workers = 0, where tasks run in this thread.
   */
  taskTimeoutMs?: number;
  /** V8 old-space limit of each worker in MB (--max-old-space-size); past it the worker dies and its task fails. */
  workerMemoryMb?: number;
}

/**
 * The file URL of a task module beside the calling module, with the caller's own extension:
 * `.ts` when running from the sources (tsx), `.js` when running from the compiled package (dist/).
 * A literal './task.ts' would name a file the published package does not have.
 */
export function taskModule(relativeWithoutExtension: string, callerUrl: string): string {
  return new URL(relativeWithoutExtension + extname(new URL(callerUrl).pathname), callerUrl).href;
}

/**
 * Node options of every worker process (V8 flags cannot be set per worker thread).
 *
 * `--single-threaded`: V8 runs no background thread at all — no parallel/concurrent GC marking
 * (what `--single-threaded-gc`, the session-2 choice, already removed) and no concurrent TurboFan
 * compile thread either: a hot function is compiled on the worker's own thread, at the moment
 * it becomes hot. The pool starts one worker per core, so a background thread never had an idle
 * core to itself: it took CPU from the other worker, and the worker kept interpreting the hot
 * loop while its compile was pending (both cost CPU). Measured in CPU time, fresh processes
 * alternated (docs/performance.md, "Session 6"): the first BUS-BRA lesion in PyRadiomics mode
 * ≈ 20 % cheaper than with `--single-threaded-gc`, the first pass over 50 lesions as cheap or
 * cheaper, LoG + wavelet ≈ 5–15 % cheaper per lesion (WebAssembly filters included); wall time
 * follows CPU since nothing runs beside the worker's thread. Not chosen: Maglev (experimental in Node 20's V8 11.3, and slower
 * here), `--always-sparkplug` (compiles every function once: more CPU), `--max-lazy` and
 * interrupt-budget changes (within the noise, or trading the first lesion against the batch).
 */
export const WORKER_EXEC_ARGV = ['--single-threaded'];

/**
 * Tasks sent ahead to each worker, so it never waits for this process to store a result and
 * send the next task.
 */
const IN_FLIGHT_PER_WORKER = 2;

type Outcome<O> = { ok: true; result: O } | { ok: false; error: { message: string; code: string } };
interface Reply<O> { ready?: boolean; id: number; ok: boolean; result?: O; error?: { message: string; code: string } }

export async function runPool<I, O>(opts: PoolOptions<I, O>): Promise<void> {
  if (opts.workers <= 0) return runInThread(opts);
  const { inputs } = opts;
  const queue: number[] = inputs.map((_, i) => i);
  // Results are handed to onDone one at a time, in arrival order.
  let chain = Promise.resolve();
  let failure: unknown = null;
  const deliver = (id: number, outcome: Outcome<O>) => {
    chain = chain.then(() => opts.onDone(id, outcome)).catch((err: unknown) => { failure ??= err; });
    return chain;
  };
  const boot = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));
  const runWorker = (): Promise<void> => new Promise<void>((resolve) => {
    const child: ChildProcess = fork(boot, [opts.module, opts.fn], {
      execArgv: opts.workerMemoryMb ? [...WORKER_EXEC_ARGV, `--max-old-space-size=${opts.workerMemoryMb}`] : WORKER_EXEC_ARGV,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const inFlight: number[] = [];
    let ready = false;
    // The clock of the task the worker is running (the first in flight) starts when the task before it returned.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let clockFor: number | undefined;
    let timedOut = false;
    const armClock = () => {
      if (!opts.taskTimeoutMs || inFlight[0] === clockFor) return;
      clearTimeout(timer);
      clockFor = inFlight[0];
      if (clockFor !== undefined) timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.taskTimeoutMs);
    };
    const feed = () => {
      if (!child.connected) return;
      while (ready && inFlight.length < IN_FLIGHT_PER_WORKER && queue.length && !opts.shouldStop?.() && failure === null) {
        const id = queue.shift()!;
        inFlight.push(id);
        child.send({ id, input: inputs[id] });
      }
      armClock();
      if (inFlight.length === 0) child.disconnect();
    };
    child.on('message', (msg: Reply<O>) => {
      if (msg.ready) { ready = true; feed(); return; }
      inFlight.splice(inFlight.indexOf(msg.id), 1);
      armClock();
      const outcome: Outcome<O> = msg.ok ? { ok: true, result: msg.result as O } : { ok: false, error: msg.error! };
      void deliver(msg.id, outcome).then(feed);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready && code !== 0) {
        failure ??= new SonomicsError('INTERNAL', `a worker process could not start (exit code ${code ?? signal}); its error is printed above. Run with --workers 0 to see it in this process.`);
      }
      if (inFlight.length === 0) { resolve(); return; }
      // The child died mid-task: the task it was running fails; those sent ahead go back to the queue.
      const [running, ...ahead] = inFlight;
      queue.unshift(...ahead);
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const error = timedOut
        ? { code: 'TIMEOUT', message: `the case ran longer than its time limit of ${opts.taskTimeoutMs! / 1000} s and was stopped; raise --case-timeout if such cases are expected, or check the image (size, spacing).` }
        : {
          code: 'WORKER_CRASHED',
          message: `the worker process died (${how}) while working on this case — often memory exhausted by a very large image; ` +
            'retry it alone with --workers 1, or crop/downsample the image.',
        };
      void deliver(running!, { ok: false, error }).then(() => (queue.length && !opts.shouldStop?.() && failure === null ? runWorker() : undefined)).then(() => resolve());
    });
  });
  await Promise.all(Array.from({ length: Math.min(opts.workers, inputs.length) }, runWorker));
  await chain;
  if (failure !== null) throw failure;
}

async function runInThread<I, O>(opts: PoolOptions<I, O>): Promise<void> {
  const mod = (await import(opts.module)) as Record<string, (i: I) => Promise<O> | O>;
  const fn = mod[opts.fn]!;
  for (let next = 0; next < opts.inputs.length && !opts.shouldStop?.(); next++) {
    let outcome: Outcome<O>;
    try {
      outcome = { ok: true, result: await fn(opts.inputs[next]!) };
    } catch (err) {
      const e = err as { message?: string; code?: string };
      outcome = { ok: false, error: { message: e.message ?? String(err), code: e.code ?? 'INTERNAL' } };
    }
    await opts.onDone(next, outcome);
  }
}
