import { checkFinite, checkInt, type NumArray } from './checks.ts';
import { normalCdf, normalInv } from './distributions.ts';

/** Euler–Mascheroni constant γ_E. */
export const EULER_GAMMA = 0.5772156649015329;

export interface ReturnMoments {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** γ3: skewness m3/m2^{3/2} (population moments, as in Bailey & López de Prado). */
  skewness: number;
  /** γ4: RAW (non-excess) kurtosis m4/m2²; 3 for a normal distribution. */
  kurtosis: number;
}

export function returnMoments(returns: NumArray): ReturnMoments {
  const n = returns.length;
  if (n < 2) throw new RangeError(`invalid returns.length: ${n} (expected ≥ 2)`);
  checkFinite(returns, 'returns');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += returns[i];
  mean /= n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean, d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  m2 /= n; m3 /= n; m4 /= n;
  return { n, mean, sd, skewness: m2 > 0 ? m3 / m2 ** 1.5 : 0, kurtosis: m2 > 0 ? m4 / (m2 * m2) : 3 };
}

/** Per-period Sharpe ratio mean/sd of (excess) returns; NaN when sd = 0. */
export function sharpeRatio(returns: NumArray): number {
  const m = returnMoments(returns);
  return m.sd > 0 ? m.mean / m.sd : NaN;
}

/** Annualise a per-period Sharpe ratio: SR·√(periodsPerYear) (i.i.d. returns; e.g. 8760 for hourly crypto bars, 252 for daily equities). */
export function annualizeSharpe(srPerPeriod: number, periodsPerYear: number): number {
  if (!(periodsPerYear > 0)) throw new RangeError(`invalid periodsPerYear: ${periodsPerYear} (expected > 0)`);
  return srPerPeriod * Math.sqrt(periodsPerYear);
}

/** Inverse of annualizeSharpe. */
export function deannualizeSharpe(srAnnual: number, periodsPerYear: number): number {
  if (!(periodsPerYear > 0)) throw new RangeError(`invalid periodsPerYear: ${periodsPerYear} (expected > 0)`);
  return srAnnual / Math.sqrt(periodsPerYear);
}

export interface PsrInput {
  /** Observed per-period Sharpe ratio. */
  sr: number;
  /** Benchmark per-period Sharpe ratio SR*. */
  srBenchmark: number;
  /** Number of return observations T. */
  n: number;
  skewness: number;
  /** RAW kurtosis γ4 (normal = 3). Passing excess kurtosis here is a common bug. */
  kurtosis: number;
}

/**
 * The variance term of the PSR denominator, 1 − γ3·SR + ((γ4 − 1)/4)·SR² (γ4 raw kurtosis). The PSR and DSR
 * are defined only where it is positive; very skewed returns with a large SR can make it negative.
 */
export function psrVarianceTerm(sr: number, skewness: number, kurtosis: number): number {
  return 1 - skewness * sr + ((kurtosis - 1) / 4) * sr * sr;
}

export interface SharpeEstimate {
  /** Per-period Sharpe ratio mean/sd; NaN when the returns have no spread. */
  sr: number;
  moments: ReturnMoments;
  /** True when the PSR/DSR can be computed for these returns (finite SR, positive variance term). */
  psrDefined: boolean;
}

/** Per-period Sharpe ratio with the moments the PSR/DSR need, and whether they are defined. */
export function sharpeEstimate(returns: NumArray): SharpeEstimate {
  const moments = returnMoments(returns);
  const sr = moments.sd > 0 ? moments.mean / moments.sd : NaN;
  return { sr, moments, psrDefined: Number.isFinite(sr) && psrVarianceTerm(sr, moments.skewness, moments.kurtosis) > 0 };
}

/**
 * Sample variance (n − 1) of the Sharpe ratios of several trials (non-finite ones skipped): the V of the
 * deflated Sharpe ratio. Undefined with fewer than two finite values (the DSR then uses its null default).
 */
export function crossTrialSharpeVariance(sharpes: readonly number[]): number | undefined {
  const xs = sharpes.filter(Number.isFinite);
  if (xs.length < 2) return undefined;
  const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (xs.length - 1);
}

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado 2012):
 * PSR = Φ((SR − SR*)·√(T − 1) / √(1 − γ3·SR + ((γ4 − 1)/4)·SR²)), all quantities per period.
 */
export function probabilisticSharpeRatio({ sr, srBenchmark, n, skewness, kurtosis }: PsrInput): number {
  checkInt(n, 'n', 2);
  const v = psrVarianceTerm(sr, skewness, kurtosis);
  if (!(v > 0)) throw new RangeError(`invalid moments: 1 − γ3·SR + (γ4−1)/4·SR² = ${v} (expected > 0)`);
  return normalCdf(((sr - srBenchmark) * Math.sqrt(n - 1)) / Math.sqrt(v));
}

/**
 * Expected maximum of N independent Sharpe estimates under the null of zero skill
 * (Bailey & López de Prado 2014): √V·((1 − γ_E)Φ⁻¹(1 − 1/N) + γ_E·Φ⁻¹(1 − 1/(N·e))). N = 1 gives 0.
 */
export function expectedMaxSharpe(nTrials: number, sharpeVariance: number): number {
  checkInt(nTrials, 'nTrials', 1);
  if (!(sharpeVariance >= 0)) throw new RangeError(`invalid sharpeVariance: ${sharpeVariance} (expected ≥ 0)`);
  if (nTrials === 1) return 0;
  return Math.sqrt(sharpeVariance) *
    ((1 - EULER_GAMMA) * normalInv(1 - 1 / nTrials) + EULER_GAMMA * normalInv(1 - 1 / (nTrials * Math.E)));
}

export interface DsrInput {
  sr: number;
  n: number;
  skewness: number;
  kurtosis: number;
  /** Number of configurations tried (the UI passes the count tried in this session). */
  nTrials: number;
  /**
   * Variance of the per-period Sharpe ratios across the trials. If unknown, defaults to the sampling
   * variance of an SR estimate under zero skill, (1 − γ3·0 + (γ4−1)/4·0)/(T − 1) = 1/(T − 1): i.e. as if
   * the N trials were independent noise strategies.
   */
  sharpeVariance?: number;
}

export interface DsrResult {
  /** Deflated Sharpe ratio: PSR against SR* = E[max of N null Sharpe ratios]. */
  dsr: number;
  /** The deflated benchmark SR* (per period). */
  srBenchmark: number;
}

/** Deflated Sharpe ratio (Bailey & López de Prado, J. Portfolio Management 40(5), 2014). */
export function deflatedSharpeRatio({ sr, n, skewness, kurtosis, nTrials, sharpeVariance }: DsrInput): DsrResult {
  checkInt(n, 'n', 2);
  const v = sharpeVariance ?? 1 / (n - 1);
  const srBenchmark = expectedMaxSharpe(nTrials, v);
  return { dsr: probabilisticSharpeRatio({ sr, srBenchmark, n, skewness, kurtosis }), srBenchmark };
}
