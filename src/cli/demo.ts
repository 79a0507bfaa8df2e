/** `sonomics demo`: the main job out of the box — synthetic cohort → features → study → report. */
import { casesOption, seedOption, workersOption } from './numbers.ts';
import type { Command } from 'commander';

export function addDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole CRLM study on a synthetic two-centre ultrasound cohort with known truth (synth → extract → study → report)')
    .option('--out <dir>', 'output folder', 'sonomics-demo')
    .option('--n-main <n>', 'main-cohort (centre A) cases', casesOption, 224)
    .option('--n-external <n>', 'external-cohort (centre B) cases', casesOption, 54)
    .option('--seed <n>', 'random seed', seedOption, 2024)
    .option('--workers <n>', 'worker processes (default: one per core)', workersOption)
    .option('--survival', 'the time-to-event study instead: recurrence times with death as competing event; Cox models; C-index and AUC(24) beside the true ones (docs/survival.md)')
    .action(async (o: { out: string; nMain: number; nExternal: number; seed: number; workers?: number; survival?: boolean }) => {
      if (o.survival) {
        const { runSurvivalDemo, formatSurvivalDemoTable } = await import('../node/survival-demo.ts');
        const { formatSurvivalTable } = await import('../report/survival-text.ts');
        const d = await runSurvivalDemo({ outDir: o.out, nMain: o.nMain, nExternal: o.nExternal, seed: o.seed, workers: o.workers });
        console.log('');
        console.log(formatSurvivalDemoTable(d));
        console.log('');
        console.log(formatSurvivalTable(d.result));
        console.log('');
        console.log(`report:      ${d.reportPath}`);
        console.log(`results:     ${d.resultsPath}`);
        console.log(`predictions: ${d.predictionsPath}`);
        console.log(`model:       ${d.bundlePath}`);
        console.log(`demo wall time: ${d.seconds.toFixed(1)} s`);
        return;
      }
      const { runDemo, formatDemoTable } = await import('../node/demo.ts');
      const d = await runDemo({
        outDir: o.out, nMain: o.nMain, nExternal: o.nExternal, seed: o.seed,
        workers: o.workers,
      });
      console.log('');
      console.log(formatDemoTable(d));
      console.log('');
      for (const c of d.result.comparisons) console.log(`DeLong ${c.a} vs ${c.b} (${c.cohort}): ΔAUC ${c.diff.toFixed(3)}, z ${c.z.toFixed(2)}, p ${c.p.toPrecision(3)}`);
      console.log('');
      console.log(`report:  ${d.reportPath}`);
      console.log(`results: ${d.resultsPath}`);
      console.log(`model:   ${d.bundlePath}`);
      console.log(`demo wall time: ${d.seconds.toFixed(1)} s`);
    });
}
