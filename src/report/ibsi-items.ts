/**
 * The IBSI reporting items for the features (IBSI reference manual, ch. 4 "Radiomics reporting
 * guidelines and nomenclature": image acquisition, image processing, feature calculation), filled
 * from the extraction run record; each row points to where the report states it.
 */
import type { StudyResult } from '../study/run.ts';
import { describeDiscretisation } from './extraction-text.ts';
import { studyFacts } from './facts.ts';
import { AUTHORS_ANCHOR, type ChecklistItem } from './tripod.ts';

export function ibsiReportingItems(r: StudyResult): ChecklistItem[] {
  const f = studyFacts(r);
  const run = f.extraction;
  if (!f.radiomics) return [{ item: '—', topic: 'Radiomics features', status: 'n/a', where: 'no radiomics model in this study', anchor: 'methods' }];
  if (!run) return [{ item: '—', topic: 'Radiomics features', status: 'partly', where: 'no extraction run record beside the feature tables: settings from the authors', anchor: 'methods-images' }];
  const s = run.settings.features;
  const row = (item: string, topic: string, where: string, anchor: string, status: ChecklistItem['status'] = 'reported'): ChecklistItem => ({ item, topic, status, where, anchor });
  return [
    { item: 'acq', topic: 'Image acquisition (scanner, probe, settings)', status: 'authors', where: 'acquisition protocol from the authors', anchor: AUTHORS_ANCHOR },
    row('cal', 'Image calibration and pixel spacing', run.images ? `${Object.keys(run.images.spacingSources).join(', ')}` : 'not in the run record', 'methods-images', run.images ? 'reported' : 'partly'),
    row('seg', 'Segmentation / regions of interest', 'tumour, rings, parenchyma; minimum size', 'methods-images'),
    row('interp', 'Interpolation (resampling)', s.resampling ? `${s.resampling.spacing.join('×')} mm` : 'none', 'methods-extraction'),
    row('reseg', 'Re-segmentation', s.resegmentation ? 'range / outlier filter' : 'none', 'methods-extraction'),
    row('disc', 'Discretisation', describeDiscretisation(s.discretisation), 'methods-extraction'),
    row('filter', 'Image filters and parameters', `${run.settings.images.length} image(s)`, 'methods-extraction'),
    row('agg', 'Texture matrix aggregation and distance', 'aggregation per family, distance', 'methods-extraction'),
    row('dim', 'Dimensionality of the computation (2D/3D)', s.dimension, 'methods-extraction'),
    row('soft', 'Software, version and IBSI compliance', `sonomics ${run.sonomics}`, 'methods-ibsi'),
    row('names', 'Feature nomenclature', '{region}_{image}_{family}_{feature}; IBSI codes in the feature registry', 'selected-features'),
  ];
}
