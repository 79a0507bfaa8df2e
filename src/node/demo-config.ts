/**
 * What the demo runs: its extraction plan and its study configuration (written beside the cohort
 * as extraction.yaml and study.yaml, so a user can re-run or edit them).
 */

/**
 * The demo's extraction plan: the three regions of the CRLM study, original + LoG 2 mm. No wavelet
 * band: at 0.2 mm pixels the level-1 HH band is mostly speckle (the scanner's PSF, not tissue); it
 * added a third more candidates for ~110–180-case training folds and a third more extraction time.
 */
export const DEMO_EXTRACTION = {
  description: 'demo: tumour, 5 mm peri-tumoural ring and parenchyma; original and LoG 2 mm; FBN 32',
  regions: { tumour: true, rings: [5], parenchyma: true, components: 'all', minPixels: 20 },
  images: [
    { type: 'original' },
    { type: 'log', sigmaMm: 2, dims: '2D' },
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
    // α = 0.157 (the AIC-equivalent p for one degree of freedom) for entry and retention: with
    // ~110–180 cases, p < 0.05 twice drops true but modest predictors (Steyerberg, Clinical
    // Prediction Models, 2nd ed., §11.3; Heinze, Wallisch & Dunkler 2018, Biom J 60:431).
    clinical: {
      alpha: 0.157,
      variables: [
        binary('node_positive'), binary('synchronous'), binary('bilobar'), binary('preop_chemo'), binary('targeted_drugs'),
        { name: 'ca199_over_200', derive: 'ca199 > 200' },
        { name: 'age', type: 'continuous', summary: 'mean' },
        { name: 'sex', type: 'categorical', reference: 'F' },
        { name: 'cea', type: 'continuous' },
      ],
    },
    // λ.min rather than λ.1se: with ~110–180 training cases per fold, λ.1se keeps too few features to
    // carry the image signal the generator put in. Both image models read the radiomics score (the
    // LASSO linear predictor, fitted in the same training fold) rather than the selected features:
    // an SVM on 30–50 features from ~180 cases overfits, while the score already carries LASSO's
    // cross-validated weights. Linear kernels for those two: the score is one-dimensional (a linear
    // SVM keeps its ranking) and the true model is additive on the logit scale.
    // Centre B's scanner shifts every feature: it is aligned to centre A from its own unlabelled
    // features (median/IQR per centre; transductive, no outcome used), so centre A's threshold transfers.
    radiomics: { include: ['tumour_*', 'ring*', 'parenchyma_*'], redundancy: 0.9, lambda: 'min', input: 'score', kernel: 'linear', harmonise: 'centre-robust' },
    combined: { radiomics: 'score', kernel: 'linear' },
    svm: { C: [0.03, 0.3, 3], gamma: [0.003, 0.01, 0.03] },
    innerFolds: 5,
    evaluation: { folds: 5, repeats: 1, protocol: 'no-leakage', bootstrap: 0 },
    models: ['clinical', 'radiomics', 'combined'],
    extraction: DEMO_EXTRACTION,
  };
}
