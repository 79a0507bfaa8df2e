/**
 * PyRadiomics parameter files (YAML with `imageType`, `featureClass`, `setting`, `voxelSetting`;
 * https://pyradiomics.readthedocs.io/en/latest/customization.html) are a different format from
 * sonomics' extraction settings. Recognising one lets the error say so instead of listing four
 * "unknown keys"; `isPyRadiomicsParams` is the hook a translator into ExtractionSettings builds on.
 */
import { SonomicsError } from '../core/errors.ts';

/** The top-level keys of a PyRadiomics parameter file. */
export const PYRADIOMICS_PARAM_KEYS = ['imageType', 'featureClass', 'setting', 'voxelSetting'] as const;

/** True when `obj` is a mapping with at least one PyRadiomics top-level key and none of ours. */
export function isPyRadiomicsParams(obj: unknown): boolean {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false;
  const keys = Object.keys(obj);
  const ours = ['regions', 'images', 'features', 'filteredDiscretisation'];
  return keys.some((k) => (PYRADIOMICS_PARAM_KEYS as readonly string[]).includes(k)) && !keys.some((k) => ours.includes(k));
}

/** Throws BAD_SETTINGS naming the file as a PyRadiomics parameter file (until one can be translated). */
export function rejectPyRadiomicsParams(obj: unknown, where: string): void {
  if (!isPyRadiomicsParams(obj)) return;
  const found = Object.keys(obj as object).filter((k) => (PYRADIOMICS_PARAM_KEYS as readonly string[]).includes(k));
  throw new SonomicsError('BAD_SETTINGS',
    `${where}: this looks like a PyRadiomics parameter file (keys ${found.join(', ')}), not sonomics extraction settings; ` +
    'write the equivalent regions / images / features settings (docs/extraction.md shows the mapping of imageType → images, ' +
    'featureClass → features.families, setting.binWidth → features.discretisation { method: FBS, value })', { subject: where });
}
