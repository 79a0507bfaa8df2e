/** `sonomics robustness`: ICC per feature from the long table written by `extract --perturb`. */
import { realNumber } from './numbers.ts';
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';

export function addRobustnessCommand(program: Command): void {
  program
    .command('robustness')
    .description('ICC per feature (default ICC(3,1), consistency) from robustness.csv of `sonomics extract --perturb`; prints and saves the ICCs')
    .requiredOption('--table <csv>', 'long table with columns subject, reader, features... (robustness.csv)')
    .option('--type <ICC1|ICC2|ICC3>', 'ICC form: ICC1, ICC2 = ICC(A,1), ICC3 = ICC(C,1)', 'ICC3')
    .option('--threshold <x>', 'robust when ICC ≥ this (Koo & Li 2016: 0.75 = good)', realNumber(-1, 1), 0.75)
    .option('--out <csv>', 'where to save feature,icc,robust (default: next to the table, icc.csv)')
    .action(async (o: { table: string; type: 'ICC1' | 'ICC2' | 'ICC3'; threshold: string; out?: string }) => {
      const { readTableFile } = await import('../node/study-files.ts');
      const { iccFilter } = await import('../study/icc-filter.ts');
      const { toCsv } = await import('../tables/csv.ts');
      const { dirname, join } = await import('node:path');
      const t = readTableFile(o.table);
      const features = t.columns.filter((c) => c !== 'subject' && c !== 'reader');
      const r = iccFilter(t, features, { threshold: Number(o.threshold), type: o.type, subject: 'subject', reader: 'reader' });
      const out = o.out ?? join(dirname(o.table), 'icc.csv');
      writeFileSync(out, toCsv(['feature', o.type.toLowerCase(), 'robust'], features.map((f) => [f, r.values[f]!, r.values[f]! >= r.threshold ? 1 : 0])));
      const sorted = features.filter((f) => Number.isFinite(r.values[f])).sort((a, b) => r.values[a]! - r.values[b]!);
      console.log(`${r.kept.length} of ${features.length} features have ${o.type} ≥ ${r.threshold}`);
      console.log('least robust:');
      for (const f of sorted.slice(0, 10)) console.log(`  ${r.values[f]!.toFixed(3)}  ${f}`);
      console.log(`saved: ${out}`);
    });
}
