/** `sonomics predict --model bundle.json --features table.csv`: risk, class and top drivers per case. */
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { SonomicsError } from '../core/errors.ts';
import { readTableFile } from '../node/study-files.ts';
import { loadModel, predict } from '../study/bundle.ts';
import type { ModelName } from '../study/config.ts';
import { toCsv } from '../study/table.ts';

export function addPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('Apply a model bundle from `sonomics study` to new cases.')
    .requiredOption('-m, --model <bundle.json>', 'model bundle written by `sonomics study`')
    .option('-f, --features <table.csv>', 'table with one row per case: id, clinical columns and feature values')
    .option('--manifest <manifest.csv>', 'image manifest (extracts features with the bundle\'s settings)')
    .option('--id <column>', 'case-id column', 'id')
    .option('--use <model>', 'which model of the bundle: clinical, radiomics or combined (default: the bundle\'s default)')
    .option('-o, --out <file>', 'write predictions CSV here (default: print to stdout)')
    .action((opts: { model: string; features?: string; manifest?: string; id: string; use?: ModelName; out?: string }) => {
      const bundle = loadModel(readFileSync(opts.model, 'utf8'));
      if (opts.manifest) {
        throw new SonomicsError('UNSUPPORTED_FORMAT', `--manifest needs the feature-extraction stage, which this build does not have yet; extract the features (settings in ${opts.model}, extraction.settings) and pass --features.`);
      }
      if (!opts.features) throw new SonomicsError('BAD_INPUT', 'predict needs --features <table.csv> (or --manifest).');
      const table = readTableFile(opts.features);
      if (!table.columns.includes(opts.id)) throw new SonomicsError('BAD_INPUT', `${opts.features}: no id column "${opts.id}"; pass --id <column>.`);
      const rows = table.rows.map((r) => {
        const p = predict(bundle, r, { model: opts.use, caseId: r[opts.id] });
        return [r[opts.id]!, p.model, p.risk, p.class, p.threshold, p.contributions.slice(0, 3).map((c) => `${c.name}:${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}`).join(' '), p.warnings.join('; ')];
      });
      const csv = toCsv(['id', 'model', 'risk', 'class', 'threshold', 'top_contributions', 'warnings'], rows);
      if (opts.out) {
        writeFileSync(opts.out, csv);
        console.log(`predictions for ${rows.length} case(s): ${opts.out}`);
      } else process.stdout.write(csv);
    });
}
