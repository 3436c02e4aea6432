import { describe, it, expect } from 'vitest';
import { ruleProfitable80, type Profitable80Figures } from '../../../src/engine/claims/rules/profitable-80';

const base: Profitable80Figures = { aggregator: 'circuit + fallback', nTrades: 200, nProfitable: 80, lower: 0.33, upper: 0.47, confidenceThreshold: 0.8, feeBps: 10, slippageBps: 0 };

describe('ruleProfitable80', () => {
  it('refuted when the Wilson upper bound is below 0.8', () => {
    const r = ruleProfitable80(base);
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('80 of 200');
    expect(ruleProfitable80({ ...base, upper: 0.7999 }).verdict).toBe('refuted');
  });
  it('supported from a lower bound of exactly 0.8', () => {
    expect(ruleProfitable80({ ...base, nProfitable: 190, lower: 0.8, upper: 0.97 }).verdict).toBe('supported');
    expect(ruleProfitable80({ ...base, nProfitable: 190, lower: 0.7999, upper: 0.97 }).verdict).toBe('not measurable here');
  });
  it('not measurable without trades or with a straddling interval', () => {
    const r = ruleProfitable80({ ...base, nTrades: 0, nProfitable: 0, lower: NaN, upper: NaN });
    expect(r.verdict).toBe('not measurable here');
    expect(r.rule).toContain('no trades');
    expect(ruleProfitable80({ ...base, nTrades: 5, nProfitable: 4, lower: 0.38, upper: 0.96, }).verdict).toBe('not measurable here');
    expect(ruleProfitable80({ ...base, upper: 0.8 }).verdict).toBe('not measurable here');
  });
  it('rejects invalid counts', () => {
    expect(() => ruleProfitable80({ ...base, nProfitable: 201 })).toThrow(/nProfitable/);
    expect(() => ruleProfitable80({ ...base, lower: 0.5, upper: 0.4 })).toThrow(/interval/);
  });
});

describe('ruleProfitable80: the drift baseline', () => {
  const f = { aggregator: 'majority', nTrades: 200, nProfitable: 180, lower: 0.85, upper: 0.93, confidenceThreshold: 0.8, feeBps: 10, slippageBps: 2 };
  it('a share that random timing also reaches is partly supported (drift, not decisions)', () => {
    const r = ruleProfitable80({ ...f, randomTiming: 0.84 });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('84 % of the time (drift baseline)');
    expect(ruleProfitable80({ ...f, randomTiming: 0.55 }).verdict).toBe('supported');
    expect(ruleProfitable80({ ...f, randomTiming: NaN }).verdict).toBe('supported');
  });
});
