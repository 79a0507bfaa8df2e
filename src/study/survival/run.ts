/**
 * runSurvivalStudy: the study loop for a time-to-event outcome (config `outcome`), the survival
 * counterpart of run.ts. Main cohort: k-fold CV with folds stratified by status (censored / event /
 * competing; grouped by data.group when given; or fixed folds from evaluation.foldColumn); in every
 * outer training fold all models are fitted (survival/fit.ts) and predict the held-out part. The
 * pooled out-of-fold probabilities by the horizon give the CV measures. External cohorts: the
 * models fitted on the whole main cohort. Same inputs + seed → identical result.
 *
 * Ranking: each model's probability of the event by the horizon. Within one Cox model it orders the
 * cases exactly as the linear predictor does; across CV folds (each with its own baseline hazard)
 * it is on one absolute scale, so the pooled out-of-fold values can be ranked together.
 */
import { SonomicsError } from '../../core/errors.ts';
import { SeedStream } from '../../core/random.ts';
import { repeatedStratifiedGroupKFold, repeatedStratifiedKFold } from '../../ml/index.ts';
import { concordance, kaplanMeier, type SurvivalData } from '../../stats/index.ts';
import { MODEL_NAMES, type ModelName, type StudyConfig } from '../config.ts';
import { buildStudyData, type CohortData } from '../data.ts';
import { headFor } from '../heads/registry.ts';
import { iccFilter } from '../icc-filter.ts';
import { applyModel, caseRecords, type FittedModel } from '../model.ts';
import { summarise, type RunOptions } from '../run.ts';
import { table1 } from '../table1.ts';
import type { Table } from '../../tables/table.ts';
import { compareConcordance } from './compare.ts';
import { fitSurvivalModels } from './fit.ts';
import { applyFineGray } from './fine-gray-model.ts';
import { survivalMeasures, type MeasureOptions } from './measures.ts';
import { SURVIVAL_RESULTS_SCHEMA, type CIndexComparison, type FineGrayResult, type SurvivalCohortSummary, type SurvivalModelResult, type SurvivalPredictionRow, type SurvivalStudyResult } from './results-types.ts';

const PAIRS: Array<[ModelName, ModelName]> = [['combined', 'radiomics'], ['combined', 'clinical'], ['radiomics', 'clinical']];

function survivalOf(c: CohortData, idx?: number[]): SurvivalData {
  const rows = idx ?? c.time!.map((_, i) => i);
  return { time: rows.map((i) => c.time![i]!), status: rows.map((i) => c.status![i]!) };
}

function outerFolds(cfg: StudyConfig, main: CohortData): number[][] {
  if (main.folds) {
    const ids = [...new Set(main.folds)].sort((a, b) => a - b);
    return [main.folds.map((f) => ids.indexOf(f))];
  }
  const events = main.status!.filter((s) => s === 1).length;
  const k = Math.min(cfg.evaluation.folds, events);
  if (k < 2) throw new SonomicsError('ONE_CLASS', `main cohort ${main.name}: ${events} events — too few for ${cfg.evaluation.folds}-fold CV.`, { subject: main.name });
  // Stratified by status (0 censored, 1 event, 2 competing): every fold gets its share of each.
  if (main.groups) return repeatedStratifiedGroupKFold(main.status!, main.groups, k, cfg.evaluation.repeats, cfg.seed);
  return repeatedStratifiedKFold(main.status!, k, cfg.evaluation.repeats, cfg.seed);
}

/** The Fine–Gray model's design columns of some cases, imputed as the clinical model imputes them. */
function fineGrayRows(names: string[], model: FittedModel, recs: Array<Record<string, number>>): number[][] {
  return recs.map((r) => names.map((n) => {
    const v = r[n]!;
    return Number.isFinite(v) ? v : model.imputer?.[n] ?? v;
  }));
}

/** The clinical model's fill-in values of the Fine–Gray model's columns (what fineGrayRows uses). */
function fineGrayImputer(names: string[], model: FittedModel): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names) { const v = model.imputer?.[n]; if (v !== undefined) out[n] = v; }
  return out;
}

function cohortSummary(c: CohortData, horizon: number): SurvivalCohortSummary {
  const d = survivalOf(c);
  const status = Array.from(d.status);
  // Reverse Kaplan–Meier: censoring is the "event", events censor it (Schemper & Smith 1996).
  const reverse = kaplanMeier({ time: d.time, status: status.map((s) => (s === 0 ? 1 : 0)) });
  let known = 0, byH = 0;
  status.forEach((s, i) => { const t = d.time[i]!; if (s === 1 && t <= horizon) { known++; byH++; } else if (t > horizon) known++; });
  return {
    name: c.name, role: c.role, n: status.length,
    events: status.filter((s) => s === 1).length, competing: status.filter((s) => s === 2).length, censored: status.filter((s) => s === 0).length,
    medianFollowUp: reverse.median, knownAtHorizon: known, eventsByHorizon: byH,
  };
}

