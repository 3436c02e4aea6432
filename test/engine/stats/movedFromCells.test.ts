/**
 * Engine functions that used to be written inline in notebook cells: per-bar losses, the Sharpe estimate with
 * its PSR-definedness, and the cross-trial Sharpe variance. Analytic values and cross-checks.
 */
import { describe, it, expect } from 'vitest';
import {
  LOG_LOSS_CLIP, brierPerBar, brierScore, crossTrialSharpeVariance, logLoss, logLossPerBar, probabilisticSharpeRatio, psrVarianceTerm,
  returnMoments, sharpeEstimate, sharpeRatio,
} from '../../../src/engine/stats';
import { createRng } from '../../../src/engine/random';

describe('logLossPerBar(forecasts, outcomes, clip)', () => {
  it('is −ln p on up bars and −ln(1 − p) on down bars', () => {
    const l = logLossPerBar([0.8, 0.8, 0.5], [1, 0, 1]);
    expect(l[0]).toBeCloseTo(-Math.log(0.8), 14);
    expect(l[1]).toBeCloseTo(-Math.log(0.2), 14);
    expect(l[2]).toBeCloseTo(Math.LN2, 14);
  });
  it('clips a certain miss at ln(1/clip) (34.5 nats at the default 1e-15), never ∞', () => {
    const l = logLossPerBar([1, 0], [0, 1]);
    // 1 − 1e-15 is not exact in binary64, so the clipped miss is ln(1e15) to about 1e-3.
    expect(l[0]).toBeCloseTo(-Math.log(LOG_LOSS_CLIP), 2);
    expect(l[1]).toBeCloseTo(-Math.log(LOG_LOSS_CLIP), 10);
    expect(logLossPerBar([1], [0], 0.01)[0]).toBeCloseTo(-Math.log(0.01), 12);
  });
  it('its mean is logLoss, on random forecasts', () => {
    const rng = createRng(7);
    const f = Float64Array.from({ length: 500 }, () => rng.next());
    const o = Float64Array.from({ length: 500 }, () => (rng.next() < 0.5 ? 1 : 0));
    const per = logLossPerBar(f, o);
    expect(per.reduce((a, b) => a + b, 0) / per.length).toBeCloseTo(logLoss(f, o), 13);
  });
  it('rejects what logLoss rejects, naming the field', () => {
    expect(() => logLossPerBar([1.2], [1])).toThrow(/invalid forecasts\[0\]/);
    expect(() => logLossPerBar([0.5], [2])).toThrow(/invalid outcomes\[0\]/);
    expect(() => logLossPerBar([0.5], [1], 0.5)).toThrow(/invalid clip/);
  });
});

describe('brierPerBar(forecasts, outcomes)', () => {
  it('is (f − o)² per bar and averages to brierScore', () => {
    expect(Array.from(brierPerBar([0.8, 0.3], [1, 0]))).toEqual([(0.8 - 1) ** 2, 0.3 ** 2]);
    const f = [0.1, 0.9, 0.4, 0.55], o = [0, 1, 1, 0];
    const per = brierPerBar(f, o);
    expect(per.reduce((a, b) => a + b, 0) / per.length).toBeCloseTo(brierScore(f, o), 15);
  });
});

describe('sharpeEstimate(returns)', () => {
  it('equals sharpeRatio and returnMoments', () => {
    const rng = createRng(3);
    const r = Float64Array.from({ length: 300 }, () => 0.001 + 0.01 * rng.normal());
    const e = sharpeEstimate(r);
    expect(e.sr).toBe(sharpeRatio(r));
    expect(e.moments).toEqual(returnMoments(r));
    expect(e.psrDefined).toBe(true);
  });
  it('flat returns: SR is not a number and the PSR is not defined', () => {
    const e = sharpeEstimate([0, 0, 0, 0]);
    expect(Number.isNaN(e.sr)).toBe(true);
    expect(e.psrDefined).toBe(false);
  });
  it('psrDefined is false exactly when the PSR would throw', () => {
    // One huge positive return among small negative ones: skewness ≫ 0 with a positive SR makes the term negative.
    const r = [...new Array(19).fill(-0.001), 0.5].map((x, i) => x + 1e-6 * i);
    const e = sharpeEstimate(r);
    const term = psrVarianceTerm(e.sr, e.moments.skewness, e.moments.kurtosis);
    expect(e.psrDefined).toBe(term > 0);
    if (e.psrDefined) expect(() => probabilisticSharpeRatio({ sr: e.sr, srBenchmark: 0, n: e.moments.n, skewness: e.moments.skewness, kurtosis: e.moments.kurtosis })).not.toThrow();
    else expect(() => probabilisticSharpeRatio({ sr: e.sr, srBenchmark: 0, n: e.moments.n, skewness: e.moments.skewness, kurtosis: e.moments.kurtosis })).toThrow(/invalid moments/);
  });
});

describe('psrVarianceTerm(sr, skewness, kurtosis)', () => {
  it('is 1 + SR²/2 for normal returns (γ3 = 0, γ4 = 3)', () => {
    for (const sr of [0, 0.1, -0.3, 1]) expect(psrVarianceTerm(sr, 0, 3)).toBeCloseTo(1 + (sr * sr) / 2, 15);
  });
  it('follows 1 − γ3·SR + (γ4 − 1)/4·SR²', () => {
    expect(psrVarianceTerm(0.5, 2, 9)).toBeCloseTo(1 - 1 + 2 * 0.25, 15);
  });
});

describe('crossTrialSharpeVariance(sharpes)', () => {
  it('is the n − 1 sample variance of the finite values', () => {
    expect(crossTrialSharpeVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 15);
    expect(crossTrialSharpeVariance([1, Number.NaN, 3, Infinity])).toBeCloseTo(2, 15);
  });
  it('is undefined with fewer than two finite values', () => {
    expect(crossTrialSharpeVariance([])).toBeUndefined();
    expect(crossTrialSharpeVariance([0.3, Number.NaN])).toBeUndefined();
  });
});
