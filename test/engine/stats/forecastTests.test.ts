import { describe, it, expect } from 'vitest';
import {
  calibrationSlope, dieboldMariano, expectedCalibrationError, judgeEffect, mcnemarCounts, mcnemarDirection, minimumDetectableEffect,
  minimumDetectableHitRateGain, neweyWestLags, neweyWestVariance, probabilityOfBacktestOverfitting, reliabilityDiagram, studentTCdf, studentTQuantile,
} from '../../../src/engine/stats/index';
import { bisectStudentTQuantile } from '../../../src/engine/stats/forecastTests';
import { createRng } from '../../../src/engine/random';

describe('Diebold–Mariano with Newey–West variance: a case computed by hand', () => {
  // lossA − lossB = d = [1, 3, 2, 6]: d̄ = 3, deviations [−2, 0, −1, 3]
  // γ0 = (4 + 0 + 1 + 9)/4 = 3.5; γ1 = (0·(−2) + (−1)·0 + 3·(−1))/4 = −0.75
  // L = 1, Bartlett weight 1/2: LRV = 3.5 + 2·½·(−0.75) = 2.75
  // se = √(2.75/4)·√(4/3) (HLN) = √(11/12); DM = 3/√(11/12) = 3.13340…, reference t(3)
  const lossA = [2, 4, 3, 7], lossB = [1, 1, 1, 1];
  it('long-run variance, statistic, p-value and interval', () => {
    expect(neweyWestVariance([1, 3, 2, 6], 1)).toBeCloseTo(2.75, 14);
    expect(neweyWestVariance([1, 3, 2, 6], 0)).toBeCloseTo(3.5, 14);
    const r = dieboldMariano(lossA, lossB, { lags: 1 });
    const se = Math.sqrt(11 / 12);
    expect(r.meanDifference).toBe(3);
    expect(r.standardError).toBeCloseTo(se, 14);
    expect(r.statistic).toBeCloseTo(3 / se, 12);
    expect(r.statistic).toBeCloseTo(3.13340, 5);
    expect(r.pValue).toBeCloseTo(2 * (1 - studentTCdf(3 / se, 3)), 12);
    // t(3) 97.5 % quantile = 3.18245
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446, 5);
    expect(r.lower).toBeCloseTo(3 - 3.182446 * se, 5);
    const less = dieboldMariano(lossB, lossA, { lags: 1, alternative: 'less' });
    expect(less.pValue).toBeCloseTo(1 - studentTCdf(3 / se, 3), 12);
  });
  it('bandwidth rule and degenerate inputs', () => {
    expect(neweyWestLags(500)).toBe(5);
    expect(neweyWestLags(60000)).toBe(16);
    expect(dieboldMariano([1, 1, 1], [1, 1, 1]).pValue).toBe(1);
    expect(() => dieboldMariano([1, 2], [1, 2, 3])).toThrow(/invalid lossB.length/);
    expect(() => dieboldMariano([1, NaN, 2], [1, 2, 3])).toThrow(/invalid lossA\[1\]/);
  });
});

describe('McNemar for direction', () => {
  it('exact binomial p-values from discordant counts', () => {
    // b = 7, c = 1: two-sided 2·P(X ≤ 1 | 8, ½) = 2·9/256; one-sided (A better) P(X ≥ 7) = 9/256
    expect(mcnemarCounts(7, 1).pValue).toBeCloseTo(18 / 256, 12);
    expect(mcnemarCounts(7, 1, 'greater').pValue).toBeCloseTo(9 / 256, 12);
    expect(mcnemarCounts(7, 1, 'less').pValue).toBeCloseTo(1 - 1 / 256, 12);
    expect(mcnemarCounts(7, 1).chiSquare).toBe(36 / 8);
    expect(mcnemarCounts(0, 0).pValue).toBe(1);
  });
  it('counts calls outside the no-call band only', () => {
    const y = [1, 0, 1, 1, 0];
    const a = [0.6, 0.4, 0.6, 0.5 + 1e-12, 0.3];
    const b = [0.4, 0.4, 0.4, 0.6, 0.7];
    const r = mcnemarDirection(a, b, y);
    expect(r.n).toBe(4); // bar 3: A makes no call
    expect(r.aOnly).toBe(3);
    expect(r.bOnly).toBe(0);
  });
});

describe('calibration slope and intercept', () => {
  it('saturated two-value design: the fit passes through both observed frequencies (closed form)', () => {
    const f: number[] = [], y: number[] = [];
    for (let i = 0; i < 100; i++) { f.push(0.3); y.push(i < 40 ? 1 : 0); f.push(0.7); y.push(i < 80 ? 1 : 0); }
    const x = Math.log(0.7 / 0.3), lo = Math.log(0.4 / 0.6), hi = Math.log(0.8 / 0.2);
    const r = calibrationSlope(f, y);
    expect(r.slope).toBeCloseTo((hi - lo) / (2 * x), 10);
    expect(r.intercept).toBeCloseTo((hi + lo) / 2, 10);
    // Fisher information: weights 100·0.4·0.6 = 24 at −x and 100·0.8·0.2 = 16 at +x
    const h00 = 40, h01 = (16 - 24) * x, h11 = 40 * x * x, det = h00 * h11 - h01 * h01;
    expect(r.slopeSe).toBeCloseTo(Math.sqrt(h00 / det), 10);
    expect(r.interceptSe).toBeCloseTo(Math.sqrt(h11 / det), 10);
    expect(r.slopeLower).toBeCloseTo(r.slope - 1.959964 * r.slopeSe, 5);
  });
  it('undefined for constant forecasts, with the reason', () => {
    const r = calibrationSlope([0.5, 0.5, 0.5], [1, 0, 1]);
    expect(r.slope).toBeNaN();
    expect(r.reason).toMatch(/constant forecast/);
  });
});

