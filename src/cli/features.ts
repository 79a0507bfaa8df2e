/** `sonomics features IMAGE MASK`: the IBSI 1 features of one region, as a table, CSV or JSON. */
import type { Command } from 'commander';
import { SonomicsError } from '../core/errors.ts';

export function addFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description('compute IBSI 1 features of one image + mask (morphology, intensity, histogram, IVH, texture)')
    .argument('<image>', 'image file (NIfTI, NRRD, DICOM, PNG, ...)')
    .argument('<mask>', 'mask file on the same grid (non-zero = inside)')
    .option('--settings <file>', 'feature settings as YAML or JSON (docs/features.md), an extraction-settings file (its features section), or a PyRadiomics parameter file (PyRadiomics names and conventions, docs/pyradiomics.md); default: 2D, FBN 32, all families')
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
      const { readSettingsFile } = await import('../node/settings-file.ts');
      const { resolveExtractionSettings } = await import('../extract/settings.ts');
      const { isPyRadiomicsParams } = await import('../extract/pyradiomics-params.ts');
      const raw = o.settings ? readSettingsFile(o.settings, 'docs/features.md') : {};
      const where = o.settings ?? 'feature settings';
      const image = readImageFile(imagePath);
      let values: Record<string, number>;
      if (isPyRadiomicsParams(raw)) {
        // A PyRadiomics parameter file: its image types, classes, conventions and names (one ROI)
        const { extractCase } = await import('../extract/case.ts');
        const ex = resolveExtractionSettings(raw, where);
        const mask = readMaskFile(maskPath, ex.maskLabel === undefined ? {} : { label: ex.maskLabel });
        values = extractCase({ image, tumour: mask }, ex, { caseId: imagePath }).features;
      } else {
        // An extraction-settings file (regions / images / features) works too: its features section
        // is used, so one file serves `extract` and `features` alike.
        const isExtraction = raw !== null && typeof raw === 'object' && ['regions', 'images', 'features', 'filteredDiscretisation'].some((k) => k in raw);
        if (isExtraction) {
          const ex = resolveExtractionSettings(raw, where);
          if (ex.images.some((i) => i.type !== 'original')) console.error(`note: ${where}: features computes the original image only; the filtered images are for extract`);
        }
        const mask = readMaskFile(maskPath);
        const settings = isExtraction ? resolveExtractionSettings(raw, where).features : resolveSettings(raw as object, where);
        if (!o.settings && image.size[2] > 1) settings.dimension = '3D';
        values = extractFeatures(image, mask, settings);
      }
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
