/** PyRadiomics' square-root transform (getSquareRootImage in radiomics/imageoperations.py; math in ../transforms.ts). */
import { squareRootTransform } from '../transforms.ts';
import { defineIntensityTransform } from './intensity-transform.ts';

export const SQUAREROOT_FILTER = defineIntensityTransform('squareroot', 'square-root transform', squareRootTransform);
