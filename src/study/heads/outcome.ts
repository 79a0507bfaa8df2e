/**
 * The outcome a model is fitted on. Binary now (0/1 per case); a time-to-event outcome (follow-up
 * time, event indicator 0/1 and an optional horizon for probabilities) joins as a second member,
 * so that heads declare which outcomes they accept (contract.ts `outcomes`).
 */
import { SonomicsError } from '../../core/errors.ts';

export interface BinaryOutcome {
  kind: 'binary';
  /** 1 = event, 0 = no event. */
  y: number[];
}

export interface TimeToEventOutcome {
  kind: 'time-to-event';
  /** Follow-up time of each case (event or censoring), > 0. */
  time: number[];
  /** 1 = event observed at `time`, 0 = censored. */
  event: number[];
  /** Time at which `probability` is read (P(event by horizon)); undefined = the last event time. */
  horizon?: number;
}

export type Outcome = BinaryOutcome | TimeToEventOutcome;
export type OutcomeKind = Outcome['kind'];

export function binaryOutcome(y: number[]): BinaryOutcome {
  return { kind: 'binary', y };
}

/** The 0/1 labels of a binary outcome; a clear error for a head that needs them and got another kind. */
export function binaryLabels(outcome: Outcome, head: string, model: string): number[] {
  if (outcome.kind !== 'binary') throw new SonomicsError('BAD_CONFIG', `the ${model} model's ${head} head needs a binary outcome, got ${outcome.kind}; choose a head that accepts ${outcome.kind} outcomes.`, { subject: model });
  return outcome.y;
}

/** Rows `idx` of an outcome (a training or held-out part). */
export function outcomeRows(outcome: Outcome, idx: number[]): Outcome {
  if (outcome.kind === 'binary') return { kind: 'binary', y: idx.map((i) => outcome.y[i]!) };
  return { ...outcome, time: idx.map((i) => outcome.time[i]!), event: idx.map((i) => outcome.event[i]!) };
}
