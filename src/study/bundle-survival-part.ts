/**
 * The survival part of a model bundle (ModelBundle.survival), apart from bundle-survival.ts so that
 * the bundle's types (bundle-types.ts) need no import of the code that reads them (no import cycle).
 */
/** What a survival bundle adds (ModelBundle.survival). */
export interface SurvivalBundlePart {
  /** The outcome columns of the study (for the record; predict reads no outcome). */
  outcome: { time: string; event: string; eventValue: number; competingValue?: number; competingColumn?: string };
  /** Time the models' probability, risk group and calibration refer to. */
  horizon: number;
  /** Times `predict` and the calculator give risks at unless told otherwise (the horizon among them). */
  times: number[];
  /** Unit of the time column; the calculator's "1, 2, 3 years" are 12, 24, 36 of it. */
  timeUnit: 'months';
  /**
   * The clinical Fine–Gray model of a study with a competing event (survival.fineGray): the
   * cumulative incidence of the event when the competing event can come first. On the clinical
   * model's design columns (`names`), missing values filled as that model fills them (`imputer`).
   */
  fineGray?: FineGrayBundlePart;
}

export interface FineGrayBundlePart {
  names: string[];
  coef: number[];
  /** Baseline cumulative subdistribution hazard Λ₁ at x = 0, at the training event times. */
  baseline: { time: number[]; cumhaz: number[] };
  horizon: number;
  /** High/low cut of the training cumulative incidences by the horizon. */
  threshold: number;
  imputer: Record<string, number>;
}
