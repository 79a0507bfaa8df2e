/** PyRadiomics' square transform (getSquareImage in radiomics/imageoperations.py; math in ../transforms.ts). */
import { squareTransform } from '../transforms.ts';
import { defineIntensityTransform } from './intensity-transform.ts';

export const SQUARE_FILTER = defineIntensityTransform('square', 'square transform', squareTransform);
