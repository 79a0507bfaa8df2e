/** `sonomics extract` and `sonomics merge`: cohort → feature table (parallel, resumable, shardable). */
import { wholeNumber, workersOption } from './numbers.ts';
import type { Command } from 'commander';
import { resolve } from 'node:path';

export function addExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract radiomics features for every case of a manifest (resumable: rerun the same command to continue)')
    .requiredOption('--manifest <file>', 'manifest (CSV, or XLSX; file.xlsx#Sheet picks a sheet): case_id, cohort, image, tumour_mask[, parenchyma_mask, liver_mask, ...]; paths relative to it')
    .option('--id-column <name>', 'manifest column with the unique case id (default: case_id, case or id)')
    .option('--settings <file>', 'extraction settings (YAML or JSON); default: tumour + 5 mm ring + parenchyma, original image, FBN 32')
    .requiredOption('--out <dir>', 'output folder (features.csv, cases.jsonl, run.json)')
    .option('--workers <n>', 'worker processes (default: one per core; 0 = in this process)', workersOption)
    .option('--jsonl', 'also write the feature table as JSON Lines (features.jsonl)')
    .option('--shard <i/n>', 'process only shard i of n (stable hash of the case id); combine with `sonomics merge`')
    .option('--force', 'discard finished cases made with other settings and start again')
    .option('--fail-fast', 'stop at the first failing case')
    .option('--case-timeout <s>', 'seconds a case may run before it fails alone with TIMEOUT (worker processes)', wholeNumber(1, 7 * 24 * 3600), 600)
    .option('--worker-memory <mb>', "V8 heap limit per worker process in MB (default: Node's)", wholeNumber(64, 1_048_576))
    .option('--perturb <list>', "robustness: also extract under mask perturbations ('all' or erode1,dilate1,shift+x,shift-x,shift+y,shift-y) and/or 'reader2'; writes robustness.csv")
    .action(async (o: { perturb?: string; manifest: string; idColumn?: string; settings?: string; out: string; workers?: number; shard?: string; force?: boolean; failFast?: boolean; jsonl?: boolean; caseTimeout: number; workerMemory?: number }) => {
      // Loaded on use: keeps `sonomics --help` fast.
      const { runExtraction } = await import('../node/extract-run.ts');
      const { parseShard } = await import('../node/manifest.ts');
      const { parsePerturbations } = await import('../extract/perturb.ts');
      const summary = await runExtraction({
        manifest: o.manifest, idColumn: o.idColumn, settings: o.settings, outDir: resolve(o.out),
        workers: o.workers,
        shard: o.shard ? parseShard(o.shard) : undefined, force: o.force, failFast: o.failFast,
        perturb: o.perturb ? parsePerturbations(o.perturb) : undefined, jsonl: o.jsonl,
        caseTimeoutSeconds: o.caseTimeout, workerMemoryMb: o.workerMemory,
      });
      console.log(`${summary.total} cases: ${summary.done} extracted, ${summary.skipped} already done, ${summary.failed.length} failed (${summary.seconds.toFixed(1)} s)`);
      for (const f of summary.failed) console.log(`  FAILED ${f.caseId} [${f.code}]: ${f.message}`);
      console.log(`feature table: ${summary.tablePath}${o.jsonl ? ' (and features.jsonl)' : ''}`);
      if (o.perturb) console.log(`robustness table: ${resolve(o.out, 'robustness.csv')} (next: sonomics robustness --table ...)`);
      if (summary.failed.length) process.exitCode = 1;
    });

  program
    .command('merge')
    .description('combine the outputs of sharded `extract --shard i/n` runs into one feature table')
    .requiredOption('--manifest <csv>', 'the manifest all shards were run on')
    .requiredOption('--out <dir>', 'output folder for the merged features.csv')
    .option('--id-column <name>', 'manifest column with the unique case id (as given to extract)')
    .argument('<shardDirs...>', 'the --out folders of the shard runs')
    .action(async (shardDirs: string[], o: { manifest: string; out: string; idColumn?: string }) => {
      const { mergeShards } = await import('../node/extract-run.ts');
      const r = mergeShards(o.manifest, shardDirs, resolve(o.out), o.idColumn);
      console.log(`merged ${shardDirs.length} shards: ${r.cases} cases → ${r.tablePath}`);
    });
}