export function runSurvivalStudy(cfg: StudyConfig, tables: Record<string, Table>, opts: RunOptions = {}): SurvivalStudyResult {
  if (!cfg.outcome || !cfg.survival) throw new SonomicsError('BAD_CONFIG', 'runSurvivalStudy needs a time-to-event outcome (outcome: { time, event, horizon }); a binary study runs with runStudy.');
  const o = cfg.outcome;
  const data = buildStudyData(cfg, tables);
  const notes: string[] = data.warnings.map((w) => `warning: ${w}`);
  const warnings: string[] = [];
  let features = data.features;
  if (cfg.radiomics.icc && features.length) {
    const t = tables[cfg.radiomics.icc.table] ?? opts.robustness;
    if (!t) throw new SonomicsError('FILE_NOT_FOUND', `radiomics.icc.table "${cfg.radiomics.icc.table}" was not provided.`);
    features = iccFilter(t, features, cfg.radiomics.icc).kept;
    if (features.length === 0) throw new SonomicsError('BAD_INPUT', `no feature reaches ICC ≥ ${cfg.radiomics.icc.threshold}; lower radiomics.icc.threshold or check the robustness table.`);
  }
  const ctx = { cfg, variables: data.variables.filter((v) => !v.describeOnly), features };
  const main = data.cohorts.find((c) => c.role === 'main')!;
  const externals = data.cohorts.filter((c) => c.role === 'external');
  const inputs = [...data.variables.flatMap((v) => v.design), ...features];
  const all = main.y.map((_, i) => i);
  const mainRecs = caseRecords(main.columns, inputs, all);
  const dMain = survivalOf(main);
  const models = MODEL_NAMES.filter((m) => cfg.models.includes(m));
  const competing = o.competingValue !== undefined;
  const mOpts: MeasureOptions = { horizon: o.horizon, times: o.times, competing, metrics: { level: cfg.evaluation.ciLevel, bootstrap: cfg.evaluation.bootstrap, seed: cfg.seed }, slope: true, ...(main.groups ? { cluster: main.groups } : {}) };

  // External cohorts are read at the same horizon: it must lie within their follow-up; chosen times
  // beyond an external cohort's follow-up are left out of its AUC(t)/Brier(t) table (with a note).
  for (const e of externals) {
    const last = Math.max(...e.time!);
    if (o.horizon > last) throw new SonomicsError('BAD_CONFIG', `outcome.horizon ${o.horizon} lies beyond the external cohort ${e.name}'s follow-up (longest ${o.time} = ${last}); choose a horizon within every cohort's follow-up.`, { subject: 'outcome.horizon' });
    const beyond = o.times.filter((t) => t > last);
    if (beyond.length) notes.push(`external cohort ${e.name}: follow-up ends at ${last}; AUC(t) and Brier(t) at ${beyond.join(', ')} are not reported for it.`);
  }
  const optsFor = (c: CohortData): MeasureOptions => {
    const { cluster: _main, ...rest } = mOpts;
    return { ...rest, times: o.times.filter((t) => t <= Math.max(...c.time!)), ...(c.groups ? { cluster: c.groups } : {}) };
  };

  const final = fitSurvivalModels(ctx, mainRecs, dMain, new SeedStream(cfg.seed, 'final'), `the whole main cohort ${main.name} (final model)`, main.groups);

  // Outer CV: every training fold fits all models; each predicts its held-out part.
  const foldSets = outerFolds(cfg, main);
  const oofP = new Map(models.map((m) => [m, foldSets.map(() => new Array<number>(all.length).fill(NaN))]));
  const oofRisk = new Map(models.map((m) => [m, foldSets.map(() => new Array<number>(all.length).fill(NaN))]));
  const oofCut = new Map(models.map((m) => [m, foldSets.map(() => new Array<number>(all.length).fill(NaN))]));
  const folds = new Map<ModelName, SurvivalModelResult['cv']['folds']>(models.map((m) => [m, []]));
  const fgOof = { p: new Array<number>(all.length).fill(NaN), risk: new Array<number>(all.length).fill(NaN), cut: new Array<number>(all.length).fill(NaN) };
  const frequency: Record<string, number> = {};
  let nFits = 0;
  foldSets.forEach((fold, r) => {
    const k = Math.max(...fold) + 1;
    for (let f = 0; f < k; f++) {
      const tr = all.filter((i) => fold[i] !== f);
      const te = all.filter((i) => fold[i] === f);
      const where = `outer training fold ${f + 1}${foldSets.length > 1 ? ` of repeat ${r + 1}` : ''} of the main cohort ${main.name}`;
      const stream = new SeedStream(cfg.seed, foldSets.length > 1 ? `repeat:${r + 1}/fold:${f + 1}` : `fold:${f + 1}`);
      const fit = fitSurvivalModels(ctx, tr.map((i) => mainRecs[i]!), survivalOf(main, tr), stream, where, main.groups && tr.map((i) => main.groups![i]!));
      nFits++;
      for (const s of fit.radiomics?.selected ?? []) frequency[s.name] = (frequency[s.name] ?? 0) + 1;
      for (const v of fit.clinical?.retained ?? []) frequency[v] = (frequency[v] ?? 0) + 1;
      const teRecs = te.map((i) => mainRecs[i]!);
      const dTe = survivalOf(main, te);
      const fg = fit.fineGray;
      if (fg && r === 0) {
        const out = applyFineGray(fg, fineGrayRows(fg.names, fit.models.clinical ?? fit.models.combined!, teRecs));
        te.forEach((i, j) => { fgOof.p[i] = out.probability[j]!; fgOof.risk[i] = out.risk[j]!; fgOof.cut[i] = fg.threshold; });
      }
      for (const m of models) {
        const model = fit.models[m]!;
        const out = applyModel(model, teRecs, undefined, te.map((i) => main.ids[i]!));
        te.forEach((i, j) => { oofP.get(m)![r]![i] = out.probability[j]!; oofRisk.get(m)![r]![i] = out.risk[j]!; oofCut.get(m)![r]![i] = model.head.threshold; });
        const hasEvent = Array.from(dTe.status).includes(1);
        folds.get(m)!.push({ repeat: r + 1, fold: f + 1, n: te.length, events: Array.from(dTe.status).filter((s) => s === 1).length, harrell: hasEvent ? concordance(dTe, out.probability).concordance : NaN });
      }
    }
  });

  const results: SurvivalStudyResult['models'] = {};
  const predictions: SurvivalPredictionRow[] = [];
  const fittedP: Partial<Record<ModelName, number[]>> = {};
  const fittedRisk: Partial<Record<ModelName, number[]>> = {};
  const extOut: Record<string, Partial<Record<ModelName, { risk: number[]; probability: number[] }>>> = {};
  for (const m of models) {
    const model = final.models[m]!;
    const cut = model.head.threshold;
    const fitted = applyModel(model, mainRecs, undefined, main.ids);
    fittedP[m] = fitted.probability;
    fittedRisk[m] = fitted.risk;
    // Pooled out-of-fold (repeat 1): each case's probability from the fold that did not see it,
    // high/low at that fold's own cut; the calibration slope on the pooled linear predictors.
    const p0 = oofP.get(m)![0]!, r0 = oofRisk.get(m)![0]!, c0 = oofCut.get(m)![0]!;
    const cv = survivalMeasures(dMain, p0, c0, mOpts, r0);
    const ext: SurvivalModelResult['externals'] = {};
    for (const e of externals) {
      const out = applyModel(model, caseRecords(e.columns, model.inputs, e.y.map((_, i) => i)), undefined, e.ids);
      (extOut[e.name] ??= {})[m] = { risk: out.risk, probability: out.probability };
      ext[e.name] = survivalMeasures(survivalOf(e), out.probability, cut, optsFor(e), out.risk);
    }
    const head = headFor('cox', `the ${m} model`).describe(model.head);
    const coef = model.head.coef as number[];
    results[m] = {
      head,
      cv: { ...cv, folds: folds.get(m)! },
      externals: ext,
      apparent: survivalMeasures(dMain, fitted.probability, cut, mOpts, fitted.risk),
      features: model.head.features,
      coef: Object.fromEntries(model.head.features.map((f, j) => [f, coef[j]!])),
      threshold: cut,
      ...(m === 'clinical' && final.clinical?.zph ? { zph: final.clinical.zph } : {}),
    };
  }

  foldSets.forEach((fold, r) => all.forEach((i) => predictions.push({
    cohort: main.name, id: main.ids[i]!, time: main.time![i]!, status: main.status![i]!, set: 'cv', repeat: r + 1, fold: fold[i]! + 1,
    risk: Object.fromEntries(models.map((m) => [m, oofRisk.get(m)![r]![i]!])),
    probability: Object.fromEntries(models.map((m) => [m, oofP.get(m)![r]![i]!])),
    group: Object.fromEntries(models.map((m) => [m, oofP.get(m)![r]![i]! >= oofCut.get(m)![r]![i]! ? 1 : 0])),
  })));
  all.forEach((i) => predictions.push({
    cohort: main.name, id: main.ids[i]!, time: main.time![i]!, status: main.status![i]!, set: 'fitted', repeat: 0, fold: 0,
    risk: Object.fromEntries(models.map((m) => [m, fittedRisk[m]![i]!])),
    probability: Object.fromEntries(models.map((m) => [m, fittedP[m]![i]!])),
    group: Object.fromEntries(models.map((m) => [m, fittedP[m]![i]! >= final.models[m]!.head.threshold ? 1 : 0])),
  }));
  for (const e of externals) e.ids.forEach((id, i) => predictions.push({
    cohort: e.name, id, time: e.time![i]!, status: e.status![i]!, set: 'external', repeat: 0, fold: 0,
    risk: Object.fromEntries(models.map((m) => [m, extOut[e.name]![m]!.risk[i]!])),
    probability: Object.fromEntries(models.map((m) => [m, extOut[e.name]![m]!.probability[i]!])),
    group: Object.fromEntries(models.map((m) => [m, extOut[e.name]![m]!.probability[i]! >= final.models[m]!.head.threshold ? 1 : 0])),
  }));

  const comparisons: CIndexComparison[] = [];
  const level = cfg.evaluation.ciLevel;
  for (const [a, b] of PAIRS) {
    if (!results[a] || !results[b]) continue;
    comparisons.push(compareConcordance('cv', dMain, a, oofP.get(a)![0]!, b, oofP.get(b)![0]!, level, main.groups));
    for (const e of externals) comparisons.push(compareConcordance(e.name, survivalOf(e), a, extOut[e.name]![a]!.probability, b, extOut[e.name]![b]!.probability, level, e.groups));
  }

  let fineGray: FineGrayResult | undefined;
  const fg = final.fineGray;
  if (fg) {
    // Fine–Gray risks are cumulative incidences: no Cox calibration slope for them.
    const fgOpts = { ...mOpts, slope: false };
    const apparent = applyFineGray(fg, fineGrayRows(fg.names, final.models.clinical ?? final.models.combined!, mainRecs));
    const ext: FineGrayResult['externals'] = {};
    for (const e of externals) {
      const out = applyFineGray(fg, fineGrayRows(fg.names, final.models.clinical ?? final.models.combined!, caseRecords(e.columns, inputs, e.y.map((_, i) => i))));
      ext[e.name] = survivalMeasures(survivalOf(e), out.probability, fg.threshold, { ...optsFor(e), slope: false });
    }
    fineGray = {
      names: fg.names, coef: fg.coef, se: fg.se, subdistributionHR: fg.subdistributionHR, p: fg.p,
      cv: survivalMeasures(dMain, fgOof.p, fgOof.cut, fgOpts),
      externals: ext,
      apparent: survivalMeasures(dMain, apparent.probability, fg.threshold, fgOpts),
      final: { baseline: fg.baseline, horizon: fg.horizon, threshold: fg.threshold, imputer: fineGrayImputer(fg.names, final.models.clinical ?? final.models.combined!) },
    };
  }

  if (main.groups) notes.push(`cases are grouped by ${cfg.data.group} (${new Set(main.groups).size} patients in ${main.name}): outer and inner folds keep a patient's cases together; the C-index, AUC(t) and Brier CIs and the paired C comparisons are cluster-robust (each patient's influence summed before squaring, as R's concordance(cluster = )).`);
  if (foldSets.length > 1) notes.push('CV measures are from the pooled out-of-fold predictions of repeat 1.');
  if (competing) notes.push(`competing event (${o.competingColumn ?? o.event} = ${o.competingValue}): censored for the Cox models, the C-indices and Kaplan–Meier (cause-specific); a control for AUC(t) and Brier (Blanche's definition 2); calibration and cumulative incidence by Aalen–Johansen.`);
  notes.push(...final.notes);
  const mainSummary = cohortSummary(main, o.horizon);
  if (mainSummary.knownAtHorizon < main.y.length) notes.push(`binary metrics at the horizon (${o.horizon}) use the ${mainSummary.knownAtHorizon} of ${main.y.length} main-cohort cases whose status there is known (censored earlier${competing ? ', or the competing event first' : ''}: left out).`);

  return {
    schema: SURVIVAL_RESULTS_SCHEMA,
    outcomeKind: 'time-to-event',
    title: cfg.title,
    seed: cfg.seed,
    config: cfg,
    outcome: o,
    ties: cfg.survival.ties,
    cohorts: data.cohorts.map((c) => (c === main ? mainSummary : cohortSummary(c, o.horizon))),
    missing: { policy: data.policy, cohorts: data.missing },
    variables: data.variables,
    features: { candidates: features },
    table1: table1(data.cohorts, data.variables, cfg.clinical.variables),
    selection: { ...(final.clinical ? { clinical: final.clinical } : {}), ...(final.radiomics ? { radiomics: final.radiomics } : {}), frequency, folds: nFits },
    models: results,
    ...(fineGray ? { fineGray } : {}),
    comparisons,
    predictions,
    final: final.models as Partial<Record<ModelName, FittedModel>>,
    trainingSummary: inputs.map((name) => summarise(name, main.columns[name]!)),
    notes,
    warnings,
  };
}
