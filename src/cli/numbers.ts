/**
 * Parsers for numeric command-line options: a value that is not a number in range ends the
 * command with commander's "option '--workers <n>' argument 'abc' is invalid" and exit code 1,
 * instead of running with NaN (issue #20: `extract --workers abc` exited 0 having done nothing).
 */
import { InvalidArgumentError } from 'commander';

/** Documented limits (docs/cli.md): workers are capped at 256 processes, cohorts at 10^6 cases. */
export const LIMITS = { workers: 256, cases: 1_000_000, seed: 2 ** 32 - 1 } as const;

export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got '${value}'.`);
    }
    return n;
  };
}

export function realNumber(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got '${value}'.`);
    }
    return n;
  };
}

export const workersOption = wholeNumber(0, LIMITS.workers);
export const casesOption = wholeNumber(1, LIMITS.cases);
export const seedOption = wholeNumber(0, LIMITS.seed);
