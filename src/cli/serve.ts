/** `sonomics serve [--port N]`: the browser app (web/dist) on 127.0.0.1; builds it first when missing. */
import { wholeNumber } from './numbers.ts';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SonomicsError } from '../core/errors.ts';
import { serveStatic } from '../node/static-server.ts';

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Build the web app with Vite (a dev dependency) into `outDir` (default web/dist). */
export async function buildWebApp(outDir: string = WEB_DIST, log: (line: string) => void = () => {}): Promise<string> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new SonomicsError('FILE_NOT_FOUND', `the web app is not built (${WEB_DIST} is missing) and Vite is not installed; run \`npm install\` (with dev dependencies) then \`npx vite build web\`, or pass --dir <built app>.`);
  }
  log(`building the web app into ${outDir} …`);
  await vite.build({ configFile: `${WEB_DIR}vite.config.ts`, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the browser app (risk calculator and study viewer) on 127.0.0.1; all computing happens in the browser')
    .option('-p, --port <n>', 'port (0 = any free port)', wholeNumber(0, 65535), 8717)
    .option('--dir <folder>', 'built app to serve (default: web/dist, built on first use)')
    .option('--rebuild', 'build the app again before serving')
    .action(async (o: { port: string; dir?: string; rebuild?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SonomicsError('BAD_INPUT', `--port must be an integer 0–65535, got ${o.port}`);
      let dir = o.dir ?? WEB_DIST;
      if (o.dir && !existsSync(`${o.dir}/index.html`)) throw new SonomicsError('FILE_NOT_FOUND', `${o.dir}: no index.html; pass the folder \`vite build\` wrote (web/dist).`);
      if (!o.dir && (o.rebuild || !existsSync(`${WEB_DIST}index.html`))) dir = await buildWebApp(WEB_DIST, (l) => console.log(l));
      const s = await serveStatic(dir, port);
      console.log(`sonomics web app: ${s.url}  (serving ${dir}; Ctrl+C to stop)`);
      console.log('Images, masks and patient data stay in the browser: nothing is uploaded.');
    });
}
