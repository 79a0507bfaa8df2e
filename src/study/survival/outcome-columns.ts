/**
 * Reading a time-to-event outcome from a table row (config `outcome`) and checking it on the
 * cohorts: status 1 = event of interest (outcome.eventValue), 2 = competing event
 * (outcome.competingValue), 0 = censored (any other value of the event column). Every problem
 * names the cohort, case and column and says what to do.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { SurvivalOutcomeConfig } from '../config.ts';
import { toNumber } from '../variables.ts';

/** A case's follow-up time and status, or undefined when either cell is missing (the case is left out and counted). */
export function readSurvivalOutcome(o: SurvivalOutcomeConfig, row: Record<string, string>, missingCodes: string[], cohort: string, id: string): { time: number; status: number } | undefined {
  const where = (col: string) => () => `cohort ${cohort}, case ${id}, column ${col}`;
  const time = toNumber(row[o.time], missingCodes, where(o.time));
  const event = toNumber(row[o.event], missingCodes, where(o.event));
  const other = o.competingColumn ? toNumber(row[o.competingColumn], missingCodes, where(o.competingColumn)) : event;
  if (Number.isNaN(time) || Number.isNaN(event) || Number.isNaN(other)) return undefined;
  if (!Number.isFinite(time) || time < 0) {
    throw new SonomicsError('BAD_INPUT', `cohort ${cohort}, case ${id}: follow-up time ${o.time} is ${row[o.time]}; times must be finite and ≥ 0 (fix the value, or leave the cell empty to exclude the case).`, { subject: id });
  }
  const status = event === o.eventValue ? 1 : o.competingValue !== undefined && other === o.competingValue ? 2 : 0;
  return { time, status };
}

/** The outcome's columns, for the column checks of data.ts. */
export function survivalOutcomeColumns(o: SurvivalOutcomeConfig): string[] {
  return [o.time, o.event, ...(o.competingColumn ? [o.competingColumn] : [])];
}

/**
 * Checks on the main cohort once the missing-value policy has been applied: the event (and the
 * competing event, when configured) occurs, and the horizon lies within follow-up.
 */
export function checkSurvivalCohort(o: SurvivalOutcomeConfig, cohort: string, time: number[], status: number[]): void {
  const events = status.filter((s) => s === 1).length;
  if (events === 0) throw new SonomicsError('ONE_CLASS', `main cohort ${cohort}: no case has ${o.event} = ${o.eventValue} (outcome.eventValue); check the event column's coding and set outcome.eventValue to the value meaning the event.`, { subject: o.event });
  if (events < 2) throw new SonomicsError('ONE_CLASS', `main cohort ${cohort}: only ${events} case with ${o.event} = ${o.eventValue}; a survival study needs events in every fold.`, { subject: o.event });
  const compCol = o.competingColumn ?? o.event;
  if (o.competingValue !== undefined && !status.includes(2)) throw new SonomicsError('BAD_INPUT', `main cohort ${cohort}: no case without the event has ${compCol} = ${o.competingValue} (outcome.competingValue); check the coding or remove outcome.competingValue.`, { subject: compCol });
  const last = Math.max(...time);
  if (o.horizon > last) throw new SonomicsError('BAD_CONFIG', `outcome.horizon ${o.horizon} lies beyond the main cohort ${cohort}'s follow-up (longest ${o.time} = ${last}); choose a horizon within follow-up.`, { subject: 'outcome.horizon' });
  const beyond = o.times.filter((t) => t > last);
  if (beyond.length) throw new SonomicsError('BAD_CONFIG', `outcome.times ${beyond.join(', ')} lie beyond the main cohort ${cohort}'s follow-up (longest ${last}); remove them.`, { subject: 'outcome.times' });
}
