/** `sonomics study --config study.yaml`: run a whole prediction-model study and write its outputs. */
import { seedOption, workersOption } from './numbers.ts';
import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { prepareStudy, writeStudyOutputs } from '../node/study-files.ts';
import { writeFigurePngs } from '../node/figure-png.ts';
import { runStudy } from '../study/run.ts';
import { runSurvivalStudy } from '../study/survival/run.ts';
import { writeSurvivalStudyOutputs } from '../node/survival-study-files.ts';
import { formatSurvivalTable } from '../report/survival-text.ts';
import { formatPerformanceTable } from '../report/text.ts';
import { version } from './version.ts';

export function addStudyCommand(program: Command): void {
  program
    .command('study')
    .description('Run a prediction-model study (clinical, radiomics, combined; CV + external validation) from a YAML config.')
    .requiredOption('-c, --config <file>', 'study config (YAML), see docs/study.md')
    .option('-o, --out <dir>', 'output folder (default: <config folder>/study-output)')
    .option('--protocol <name>', "evaluation protocol: 'no-leakage' (default) or 'paper'")
    .option('--seed <n>', 'override the seed', seedOption)
    .option('-q, --quiet', 'print only the output paths')
    .option('--workers <n>', 'feature-extraction worker processes (cohorts given as manifests)', workersOption)
    .action(async (opts: { config: string; out?: string; protocol?: 'no-leakage' | 'paper'; seed?: number; quiet?: boolean; workers?: number }) => {
      const outDir = resolve(opts.out ?? join(dirname(resolve(opts.config)), 'study-output'));
      const study = await prepareStudy(opts.config, { workDir: outDir, workers: opts.workers, progress: !opts.quiet, overrides: { protocol: opts.protocol, seed: opts.seed } });
      if (study.config.outcome) {
        // A time-to-event outcome (config outcome:): the survival study loop (docs/survival.md).
        const result = runSurvivalStudy(study.config, study.tables, { extraction: study.extraction });
        for (const n of result.notes) if (n.startsWith('warning: ')) console.error(`sonomics: ${n}`);
        const files = writeSurvivalStudyOutputs(result, outDir, { sonomics: version(), node: process.versions.node }, { extractionSource: study.extractionSource });
        const png = await writeFigurePngs(files.figures, files.figuresDir);
        if (png.skipped) console.error(`sonomics: ${png.skipped}`);
        if (!opts.quiet) console.log(formatSurvivalTable(result) + '\n');
        console.log(`report:      ${files.report}\nresults:     ${files.results}\npredictions: ${files.predictions}`);
        console.log(`model:       ${files.bundle} (shareable)`);
        for (const m of files.messages) console.error(`sonomics: ${m}`);
        return;
      }
      const result = runStudy(study.config, study.tables, { extraction: study.extraction });
      for (const n of result.notes) if (n.startsWith('warning: ')) console.error(`sonomics: ${n}`);
      const files = writeStudyOutputs(result, outDir, { sonomics: version(), node: process.versions.node }, { extractionSource: study.extractionSource });
      const png = await writeFigurePngs(files.figures, files.figuresDir);
      if (png.skipped) console.error(`sonomics: ${png.skipped}`);
      if (!opts.quiet) console.log(formatPerformanceTable(result) + '\n');
      console.log(`report:      ${files.report}\nresults:     ${files.results}\npredictions: ${files.predictions}`);
      if (files.bundle) console.log(`model:       ${files.bundle} (shareable)`);
      if (files.privateBundle) console.log(`private:     ${files.privateBundle} (holds training rows: keep it with the data)`);
      // Said now, not at deployment: what the bundles can and cannot do.
      for (const m of files.messages) console.error(`sonomics: ${m}`);
    });
}
