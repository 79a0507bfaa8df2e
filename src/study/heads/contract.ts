/**
 * The model-head contract. A head is the last step of a model: it reads a numeric matrix (one
 * column per input the preceding steps produced — design columns, the radiomics score, a logistic
 * score) and turns it into risks. Every head has
 *   - `fit`      training rows + outcome → a fitted head, plain JSON data with its `kind`;
 *   - `apply`    a fitted head + rows → risk scores (and probabilities, survival curves);
 *   - `describe` a fitted head → its hyperparameters and a sentence for the methods section.
 * The study loop (run.ts) and the bundle (bundle.ts) only see this contract, so a new head (Cox,
 * penalised logistic, random forest) is one file plus one line in registry.ts.
 */
import type { Outcome, OutcomeKind } from './outcome.ts';

/** What every fitted head carries; a head adds its own parameters. Stored verbatim in the bundle. */
export interface FittedHeadBase {
  /** Registry key of the head that fitted it (heads/registry.ts); `apply` is looked up by it. */
  kind: string;
  /** The input columns, in the order of the rows `apply` receives. */
  features: string[];
  /** Classification threshold on `probability` (positive iff p ≥ threshold), fixed on training data. */
  threshold: number;
  /**
   * Where this fit departed from the head's stated method (e.g. 'platt-in-sample': calibrated on
   * in-sample decision values; 'refit-degenerate': the tuned choice was flat and another was taken).
   * The study counts them per fold and the report lists them; the matching sentence is in the notes.
   */
  fallbacks?: string[];
}

/** A fitted head as the study and the bundle hold it: the contract's fields plus the head's own. */
export type FittedHead = FittedHeadBase & { [param: string]: unknown };

/** Named seeds for a head's own resampling (inner CV, calibration folds), e.g. seeds.of('tuning'). */
export interface HeadSeeds {
  of(part: string): number;
}

export interface HeadFitContext<S> {
  /** The head's settings, built from the study config by `settings` below. */
  settings: S;
  /** Seeds of this model's head in this training set (a named stream: adding a model changes no other). */
  seeds: HeadSeeds;
  /** Names the training set in errors and notes ("outer training fold 2 of the main cohort X"). */
  where: string;
  /** Names the model in errors and notes ("clinical"). */
  model: string;
  /**
   * The group (patient) of each training row, when cases share patients: a head's inner folds
   * must keep a group together. Undefined = every row its own group.
   */
  groups?: string[];
  /** Paper protocol: hyperparameters chosen once on the whole main cohort (describe(...).hyper). */
  fixed?: Record<string, number>;
  /** Where the head writes what the report should say about this fit (fallbacks, refits). */
  notes: string[];
}

/** What a fitted head gives for each row. */
export interface HeadOutput {
  /** Higher = more risk: the ranking that AUCs and C-indices read. */
  risk: number[];
  /** Probability of the event (time-to-event heads: by their horizon), compared with `threshold`. */
  probability: number[];
  /** Time-to-event heads: the survival curve S(t) of each row at `times`. */
  survival?: { times: number[]; curves: number[][] };
}

export interface HeadDescription {
  kind: string;
  /** Short name for tables ("linear SVM + Platt", "logistic regression"). */
  label: string;
  /** Tuned or fixed hyperparameters, by name (paper protocol: passed back as `fixed`). */
  hyper: Record<string, number>;
  /** One sentence for the methods section. */
  text: string;
}

/** Study-config view a head reads its settings from (the config's section of this model). */
export interface HeadSettingsSource {
  /** The model's name (clinical, radiomics, combined) — the config section the head reads. */
  model: string;
  /** The whole study config (heads/<kind>.ts picks its keys). */
  config: import('../config.ts').StudyConfig;
}

export interface ModelHead<F extends FittedHeadBase = FittedHeadBase, S = unknown> {
  kind: string;
  /** Outcomes the head can be fitted on; the study refuses other combinations with a clear error. */
  outcomes: readonly OutcomeKind[];
  settings(source: HeadSettingsSource): S;
  fit(X: number[][], outcome: Outcome, features: string[], ctx: HeadFitContext<S>): F;
  apply(head: F, X: number[][]): HeadOutput;
  describe(head: F): HeadDescription;
  /**
   * A problem with a fitted head read from a bundle (missing parameters, a number that is not finite,
   * shapes that disagree with `features`), or undefined.
   */
  check(head: F): string | undefined;
  /**
   * The head as the bundle stores it: only what `apply` needs (e.g. a linear SVM as w·z + b without
   * its support vectors). `apply` on it gives bit for bit what `apply` on the fitted head gives.
   */
  forBundle(head: F): F;
  /**
   * Does this stored head contain individual training rows (an RBF SVM's support vectors)? Such a
   * head cannot go into a shareable bundle (bundle-share.ts).
   */
  revealsTrainingRows(head: F): boolean;
}
