import { describe, it, expect } from 'vitest';
import { ruleStagedSizing } from '../../../src/engine/claims/rules/staged-sizing';

const base = { aggregator: 'majority', stageFractions: [0.01, 0.02, 0.05], stageBars: [168, 336], maxStage: 2, nTrades: 120, totalReturn: -0.01 };

describe('ruleStagedSizing', () => {
  it('untestable as stated whenever there were trades, with the stages reached', () => {
    const r = ruleStagedSizing(base);
    expect(r.verdict).toBe('untestable as stated');
    expect(r.rule).toContain('highest stage reached 3 of 3 (5 % positions)');
    expect(r.rule).toContain('168 / 336 bars');
    expect(ruleStagedSizing({ ...base, maxStage: 0, nTrades: 1 }).verdict).toBe('untestable as stated');
  });
  it('not measurable here without trades', () => {
    expect(ruleStagedSizing({ ...base, nTrades: 0 }).verdict).toBe('not measurable here');
  });
  it('rejects a stage out of range', () => {
    expect(() => ruleStagedSizing({ ...base, maxStage: 3 })).toThrow(/maxStage/);
    expect(() => ruleStagedSizing({ ...base, stageFractions: [] })).toThrow(/stageFractions/);
  });
});
