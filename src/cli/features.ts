/** `sonomics features IMAGE MASK`: the IBSI 1 features of one region, as a table, CSV or JSON. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { SonomicsError } from '../core/errors.ts';

export function addFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description('compute IBSI 1 features of one image + mask (morphology, intensity, histogram, IVH, texture)')
    .argument('<image>', 'image file (NIfTI, NRRD, DICOM, PNG, ...)')
    .argument('<mask>', 'mask file on the same grid (non-zero = inside)')
    .option('--settings <file>', 'feature settings as JSON (see docs/features.md); default: 2D, FBN 32, all families')
    .option('--format <format>', 'table | csv | json', 'table')
    .action(async (imagePath: string, maskPath: string, o: { settings?: string; format: string }) => {
      // piping into `head` closes stdout early: stop quietly instead of throwing EPIPE
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      const { readImageFile, readMaskFile } = await import('../node/read.ts');
      const { extractFeatures } = await import('../features/pipeline.ts');
      const { resolveSettings } = await import('../features/settings.ts');
      const { featureInfo } = await import('../features/registry.ts');
      let raw: unknown = {};
      if (o.settings) {
        try {
          raw = JSON.parse(readFileSync(o.settings, 'utf8'));
        } catch (err) {
          throw new SonomicsError('BAD_SETTINGS', `${o.settings}: not readable JSON (${(err as Error).message}); see docs/features.md for the format`);
        }
      }
      const image = readImageFile(imagePath);
      const mask = readMaskFile(maskPath);
      const settings = resolveSettings(raw as object, o.settings ?? 'feature settings');
      if (!o.settings && image.size[2] > 1) settings.dimension = '3D';
      const values = extractFeatures(image, mask, settings);
      const names = Object.keys(values);
      if (o.format === 'json') {
        console.log(JSON.stringify(values, null, 2));
      } else if (o.format === 'csv') {
        console.log('feature,value,ibsi_code,unit');
        for (const n of names) {
          const info = featureInfo(n);
          console.log(`${n},${values[n]},${info?.ibsiCode ?? ''},${info?.unit ?? ''}`);
        }
      } else if (o.format === 'table') {
        const w = Math.max(...names.map((n) => n.length));
        for (const n of names) {
          const info = featureInfo(n);
          console.log(`${n.padEnd(w)}  ${fmt(values[n]!).padStart(14)}  ${(info?.ibsiCode ?? '').padEnd(4)}  ${info?.unit ?? ''}`);
        }
      } else {
        throw new SonomicsError('BAD_INPUT', `--format must be table, csv or json (got '${o.format}')`);
      }
    });
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(4) : Number(v.toPrecision(6)).toString();
}
