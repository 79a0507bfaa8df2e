/**
 * `sonomics ibsi`: the IBSI 1 compliance check against ../shared/refdata/ibsi/ibsi1 —
 * matched/total per configuration and family, then every mismatch; `--json` prints one
 * object per reference row instead.
 */
import type { Command } from 'commander';
import { SonomicsError } from '../core/errors.ts';

export function addIbsiCommand(program: Command): void {
  program
    .command('ibsi')
    .description('check IBSI 1 compliance on the digital and CT phantoms (configurations A–E)')
    .option('--config <list>', 'comma-separated: digital_phantom, A, B, C, D, E (default: all)')
    .option('--json', 'one JSON object per reference value')
    .option('--dir <dir>', 'IBSI 1 reference folder (default ../shared/refdata/ibsi/ibsi1)')
    .option('--filters', 'also check IBSI 2 (filters: phase-1 response maps, phase-2 CT phantom statistics)')
    .option('--with-3d', 'with --filters: also the IBSI 2 phase-2 3D configurations (several minutes)')
    .action(async (o: { config?: string; json?: boolean; dir?: string; filters?: boolean; with3d?: boolean }) => {
      // piping into `head` closes stdout early: stop quietly instead of throwing EPIPE
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      // IBSI 2 (src/cli/ibsi-filters.ts) is appended after the IBSI 1 report.
      const filters = async () => {
        if (!o.filters) return;
        const { printIbsi2 } = await import('./ibsi-filters.ts');
        if (!o.json) console.log('');
        if (!(await printIbsi2({ json: o.json, with3d: o.with3d }))) process.exitCode = 1;
      };
      const { runIbsi, defaultIbsiDir } = await import('../node/ibsi.ts');
      const { summarise } = await import('../features/ibsi/compliance.ts');
      const { IBSI_CONFIGS } = await import('../features/ibsi/reference.ts');
      type Config = (typeof IBSI_CONFIGS)[number];
      let configs: Config[] = [...IBSI_CONFIGS];
      if (o.config) {
        configs = o.config.split(',').map((c) => {
          const t = c.trim();
          const name = (/^[A-E]$/i.test(t) ? `config_${t.toUpperCase()}` : t === 'digital' ? 'digital_phantom' : t) as Config;
          if (!IBSI_CONFIGS.includes(name)) throw new SonomicsError('BAD_INPUT', `--config: unknown configuration '${t}'; use digital_phantom or A–E`);
          return name;
        });
      }
      const rows = runIbsi(configs, o.dir ?? defaultIbsiDir());
      if (o.json) {
        for (const r of rows) {
          console.log(JSON.stringify({ config: r.config, family: r.family, aggregation: r.aggregation, feature: r.feature, ibsi_code: r.ibsi_code, reference: r.reference, tolerance: r.tolerance, value: r.value, pass: r.pass }));
        }
        await filters();
        return;
      }
      const summary = summarise(rows);
      let lastConfig = '';
      for (const s of summary) {
        if (s.config !== lastConfig) {
          const all = rows.filter((r) => r.config === s.config);
          const ok = all.filter((r) => r.pass).length;
          console.log(`\n${s.config}: ${ok}/${all.length} (${((100 * ok) / all.length).toFixed(1)} %)`);
          lastConfig = s.config;
        }
        console.log(`  ${s.family.padEnd(28)} ${String(s.matched).padStart(4)}/${s.total}`);
      }
      const misses = rows.filter((r) => !r.pass);
      console.log(`\nmismatches: ${misses.length}`);
      for (const r of misses) {
        const tol = r.tolerance === null ? '3 s.d.' : `±${r.tolerance}`;
        console.log(`  ${r.config}  ${r.family}${r.aggregation ? ` [${r.aggregation}]` : ''}  ${r.feature} (${r.ibsi_code}): reference ${r.reference} ${tol}, ours ${r.value === null ? 'n/a' : Number(r.value.toPrecision(6))}`);
      }
      const total = rows.filter((r) => r.pass).length;
      console.log(`\ntotal: ${total}/${rows.length} (${((100 * total) / rows.length).toFixed(1)} %)`);
      await filters();
    });
}
