/**
 * Feature extraction for one case with the bundle's stored settings: the very same library call
 * (`extractCase`) the CLI's `sonomics extract` makes, so the numbers are the same.
 */
import { extractCase, resolveExtractionSettings, type Image, type Mask } from '../../src/index.ts';

export interface ExtractRequest { image: Image; tumour: Mask; parenchyma?: Mask; settings: unknown; caseId: string }
export interface ExtractReply { features: Record<string, number>; warnings: string[]; regionPixels: Record<string, number> }

export function runExtraction(req: ExtractRequest): ExtractReply {
  const settings = resolveExtractionSettings(req.settings, 'the model bundle\'s extraction settings');
  return extractCase({ image: req.image, tumour: req.tumour, parenchyma: req.parenchyma }, settings, { caseId: req.caseId });
}
