// Worker-thread bootstrap: workers do not inherit the tsx loader of the main thread, so each
// one registers it, loads the task module named in workerData, and answers task messages.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const mod = await import(workerData.module);
const fn = mod[workerData.fn];
parentPort.on('message', async (msg) => {
  try {
    const result = await fn(msg.input);
    parentPort.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({
      id: msg.id,
      ok: false,
      error: { message: err instanceof Error ? err.message : String(err), code: err?.code ?? 'INTERNAL' },
    });
  }
});
parentPort.postMessage({ ready: true });
