import { describe, it, expect } from 'vitest';
import { ruleQuantumVsVoting, type GainFigures, type QuantumVsVotingFigures } from '../../../src/engine/claims/rules/quantum-vs-voting';

const gain = (g: number, half: number, p: number, detectable = 2.8 * (half / 1.96)): GainFigures => ({ gain: g, lower: g - half, upper: g + half, pAdjusted: p, detectable });
// The parity circuit on BTC hourly bars: ≈ 0.5 everywhere; the calibrated vote and stacking have a little skill.
const base: QuantumVsVotingFigures = {
  quantum: 'parity circuit', nBars: 8000,
  logLoss: { quantum: 0.69315, vote: 0.6920, stacking: 0.6887, baseRate: 0.69318 },
  vsVote: gain(-0.0012, 0.0006, 0.001),
  vsStacking: gain(-0.0045, 0.001, 0.001),
  vsBaseRate: gain(0.00003, 0.0002, 0.9),
};
const good = gain(0.002, 0.001, 0.001);

describe('ruleQuantumVsVoting (calibrated vote, base-rate skill, effect sizes)', () => {
  it('refutes a coin when the calibrated vote is significantly better: the interval excludes any gain that matters', () => {
    const r = ruleQuantumVsVoting(base);
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('the vote is significantly better');
  });
  it('supports A ∧ B ∧ C; partly supported when A holds but stacking is better or there is no skill beyond the base rate', () => {
    expect(ruleQuantumVsVoting({ ...base, vsVote: good, vsBaseRate: good, vsStacking: gain(0, 0.001, 1) }).verdict).toBe('supported');
    const noSkill = ruleQuantumVsVoting({ ...base, vsVote: good, vsStacking: gain(0, 0.001, 1) });
    expect(noSkill.verdict).toBe('partly supported');
    expect(noSkill.rule).toContain('no skill that matters beyond the base rate');
    const stackingBetter = ruleQuantumVsVoting({ ...base, vsVote: good, vsBaseRate: good });
    expect(stackingBetter.verdict).toBe('partly supported');
    expect(stackingBetter.rule).toContain('stacking is significantly better');
  });
  it('no detectable effect when the interval still contains the minimum that matters (daily bars: few bars)', () => {
    const r = ruleQuantumVsVoting({ ...base, vsVote: gain(0.0001, 0.004, 0.9, 0.0057) });
    expect(r.verdict).toBe('no detectable effect');
    expect(r.rule).toContain('no detectable effect (smallest detectable = 0.0057 nats/bar)');
  });
  it('a significant gain below the minimum that matters is not A; the alpha boundary is strict', () => {
    expect(ruleQuantumVsVoting({ ...base, vsVote: { gain: 5e-5, lower: 1e-5, upper: 9e-5, pAdjusted: 0.001, detectable: 5e-5 } }).verdict).toBe('refuted');
    expect(ruleQuantumVsVoting({ ...base, vsBaseRate: good, vsStacking: gain(0, 0.001, 1), vsVote: { ...good, pAdjusted: 0.05 } }).verdict).toBe('no detectable effect');
  });
  it('rejects invalid comparisons', () => {
    expect(() => ruleQuantumVsVoting({ ...base, vsVote: { ...good, gain: NaN } })).toThrow(/vsVote.gain/);
    expect(() => ruleQuantumVsVoting({ ...base, vsStacking: { ...good, pAdjusted: 2 } })).toThrow(/vsStacking.pAdjusted/);
    expect(() => ruleQuantumVsVoting({ ...base, vsBaseRate: { ...good, lower: 1, upper: 0 } })).toThrow(/vsBaseRate interval/);
  });
});
