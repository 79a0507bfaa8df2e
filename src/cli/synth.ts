/** `sonomics synth`: write a synthetic two-centre CRLM ultrasound cohort with known truth. */
import type { Command } from 'commander';
import { resolve } from 'node:path';

export function addSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('generate a synthetic two-centre CRLM ultrasound cohort (images, masks, clinical table, truth)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--n-main <n>', 'cases in the main cohort (centre A)', '224')
    .option('--n-external <n>', 'cases in the external cohort (centre B)', '54')
    .option('--seed <n>', 'random seed', '2024')
    .option('--formats <list>', 'image formats to write: png, dicom or both (comma-separated)', 'png,dicom')
    .option('--workers <n>', 'worker processes (default: one per core)')
    .action(async (o: { out: string; nMain: string; nExternal: string; seed: string; formats: string; workers?: string }) => {
      const { writeSynthCohort } = await import('../node/synth-files.ts');
      const formats = o.formats.split(',').map((f) => f.trim()) as Array<'png' | 'dicom'>;
      const { cases, seconds } = await writeSynthCohort({
        outDir: resolve(o.out), nMain: Number(o.nMain), nExternal: Number(o.nExternal), seed: Number(o.seed), formats,
        workers: o.workers === undefined ? undefined : Number(o.workers),
      });
      console.log(`wrote ${cases.length} cases to ${resolve(o.out)} in ${seconds.toFixed(1)} s`);
    });
}
