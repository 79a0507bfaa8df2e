/**
 * `sonomics demo` at its default size (224 + 54 synthetic cases: synth → extract → study), in a
 * temporary folder. Prints wall time and CPU time per stage. CPU time counts this process and its
 * worker processes (bench/util.ts cpuSecondsWithChildren): on a machine shared with
 * other jobs it is the steadier figure (wall ≈ CPU of synth and extraction / workers + study CPU
 * when the cores are free). Target (issue 8): wall under 60 s on a 2-core machine.
 * SONOMICS_DEMO_MAIN / SONOMICS_DEMO_EXTERNAL change the cohort sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../src/node/demo.ts';
import { cpuSecondsWithChildren, emit, round } from './util.ts';

const nMain = Number(process.env.SONOMICS_DEMO_MAIN ?? 224);
const nExternal = Number(process.env.SONOMICS_DEMO_EXTERNAL ?? 54);
const dir = mkdtempSync(join(tmpdir(), 'sonomics-bench-demo-'));
const cpuS = cpuSecondsWithChildren;
// runDemo logs one line as each stage starts: the CPU/wall between lines is the stage before.
const marks: Array<{ cpu: number; wall: number }> = [];
const c0 = cpuS(), t0 = performance.now();
await runDemo({ outDir: dir, nMain, nExternal, progress: false, log: (line) => { if (/^\d\/3 /.test(line)) marks.push({ cpu: cpuS(), wall: performance.now() / 1000 }); } });
marks.push({ cpu: cpuS(), wall: performance.now() / 1000 });
const stage = (i: number) => ({ cpu_s: round(marks[i + 1]!.cpu - marks[i]!.cpu, 1), wall_s: round(marks[i + 1]!.wall - marks[i]!.wall, 1) });
emit({
  bench: 'demo',
  cases: nMain + nExternal,
  workers: availableParallelism(),
  wall_s: round((performance.now() - t0) / 1000, 1),
  cpu_s: round(cpuS() - c0, 1),
  synth: stage(0),
  extract: stage(1),
  study: stage(2),
  target_wall_s: 60,
});
rmSync(dir, { recursive: true, force: true });
