import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { SonomicsError, inCase } from '../../src/core/errors.ts';

describe('Random', () => {
  it('same seed gives the same sequence; different seeds differ', () => {
    const a = new Random(42), b = new Random(42), c = new Random(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('uniform draws have mean 1/2 and normals mean 0, sd 1', () => {
    const r = new Random(7);
    let s = 0, s2 = 0, u = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; u += r.next(); }
    expect(Math.abs(u / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it('int stays in range and shuffle is a permutation', () => {
    const r = new Random(1);
    for (let i = 0; i < 1000; i++) { const k = r.int(7); expect(k).toBeGreaterThanOrEqual(0); expect(k).toBeLessThan(7); }
    const a = Array.from({ length: 50 }, (_, i) => i);
    expect([...r.shuffle([...a])].sort((x, y) => x - y)).toEqual(a);
  });
});

describe('SonomicsError', () => {
  it('keeps its code and names the case', () => {
    const e = inCase('P017', new SonomicsError('EMPTY_MASK', 'the tumour mask is empty'));
    expect(e.code).toBe('EMPTY_MASK');
    expect(e.message).toBe('case P017: the tumour mask is empty');
  });
});
