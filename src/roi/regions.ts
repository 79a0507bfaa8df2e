/**
 * The clinical regions radiomics is computed in: the tumour (lesion mask), peri-tumoural rings
 * of W mm (ring.ts) and the disease-free parenchyma (organ mask minus the tumour and an optional
 * safety margin around it). Region names follow the feature-name convention
 * ({region}_{image}_{family}_{feature}): 'tumour', 'ring5mm', 'ring2to7mm', 'parenchyma'.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, maskCount, type Mask } from '../image/image.ts';
import { dilateMm } from '../image/morphology.ts';
import { peritumoralRing } from './ring.ts';
import { sameGrid } from './grid.ts';

/** Parenchyma: organ (e.g. liver) voxels that are not tumour and not within `excludeMarginMm` of it. */
export function parenchymaRegion(organ: Mask, tumour: Mask, opts: { excludeMarginMm?: number; caseId?: string } = {}): Mask {
  sameGrid(organ, tumour, 'organ mask', 'tumour mask', opts.caseId);
  const margin = opts.excludeMarginMm ?? 0;
  const excluded = margin > 0 ? dilateMm(tumour, margin) : tumour;
  const out = new Uint8Array(organ.data.length);
  for (let i = 0; i < out.length; i++) out[i] = organ.data[i] && !excluded.data[i] ? 1 : 0;
  return createMask(organ.size, organ.spacing, out, organ);
}

/** The region name of a ring: 'ring5mm', or 'ring2to7mm' with a 2 mm inner margin. */
export function ringName(widthMm: number, innerMarginMm = 0): string {
  const f = (v: number) => String(+v.toFixed(3)).replace('.', 'p');
  return innerMarginMm > 0 ? `ring${f(innerMarginMm)}to${f(innerMarginMm + widthMm)}mm` : `ring${f(widthMm)}mm`;
}

export interface RegionPlan {
  /** Ring widths in mm (each becomes 'ring{W}mm'). */
  ringsMm?: number[];
  innerMarginMm?: number;
  /** Organ mask (liver): rings are clipped to it, and it yields 'parenchyma'. */
  organ?: Mask;
  /** Field-of-view mask (where the image has signal): every region is clipped to it. */
  fieldOfView?: Mask;
  /** Margin around the tumour left out of the parenchyma (default 0). */
  parenchymaMarginMm?: number;
  caseId?: string;
}

/** All regions of one case, by name. Empty rings (all clipped away) raise EMPTY_MASK. */
export function buildRegions(tumour: Mask, plan: RegionPlan = {}): Record<string, Mask> {
  const where = plan.caseId ? ` in case ${plan.caseId}` : '';
  let clip: Mask | undefined = plan.organ;
  if (plan.fieldOfView) {
    sameGrid(plan.fieldOfView, tumour, 'field-of-view mask', 'tumour mask', plan.caseId);
    clip = clip ? intersect(clip, plan.fieldOfView) : plan.fieldOfView;
  }
  const regions: Record<string, Mask> = { tumour: plan.fieldOfView ? intersect(tumour, plan.fieldOfView) : tumour };
  for (const w of plan.ringsMm ?? []) {
    const name = ringName(w, plan.innerMarginMm);
    const ring = peritumoralRing(tumour, w, { innerMarginMm: plan.innerMarginMm, clipTo: clip });
    if (maskCount(ring) === 0) throw new SonomicsError('EMPTY_MASK', `${name} is empty${where}: the ring lies outside the organ / field of view`, { subject: plan.caseId });
    regions[name] = ring;
  }
  if (plan.organ) {
    let p = parenchymaRegion(plan.organ, tumour, { excludeMarginMm: plan.parenchymaMarginMm, caseId: plan.caseId });
    if (plan.fieldOfView) p = intersect(p, plan.fieldOfView);
    if (maskCount(p) === 0) throw new SonomicsError('EMPTY_MASK', `parenchyma is empty${where}: the organ mask has no voxels outside the tumour`, { subject: plan.caseId });
    regions.parenchyma = p;
  }
  return regions;
}

function intersect(a: Mask, b: Mask): Mask {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] && b.data[i] ? 1 : 0;
  return createMask(a.size, a.spacing, out, a);
}
