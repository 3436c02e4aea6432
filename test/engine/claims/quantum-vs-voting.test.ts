import { describe, it, expect } from 'vitest';
import { ruleQuantumVsVoting, type QuantumVsVotingFigures } from '../../../src/engine/claims/rules/quantum-vs-voting';

// The roadmap circuit on BTC hourly bars: ≈ 0.5 everywhere, so it "beats" majority's degenerate share,
// loses to stacking and ties the constant 0.5.
const base: QuantumVsVotingFigures = {
  quantum: 'roadmap circuit', nBars: 8000,
  logLoss: { quantum: 0.69315, majority: 4.3, stacking: 0.6887, constant: 0.69315 },
  vsMajority: { meanDifference: -3.6, pAdjusted: 0.001 },
  vsStacking: { meanDifference: 0.0045, pAdjusted: 0.001 },
  vsConstant: { meanDifference: 0, pAdjusted: 1 },
  brier: { quantum: 0.25, majority: 0.346, stacking: 0.2478 },
  brierVsMajority: { meanDifference: -0.096, pAdjusted: 0.001 },
};

describe('ruleQuantumVsVoting', () => {
  it('refutes a coin that only beats majority because majority\'s share is degenerate', () => {
    const r = ruleQuantumVsVoting(base);
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('degenerate');
    expect(r.rule).toContain('Brier');
  });
  it('supports A ∧ B ∧ C (beats majority and the coin, not worse than stacking)', () => {
    const skill = { meanDifference: -0.002, pAdjusted: 0.01 };
    expect(ruleQuantumVsVoting({ ...base, vsConstant: skill, vsStacking: { meanDifference: 0.001, pAdjusted: 0.05 } }).verdict).toBe('supported');
    expect(ruleQuantumVsVoting({ ...base, vsConstant: skill, vsStacking: { meanDifference: -0.001, pAdjusted: 0.001 } }).verdict).toBe('supported');
    expect(ruleQuantumVsVoting({ ...base, vsConstant: skill, vsStacking: { meanDifference: 0.001, pAdjusted: 0.0499 } }).verdict).toBe('partly supported');
    expect(ruleQuantumVsVoting({ ...base, vsConstant: { meanDifference: -0.002, pAdjusted: 0.05 }, vsStacking: { meanDifference: 0.001, pAdjusted: 0.05 } }).verdict).toBe('refuted');
  });
  it('refutes a coin that passes A and B because stacking has no skill either (daily bars)', () => {
    const r = ruleQuantumVsVoting({ ...base, vsStacking: { meanDifference: 0.0002, pAdjusted: 0.6 } });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('stacking has no significant edge');
  });
  it('partly supported with skill and exactly one of A, B', () => {
    const skill = { meanDifference: -0.002, pAdjusted: 0.01 };
    const a = ruleQuantumVsVoting({ ...base, vsConstant: skill });
    expect(a.verdict).toBe('partly supported');
    expect(a.rule).toContain('stacking is significantly better');
    const b = ruleQuantumVsVoting({ ...base, vsConstant: skill, vsMajority: { meanDifference: -0.01, pAdjusted: 0.05 }, vsStacking: { meanDifference: 0.0, pAdjusted: 1 } });
    expect(b.verdict).toBe('partly supported');
    expect(b.rule).toContain('does not beat majority');
  });
  it('the alpha boundary on A is strict', () => {
    expect(ruleQuantumVsVoting({ ...base, vsStacking: { meanDifference: 0, pAdjusted: 1 }, vsMajority: { meanDifference: -1, pAdjusted: 0.05 } }).verdict).toBe('refuted');
  });
  it('rejects invalid comparisons', () => {
    expect(() => ruleQuantumVsVoting({ ...base, vsMajority: { meanDifference: NaN, pAdjusted: 0.1 } })).toThrow(/vsMajority/);
    expect(() => ruleQuantumVsVoting({ ...base, vsStacking: { meanDifference: 0, pAdjusted: 2 } })).toThrow(/vsStacking/);
  });
});
