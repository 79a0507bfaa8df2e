/**
 * Vite build of the browser app: `npx vite build web` (or `sonomics serve`, which builds on first
 * use) writes web/dist. Relative asset paths (base './') so the folder can be hosted anywhere or
 * opened from any static server; workers and WASM codecs are bundled files, never fetched from a CDN.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDir,
  base: './',
  publicDir: false,
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
