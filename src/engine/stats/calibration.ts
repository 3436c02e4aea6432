import { createRng } from '../random.ts';
import { checkBinary, checkInt, checkNonEmpty, checkOpenUnit, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';
import { iidBootstrapIndices } from './resample.ts';
import { wilsonInterval } from './wilson.ts';

export interface ReliabilityBin {
  /** Bin edges [lo, hi) (the last bin is closed at 1). */
  lo: number;
  hi: number;
  count: number;
  /** Mean forecast in the bin (NaN when empty). */
  meanForecast: number;
  /** Observed event frequency in the bin (NaN when empty). */
  observedFrequency: number;
  /** Wilson interval of the observed frequency. */
  lower: number;
  upper: number;
}

/**
 * Binning of forecasts: 'equal-width' bins on [0, 1], or 'quantile' bins holding (about) equal numbers of
 * forecasts, so forecasts spanning only 0.43–0.59 still fill every bin instead of 4 of 20.
 */
export type Binning = 'equal-width' | 'quantile';

/**
 * Upper edges of `nBins` bins (the last is +∞): k/K for equal width; for quantile bins the forecasts'
 * k/K quantiles (ties may leave a bin empty). Bin of f: the first k with f < edge[k].
 */
export function binEdges(forecasts: NumArray, nBins: number, binning: Binning): Float64Array {
  const edges = new Float64Array(nBins);
  edges[nBins - 1] = Infinity;
  if (binning === 'equal-width') { for (let k = 1; k < nBins; k++) edges[k - 1] = k / nBins; return edges; }
  if (binning !== 'quantile') throw new RangeError(`invalid binning: ${String(binning)} (expected 'equal-width' or 'quantile')`);
  // Only the order statistics the quantiles read are placed (a multi-quickselect, not a full sort); each
  // sits where a sort would put it, so the edges equal quantileSorted of the sorted forecasts (tested).
  const a = Float64Array.from(forecasts), n = a.length;
  const ranks: number[] = [];
  for (let k = 1; k < nBins; k++) { const h = (n - 1) * (k / nBins), lo = Math.floor(h); ranks.push(lo, Math.min(n - 1, lo + 1)); }
  selectRanks(a, 0, n - 1, [...new Set(ranks)].filter((r) => r >= 0).sort((x, y) => x - y));
  for (let k = 1; k < nBins; k++) edges[k - 1] = quantileSorted(a, k / nBins);
  return edges;
}

/**
 * Rearrange a[lo..hi] so that every rank in `ranks` (ascending, within lo..hi) holds the value a sort would
 * put there: quickselect the middle rank, then recurse on each side with the ranks that fall there.
 */
function selectRanks(a: Float64Array, lo: number, hi: number, ranks: readonly number[]): void {
  if (ranks.length === 0 || hi <= lo) return;
  const mid = ranks[ranks.length >> 1];
  let l = lo, h = hi;
  while (h > l) {
    const pivot = a[(l + h) >> 1];
    let i = l, j = h;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (mid <= j) h = j;
    else if (mid >= i) l = i;
    else break;
  }
  // Now a[lo..mid−1] ≤ a[mid] ≤ a[mid+1..hi].
  selectRanks(a, lo, mid - 1, ranks.filter((r) => r < mid));
  selectRanks(a, mid + 1, hi, ranks.filter((r) => r > mid));
}

function binOf(f: number, edges: Float64Array): number {
  let lo = 0, hi = edges.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (f < edges[mid]) hi = mid; else lo = mid + 1; }
  return lo;
}

/**
 * Reliability-diagram data: `nBins` bins (equal-width on [0, 1] by default: bin k = [k/K, (k+1)/K), last
 * closed; or quantile bins), with per-bin mean forecast, observed frequency, count and Wilson interval.
 */
