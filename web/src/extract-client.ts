/**
 * Runs extraction in a Web Worker (one, reused); falls back to the main thread when workers are
 * unavailable (e.g. some file:// setups). Errors come back as Error with the library's message.
 */
import { runExtraction, type ExtractReply, type ExtractRequest } from './extract-core.ts';

type Pending = { ok: (r: ExtractReply) => void; fail: (e: Error) => void };
let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module', name: 'sonomics-extract' });
    worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; reply?: ExtractReply; code?: string; message?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.ok(e.data.reply!);
      else p.fail(Object.assign(new Error(e.data.message), { code: e.data.code }));
    };
    worker.onerror = (e) => {
      // A worker that cannot even start: fail what is waiting and use the main thread from now on.
      for (const p of pending.values()) p.fail(new Error(`the extraction worker failed (${e.message || 'could not start'}); try again.`));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function extractInBackground(req: ExtractRequest): Promise<ExtractReply> {
  const w = getWorker();
  if (!w) return new Promise((ok, fail) => setTimeout(() => { try { ok(runExtraction(req)); } catch (e) { fail(e as Error); } }, 30));
  const id = nextId++;
  return new Promise((ok, fail) => {
    pending.set(id, { ok, fail });
    w.postMessage({ id, req });
  });
}
