/**
 * Worker task of `sonomics extract`: read one case's image and masks from disk and extract its
 * features. Runs inside a worker process (see pool.ts); errors carry the case id and a code.
 */
import { inCase } from '../core/errors.ts';
import { extractCase } from '../extract/case.ts';
import type { ExtractionSettings } from '../extract/settings.ts';
import { perturbMask, type Perturbation } from '../extract/perturb.ts';
import type { Mask } from '../image/image.ts';
import { readImageFile, readMaskFile } from './read.ts';
import type { ManifestCase } from './manifest.ts';
import type { CaseSource } from '../extract/source-summary.ts';
import { version } from '../cli/version.ts';

export interface ExtractTask {
  c: ManifestCase;
  settings: ExtractionSettings;
  /** Robustness runs: perturb the tumour mask, or use the second reader's ('reader2'). */
  perturbation?: Perturbation;
}

export interface ExtractTaskResult {
  /**
   * The features as JSON text, serialised here in the worker: the main process stores it as it is.
   * Handing over the object instead made the main process rebuild and re-serialise 2,000+ named
   * values per case (~10 ms of its CPU per case, competing with the workers for the cores).
   */
  featuresJson: string;
  /** The feature names in order, as a JSON array (the table's columns without parsing the values). */
  namesJson: string;
  warnings: string[];
  ms: number;
  /** The image's format, spacing and its source, and the regions' pixel counts (run record, report methods). */
  source: CaseSource;
  /** PyRadiomics' diagnostics_* values as JSON, when the settings ask for them. */
  diagnosticsJson?: string;
}

let cachedVersion: string | undefined;
/** package.json's version, read once per worker (diagnostics_Versions_sonomics). */
function sonomicsVersion(): string {
  return (cachedVersion ??= version());
}

export function extractTask(t: ExtractTask): ExtractTaskResult {
  const t0 = performance.now();
  try {
    // A manifest pixel size calibrates raster images (PNG, JPEG, BMP, TIFF) and their masks.
    const spacing = t.c.spacing ? { spacing: t.c.spacing } : {};
    const image = readImageFile(t.c.image, spacing);
    const label = { ...(t.settings.maskLabel === undefined ? {} : { label: t.settings.maskLabel }), ...spacing };
    let tumour = readMaskFile(t.perturbation === 'reader2' ? t.c.secondReaderMask! : t.c.tumourMask, label);
    if (t.perturbation && t.perturbation !== 'reader2') tumour = perturbMask(tumour, t.perturbation);
    const optionalMask = (p?: string): Mask | undefined => (p ? readMaskFile(p, spacing) : undefined);
    const { features, warnings, regionPixels, diagnostics } = extractCase(
      { image, tumour, parenchyma: optionalMask(t.c.parenchymaMask), liver: optionalMask(t.c.liverMask) },
      t.settings,
      { caseId: t.c.caseId, perturbation: t.perturbation, ...(t.settings.diagnostics ? { versions: { sonomics: sonomicsVersion() } } : {}) },
    );
    const source: CaseSource = {
      format: String(image.meta?.format ?? 'unknown'),
      spacing: image.size[2] > 1 ? [...image.spacing] : image.spacing.slice(0, 2),
      unit: image.spacingUnit,
      spacingSource: image.spacingSource ?? 'unknown',
      size: image.size[2] > 1 ? [...image.size] : image.size.slice(0, 2),
      regionPixels,
    };
    return { featuresJson: JSON.stringify(features), namesJson: JSON.stringify(Object.keys(features)), warnings, ms: performance.now() - t0, source, ...(diagnostics ? { diagnosticsJson: JSON.stringify(diagnostics) } : {}) };
  } catch (err) {
    throw inCase(t.c.caseId, err);
  }
}
