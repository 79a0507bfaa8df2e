/**
 * The JPEG-LS (CharLS) and JPEG 2000 (OpenJPEG) decoders are Emscripten builds shipped inside
 * the npm packages `@cornerstonejs/codec-charls` and `@cornerstonejs/codec-openjpeg` (their
 * WebAssembly is embedded in the JS file: nothing is fetched). Emscripten start-up is
 * asynchronous, so they are loaded once with `await loadDicomCodecs()`; after that, decoding
 * is synchronous. They are not loaded at import time because parsing them costs ~0.3 s.
 */
import { SonomicsError } from '../../../core/errors.ts';

/** The subset of the Emscripten/embind decoder objects that we use. */
export interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned?: boolean };
  getInterleaveMode?(): number;
  delete(): void;
}

interface CodecModules {
  charls?: { JpegLSDecoder: new () => WasmDecoder };
  openjpeg?: { J2KDecoder: new () => WasmDecoder };
}

const loaded: CodecModules = {};
let loading: Promise<void> | undefined;

type Factory = (arg?: object) => Promise<unknown>;
const factoryOf = (mod: unknown): Factory => {
  const m = mod as { default?: unknown };
  return (typeof m.default === 'function' ? m.default : mod) as Factory;
};

/** Emscripten options: the codecs must not print (OpenJPEG logs "[INFO] ..." lines). */
const quiet = () => ({ print: () => {}, printErr: () => {} });

/**
 * Load one codec: the .wasm build (10× faster; the glue finds the .wasm file beside itself,
 * or bundlers ship it as an asset), else the single-file build with the WASM embedded.
 */
async function loadOne(wasmBuild: () => Promise<unknown>, embeddedBuild: () => Promise<unknown>): Promise<unknown> {
  try {
    return await factoryOf(await wasmBuild())(quiet());
  } catch {
    return await factoryOf(await embeddedBuild())(quiet());
  }
}

/** Load the WebAssembly codecs (JPEG-LS, JPEG 2000). Safe to call many times. */
export function loadDicomCodecs(): Promise<void> {
  loading ??= (async () => {
    const [charls, openjpeg] = await Promise.all([
      loadOne(() => import('@cornerstonejs/codec-charls/wasmjs'), () => import('@cornerstonejs/codec-charls')),
      loadOne(() => import('@cornerstonejs/codec-openjpeg/wasmjs'), () => import('@cornerstonejs/codec-openjpeg')),
    ]);
    loaded.charls = charls as CodecModules['charls'];
    loaded.openjpeg = openjpeg as CodecModules['openjpeg'];
  })();
  return loading;
}

export function dicomCodecsLoaded(): boolean {
  return !!loaded.charls && !!loaded.openjpeg;
}

export function wasmDecoder(kind: 'jpeg-ls' | 'jpeg2000', name: string): WasmDecoder {
  const mod = kind === 'jpeg-ls' ? loaded.charls : loaded.openjpeg;
  if (!mod) {
    throw new SonomicsError('BAD_SETTINGS', `${name}: the ${kind === 'jpeg-ls' ? 'JPEG-LS' : 'JPEG 2000'} decoder is not loaded; call "await loadDicomCodecs()" once before readDicom (readDicomAsync and the Node readers do it for you)`);
  }
  return 'JpegLSDecoder' in mod ? new mod.JpegLSDecoder() : new (mod as { J2KDecoder: new () => WasmDecoder }).J2KDecoder();
}

/** Run a WASM decoder on one frame and copy its output out of the WASM heap. */
export function runWasmDecoder(kind: 'jpeg-ls' | 'jpeg2000', data: Uint8Array, name: string) {
  const decoder = wasmDecoder(kind, name);
  try {
    decoder.getEncodedBuffer(data.length).set(data);
    decoder.decode();
    const frameInfo = decoder.getFrameInfo();
    const interleaveMode = decoder.getInterleaveMode ? decoder.getInterleaveMode() : 1;
    const bytes = decoder.getDecodedBuffer().slice();
    return { frameInfo, interleaveMode, bytes };
  } catch (err) {
    if (err instanceof SonomicsError) throw err;
    const what = typeof err === 'number' ? `error code ${err}` : (err as Error).message;
    throw new SonomicsError('CORRUPT_FILE', `${name}: ${kind === 'jpeg-ls' ? 'JPEG-LS' : 'JPEG 2000'} frame cannot be decoded (${what})`, { cause: err });
  } finally {
    // after a WebAssembly trap on damaged data, freeing the decoder may trap too: the frame's
    // error above is the one to report
    try { decoder.delete(); } catch { /* the decoder's memory is gone with the trap */ }
  }
}
