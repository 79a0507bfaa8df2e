/**
 * What this sonomics version reproduces of the IBSI reference sets, as the methods state it. The
 * figures are asserted by the compliance suites (test/ibsi/digital-phantom.test.ts and
 * ct-phantom.test.ts require every IBSI 1 value; test/filters/ibsi2-phase1.test.ts and
 * ibsi2-phase2.test.ts every phase-1 map and phase-2 2D value), so CI fails before this claim can.
 */
export const IBSI_VERIFICATION = {
  ibsi1: { matched: 1803, total: 1803, sets: 'digital phantom and CT phantom configurations A–E, every family and texture aggregation' },
  ibsi2: { phase1: '30 of 30', phase2: '162 of 162', checked: 'sonomics ibsi-filters; mean, LoG, Laws, Gabor, wavelets and Simoncelli' },
} as const;
