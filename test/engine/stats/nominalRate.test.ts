import { describe, it, expect } from 'vitest';
import { binomialBand, simulateRejectionRateRuns, simulateRejectionRates } from '../../../src/engine/stats/index';

// 300 seeded random walks of 500 bars: every calibrated test must reject at α = 0.05 at a rate inside the
// central 99 % binomial band of Bin(300, 0.05)/300 (a correct test falls outside it 1 % of the time).
describe('tests hold their nominal rate on seeded random walks (α = 0.05)', () => {
  const nullRun = simulateRejectionRates({ walks: 300, nBars: 500, seed: 'nominal-rate' });
  const band = binomialBand(300, 0.05, 0.99);
  it('the band is the binomial one', () => {
    expect(nullRun.band).toEqual(band);
    expect(band.lower).toBeCloseTo(6 / 300, 12);
    expect(band.upper).toBeCloseTo(25 / 300, 12);
  });
  for (const test of ['diebold-mariano-hac', 'block-bootstrap', 'mcnemar', 'circular-shift'] as const) {
    it(`${test}: rejection rate inside the 99 % band around 5 %`, () => {
      const r = nullRun.rates[test];
      expect(r, `${test} rejected on ${(100 * r).toFixed(1)} % of null walks`).toBeGreaterThanOrEqual(band.lower);
      expect(r).toBeLessThanOrEqual(band.upper);
    });
  }
  it('skill vs the base rate (one-sided DM) is not "significant" more often than α for a forecaster that only tracks the up-rate', () => {
    expect(nullRun.rates['dm-vs-base-rate']).toBeLessThanOrEqual(band.upper);
  });
  it('the circular-shift test applied to a learning forecaster over-rejects (why it is not used for skill)', () => {
    expect(nullRun.rates['circular-shift-learner']).toBeGreaterThan(0.05);
  });
  it('power on a planted edge of 0.06 on P(up): every calibrated test finds it far above its level', () => {
    const power = simulateRejectionRates({ walks: 200, nBars: 500, edge: 0.06, seed: 'power' });
    for (const test of ['diebold-mariano-hac', 'block-bootstrap', 'mcnemar', 'circular-shift'] as const) {
      expect(power.rates[test], test).toBeGreaterThan(0.3);
    }
  });
});

describe('null and power run in step (shared resample sets)', () => {
  it('gives exactly the results of separate runs', () => {
    const a = { walks: 30, nBars: 200, seed: 'n' }, b = { walks: 20, nBars: 200, edge: 0.06, seed: 'p' }, c = { walks: 12, nBars: 120, replicates: 99, seed: 'q' };
    const together = simulateRejectionRateRuns([a, b, c]);
    expect(together).toEqual([simulateRejectionRates(a), simulateRejectionRates(b), simulateRejectionRates(c)]);
  });
});
