/**
 * A model input's training distribution (mean, SD, range), stored in the bundle so a new case's
 * value can be checked against it. Its own file: the study run makes it and the bundle stores it,
 * and the bundle already depends on the run's result type (so run.ts must not import bundle.ts).
 */
export interface InputSummary { name: string; mean: number; sd: number; min: number; max: number }
