/** Web Worker: runs feature extraction off the main thread so the page stays responsive. */
import { runExtraction, type ExtractRequest } from './extract-core.ts';

interface WorkerScope { onmessage: ((e: MessageEvent<{ id: number; req: ExtractRequest }>) => void) | null; postMessage(msg: unknown): void }
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, req } = e.data;
  try {
    scope.postMessage({ id, ok: true, reply: runExtraction(req) });
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'INTERNAL';
    scope.postMessage({ id, ok: false, code, message: err instanceof Error ? err.message : String(err) });
  }
};
