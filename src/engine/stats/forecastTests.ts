/**
 * Paired tests of forecast skill that hold their nominal error rate on serially dependent data:
 * Diebold–Mariano with a Newey–West (HAC) long-run variance, and McNemar's test for directional calls.
 * Both compare two forecasters scored on the same bars; "skill" is judged against the causal base-rate
 * forecaster, never against a coin.
 *
 * When the circular-shift test stays valid: only for a forecast that is a fixed (not fitted on the
 * sample) function of a bounded window of W past bars, with minShift > W, on a stationary outcome series.
 * A forecast fitted on past labels (expanding means, walk-forward models) co-moves with the outcomes'
 * sample path, and the shifted null pairs outcomes with forecasts that learned from them: it over-rejects.
 * Paired loss-difference tests (DM/HAC, block bootstrap) have no such condition; use them for skill.
 */
import { checkFinite, checkInt, checkOpenUnit, checkSameLength, type NumArray } from './checks.ts';
import { betaCdf, normalInv, studentTCdf } from './distributions.ts';
import { callOf } from './hitRate.ts';

export type TestAlternative = 'two-sided' | 'less' | 'greater';

/** Newey–West (1994) automatic bandwidth for the Bartlett kernel: ⌊4·(n/100)^{2/9}⌋ (n = 500 → 5, 60,000 → 16). */
export function neweyWestLags(n: number): number {
  checkInt(n, 'n', 1);
  return Math.floor(4 * (n / 100) ** (2 / 9));
}

/**
 * Long-run variance of a series by Newey–West: γ₀ + 2·Σ_{k=1}^{L} (1 − k/(L+1))·γ_k, with
 * γ_k = (1/n)·Σ_{t≥k} (x_t − x̄)(x_{t−k} − x̄). The Bartlett weights keep it ≥ 0.
 */
export function neweyWestVariance(x: NumArray, lags = neweyWestLags(x.length)): number {
  const n = x.length;
  if (n < 2) throw new RangeError(`invalid x.length: ${n} (expected ≥ 2)`);
  checkInt(lags, 'lags', 0, n - 1);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = x[i] - mean;
  return centredLongRunVariance(c, lags);
}

/** neweyWestVariance of a series already centred on its mean (c = x − x̄, same arithmetic). */
function centredLongRunVariance(c: Float64Array, lags: number): number {
  const n = c.length;
  let lrv = 0;
  for (let i = 0; i < n; i++) lrv += c[i] * c[i];
  lrv /= n;
  for (let k = 1; k <= lags; k++) {
    let g = 0;
    for (let t = k; t < n; t++) g += c[t] * c[t - k];
    lrv += 2 * (1 - k / (lags + 1)) * (g / n);
  }
  return Math.max(0, lrv);
}

export interface DieboldMarianoResult {
  /** d̄ = mean of lossA − lossB (negative: A better). */
  meanDifference: number;
  /** HAC standard error of d̄, after the Harvey–Leybourne–Newbold small-sample factor. */
  standardError: number;
  /** d̄ / standardError, compared with Student t(n − 1). */
  statistic: number;
  pValue: number;
  /** Confidence interval of the mean difference: d̄ ± t_{n−1}·se. */
  lower: number;
  upper: number;
  lags: number;
  n: number;
}

/**
 * Diebold–Mariano (1995) test of equal expected loss, with the Newey–West variance and the
 * Harvey–Leybourne–Newbold (1997) correction for one-step forecasts (se × √(n/(n−1)), t_{n−1} reference).
 * `alternative`: 'less' tests E[lossA − lossB] < 0 (A better), 'greater' the reverse.
 * A constant difference (zero variance) gives p = 1 when it is 0 and p = 0 otherwise.
 */
export function dieboldMariano(
  lossA: NumArray, lossB: NumArray,
  { lags, alternative = 'two-sided', confidence = 0.95 }: { lags?: number; alternative?: TestAlternative; confidence?: number } = {},
): DieboldMarianoResult {
  checkSameLength(lossA, lossB, 'lossA', 'lossB');
  const n = lossA.length;
  if (n < 3) throw new RangeError(`invalid lossA.length: ${n} (expected ≥ 3)`);
  checkFinite(lossA, 'lossA');
  checkFinite(lossB, 'lossB');
  checkOpenUnit(confidence, 'confidence');
  const L = lags ?? neweyWestLags(n);
  const d = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) { d[i] = lossA[i] - lossB[i]; mean += d[i]; }
  mean /= n;
  checkInt(L, 'lags', 0, n - 1);
  // Centred in place (d is ours): the same x̄ and x − x̄ neweyWestVariance would compute, one array fewer.
  for (let i = 0; i < n; i++) d[i] -= mean;
  const se = Math.sqrt(centredLongRunVariance(d, L) / n) * Math.sqrt(n / (n - 1));
  const tq = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  if (!(se > 0)) {
    const p = mean === 0 ? 1 : alternative === 'less' ? (mean < 0 ? 0 : 1) : alternative === 'greater' ? (mean > 0 ? 0 : 1) : 0;
    return { meanDifference: mean, standardError: 0, statistic: mean === 0 ? 0 : Math.sign(mean) * Infinity, pValue: p, lower: mean, upper: mean, lags: L, n };
  }
  const stat = mean / se;
  const cdf = studentTCdf(stat, n - 1);
  const pValue = alternative === 'less' ? cdf : alternative === 'greater' ? 1 - cdf : Math.min(1, 2 * Math.min(cdf, 1 - cdf));
  return { meanDifference: mean, standardError: se, statistic: stat, pValue, lower: mean - tq * se, upper: mean + tq * se, lags: L, n };
}

