// The worker-process pool: every task gets an outcome, a thrown error fails only its task, and a
// worker that dies fails only the task it was running while a fresh worker finishes the rest.
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/node/pool.ts';

const module = new URL('./fixtures/pool-task.ts', import.meta.url).href;

async function run(workers: number, inputs: number[], taskTimeoutMs?: number) {
  const outcomes = new Map<number, unknown>();
  await runPool<number, number>({
    module, fn: 'double', inputs, workers, taskTimeoutMs,
    onDone: (i, o) => { outcomes.set(inputs[i]!, o.ok ? o.result : o.error.code); },
  });
  return outcomes;
}

describe('runPool', () => {
  it('runs every task in worker processes and reports errors per task', async () => {
    const out = await run(2, [1, 2, 3, 4, 6, 7, 8]);
    expect([...out.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(out.get(3)).toBe('BAD_INPUT');
    expect(out.get(8)).toBe(16);
  });

  it('a worker that dies fails only its own task; the others finish', async () => {
    const inputs = [1, 5, 2, 4, 6, 7, 8, 9, 10];
    const out = await run(1, inputs);
    expect(out.size).toBe(inputs.length);
    expect(out.get(5)).toBe('WORKER_CRASHED');
    for (const x of inputs.filter((v) => v !== 5)) expect(out.get(x)).toBe(2 * x);
  });

  it('a task past its time limit fails alone with TIMEOUT; its worker is replaced and the rest finish', async () => {
    const inputs = [1, 11, 2, 4, 6, 7];
    // 4 s: far above a doubling task even on a loaded machine, far below the hung one
    const out = await run(1, inputs, 4000);
    expect(out.size).toBe(inputs.length);
    expect(out.get(11)).toBe('TIMEOUT');
    for (const x of inputs.filter((v) => v !== 11)) expect(out.get(x)).toBe(2 * x);
  });
});
