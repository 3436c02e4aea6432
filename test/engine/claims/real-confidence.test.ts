import { describe, it, expect } from 'vitest';
import { ruleRealConfidence, type RealConfidenceFigures } from '../../../src/engine/claims/rules/real-confidence';

const gain = (g: number, half: number, p: number) => ({ gain: g, lower: g - half, upper: g + half, pAdjusted: p, detectable: 1.43 * half });
const base: RealConfidenceFigures = {
  candidate: 'stacking', brier: 0.2478, baseRateBrier: 0.2499, vsBaseRate: gain(0.0021, 0.0008, 0.002), ece: 0.005, bandShare: 0.05, nBars: 15000, pLow: 0.45, pHigh: 0.58,
  calibration: { slope: 0.9, slopeLower: 0.7, slopeUpper: 1.1, intercept: 0.01, interceptLower: -0.02, interceptUpper: 0.04 },
};

describe('ruleRealConfidence (skill = beating the base rate, with effect sizes)', () => {
  it('partly supported: better than the base rate and calibrated but not in 0.6–0.95', () => {
    const r = ruleRealConfidence(base);
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('BS = 0.2478 vs base rate 0.2499');
    expect(r.rule).toContain('0.45–0.58');
    expect(r.rule).toContain('calibration slope 0.9');
  });
  it('supported exactly at the band share and ECE bounds', () => {
    expect(ruleRealConfidence({ ...base, bandShare: 0.5, ece: 0.02 }).verdict).toBe('supported');
    expect(ruleRealConfidence({ ...base, bandShare: 0.4999, ece: 0.02 }).verdict).toBe('partly supported');
  });
  it('the improvement must be significant (strictly below alpha) and at least the minimum that matters', () => {
    expect(ruleRealConfidence({ ...base, vsBaseRate: { ...base.vsBaseRate, pAdjusted: 0.05 } }).verdict).toBe('no detectable effect');
    expect(ruleRealConfidence({ ...base, vsBaseRate: { ...base.vsBaseRate, pAdjusted: 0.0499 } }).verdict).toBe('partly supported');
    const tiny = ruleRealConfidence({ ...base, vsBaseRate: { gain: 2e-5, lower: 1e-5, upper: 3e-5, pAdjusted: 0.001, detectable: 2e-5 } });
    expect(tiny.verdict).toBe('refuted');
    expect(tiny.rule).toContain('nothing that matters beyond the past up-rate');
    const wide = ruleRealConfidence({ ...base, vsBaseRate: gain(1e-4, 0.002, 0.8) });
    expect(wide.verdict).toBe('no detectable effect');
    expect(wide.rule).toContain('no detectable effect (smallest detectable = 0.00286 Brier per bar)');
  });
  it('refutes confidences in the band that are miscalibrated (a constant 0.8, majority shares)', () => {
    const r = ruleRealConfidence({ ...base, brier: 0.317, vsBaseRate: gain(-0.067, 0.01, 0.0005), ece: 0.27, bandShare: 1, constant: { confidence: 0.8, brier: 0.317 } });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('miscalibrated');
    expect(r.rule).toContain('worse than the 0.50 default');
    expect(ruleRealConfidence({ ...base, ece: 0.0201, bandShare: 0.6 }).verdict).toBe('refuted');
  });
  it('refutes a significant improvement that is miscalibrated and out of band; rejects bad figures', () => {
    expect(ruleRealConfidence({ ...base, ece: 0.03 }).verdict).toBe('refuted');
    expect(() => ruleRealConfidence({ ...base, vsBaseRate: { ...base.vsBaseRate, gain: NaN } })).toThrow(/vsBaseRate.gain/);
    expect(() => ruleRealConfidence({ ...base, nBars: 0 })).toThrow(/nBars/);
  });
});
