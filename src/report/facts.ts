/**
 * The facts a report states about a study, derived once from the StudyResult (what ran), so the
 * methods, the checklists and the cautions cannot disagree: the selector's name, the extraction
 * run, the feature funnel, class weighting, grid edges, Firth fallbacks and events per variable.
 */
import { MODEL_NAMES, type ModelName } from '../study/config.ts';
import type { ExtractionRun } from '../study/extraction-run.ts';
import type { StudyResult } from '../study/run.ts';

export interface GridEdge { model: ModelName; parameter: 'C' | 'γ'; value: number; edge: 'lowest' | 'highest'; finalModel: boolean; folds: number; of: number }

export interface StudyFacts {
  main: StudyResult['cohorts'][number];
  externals: StudyResult['cohorts'];
  models: ModelName[];
  radiomics: boolean;
  clinical: boolean;
  /** 'LASSO' (alpha 1) or 'elastic net' (alpha < 1): headings and methods say which ran. */
  selector: string;
  selectorWithAlpha: string;
  extraction?: ExtractionRun;
  /** Feature counts at each step of the radiomics selection on the whole main cohort. */
  funnel: Array<{ step: string; count: number }>;
  classWeighted: boolean;
  gridEdges: GridEdge[];
  /** Outer folds whose logistic fits fell back to Firth's penalised likelihood, per model (and the final fit). */
  firth: Array<{ model: ModelName; folds: number; of: number; finalModel: boolean }>;
  /** Events per candidate variable in the main cohort (clinical design columns + radiomics candidates). */
  epv: { events: number; candidates: number; value: number };
  /** Shape features of regions other than the tumour among the candidates / selected ones. */
  nonLesionShape: { candidates: string[]; selected: string[] };
  software: string;
}

const SHAPE = /^(?!tumour_)[^_]+_[^_]+_morphology_/;

export function studyFacts(r: StudyResult): StudyFacts {
  const c = r.config;
  const main = r.cohorts.find((x) => x.role === 'main')!;
  const models = MODEL_NAMES.filter((m) => r.models[m]);
  const radiomics = models.includes('radiomics') || models.includes('combined');
  const clinical = models.includes('clinical') || models.includes('combined');
  const selector = c.radiomics.alpha === 1 ? 'LASSO' : 'elastic net';
  const rad = r.selection.radiomics;
  const funnel: StudyFacts['funnel'] = [];
  if (radiomics) {
    const icc = r.features.icc;
    funnel.push({ step: 'candidate features (radiomics.include/exclude)', count: icc ? icc.kept.length + icc.dropped.length : r.features.candidates.length });
    if (icc) funnel.push({ step: `${icc.type} ≥ ${icc.threshold} (repeatability)`, count: icc.kept.length });
    if (rad) {
      funnel.push({ step: `redundancy filter (|Spearman ρ| ≤ ${c.radiomics.redundancy})`, count: rad.redundancy.kept.length });
      funnel.push({ step: `${selector} at λ.${rad.lasso.rule} (non-zero coefficients)`, count: rad.selected.length });
    }
  }
  const gridEdges: GridEdge[] = [];
  const firth: StudyFacts['firth'] = [];
  for (const m of models) {
    const res = r.models[m]!;
    const folds = res.cv.folds;
    const kernel = m === 'clinical' ? c.clinical.kernel : m === 'radiomics' ? c.radiomics.kernel : c.combined.kernel;
    const grids: Array<['C' | 'γ', number[], (h: Record<string, number> | undefined) => number | undefined]> = [['C', c.svm.Cs, (h) => h?.C]];
    if (kernel === 'rbf') grids.push(['γ', c.svm.gammas, (h) => h?.gamma]);
    const head = m === 'clinical' ? c.clinical.head : m === 'radiomics' ? c.radiomics.head : c.combined.head;
    for (const [parameter, grid, get] of grids) {
      if (grid.length < 2 || head !== 'svm') continue;
      const lo = Math.min(...grid), hi = Math.max(...grid);
      for (const [edge, value] of [['lowest', lo], ['highest', hi]] as const) {
        const finalModel = get(res.hyper) === value;
        const n = folds.filter((f) => get(f.hyper) === value).length;
        if (finalModel || n > 0) gridEdges.push({ model: m, parameter, value, edge, finalModel, folds: n, of: folds.length });
      }
    }
    const finalFirth = r.final[m]?.logitScore?.firth === true || (m === 'clinical' && r.selection.clinical?.logisticFirth === true);
    const nf = folds.filter((f) => f.firth).length;
    if (finalFirth || nf > 0) firth.push({ model: m, folds: nf, of: folds.length, finalModel: finalFirth });
  }
  const clinicalColumns = clinical ? r.variables.filter((v) => !v.describeOnly).flatMap((v) => v.design).length : 0;
  const radCandidates = radiomics ? (funnel[0]?.count ?? 0) : 0;
  const candidates = clinicalColumns + radCandidates;
  const selectedNames = rad?.selected.map((s) => s.name) ?? [];
  return {
    main,
    externals: r.cohorts.filter((x) => x.role === 'external'),
    models,
    radiomics,
    clinical,
    selector,
    selectorWithAlpha: c.radiomics.alpha === 1 ? 'LASSO' : `elastic net (α = ${c.radiomics.alpha})`,
    extraction: r.extraction?.[0],
    funnel,
    classWeighted: c.svm.classWeights === 'balanced',
    gridEdges,
    firth,
    epv: { events: Math.min(main.events, main.n - main.events), candidates, value: candidates ? Math.min(main.events, main.n - main.events) / candidates : Infinity },
    nonLesionShape: {
      candidates: radiomics ? r.features.candidates.filter((f) => SHAPE.test(f)) : [],
      selected: selectedNames.filter((f) => SHAPE.test(f)),
    },
    software: r.extraction?.[0]?.sonomics ?? 'unknown',
  };
}
