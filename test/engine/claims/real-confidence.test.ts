import { describe, it, expect } from 'vitest';
import { ruleRealConfidence, type RealConfidenceFigures } from '../../../src/engine/claims/rules/real-confidence';

const base: RealConfidenceFigures = { candidate: 'stacking', brier: 0.2478, brierPValue: 0.002, ece: 0.005, bandShare: 0.05, nBars: 15000, pLow: 0.45, pHigh: 0.58 };

describe('ruleRealConfidence', () => {
  it('partly supported: better than 0.5 and calibrated but not in 0.6–0.95', () => {
    const r = ruleRealConfidence(base);
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('BS = 0.2478');
    expect(r.rule).toContain('0.45–0.58');
  });
  it('supported exactly at the band share and ECE bounds', () => {
    expect(ruleRealConfidence({ ...base, bandShare: 0.5, ece: 0.02 }).verdict).toBe('supported');
    expect(ruleRealConfidence({ ...base, bandShare: 0.4999, ece: 0.02 }).verdict).toBe('partly supported');
  });
  it('needs Brier strictly below 0.25 and p strictly below alpha', () => {
    expect(ruleRealConfidence({ ...base, brier: 0.25 }).verdict).toBe('refuted');
    expect(ruleRealConfidence({ ...base, brierPValue: 0.05 }).verdict).toBe('not measurable here');
    expect(ruleRealConfidence({ ...base, brierPValue: 0.0499 }).verdict).toBe('partly supported');
  });
  it('refutes confidences in the band that are miscalibrated (a constant 0.8, majority shares)', () => {
    const r = ruleRealConfidence({ ...base, brier: 0.317, brierPValue: 0.0005, ece: 0.27, bandShare: 1, constant: { confidence: 0.8, brier: 0.317 } });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('miscalibrated');
    expect(r.rule).toContain('worse than the 0.50 default');
    expect(ruleRealConfidence({ ...base, ece: 0.0201, bandShare: 0.6 }).verdict).toBe('refuted');
  });
  it('refutes a significant improvement that is miscalibrated and out of band', () => {
    expect(ruleRealConfidence({ ...base, ece: 0.03 }).verdict).toBe('refuted');
  });
  it('rejects invalid figures', () => {
    expect(() => ruleRealConfidence({ ...base, brier: NaN })).toThrow(/brier/);
    expect(() => ruleRealConfidence({ ...base, bandShare: 1.2 })).toThrow(/bandShare/);
    expect(() => ruleRealConfidence({ ...base, nBars: 0 })).toThrow(/nBars/);
    expect(() => ruleRealConfidence({ ...base, bandLo: 0.96 })).toThrow(/band/);
  });
});