/** Quantiles already found (a pure function of (p, dof); callers ask for the same few hundreds of times: one per paired test). */
const quantiles = new Map<string, number>();

/** Student t quantile by bisection on the CDF (|error| < 1e-10; t_{∞} → normal). Remembered per (p, dof). */
export function studentTQuantile(p: number, dof: number): number {
  checkOpenUnit(p, 'p');
  const key = `${p}|${dof}`;
  const hit = quantiles.get(key);
  if (hit !== undefined) return hit;
  const q = bisectStudentTQuantile(p, dof);
  if (quantiles.size >= 1024) quantiles.clear();
  quantiles.set(key, q);
  return q;
}

/** The bisection itself (studentTQuantile remembers its results; tests compare the two). */
export function bisectStudentTQuantile(p: number, dof: number): number {
  if (dof > 1e6) return normalInv(p);
  let lo = -1e3, hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-11; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, dof) < p) lo = mid; else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export interface McNemarResult {
  /** Bars where A's call was right and B's wrong. */
  aOnly: number;
  /** Bars where B's call was right and A's wrong. */
  bOnly: number;
  /** Bars where both made a call. */
  n: number;
  /** Hit-rate difference (aOnly − bOnly)/n on those bars. */
  difference: number;
  /** Exact (binomial, conditional on the discordant count) p-value. */
  pValue: number;
  /** (aOnly − bOnly)²/(aOnly + bOnly), for reference (χ²₁ without continuity correction). */
  chiSquare: number;
}

/**
 * McNemar's test for two directional forecasters on the same bars: among bars where both call (outside
 * the no-call band) and exactly one is right, is A right as often as B? Exact binomial p-value
 * (two-sided: min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½)). Valid on serially dependent data when the
 * outcome is unpredictable from the past under the null (then discordant wins are martingale differences).
 */
export function mcnemarDirection(
  forecastA: NumArray, forecastB: NumArray, outcomes: NumArray,
  { alternative = 'two-sided' }: { alternative?: TestAlternative } = {},
): McNemarResult {
  checkSameLength(forecastA, forecastB, 'forecastA', 'forecastB');
  checkSameLength(forecastA, outcomes, 'forecastA', 'outcomes');
  let b = 0, c = 0, n = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const y = outcomes[i];
    if (y !== 0 && y !== 1) throw new RangeError(`invalid outcomes[${i}]: ${y} (expected 0 or 1)`);
    const ca = callOf(forecastA[i]), cb = callOf(forecastB[i]);
    if (ca === 0 || cb === 0) continue;
    n++;
    const ra = (ca > 0 ? 1 : 0) === y, rb = (cb > 0 ? 1 : 0) === y;
    if (ra && !rb) b++; else if (rb && !ra) c++;
  }
  return { ...mcnemarCounts(b, c, alternative), n, difference: n ? (b - c) / n : NaN };
}

/** McNemar's exact test from the discordant counts b (A right only) and c (B right only). 'greater': A better. */
export function mcnemarCounts(b: number, c: number, alternative: TestAlternative = 'two-sided'): Omit<McNemarResult, 'n' | 'difference'> {
  checkInt(b, 'b', 0);
  checkInt(c, 'c', 0);
  const m = b + c;
  // P(X ≤ k) for X ~ Bin(m, ½) = I_{½}(m − k, k + 1)
  const cdf = (k: number): number => (k >= m ? 1 : k < 0 ? 0 : betaCdf(0.5, m - k, k + 1));
  let p: number;
  if (m === 0) p = 1;
  else if (alternative === 'greater') p = 1 - cdf(b - 1);
  else if (alternative === 'less') p = cdf(b);
  else p = Math.min(1, 2 * cdf(Math.min(b, c)));
  return { aOnly: b, bOnly: c, pValue: p, chiSquare: m ? ((b - c) ** 2) / m : 0 };
}
