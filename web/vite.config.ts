/**
 * Vite build of the browser app: `npx vite build web` (or `sonomics serve`, which builds on first
 * use) writes web/dist. Relative asset paths (base './') so the folder can be hosted anywhere or
 * opened from any static server; workers and WASM codecs are bundled files, never fetched from a CDN.
 */
import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The DICOM JPEG-LS / JPEG 2000 decoders' Emscripten glue looks for its .wasm beside the page
 * (the chunks are ES modules, so it falls back to the page's folder): ship both files there, so
 * the fast WebAssembly builds load from the app itself instead of failing over to asm.js.
 */
function dicomCodecWasm(): Plugin {
  const require = createRequire(import.meta.url);
  const files = [
    ['@cornerstonejs/codec-charls', 'charlswasm.wasm'],
    ['@cornerstonejs/codec-openjpeg', 'openjpegwasm.wasm'],
  ] as const;
  return {
    name: 'sonomics-dicom-codec-wasm',
    apply: 'build',
    generateBundle() {
      for (const [pkg, file] of files) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join(dirname(require.resolve(pkg)), file)) });
      }
    },
  };
}

export default defineConfig({
  root: webDir,
  base: './',
  publicDir: false,
  plugins: [dicomCodecWasm()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Inline nothing as a remote URL; keep assets as files next to index.html.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
