/**
 * Clinical variable selection for a time-to-event outcome, as the binary study's (clinical.ts) but
 * with Cox regression: univariable Cox of each candidate; those with p < entryAlpha enter a
 * multivariable Cox model; variables still at p < alpha there are retained (Hosmer, Lemeshow & May,
 * Applied Survival Analysis, 2nd ed., §5.2 "purposeful selection"). p of a single-column variable is
 * the Wald p; of a categorical (several dummies) the likelihood-ratio test against the null model
 * (χ², df = number of dummies), as R's anova(coxph). Competing events count as censored here (the
 * cause-specific hazard). So that a model always exists: if no variable enters, the one with the
 * smallest univariable p enters; if none is retained, the entered one with the smallest p is kept.
 * A variable whose Cox fit does not converge in this training set (it separates the events, an
 * infinite hazard ratio) cannot enter; the note says so.
 */
import { SonomicsError } from '../../core/errors.ts';
import { coxPH, coxZph, type CoxModel, type CoxTies } from '../../ml/index.ts';
import type { SurvivalData } from '../../stats/index.ts';
import { independentGroups } from '../logistic-fit.ts';
import type { VariableSpec } from '../variables.ts';
import type { CoxSelection } from './results-types.ts';

/** coxPH, or undefined (with a note) when the fit does not converge: a covariate separates the events. */
export function fitCoxOrNote(X: number[][], d: SurvivalData, names: string[], ties: CoxTies, what: string, notes: string[]): CoxModel | undefined {
  try {
    return coxPH(X, d, { ties, names });
  } catch (e) {
    if (e instanceof SonomicsError && (e.code === 'NOT_CONVERGED' || e.code === 'BAD_INPUT')) {
      notes.push(`${what}: the Cox fit failed in this training set (${e.message.replace(/^coxPH: /, '')})`);
      return undefined;
    }
    throw e;
  }
}

export function selectClinicalCox(records: Array<Record<string, number>>, d: SurvivalData, variables: VariableSpec[], alpha: number, entryAlpha: number, ties: CoxTies, where: string): CoxSelection {
  const notes: string[] = [];
  const specOf = (n: string) => variables.find((v) => v.name === n)!;
  const design = (names: string[]) => names.flatMap((n) => specOf(n).design);
  const matrix = (cols: string[]) => records.map((r) => cols.map((c) => r[c]!));
  const univariable: CoxSelection['univariable'] = variables.map((v) => {
    const X = matrix(v.design);
    const constant = !independentGroups(X, [v.design.map((_, j) => j)])[0];
    const m = constant ? undefined : fitCoxOrNote(X, d, v.design, ties, `univariable Cox model of ${v.name}`, notes);
    if (!m) {
      if (constant) notes.push(`${v.name} is constant in this training set (${records.length} cases); it cannot enter the model here`);
      return { variable: v.name, terms: v.design.map((name) => ({ name, coef: 0, hazardRatio: 1, hrLower: NaN, hrUpper: NaN, p: 1 })), p: 1, entered: false, constant: true as const };
    }
    const terms = v.design.map((name, j) => ({ name, coef: m.coef[j]!, hazardRatio: m.hazardRatio[j]!, hrLower: m.hrLower[j]!, hrUpper: m.hrUpper[j]!, p: m.p[j]! }));
    const p = v.design.length === 1 ? m.p[0]! : m.tests.likelihoodRatio.p;
    return { variable: v.name, terms, p: Number.isNaN(p) ? 1 : p, entered: false };
  });
  let entered = univariable.filter((u) => !u.constant && (u.p < entryAlpha || entryAlpha >= 1)).map((u) => u.variable);
  {
    // Aliased design columns (one variable repeating others in this training set) cannot enter together, as in R.
    let at = 0;
    const groups = entered.map((n) => specOf(n).design.map(() => at++));
    const ok = independentGroups(matrix(design(entered)), groups);
    const aliased = entered.filter((_, g) => !ok[g]);
    if (aliased.length) notes.push(`${aliased.join(', ')}: collinear with the variables before ${aliased.length > 1 ? 'them' : 'it'} in this training set (${records.length} cases); left out of the multivariable model here`);
    entered = entered.filter((_, g) => ok[g]);
  }
  if (entered.length === 0) {
    const usable = univariable.filter((u) => !u.constant);
    if (usable.length === 0) throw new SonomicsError('BAD_INPUT', `no clinical variable (${variables.map((v) => v.name).join(', ')}) can be fitted by Cox regression in ${where} (${records.length} cases): each is constant or separates the events. Use more cases, fewer folds, or models: [radiomics].`);
    const best = [...usable].sort((a, b) => a.p - b.p)[0]!;
    entered = [best.variable];
    notes.push(`no variable had univariable p < ${entryAlpha}; ${best.variable} (smallest p = ${best.p.toPrecision(3)}) entered so that a model exists`);
  }
  // The multivariable model; a variable that makes it diverge leaves (the weakest univariable first).
  let multivariable: CoxModel | undefined;
  for (;;) {
    const cols = design(entered);
    multivariable = fitCoxOrNote(matrix(cols), d, cols, ties, `multivariable Cox model of ${entered.join(', ')}`, notes);
    if (multivariable || entered.length === 1) break;
    const worst = [...entered].sort((a, b) => univariable.find((u) => u.variable === b)!.p - univariable.find((u) => u.variable === a)!.p)[0]!;
    entered = entered.filter((n) => n !== worst);
    notes.push(`${worst} left the multivariable model so that it converges`);
  }
  if (!multivariable) throw new SonomicsError('NOT_CONVERGED', `the clinical Cox model of ${entered.join(', ')} does not converge in ${where}: the variable separates the events. Remove it from clinical.variables or use models: [radiomics].`, { subject: entered[0] });
  for (const u of univariable) u.entered = entered.includes(u.variable);
  const enteredDesign = design(entered);
  const mv = multivariable;
  const minP = (n: string) => Math.min(...specOf(n).design.map((c) => mv.p[enteredDesign.indexOf(c)]!));
  let retained = entered.filter((n) => minP(n) < alpha || alpha >= 1);
  if (retained.length === 0) {
    const best = [...entered].sort((a, b) => minP(a) - minP(b))[0]!;
    retained = [best];
    notes.push(`no variable kept p < ${alpha} in the multivariable Cox model; ${best} (smallest p) was kept`);
  }
  let model = retained.length === entered.length ? mv : fitCoxOrNote(matrix(design(retained)), d, design(retained), ties, 'Cox model on the retained variables', notes);
  if (!model) {
    retained = entered;
    model = mv;
    notes.push('the Cox model on the retained variables did not converge; every entered variable was kept');
  }
  const retainedDesign = design(retained);
  let zph: CoxSelection['zph'];
  try {
    zph = coxZph(model, matrix(retainedDesign), d);
  } catch (e) {
    notes.push(`proportional-hazards check not computed: ${(e as Error).message}`);
  }
  return {
    alpha, entryAlpha, ties, univariable, entered, retained, retainedDesign,
    model: { names: model.names, coef: model.coef, se: model.se, hazardRatio: model.hazardRatio, hrLower: model.hrLower, hrUpper: model.hrUpper, p: model.p },
    ...(zph ? { zph } : {}), notes,
  };
}
