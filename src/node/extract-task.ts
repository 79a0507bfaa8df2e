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

export interface ExtractTask {
  c: ManifestCase;
  settings: ExtractionSettings;
  /** Robustness runs: perturb the tumour mask, or use the second reader's ('reader2'). */
  perturbation?: Perturbation;
}

export interface ExtractTaskResult {
  features: Record<string, number>;
  warnings: string[];
  ms: number;
}

export function extractTask(t: ExtractTask): ExtractTaskResult {
  const t0 = performance.now();
  try {
    const image = readImageFile(t.c.image);
    let tumour = readMaskFile(t.perturbation === 'reader2' ? t.c.secondReaderMask! : t.c.tumourMask);
    if (t.perturbation && t.perturbation !== 'reader2') tumour = perturbMask(tumour, t.perturbation);
    const optionalMask = (p?: string): Mask | undefined => (p ? readMaskFile(p) : undefined);
    const { features, warnings } = extractCase(
      { image, tumour, parenchyma: optionalMask(t.c.parenchymaMask), liver: optionalMask(t.c.liverMask) },
      t.settings,
      { caseId: t.c.caseId, perturbation: t.perturbation },
    );
    return { features, warnings, ms: performance.now() - t0 };
  } catch (err) {
    throw inCase(t.c.caseId, err);
  }
}
