/** PyRadiomics' logarithm transform (getLogarithmImage in radiomics/imageoperations.py; math in ../transforms.ts). */
import { logarithmTransform } from '../transforms.ts';
import { defineIntensityTransform } from './intensity-transform.ts';

export const LOGARITHM_FILTER = defineIntensityTransform('logarithm', 'logarithm transform', logarithmTransform);
