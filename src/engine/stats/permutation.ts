import { createRng } from '../random.ts';
import { checkFinite, checkInt, checkSameLength, type NumArray } from './checks.ts';
import { isAsExtreme, permutationPValue, type Alternative } from './pValue.ts';
import { blockPermutationIndices } from './resample.ts';

/** A statistic of two aligned series; must not keep references to its (reused) arguments. */
export type PairStatistic = (x: Float64Array, y: Float64Array) => number;

export interface PermutationTestOptions {
  /** 'correlation' (Pearson, fast path) or a custom statistic of (x, y). Default 'correlation'. */
  statistic?: 'correlation' | PairStatistic;
  /** Number of resamples B (default 1000). */
  permutations?: number;
  seed?: number | string;
  /** Default 'two-sided' (|T*| ≥ |T|; a custom statistic must then be centred at 0 under the null). */
  alternative?: Alternative;
  /** Circular shifts are drawn uniformly from [minShift, n − minShift] (default 1: every non-identity shift). */
  minShift?: number;
  /** Block length of the block permutation (default ⌈√n⌉). */
  blockLength?: number;
  /** Called with the completed fraction in [0, 1] about every 64 resamples. */
  onProgress?: (fraction: number) => void;
}

export interface PermutationTestResult {
  statistic: number;
  pValue: number;
  /** k: resamples at least as extreme as the observed statistic. */
  exceedances: number;
  permutations: number;
  nullMean: number;
  nullSd: number;
}

interface Prepared { xc: Float64Array; yc: Float64Array; scale: number }

/** Centre both series; Pearson r = Σ xc·yc / scale, and shifts or permutations of x leave `scale` unchanged. */
function prepareCorrelation(x: NumArray, y: NumArray): Prepared {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  const xc = new Float64Array(n), yc = new Float64Array(n);
  let sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    xc[i] = x[i] - mx; yc[i] = y[i] - my;
    sxx += xc[i] * xc[i]; syy += yc[i] * yc[i];
  }
  return { xc, yc, scale: Math.sqrt(sxx * syy) };
}

function summarise(observed: number, k: number, B: number, sum: number, sumSq: number): PermutationTestResult {
  const mean = sum / B;
  return {
    statistic: observed, pValue: permutationPValue(k, B), exceedances: k, permutations: B,
    nullMean: B ? mean : NaN, nullSd: B > 1 ? Math.sqrt(Math.max(0, (sumSq - B * mean * mean) / (B - 1))) : NaN,
  };
}

function validate(x: NumArray, y: NumArray, B: number): void {
  checkSameLength(x, y, 'x', 'y');
  if (x.length < 3) throw new RangeError(`invalid x.length: ${x.length} (expected ≥ 3)`);
  checkFinite(x, 'x');
  checkFinite(y, 'y');
  checkInt(B, 'permutations', 0, 1e7);
}

/**
 * Σᵢ xc[(i + s) mod n]·yc[i], summed strictly in index order (the same floating-point result as the plain
 * loop), four terms per iteration: fewer loop and bounds checks, one dependent add chain as before.
 */
export function shiftedDot(xc: Float64Array, yc: Float64Array, s: number): number {
  const n = yc.length, m = n - s;
  let d = 0, i = 0;
  for (; i + 3 < m; i += 4) { d += xc[i + s] * yc[i]; d += xc[i + s + 1] * yc[i + 1]; d += xc[i + s + 2] * yc[i + 2]; d += xc[i + s + 3] * yc[i + 3]; }
  for (; i < m; i++) d += xc[i + s] * yc[i];
  let k = i - m;
  for (; i + 3 < n; i += 4, k += 4) { d += xc[k] * yc[i]; d += xc[k + 1] * yc[i + 1]; d += xc[k + 2] * yc[i + 2]; d += xc[k + 3] * yc[i + 3]; }
  for (; i < n; i++, k++) d += xc[k] * yc[i];
  return d;
}

/**
 * Circular-shift permutation test of association between x and y: x is rotated by a random shift s
 * (x*_i = x_{(i+s) mod n}) against fixed y. Keeps each series' autocorrelation and clustering intact,
 * which an i.i.d. shuffle would destroy. The correlation fast path costs one n-term dot product per shift.
 */
