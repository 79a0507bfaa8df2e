/**
 * Clinical variable selection: univariable logistic regression of each candidate; those with
 * p < entryAlpha enter a multivariable model; variables still at p < alpha there are retained.
 * (entryAlpha defaults to alpha; purposeful selection uses entry 0.25 and retention 0.1 —
 * Hosmer, Lemeshow & Sturdivant, Applied Logistic Regression, 3rd ed., §4.2; Bursac et al. 2008.)
 * p of a single-column variable is the Wald p; of a categorical (several dummies) the likelihood-ratio
 * test against the null model (χ², df = number of dummies), as R's anova(glm, test = "Chisq").
 * So that a model always exists: if no variable enters, the one with the smallest univariable p
 * enters; if none is retained, the entered variable with the smallest multivariable p is kept.
 */
import { SonomicsError } from '../core/errors.ts';
import { logisticRegression } from '../ml/index.ts';
import { pchisq } from '../stats/index.ts';
import type { VariableSpec } from './variables.ts';
import { pointsTable, type PointsTable } from './points.ts';
import { fitLogisticSafe, independentGroups } from './logistic-fit.ts';

export type LogisticModel = ReturnType<typeof logisticRegression>;

export interface UnivariableRow {
  variable: string;
  terms: Array<{ name: string; coef: number; oddsRatio: number; orLower: number; orUpper: number; p: number }>;
  /** p of the variable as a whole (Wald for one term, LR test for several). */
  p: number;
  entered: boolean;
  /** Constant in this training set: not estimable, never entered. */
  constant?: true;
}

export interface ClinicalSelection {
  alpha: number;
  entryAlpha: number;
  univariable: UnivariableRow[];
  entered: string[];
  multivariable?: LogisticModel;
  retained: string[];
  retainedDesign: string[];
  /** Logistic model on the retained variables (comparison, points table). */
  logistic?: LogisticModel;
  /** That model was fitted by Firth's penalised likelihood (the training set separated the outcome). */
  logisticFirth?: true;
  points?: PointsTable;
  notes: string[];
}

/** Null-model deviance of a 0/1 outcome: −2 Σ log L(ȳ). */
function nullDeviance(y: number[]): number {
  const m = y.reduce((a, b) => a + b, 0) / y.length;
  return -2 * y.reduce((s, v) => s + (v === 1 ? Math.log(m) : Math.log(1 - m)), 0);
}

/** Upper tail of χ²(df) (R's pchisq(x, df, lower.tail = FALSE)). */
export function chiSquareUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return pchisq(x, df, true);
}

export function selectClinical(records: Array<Record<string, number>>, y: number[], variables: VariableSpec[], alpha: number, entryAlpha = alpha): ClinicalSelection {
  const notes: string[] = [];
  const nulldev = nullDeviance(y);
  const specOf = (n: string) => variables.find((v) => v.name === n)!;
  const design = (names: string[]) => names.flatMap((n) => specOf(n).design);
  const univariable: UnivariableRow[] = variables.map((v) => {
    const X = records.map((r) => v.design.map((d) => r[d]!));
    if (!independentGroups(X, [v.design.map((_, j) => j)])[0]) {
      notes.push(`${v.name} is constant in this training set (${records.length} cases); it cannot enter the model here`);
      const terms = v.design.map((name) => ({ name, coef: 0, oddsRatio: 1, orLower: NaN, orUpper: NaN, p: 1 }));
      return { variable: v.name, terms, p: 1, entered: false, constant: true as const };
    }
    const m = fitLogisticSafe(X, y, v.design, `univariable model of ${v.name}`, notes).model;
    const terms = v.design.map((name, j) => ({ name, coef: m.coef[j + 1]!, oddsRatio: m.oddsRatio[j + 1]!, orLower: m.orLower[j + 1]!, orUpper: m.orUpper[j + 1]!, p: m.p[j + 1]! }));
    const p = v.design.length === 1 ? m.p[1]! : chiSquareUpper(nulldev - m.deviance, v.design.length);
    return { variable: v.name, terms, p: Number.isNaN(p) ? 1 : p, entered: false };
  });
  // α = 1 means no selection (a pre-specified model): keep even a variable with p = 1 exactly.
  let entered = univariable.filter((u) => !u.constant && (u.p < entryAlpha || entryAlpha >= 1)).map((u) => u.variable);
  // A variable whose design columns repeat earlier ones in this training set (e.g. targeted drugs
  // given to every patient who had chemotherapy) is aliased, as in R's glm: left out, with a note.
  {
    const cols = design(entered);
    const X = records.map((r) => cols.map((d) => r[d]!));
    let at = 0;
    const groups = entered.map((n) => specOf(n).design.map(() => at++));
    const ok = independentGroups(X, groups);
    const aliased = entered.filter((_, g) => !ok[g]);
    if (aliased.length) notes.push(`${aliased.join(', ')}: collinear with the variables before ${aliased.length > 1 ? 'them' : 'it'} in this training set (${records.length} cases); left out of the multivariable model here`);
    entered = entered.filter((_, g) => ok[g]);
  }
  if (entered.length === 0) {
    const usable = univariable.filter((u) => !u.constant);
    if (usable.length === 0) throw new SonomicsError('BAD_INPUT', `every clinical variable (${variables.map((v) => v.name).join(', ')}) is constant in this training set of ${records.length} cases; the clinical model cannot be fitted. Use more cases, fewer folds, or models: [radiomics].`);
    const best = [...usable].sort((a, b) => a.p - b.p)[0]!;
    entered = [best.variable];
    notes.push(`no variable had univariable p < ${entryAlpha}; ${best.variable} (smallest p = ${best.p.toPrecision(3)}) entered so that a model exists`);
  }
  for (const u of univariable) u.entered = entered.includes(u.variable);
  const enteredDesign = design(entered);
  const multivariable = fitLogisticSafe(records.map((r) => enteredDesign.map((d) => r[d]!)), y, enteredDesign, 'multivariable model', notes).model;
  const minP = (n: string) => Math.min(...specOf(n).design.map((d) => multivariable.p[enteredDesign.indexOf(d) + 1]!));
  let retained = entered.filter((n) => minP(n) < alpha || alpha >= 1);
  if (retained.length === 0) {
    const best = [...entered].sort((a, b) => minP(a) - minP(b))[0]!;
    retained = [best];
    notes.push(`no variable kept p < ${alpha} in the multivariable model; ${best} (smallest p) was kept`);
  }
  const retainedDesign = design(retained);
  const fitted = fitLogisticSafe(records.map((r) => retainedDesign.map((d) => r[d]!)), y, retainedDesign, 'model on the retained variables', notes);
  const logistic = fitted.model;
  const points = pointsTable(logistic, records, retainedDesign);
  return { alpha, entryAlpha, univariable, entered, multivariable, retained, retainedDesign, logistic, ...(fitted.firth ? { logisticFirth: true as const } : {}), points, notes };
}
