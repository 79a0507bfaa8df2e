/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (one after the other, so
 * timings do not compete) and passes its JSON lines through. `npm run bench -- NAME` runs
 * only the benches whose file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: f, error: `exited with ${r.status}` }));
  }
}
process.exit(failed ? 1 : 0);
