// The time-to-event outcome in the study config and the data checks on it (issue #17): defaults,
// every refused combination with the key it names, and the loud errors on the data (missing
// column, negative time, an event value that never occurs, a horizon beyond follow-up).
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../../src/core/errors.ts';
import { Random } from '../../../src/core/random.ts';
import { parseStudyConfig } from '../../../src/study/config.ts';
import { buildStudyData } from '../../../src/study/data.ts';
import { riskSplit } from '../../../src/study/heads/cox.ts';
import { parseCsv } from '../../../src/tables/csv.ts';
import { runSurvivalStudy } from '../../../src/study/survival/run.ts';

const base = {
  data: { cohorts: [{ name: 'main', tables: ['t.csv'] }] },
  outcome: { time: 'months', event: 'status', horizon: 24 },
  clinical: { variables: [{ name: 'x', type: 'binary' }] },
  models: ['clinical'],
};

function problems(raw: unknown): string {
  try {
    parseStudyConfig(raw, 'test.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(SonomicsError);
    expect((e as SonomicsError).code).toBe('BAD_CONFIG');
    return (e as Error).message;
  }
  throw new Error('expected BAD_CONFIG');
}

/** A table of 60 cases: months, status (0/1/2), x — 1 and 2 occur, follow-up up to 60. */
function table(edit: (rows: string[][]) => void = () => {}): Record<string, ReturnType<typeof parseCsv>> {
  const r = new Random(3);
  const rows = Array.from({ length: 60 }, (_, i) => [`c${i}`, (1 + r.next() * 59).toFixed(1), String(i % 3), String(i % 2)]);
  edit(rows);
  return { 't.csv': parseCsv(['id,months,status,x', ...rows.map((x) => x.join(','))].join('\n'), 't.csv') };
}

function dataError(cfg: unknown, tables: ReturnType<typeof table>): SonomicsError {
  try {
    buildStudyData(parseStudyConfig(cfg), tables);
  } catch (e) {
    expect(e).toBeInstanceOf(SonomicsError);
    return e as SonomicsError;
  }
  throw new Error('expected an error');
}

describe('time-to-event outcome in the study config', () => {
  it('fills defaults: eventValue 1, Efron ties, no Fine–Gray, times = [horizon], Cox heads', () => {
    const c = parseStudyConfig(base);
    expect(c.outcome).toEqual({ time: 'months', event: 'status', eventValue: 1, horizon: 24, times: [24] });
    expect(c.survival).toEqual({ ties: 'efron', fineGray: false });
    expect([c.clinical.head, c.radiomics.head, c.combined.head]).toEqual(['cox', 'cox', 'cox']);
    expect(c.data.outcome).toBe('');
    const t = parseStudyConfig({ ...base, outcome: { ...base.outcome, competingValue: 2, times: [36, 12] }, survival: { ties: 'breslow', fineGray: true } });
    // the horizon joins the chosen times, sorted
    expect(t.outcome!.times).toEqual([12, 24, 36]);
    expect(t.survival).toEqual({ ties: 'breslow', fineGray: true });
  });

  it('a binary config gains no outcome or survival key (its results.json echo is unchanged)', () => {
    const c = parseStudyConfig({ ...base, outcome: undefined, data: { ...base.data, outcome: 'y' } });
    expect('outcome' in c).toBe(false);
    expect('survival' in c).toBe(false);
  });

  it('refuses impossible combinations, naming the key', () => {
    expect(problems({ ...base, data: { ...base.data, outcome: 'y' } })).toMatch(/data\.outcome: the study has a time-to-event outcome/);
    expect(problems({ ...base, outcome: undefined })).toMatch(/data\.outcome: is required: the binary outcome column \(0\/1\); or give a time-to-event outcome/);
    expect(problems({ ...base, outcome: undefined, data: { ...base.data, outcome: 'y' }, survival: { ties: 'breslow' } })).toMatch(/survival: applies to a time-to-event outcome/);
    expect(problems({ ...base, survival: { fineGray: true } })).toMatch(/survival\.fineGray: a Fine–Gray model needs a competing event/);
    expect(problems({ ...base, clinical: { ...base.clinical, head: 'svm' } })).toMatch(/clinical\.head: a time-to-event study fits Cox models/);
    expect(problems({ ...base, outcome: { ...base.outcome, competingColumn: 'dead' } })).toMatch(/outcome\.competingColumn: needs outcome\.competingValue/);
    expect(problems({ ...base, outcome: { ...base.outcome, competingValue: 1 } })).toMatch(/outcome\.competingValue: equals outcome\.eventValue/);
    expect(problems({ ...base, evaluation: { protocol: 'paper' } })).toMatch(/evaluation\.protocol: a time-to-event study runs the no-leakage protocol only/);
    expect(problems({ ...base, data: { ...base.data, unit: 'patient', group: 'pid', combine: 'largest' } })).toMatch(/data\.unit: patient units \(combining lesions\) are not available for a time-to-event outcome/);
    expect(problems({ ...base, radiomics: { combat: true } })).toMatch(/radiomics\.combat: is not available for a time-to-event outcome/);
    expect(problems({ ...base, outcome: { time: 'months', event: 'status' } })).toMatch(/outcome\.horizon/);
    expect(problems({ ...base, outcome: { ...base.outcome, horizon: -3 } })).toMatch(/outcome\.horizon/);
    expect(problems({ ...base, outcome: { ...base.outcome, tim: 'x' } })).toMatch(/outcome\.tim/);
  });
});

describe('time-to-event outcome on the data', () => {
  it('reads status: eventValue → 1, competingValue → 2, anything else censored; competingColumn records the competing event apart', () => {
    const d = buildStudyData(parseStudyConfig({ ...base, outcome: { ...base.outcome, competingValue: 2 } }), table());
    const main = d.cohorts[0]!;
    expect(main.status!.slice(0, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(main.y.slice(0, 6)).toEqual([0, 1, 0, 0, 1, 0]);
    // without competingValue, status 2 is censored
    expect(buildStudyData(parseStudyConfig(base), table()).cohorts[0]!.status!.slice(0, 3)).toEqual([0, 1, 0]);
    // a separate column: x = 1 marks the competing event of a case without the event
    const sep = buildStudyData(parseStudyConfig({ ...base, clinical: { variables: [{ name: 'status2', column: 'status', type: 'continuous' }] }, outcome: { ...base.outcome, competingColumn: 'x', competingValue: 1 } }), table());
    expect(sep.cohorts[0]!.status!.slice(0, 6)).toEqual([0, 1, 0, 2, 1, 2]);
  });

  it('an empty time or event cell leaves the case out and counts it', () => {
    const d = buildStudyData(parseStudyConfig(base), table((rows) => { rows[4]![1] = ''; rows[7]![2] = 'NA'; }));
    expect(d.missing[0]!.missingOutcome).toBe(2);
    expect(d.cohorts[0]!.ids).not.toContain('c4');
  });

  it('errors name the case, column or key and what to do', () => {
    let e = dataError({ ...base, outcome: { ...base.outcome, time: 'follow_up' } }, table());
    expect(e.message).toMatch(/cohort main: no column "follow_up" \(outcome\.time\) in t\.csv; set it to the column holding the follow-up times/);
    e = dataError(base, table((rows) => { rows[5]![1] = '-2'; }));
    expect(e.message).toMatch(/cohort main, case c5: follow-up time months is -2; times must be finite and ≥ 0/);
    e = dataError({ ...base, outcome: { ...base.outcome, eventValue: 7 } }, table());
    expect(e.message).toMatch(/no case has status = 7 \(outcome\.eventValue\)/);
    e = dataError({ ...base, outcome: { ...base.outcome, competingValue: 5 } }, table());
    expect(e.message).toMatch(/no case without the event has status = 5 \(outcome\.competingValue\)/);
    e = dataError({ ...base, outcome: { ...base.outcome, horizon: 90 } }, table());
    expect(e.message).toMatch(/outcome\.horizon 90 lies beyond the main cohort main's follow-up \(longest months = /);
    e = dataError({ ...base, outcome: { ...base.outcome, times: [12, 80] } }, table());
    expect(e.message).toMatch(/outcome\.times 80 lie beyond/);
  });

  it('an external cohort whose follow-up ends before the horizon is refused by name', () => {
    const tables = { ...table(), ...(() => { const t = table((rows) => rows.forEach((r) => { r[1] = String(Math.min(Number(r[1]), 20)); })); return { 'e.csv': { ...t['t.csv']!, source: 'e.csv' } }; })() };
    const cfg = parseStudyConfig({ ...base, data: { cohorts: [{ name: 'main', tables: ['t.csv'] }, { name: 'late', role: 'external', tables: ['e.csv'] }] } });
    expect(() => runSurvivalStudy(cfg, tables)).toThrow(/outcome\.horizon 24 lies beyond the external cohort late's follow-up \(longest months = 20\)/);
  });
});

describe('riskSplit (the Cox head’s high/low cut)', () => {
  it('is the median when cases lie below it, else the next larger value, so both groups exist', () => {
    expect(riskSplit([0.1, 0.2, 0.3, 0.4])).toBe(0.25);
    // one binary predictor, most cases at the lower value: the median is that value, nobody below it
    expect(riskSplit([0.1, 0.1, 0.1, 0.3, 0.3])).toBe(0.3);
    expect(riskSplit([0.1, 0.3, 0.3, 0.3])).toBe(0.3);
    expect(riskSplit([0.2, 0.2])).toBe(0.2);
  });
});
