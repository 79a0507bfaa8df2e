// Input validation: clear SonomicsError codes for the mistakes callers actually make.
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { calibration, chiSquare, delongCI, fisherExact, icc, mannWhitney, pAdjust, roc, thresholdMetrics } from '../../src/stats/index.ts';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SonomicsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('stats input errors', () => {
  it('one class, bad labels, length mismatch, missing scores', () => {
    expect(code(() => roc([1, 1, 1], [0.1, 0.2, 0.3]))).toBe('ONE_CLASS');
    expect(code(() => roc([0, 2, 1], [0.1, 0.2, 0.3]))).toBe('BAD_INPUT');
    expect(code(() => delongCI([0, 1], [0.1]))).toBe('BAD_INPUT');
    expect(code(() => roc([0, 1], [0.1, NaN]))).toBe('MISSING_VALUES');
    expect(code(() => thresholdMetrics([0, 1], [0.1, 0.2, 0.3], 0.5))).toBe('BAD_INPUT');
    expect(code(() => delongCI([0, 1, 0, 1], [1, 2, 3, 4], { level: 95 }))).toBe('BAD_INPUT');
  });

  it('calibration needs probabilities strictly inside (0, 1)', () => {
    expect(code(() => calibration([0, 1, 0, 1], [0, 0.5, 0.2, 0.9]))).toBe('BAD_INPUT');
  });

  it('tables, ratings, tests', () => {
    expect(code(() => chiSquare([[1, 2]]))).toBe('BAD_INPUT');
    expect(code(() => fisherExact([[1, 2], [3, -1]]))).toBe('BAD_INPUT');
    expect(code(() => icc([[1, 2], [3]]))).toBe('BAD_INPUT');
    expect(code(() => icc([[1, NaN], [3, 4]]))).toBe('MISSING_VALUES');
    expect(code(() => mannWhitney([], [1, 2]))).toBe('BAD_INPUT');
    expect(code(() => pAdjust([0.1], 'holm' as never))).toBe('BAD_INPUT');
  });

  it('exact Mann–Whitney refuses sizes it cannot afford and says what to do', () => {
    const a = Array.from({ length: 300 }, (_, i) => i + 0.5);
    const b = Array.from({ length: 300 }, (_, i) => i + 0.25);
    expect(() => mannWhitney(a, b, { exact: true })).toThrow(/exact: false/);
    expect(mannWhitney(a, b).method).toBe('normal');
  });
});
