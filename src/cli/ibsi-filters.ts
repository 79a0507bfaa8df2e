/**
 * `sonomics ibsi-filters`: IBSI 2 compliance of the filter module (phase-1 response maps on the
 * digital phantoms, phase-2 intensity statistics of the filtered CT phantom). The same report is
 * added to `sonomics ibsi` by its `--filters` flag.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';

export interface Ibsi2CliOptions { json?: boolean; shared?: string; phase2?: boolean; with3d?: boolean }

/** Run and print the IBSI 2 report; true when phase 1 passes and ≥ 95 % of phase-2 values do. */
export async function printIbsi2(o: Ibsi2CliOptions): Promise<boolean> {
  const { runIbsi2Compliance, ibsi2JsonLines, ibsi2Text, defaultSharedDir } = await import('../node/ibsi2.ts');
  const r = runIbsi2Compliance(o.shared ? resolve(o.shared) : defaultSharedDir(), {
    phase2: o.phase2 !== false,
    phase2_3d: o.with3d === true,
    onProgress: o.json ? undefined : (what) => process.stderr.write(`\r${what}   `),
  });
  if (!o.json) process.stderr.write('\r');
  for (const line of o.json ? ibsi2JsonLines(r) : ibsi2Text(r)) console.log(line);
  return r.phase1.every((x) => x.pass) && (r.phase2.length === 0 || r.phase2.filter((x) => x.pass).length / r.phase2.length >= 0.95);
}

export function addIbsiFiltersCommand(program: Command): void {
  program
    .command('ibsi-filters')
    .description('IBSI 2 compliance of the convolutional filters (phase 1 response maps, phase 2 CT phantom statistics)')
    .option('--json', 'one JSON line per phase-1 test and per phase-2 value')
    .option('--shared <dir>', 'shared data folder holding refdata/ (default: $SONOMICS_SHARED or ../shared)')
    .option('--no-phase2', 'skip phase 2 (CT phantom)')
    .option('--with-3d', 'also run the phase-2 3D configurations (1 mm resampling; several minutes)')
    .action(async (o: Ibsi2CliOptions) => {
      const ok = await printIbsi2(o);
      if (!ok) process.exitCode = 1;
    });
}
