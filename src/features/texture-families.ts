/**
 * The six texture families, taken from src/features/texture/<family>.ts through the shared
 * contract (types.ts): each file exports `FEATURES` and one `compute…` function. A module
 * lacking either is skipped (the pipeline then simply omits that family).
 */
import * as gldzm from './texture/gldzm.ts';
import * as glcm from './texture/glcm.ts';
import * as glrlm from './texture/glrlm.ts';
import * as glszm from './texture/glszm.ts';
import * as ngldm from './texture/ngldm.ts';
import * as ngtdm from './texture/ngtdm.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from './types.ts';

export type TextureCompute = (roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions) => FamilyValues;

export interface LoadedTextureFamily {
  family: 'glcm' | 'glrlm' | 'glszm' | 'gldzm' | 'ngtdm' | 'ngldm';
  features: FeatureDef[];
  compute: TextureCompute;
  /** GLCM/GLRLM: aggregations name the direction treatment ('2D, averaged', ...). */
  directional: boolean;
}

const MODULES: Array<[LoadedTextureFamily['family'], Record<string, unknown>]> = [
  ['glcm', glcm], ['glrlm', glrlm], ['glszm', glszm], ['gldzm', gldzm], ['ngtdm', ngtdm], ['ngldm', ngldm],
];

function load(): LoadedTextureFamily[] {
  const out: LoadedTextureFamily[] = [];
  for (const [family, mod] of MODULES) {
    const compute = Object.entries(mod).find(([k, v]) => /^compute/.test(k) && typeof v === 'function')?.[1] as TextureCompute | undefined;
    const features = mod.FEATURES as FeatureDef[] | undefined;
    if (!compute || !Array.isArray(features)) continue;
    out.push({ family, features, compute, directional: family === 'glcm' || family === 'glrlm' });
  }
  return out;
}

/** Texture families available in this build. */
export const TEXTURE: readonly LoadedTextureFamily[] = load();
