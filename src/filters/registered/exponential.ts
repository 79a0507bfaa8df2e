/** PyRadiomics' exponential transform (getExponentialImage in radiomics/imageoperations.py; math in ../transforms.ts). */
import { exponentialTransform } from '../transforms.ts';
import { defineIntensityTransform } from './intensity-transform.ts';

export const EXPONENTIAL_FILTER = defineIntensityTransform('exponential', 'exponential transform', exponentialTransform);