describe('quantile bins', () => {
  it('forecasts in 0.43–0.59 fill every quantile bin, but only a few of 20 equal-width bins', () => {
    const f = Array.from({ length: 1000 }, (_, i) => 0.43 + (0.16 * i) / 999);
    const y = f.map((_, i) => (i % 2));
    const eq = reliabilityDiagram(f, y, 20).filter((b) => b.count > 0).length;
    const q = reliabilityDiagram(f, y, 20, 0.95, 'quantile');
    expect(eq).toBeLessThanOrEqual(5);
    expect(q.every((b) => b.count === 50)).toBe(true);
    expect(expectedCalibrationError(f, y, { nBins: 20, bootstrap: 0, binning: 'quantile' }).binning).toBe('quantile');
  });
});

describe('PBO on constructed examples', () => {
  it('a configuration that dominates in every block is never overfit (PBO 0); mirror-image configurations always are (PBO 1)', () => {
    const good = Float64Array.from({ length: 16 }, (_, t) => 2 + (t % 2)), bad = Float64Array.from({ length: 16 }, (_, t) => 1 + (t % 2));
    expect(probabilityOfBacktestOverfitting([bad, good], { blocks: 4, metric: 'mean' }).pbo).toBe(0);
    // 3 configurations, 4 blocks: each is best in exactly two blocks and worst elsewhere → in-sample winner ranks last out of sample
    const a = [3, 3, 3, 3, 0, 0, 0, 0], b = [0, 0, 0, 0, 3, 3, 3, 3];
    const r = probabilityOfBacktestOverfitting([a, b], { blocks: 2, metric: 'mean' });
    expect(r.pbo).toBe(1);
    expect(r.logits[0]).toBeCloseTo(Math.log(0.5), 14); // rank 1 of 2: ω = 1/3, λ = ln(½)
  });
});

describe('effect sizes and detectability', () => {
  it('smallest detectable effect = (z₀.₉₇₅ + z₀.₈)·se = 2.8016·se', () => {
    expect(minimumDetectableEffect(1)).toBeCloseTo(2.801585, 5);
    expect(minimumDetectableHitRateGain(3863)).toBeCloseTo(0.02, 3);
  });
  it('refuted only when the interval excludes the claim\'s number; otherwise no detectable effect', () => {
    const base = { minEffect: 0.001, detectable: 0.002, unit: 'nats/bar' };
    expect(judgeEffect({ ...base, estimate: 0.003, lower: 0.001, upper: 0.005, pAdjusted: 0.01 }).outcome).toBe('matters');
    expect(judgeEffect({ ...base, estimate: 0.0002, lower: -0.0003, upper: 0.0007, pAdjusted: 0.5 }).outcome).toBe('excluded');
    expect(judgeEffect({ ...base, estimate: 0.0004, lower: 0.0001, upper: 0.0015, pAdjusted: 0.02 }).outcome).toBe('tooSmall');
    const none = judgeEffect({ ...base, estimate: 0.0005, lower: -0.001, upper: 0.002, pAdjusted: 0.4 });
    expect(none.outcome).toBe('undetected');
    expect(none.text).toMatch(/no detectable effect \(smallest detectable = 0.002 nats\/bar\)/);
  });
});

describe('studentTQuantile remembers its results', () => {
  it('returns exactly the bisection, first call and repeated, past the memo\'s size', () => {
    const r = createRng('tq');
    for (let k = 0; k < 1500; k++) {
      const p = 0.5 + 0.49 * r.next(), dof = 1 + r.int(20000);
      const want = bisectStudentTQuantile(p, dof);
      expect(studentTQuantile(p, dof)).toBe(want);
      expect(studentTQuantile(p, dof)).toBe(want);
    }
  });
});

describe('dieboldMariano centres its differences in place', () => {
  it('gives exactly the standard error from neweyWestVariance of the differences', () => {
    const r = createRng('dm-inplace');
    for (let k = 0; k < 50; k++) {
      const n = 3 + r.int(400), a = Float64Array.from({ length: n }, () => r.next()), b = Float64Array.from({ length: n }, () => r.next() * 1.1);
      const d = Float64Array.from(a, (v, i) => v - b[i]), L = neweyWestLags(n);
      const se = Math.sqrt(neweyWestVariance(d, L) / n) * Math.sqrt(n / (n - 1));
      const got = dieboldMariano(a, b);
      if (se > 0) expect(got.standardError).toBe(se);
      expect(dieboldMariano(a, b, { lags: Math.min(n - 1, 3) }).lags).toBe(Math.min(n - 1, 3));
    }
    expect(() => dieboldMariano([1, 2, 3], [0, 0, 1], { lags: 3 })).toThrow(/invalid lags/);
  });
});