export function circularShiftTest(x: NumArray, y: NumArray, opts: PermutationTestOptions = {}): PermutationTestResult {
  const { statistic = 'correlation', permutations: B = 1000, seed = 1, alternative = 'two-sided', onProgress } = opts;
  validate(x, y, B);
  const n = x.length;
  const minShift = opts.minShift ?? 1;
  checkInt(minShift, 'minShift', 1, Math.floor(n / 2));
  const span = n - 2 * minShift + 1;
  const rng = createRng(seed).fork('circular-shift');
  let k = 0, sum = 0, sumSq = 0, observed: number;
  if (statistic === 'correlation') {
    const { xc, yc, scale } = prepareCorrelation(x, y);
    if (scale === 0) return summarise(NaN, B, B, NaN, NaN);
    let d0 = 0;
    for (let i = 0; i < n; i++) d0 += xc[i] * yc[i];
    observed = d0 / scale;
    for (let b = 0; b < B; b++) {
      const s = minShift + rng.int(span);
      const t = shiftedDot(xc, yc, s) / scale;
      sum += t; sumSq += t * t;
      if (isAsExtreme(t, observed, alternative)) k++;
      if (onProgress && (b & 63) === 63) onProgress((b + 1) / B);
    }
  } else {
    const xs = Float64Array.from(x), ys = Float64Array.from(y), buf = new Float64Array(n);
    observed = statistic(xs, ys);
    for (let b = 0; b < B; b++) {
      const s = minShift + rng.int(span);
      const m = n - s;
      for (let i = 0; i < m; i++) buf[i] = xs[i + s];
      for (let i = m; i < n; i++) buf[i] = xs[i - m];
      const t = statistic(buf, ys);
      sum += t; sumSq += t * t;
      if (isAsExtreme(t, observed, alternative)) k++;
      if (onProgress && (b & 63) === 63) onProgress((b + 1) / B);
    }
  }
  onProgress?.(1);
  return summarise(observed, k, B, sum, sumSq);
}

/**
 * Block permutation test: x is cut into consecutive blocks of `blockLength` whose order is shuffled,
 * keeping dependence within blocks (a moving-block permutation null). Use when a circular shift is too
 * few distinct resamples (short series) or when wrap-around joins unlike regimes.
 */
export function blockPermutationTest(x: NumArray, y: NumArray, opts: PermutationTestOptions = {}): PermutationTestResult {
  const { statistic = 'correlation', permutations: B = 1000, seed = 1, alternative = 'two-sided', onProgress } = opts;
  validate(x, y, B);
  const n = x.length;
  const L = opts.blockLength ?? Math.ceil(Math.sqrt(n));
  checkInt(L, 'blockLength', 1, n);
  const rng = createRng(seed).fork('block-permutation');
  const idx = new Int32Array(n), order = new Int32Array(Math.ceil(n / L));
  let k = 0, sum = 0, sumSq = 0, observed: number;
  if (statistic === 'correlation') {
    const { xc, yc, scale } = prepareCorrelation(x, y);
    if (scale === 0) return summarise(NaN, B, B, NaN, NaN);
    let d0 = 0;
    for (let i = 0; i < n; i++) d0 += xc[i] * yc[i];
    observed = d0 / scale;
    for (let b = 0; b < B; b++) {
      blockPermutationIndices(rng, L, order, idx);
      let d = 0;
      for (let i = 0; i < n; i++) d += xc[idx[i]] * yc[i];
      const t = d / scale;
      sum += t; sumSq += t * t;
      if (isAsExtreme(t, observed, alternative)) k++;
      if (onProgress && (b & 63) === 63) onProgress((b + 1) / B);
    }
  } else {
    const xs = Float64Array.from(x), ys = Float64Array.from(y), buf = new Float64Array(n);
    observed = statistic(xs, ys);
    for (let b = 0; b < B; b++) {
      blockPermutationIndices(rng, L, order, idx);
      for (let i = 0; i < n; i++) buf[i] = xs[idx[i]];
      const t = statistic(buf, ys);
      sum += t; sumSq += t * t;
      if (isAsExtreme(t, observed, alternative)) k++;
      if (onProgress && (b & 63) === 63) onProgress((b + 1) / B);
    }
  }
  onProgress?.(1);
  return summarise(observed, k, B, sum, sumSq);
}
