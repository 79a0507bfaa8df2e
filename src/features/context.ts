/**
 * What every non-texture family receives: the prepared ROI (working box, both masks),
 * the discretised intensity mask and the settings. Built once per ROI by the pipeline.
 */
import type { Discretised } from './discretise.ts';
import type { PreparedRoi } from './preprocess/prepare.ts';
import type { ProcessingSettings } from './processing-settings.ts';

export interface RoiContext {
  roi: PreparedRoi;
  settings: ProcessingSettings;
  /** Discretised intensity mask (histogram and texture families); computed lazily. */
  discretised: () => Discretised;
  /** Intensities inside the intensity mask in raster order, and the same sorted ascending; computed lazily, shared by the first-order families (do not modify). */
  intensities: () => Float64Array;
  sortedIntensities: () => Float64Array;
  /**
   * The intensities in ascending order at the ranks descriptive() reads (stats-util
   * descriptiveRanks: minimum, maximum, the type-7 quantiles' neighbours), other entries
   * unspecified: the sorted intensities when they were made already, else a partial selection.
   */
  orderedIntensities: () => Float64Array;
  /**
   * Whether the caller reads feature `name` of `family` (always true unless the pipeline was given
   * the ids it reads, FamilyRequest.only): a family may skip the work of features nobody reads.
   */
  wanted: (family: string, name: string) => boolean;
}
