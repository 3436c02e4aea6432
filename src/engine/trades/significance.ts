/**
 * Is the mean return above zero? Three answers that differ in what they assume:
 * - naive: every trade an independent draw (a t-test on per-trade returns; what freqtrade's own p-value assumes);
 * - HAC: per-period returns with a Newey–West long-run variance, which widens the error when returns are
 *   autocorrelated (trades that overlap in time, ride the same move, or cluster in a regime);
 * - stationary block bootstrap of per-period returns (Politis & Romano 1994): resamples runs of periods, so
 *   serial dependence is kept in the null distribution.
 */
import { studentTCdf, normalCdf } from '../stats/distributions';
import { stationaryBootstrapIndices } from '../stats/resample';
import type { Rng } from '../random';

export interface MeanTest {
  n: number;
  mean: number;
  /** Standard error of the mean under the test's assumption. */
  se: number;
  t: number;
  /** One-sided p-value for H1: mean > 0. */
  p: number;
}

function meanOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

export function naiveMeanTest(x: ArrayLike<number>): MeanTest {
  const n = x.length;
  if (n < 2) return { n, mean: n ? x[0] : NaN, se: NaN, t: NaN, p: NaN };
  const mean = meanOf(x);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  const t = se > 0 ? mean / se : mean > 0 ? Infinity : mean < 0 ? -Infinity : 0;
  return { n, mean, se, t, p: Number.isFinite(t) ? 1 - studentTCdf(t, n - 1) : t > 0 ? 0 : 1 };
}

/** Lag-k sample autocorrelation. */
export function autocorrelation(x: ArrayLike<number>, lag = 1): number {
  const n = x.length;
  if (n <= lag + 1) return NaN;
  const m = meanOf(x);
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    den += d * d;
    if (i >= lag) num += d * (x[i - lag] - m);
  }
  return den > 0 ? num / den : NaN;
}

/** Newey–West (1994) automatic lag: floor(4·(n/100)^(2/9)). */
export function neweyWestLags(n: number): number {
  return Math.max(1, Math.floor(4 * (n / 100) ** (2 / 9)));
}

export function hacMeanTest(x: ArrayLike<number>, lags = neweyWestLags(x.length)): MeanTest & { lags: number } {
  const n = x.length;
  if (n < 3) return { n, mean: NaN, se: NaN, t: NaN, p: NaN, lags };
  const mean = meanOf(x);
  const gamma = (k: number) => {
    let s = 0;
    for (let i = k; i < n; i++) s += (x[i] - mean) * (x[i - k] - mean);
    return s / n;
  };
  let lrv = gamma(0);
  for (let k = 1; k <= Math.min(lags, n - 1); k++) lrv += 2 * (1 - k / (lags + 1)) * gamma(k);
  const se = Math.sqrt(Math.max(lrv, 0) / n);
  const t = se > 0 ? mean / se : 0;
  return { n, mean, se, t, p: 1 - normalCdf(t), lags };
}

/**
 * One-sided p-value of mean > 0 by the stationary bootstrap under the null (the series centred at 0), and a
 * percentile 95 % interval for the mean. Mean block length defaults to n^(1/3).
 */
export function blockBootstrapMeanTest(
  x: ArrayLike<number>, rng: Rng,
  opts: { replicates?: number; meanBlock?: number; onProgress?: (f: number) => void } = {},
): { p: number; lower95: number; upper95: number; meanBlock: number; replicates: number } {
  const n = x.length;
  const B = opts.replicates ?? 2000;
  const meanBlock = opts.meanBlock ?? Math.max(1, Math.round(Math.cbrt(n)));
  const mean = meanOf(x);
  const idx = new Int32Array(n);
  const means = new Float64Array(B);
  let exceed = 0;
  for (let b = 0; b < B; b++) {
    stationaryBootstrapIndices(rng, meanBlock, idx);
    let s = 0;
    for (let i = 0; i < n; i++) s += x[idx[i]];
    means[b] = s / n;
    if (means[b] - mean >= mean) exceed++; // centred replicate ≥ observed
    if (opts.onProgress && (b & 255) === 255) opts.onProgress((b + 1) / B);
  }
  means.sort();
  return { p: (1 + exceed) / (1 + B), lower95: means[Math.floor(0.025 * (B - 1))], upper95: means[Math.ceil(0.975 * (B - 1))], meanBlock, replicates: B };
}
