/** `sonomics synth`: write a synthetic two-centre CRLM ultrasound cohort with known truth. */
import { casesOption, seedOption, wholeNumber, workersOption } from './numbers.ts';
import type { Command } from 'commander';
import { resolve } from 'node:path';

export function addSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('generate a synthetic two-centre CRLM ultrasound cohort (images, masks, clinical table, truth)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--n-main <n>', 'cases in the main cohort (centre A)', casesOption, 224)
    .option('--n-external <n>', 'cases in the external cohort (centre B)', wholeNumber(0, 1_000_000), 54)
    .option('--seed <n>', 'random seed', seedOption, 2024)
    .option('--formats <list>', 'image formats to write: png, dicom or both (comma-separated)', 'png,dicom')
    .option('--workers <n>', 'worker processes (default: one per core)', workersOption)
    .action(async (o: { out: string; nMain: number; nExternal: number; seed: number; formats: string; workers?: number }) => {
      const { writeSynthCohort } = await import('../node/synth-files.ts');
      const formats = o.formats.split(',').map((f) => f.trim()) as Array<'png' | 'dicom'>;
      const { cases, seconds } = await writeSynthCohort({
        outDir: resolve(o.out), nMain: o.nMain, nExternal: o.nExternal, seed: o.seed, formats,
        workers: o.workers,
      });
      console.log(`wrote ${cases.length} cases to ${resolve(o.out)} in ${seconds.toFixed(1)} s`);
    });
}