export function reliabilityDiagram(
  forecasts: NumArray, outcomes: NumArray, nBins = 10, confidence = 0.95, binning: Binning = 'equal-width',
): ReliabilityBin[] {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  checkInt(nBins, 'nBins', 1, 10000);
  const edges = binEdges(forecasts, nBins, binning);
  const cnt = new Float64Array(nBins), sf = new Float64Array(nBins), so = new Float64Array(nBins);
  for (let i = 0; i < forecasts.length; i++) {
    const b = binOf(forecasts[i], edges);
    cnt[b]++; sf[b] += forecasts[i]; so[b] += outcomes[i];
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < nBins; b++) {
    const ci = wilsonInterval(so[b], cnt[b], confidence);
    const q = binning === 'quantile';
    out.push({
      lo: b > 0 ? edges[b - 1] : q ? minOf(forecasts) : 0, hi: b < nBins - 1 ? edges[b] : q ? maxOf(forecasts) : 1, count: cnt[b],
      meanForecast: cnt[b] ? sf[b] / cnt[b] : NaN,
      observedFrequency: cnt[b] ? so[b] / cnt[b] : NaN,
      lower: ci.lower, upper: ci.upper,
    });
  }
  return out;
}

export interface EceResult {
  /** ECE = Σ_b (n_b/N)·|ō_b − f̄_b| over `nBins` equal-width bins (Guo et al. 2017). Biased upward at small N. */
  ece: number;
  /**
   * Debiased L2 calibration error (Kumar, Liang & Ma 2019): sqrt(max(0, Σ_b (n_b/N)·[(ō_b − f̄_b)² − ō_b(1 − ō_b)/(n_b − 1)])),
   * subtracting the sampling variance of each bin's frequency. ≈0 for calibrated forecasts at any N.
   */
  debiasedL2: number;
  /** Plug-in L2 calibration error sqrt(Σ_b (n_b/N)(ō_b − f̄_b)²), the biased counterpart of debiasedL2. */
  l2: number;
  /**
   * Percentile i.i.d.-bootstrap interval of ECE (NaN when bootstrap = 0). ECE's upward bias repeats
   * inside the bootstrap, so at small N the whole interval can sit above the sample ECE; read it next to
   * `bootstrapMean` and `debiasedL2`, not as a calibrated interval for the true calibration error.
   */
  lower: number;
  upper: number;
  /** Mean of the bootstrap ECEs; bootstrapMean − ece estimates ECE's bias. */
  bootstrapMean: number;
  nBins: number;
  binning: Binning;
}

function minOf(a: NumArray): number { let m = Infinity; for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i]; return a.length ? m : NaN; }
function maxOf(a: NumArray): number { let m = -Infinity; for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i]; return a.length ? m : NaN; }

/** ECE, plug-in L2 and debiased L2 from per-bin counts and sums over n forecasts. */
function errorsFromBins(n: number, cnt: Float64Array, sf: Float64Array, so: Float64Array): [number, number, number] {
  let ece = 0, l2 = 0, deb = 0;
  for (let b = 0; b < cnt.length; b++) {
    const c = cnt[b];
    if (c === 0) continue;
    const gap = so[b] / c - sf[b] / c, ob = so[b] / c;
    ece += (c / n) * Math.abs(gap);
    l2 += (c / n) * gap * gap;
    deb += (c / n) * (gap * gap - (c > 1 ? (ob * (1 - ob)) / (c - 1) : 0));
  }
  return [ece, Math.sqrt(l2), Math.sqrt(Math.max(0, deb))];
}

export interface EceOptions {
  nBins?: number;
  /** Bootstrap replicates B (default 1000; 0 disables). */
  bootstrap?: number;
  confidence?: number;
  seed?: number | string;
  binning?: Binning;
}

/**
 * Expected calibration error (equal-width bins by default, or quantile bins whose edges are fixed from
 * the sample and reused in every bootstrap replicate), its debiased L2 variant and a bootstrap CI.
 * Options: nBins (default 10), binning, bootstrap replicates B (default 1000; 0 disables), confidence, seed.
 */
