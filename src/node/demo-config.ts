/**
 * What the demo runs: its extraction plan and its study configuration (written beside the cohort
 * as extraction.yaml and study.yaml, so a user can re-run or edit them).
 */

/** The demo's extraction plan: the three regions of the CRLM study, original + LoG + one wavelet band. */
export const DEMO_EXTRACTION = {
  description: 'demo: tumour, 5 mm peri-tumoural ring and parenchyma; original, LoG 2 mm and coif1 HH; FBN 32',
  regions: { tumour: true, rings: [5], parenchyma: true, components: 'all', minPixels: 20 },
  images: [
    { type: 'original' },
    { type: 'log', sigmaMm: 2, dims: '2D' },
    { type: 'wavelet', family: 'coif1', subband: 'HH', level: 1 },
  ],
  features: { dimension: '2D', discretisation: { method: 'FBN', value: 32 } },
  filteredDiscretisation: { method: 'FBN', value: 32 },
};

export function demoStudyConfig(seed: number): Record<string, unknown> {
  const binary = (name: string) => ({ name, type: 'binary' });
  return {
    title: 'Synthetic CRLM: intrahepatic recurrence within 2 years (demo)',
    seed,
    data: {
      id: 'case_id',
      outcome: 'recurrence_2y',
      cohorts: [
        { name: 'centre A (main)', role: 'main', tables: ['cohort/clinical_main.csv', 'features/features.csv'] },
        { name: 'centre B (external)', role: 'external', tables: ['cohort/clinical_external.csv', 'features/features.csv'] },
      ],
      missing: 'complete-case',
    },
    clinical: {
      alpha: 0.05,
      variables: [
        binary('node_positive'), binary('synchronous'), binary('bilobar'), binary('preop_chemo'), binary('targeted_drugs'),
        { name: 'ca199_over_200', derive: 'ca199 > 200' },
        { name: 'age', type: 'continuous', summary: 'mean' },
        { name: 'sex', type: 'categorical', reference: 'F' },
        { name: 'cea', type: 'continuous' },
      ],
    },
    // λ.min rather than λ.1se: with ~180 training cases per fold, λ.1se keeps too few features to
    // carry the image signal the generator put in. The combined model takes the radiomics score
    // (the LASSO linear predictor, fitted in the same training fold) beside the clinical variables.
    radiomics: { include: ['tumour_*', 'ring*', 'parenchyma_*'], redundancy: 0.9, lambda: 'min' },
    combined: { radiomics: 'score' },
    svm: { C: [0.03, 0.3, 3], gamma: [0.003, 0.01, 0.03] },
    innerFolds: 5,
    evaluation: { folds: 5, repeats: 1, protocol: 'no-leakage', bootstrap: 0 },
    models: ['clinical', 'radiomics', 'combined'],
    extraction: DEMO_EXTRACTION,
  };
}
