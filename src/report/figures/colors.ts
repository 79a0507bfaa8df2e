/** One colour per model, the same in every figure. */
import type { ModelName } from '../../study/config.ts';
import { PALETTE } from '../svg.ts';

export const MODEL_COLOR: Record<ModelName, string> = { clinical: PALETTE[0]!, radiomics: PALETTE[1]!, combined: PALETTE[2]! };