export function expectedCalibrationError(forecasts: NumArray, outcomes: NumArray, options: EceOptions = {}): EceResult {
  return expectedCalibrationErrors([forecasts], outcomes, options)[0];
}

/**
 * expectedCalibrationError of several forecasts of the same outcomes with the same options: each result
 * equals the single call's bit for bit (same seed, hence the same resampled bars), but every replicate's
 * indices are drawn once for all forecasts.
 *
 * Speed: each forecast's bin and outcome are looked up once (key = 2·bin + outcome), so a replicate only
 * adds into its key: B·n additions per forecast, no binary searches. Counts and up-counts are integers,
 * exact in any order; the forecast sums add in draw order, as binning each replicate afresh does (tested).
 */
export function expectedCalibrationErrors(
  forecasts: readonly NumArray[], outcomes: NumArray,
  { nBins = 10, bootstrap = 1000, confidence = 0.95, seed = 1, binning = 'equal-width' }: EceOptions = {},
): EceResult[] {
  for (const [i, f] of forecasts.entries()) {
    const name = forecasts.length > 1 ? `forecasts[${i}]` : 'forecasts';
    checkSameLength(f, outcomes, name, 'outcomes');
    checkNonEmpty(f, name);
    checkProbabilities(f, name);
  }
  checkBinary(outcomes, 'outcomes');
  checkInt(nBins, 'nBins', 1, 10000);
  checkInt(bootstrap, 'bootstrap', 0, 1e6);
  checkOpenUnit(confidence, 'confidence');
  const n = outcomes.length, K = forecasts.length;
  const cnt = new Float64Array(nBins), sf = new Float64Array(nBins), so = new Float64Array(nBins);
  const fs: Float64Array[] = [], keys: Uint16Array[] = [], results: EceResult[] = [];
  for (const forecast of forecasts) {
    const f = forecast instanceof Float64Array ? forecast : Float64Array.from(forecast);
    const edges = binEdges(f, nBins, binning), key = new Uint16Array(n);
    cnt.fill(0); sf.fill(0); so.fill(0);
    for (let i = 0; i < n; i++) {
      const b = binOf(f[i], edges);
      key[i] = 2 * b + outcomes[i];
      cnt[b]++; sf[b] += f[i]; so[b] += outcomes[i];
    }
    const [ece, l2, debiasedL2] = errorsFromBins(n, cnt, sf, so);
    fs.push(f); keys.push(key);
    results.push({ ece, debiasedL2, l2, lower: NaN, upper: NaN, bootstrapMean: NaN, nBins, binning });
  }
  if (bootstrap === 0 || K === 0) return results;
  const rng = createRng(seed).fork('ece-bootstrap');
  const idx = new Int32Array(n), counts = new Int32Array(2 * nBins);
  const reps = Array.from({ length: K }, () => new Float64Array(bootstrap));
  for (let r = 0; r < bootstrap; r++) {
    iidBootstrapIndices(rng, idx);
    for (let q = 0; q < K; q++) {
      const f = fs[q], key = keys[q];
      counts.fill(0); sf.fill(0);
      for (let i = 0; i < n; i++) {
        const j = idx[i], kb = key[j];
        counts[kb]++;
        sf[kb >> 1] += f[j];
      }
      for (let b = 0; b < nBins; b++) { so[b] = counts[2 * b + 1]; cnt[b] = counts[2 * b] + so[b]; }
      reps[q][r] = errorsFromBins(n, cnt, sf, so)[0];
    }
  }
  return results.map((res, q) => {
    const rq = reps[q];
    let sum = 0;
    for (let r = 0; r < bootstrap; r++) sum += rq[r];
    rq.sort();
    return { ...res, bootstrapMean: sum / bootstrap, lower: quantileSorted(rq, (1 - confidence) / 2), upper: quantileSorted(rq, 1 - (1 - confidence) / 2) };
  });
}

/** Linear-interpolation quantile (type 7) of an ascending-sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h), hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
