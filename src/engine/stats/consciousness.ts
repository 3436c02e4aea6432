/**
 * The roadmap's "consciousness index" `index = phi × freq_factor × complexity` (> 0.7 = "insight"),
 * made computable. THE ROADMAP DEFINES NONE OF THESE TERMS: everything below is OUR operationalisation,
 * chosen to be causal, cheap and standard, and each choice is stated where it is made.
 *
 * Causality: every output at bar t is a function of member values at bars t−W+1..t only (a trailing
 * window of W bars ending at t), except `percentile`, which uses index values at bars ≤ t.
 *
 * - phi: Gaussian whole-minus-sum integrated information at lag 1 (Barrett & Seth 2011, Φ_E flavour),
 *   Φ(A|B) = I(X_{t−1};X_t) − I(A_{t−1};A_t) − I(B_{t−1};B_t), estimated from the sample correlation
 *   of (X_{s−1}, X_s) over the W − 1 lag pairs in the window, with a ridge added to the diagonal.
 *   Minimising over all 2^{k−1} − 1 bipartitions (8191 for 14 members) per bar is too slow, so OUR PROXY
 *   minimises over the k − 1 "prefix" cuts {π_1..π_a | π_{a+1}..π_k} of `nOrderings` fixed member orders
 *   (the identity plus seeded shuffles). One Cholesky factorisation of an order's interleaved matrix
 *   yields ln det of every prefix at once, so each order costs a few Choleskys per bar. The minimum
 *   information bipartition is the cut minimising Φ/min(|A|, |B|) (size-normalised, so the 1-vs-rest cut is
 *   not favoured by size alone); `phi` is Φ at that cut, in nats, and can be negative.
 *   Squash to [0, 1]: phiSquashed = 1 − exp(−max(0, Φ)).
 *   Total correlation TC = −½ ln det R of the present values in the window is reported alongside.
 * - freq_factor: 1 − normalised spectral entropy of the ensemble mean (see spectralFlatness.ts).
 * - complexity: LZ76 of the ensemble mean binarised around the window median (1 if above), normalised
 *   C = c(W)·log2(W)/W, then divided by the mean C of `surrogates` seeded shuffles with the same number of
 *   ones and clamped to [0, 1]. A window with no variation (all bits equal) gets 0.
 * - index = phiSquashed · freqFactor · complexity ∈ [0, 1].
 * - percentile: walk-forward empirical CDF of the index (walkForwardPercentile.ts), so "0.7" means the
 *   70th percentile of the index so far. The raw 0.7 is scale-dependent: sample MI is biased upward by
 *   roughly (parameters)/(W − 1), so the same data give a much larger phi at small W (measured in the
 *   tests: the share of bars with raw index > 0.1 falls from ~87 % at W = 16 to 0 at W = 128), and the
 *   product of three [0, 1] factors rarely reaches 0.7 at all; the percentile's exceedance rate is ≈ 30 %
 *   for a stationary index whatever W is.
 */
import { createRng } from '../random.ts';
import { checkInt, type NumArray } from './checks.ts';
import { choleskyLogDiag } from './gaussianInfo.ts';
import { lz76Count, lz76ShuffleMean } from './lz76.ts';
import { rollingSpectralFreqFactor } from './spectralFlatness.ts';
import { walkForwardPercentile } from './walkForwardPercentile.ts';

export interface ConsciousnessOptions {
  /** Trailing window W in bars (default 128; must exceed 2·members + 1 for a non-singular lag covariance). */
  window?: number;
  /** Member orders whose prefix cuts are searched for the minimum-information bipartition (default 2). */
  nOrderings?: number;
  /** Shuffled surrogates per ones-count for the LZ normalisation (default 50; 0 = no normalisation). */
  surrogates?: number;
  /** Added to the diagonal of the lag correlation matrix (default 1e-6) so identical members stay finite. */
  ridge?: number;
  seed?: number | string;
  /**
   * Recompute phi and TC only every `phiStride` bars and hold the last value in between (default 1).
   * Still causal (a held value comes from an earlier window); cuts the dominant cost by the stride.
   */
  phiStride?: number;
  /** Past index values required before `percentile` is reported (default W). */
  minHistory?: number;
  /** Progress in [0, 1], about every 1024 bars. */
  onProgress?: (fraction: number) => void;
}

export interface ConsciousnessResult {
  window: number;
  nMembers: number;
  /** The member orders searched (each a permutation of 0..k−1; the first is the identity). */
  orderings: Int32Array[];
  /** Φ at the minimum-information prefix cut (nats; may be negative). NaN during warm-up. */
  phi: Float64Array;
  phiSquashed: Float64Array;
  /** −½ ln det R (ridged) of the members' present values over the window, nats. */
  totalCorrelation: Float64Array;
  freqFactor: Float64Array;
  /** Raw normalised LZ76 C = c·log2(W)/W of the binarised ensemble mean. */
  lzComplexity: Float64Array;
  /** C divided by its shuffled-surrogate mean, clamped to [0, 1] (or C clamped if surrogates = 0). */
  complexity: Float64Array;
  index: Float64Array;
  percentile: Float64Array;
}

/** Partial quickselect: afterwards a[k] is the k-th smallest, a[<k] ≤ a[k] ≤ a[>k]. */
function selectInPlace(a: Float64Array, n: number, k: number): void {
  let lo = 0, hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function windowMedian(a: Float64Array, n: number): number {
  const k = (n - 1) >> 1;
  selectInPlace(a, n, k);
  if (n % 2 === 1) return a[k];
  let m = Infinity;
  for (let i = k + 1; i < n; i++) if (a[i] < m) m = a[i];
  return (a[k] + m) / 2;
}

export function consciousnessIndex(members: readonly NumArray[], opts: ConsciousnessOptions = {}): ConsciousnessResult {
  const k = members.length;
  checkInt(k, 'members.length', 2, 64);
  const T = members[0].length;
  for (let j = 1; j < k; j++) {
    if (members[j].length !== T) throw new RangeError(`invalid members[${j}].length: ${members[j].length} (expected ${T})`);
  }
  const W = opts.window ?? 128;
  checkInt(W, 'window', 2 * k + 2, 1 << 20);
  const nOrderings = opts.nOrderings ?? 2;
  checkInt(nOrderings, 'nOrderings', 1, 64);
  const nSur = opts.surrogates ?? 50;
  checkInt(nSur, 'surrogates', 0, 10000);
  const ridge = opts.ridge ?? 1e-6;
  if (!(ridge >= 0 && ridge < 1)) throw new RangeError(`invalid ridge: ${ridge} (expected 0 ≤ ridge < 1)`);
  const seed = opts.seed ?? 1;
  const phiStride = opts.phiStride ?? 1;
  checkInt(phiStride, 'phiStride', 1, 1 << 20);
  const minHistory = opts.minHistory ?? W;
  const onProgress = opts.onProgress;

  const nan = (): Float64Array => new Float64Array(T).fill(NaN);
  const phi = nan(), phiSquashed = nan(), totalCorrelation = nan(), lzComplexity = nan(), complexity = nan(), index = nan();

  // Ensemble mean; NaN if any member is non-finite at t.
  const mean = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += members[j][t];
    mean[t] = Number.isFinite(s) ? s / k : NaN;
  }
  const freqFactor = rollingSpectralFreqFactor(mean, W);
  onProgress?.(0.05);

  // --- complexity: median-binarised LZ76, surrogate mean cached per ones-count (depends only on W, ones, seed).
  const scratch = new Float64Array(W), bits = new Uint8Array(W), surBits = new Uint8Array(W);
  const surMean = new Float64Array(W + 1).fill(NaN);
  const log2W = Math.log2(W);
  let lastBadMean = -1;
  for (let t = 0; t < T; t++) {
    if (!Number.isFinite(mean[t])) lastBadMean = t;
    if (t < W - 1 || lastBadMean > t - W) continue;
    const start = t - W + 1;
    for (let m = 0; m < W; m++) scratch[m] = mean[start + m];
    const med = windowMedian(scratch, W);
    let ones = 0;
    for (let m = 0; m < W; m++) { const b = mean[start + m] > med ? 1 : 0; bits[m] = b; ones += b; }
    const c = lz76Count(bits, W);
    lzComplexity[t] = (c * log2W) / W;
    if (ones === 0 || ones === W) { complexity[t] = 0; continue; }
    if (nSur === 0) { complexity[t] = Math.min(1, lzComplexity[t]); continue; }
    if (Number.isNaN(surMean[ones])) {
      surMean[ones] = lz76ShuffleMean(W, ones, nSur, createRng(seed).fork(`lz-surrogate:${W}:${ones}`), surBits);
    }
    complexity[t] = Math.min(1, c / surMean[ones]);
  }
  onProgress?.(0.15);

  // --- phi: rolling sums over the W − 1 lag pairs z_s = (x(s−1), x(s)), s = t−W+2..t.
  const d = 2 * k, m = W - 1;
  const S1 = new Float64Array(d), S2 = new Float64Array(d * d), z = new Float64Array(d);
  const R = new Float64Array(d * d), degenerate = new Uint8Array(d), sd = new Float64Array(d);
  const A = new Float64Array(d * d), logDiag = new Float64Array(d);
  const orderings: Int32Array[] = [];
  const ordRng = createRng(seed).fork('phi-orderings');
  for (let o = 0; o < nOrderings; o++) {
    const p = Int32Array.from({ length: k }, (_, i) => i);
    if (o > 0) for (let i = k - 1; i > 0; i--) { const j = ordRng.int(i + 1); const tmp = p[i]; p[i] = p[j]; p[j] = tmp; }
    orderings.push(p);
  }
  // Index maps from Cholesky order to variables of z (past j → j, present j → k + j), per order and its reverse.
  // Joint maps interleave (past π_a, present π_a) so the 2a-prefix is exactly the joint block of the a-prefix.
  // Each map is stored as the flat positions in R of the lower triangle it gathers (row by row), computed once.
  const lowerTriangle = (map: Int32Array): Int32Array => {
    const n = map.length, src = new Int32Array((n * (n + 1)) / 2);
    for (let a = 0, q = 0; a < n; a++) for (let b = 0; b <= a; b++) src[q++] = map[a] * d + map[b];
    return src;
  };
  const maps: { past: Int32Array; present: Int32Array; joint: Int32Array }[] = [];
  for (const ord of orderings) {
    for (const o of [ord, ord.slice().reverse()]) {
      const past = new Int32Array(k), present = new Int32Array(k), joint = new Int32Array(d);
      for (let a = 0; a < k; a++) { past[a] = o[a]; present[a] = k + o[a]; joint[2 * a] = o[a]; joint[2 * a + 1] = k + o[a]; }
      maps.push({ past: lowerTriangle(past), present: lowerTriangle(present), joint: lowerTriangle(joint) });
    }
  }
  // Prefix ln dets (index a = number of members in the prefix, 0..k) of past, present and joint blocks.
  const PP = new Float64Array(k + 1), PQ = new Float64Array(k + 1), PJ = new Float64Array(k + 1);
  const SP = new Float64Array(k + 1), SQ = new Float64Array(k + 1), SJ = new Float64Array(k + 1);
  // Members copied once into a row-major T×k buffer (non-finite → 0, flagged in `bad`).
  const X = new Float64Array(T * k), bad = new Uint8Array(T);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < k; j++) {
      const v = members[j][t];
      if (Number.isFinite(v)) X[t * k + j] = v; else bad[t] = 1;
    }
  }
  const loadPair = (s: number): void => {
    const p0 = (s - 1) * k, p1 = s * k;
    for (let j = 0; j < k; j++) { z[j] = X[p0 + j]; z[k + j] = X[p1 + j]; }
  };
  const accumulate = (sign: number): void => {
    for (let i = 0; i < d; i++) {
      const zi = sign * z[i];
      S1[i] += zi;
      const row = i * d;
      for (let j = i; j < d; j++) S2[row + j] += zi * z[j];
    }
  };
  /** ln det of every leading block (in members) of R restricted to `map`; `joint` maps take 2 variables per member. */
  const gathered: { values: Float64Array; index: Int32Array } = { values: R, index: new Int32Array(0) };
  const prefixLogDets = (src: Int32Array, joint: boolean, out: Float64Array): boolean => {
    const n = joint ? d : k;
    gathered.index = src; // the Cholesky reads its sub-matrix of R in place (no copy into A first)
    if (!choleskyLogDiag(A, n, d, logDiag, gathered)) return false;
    out[0] = 0;
    if (joint) for (let a = 1; a <= k; a++) out[a] = out[a - 1] + 2 * (logDiag[2 * a - 2] + logDiag[2 * a - 1]);
    else for (let a = 1; a <= k; a++) out[a] = out[a - 1] + 2 * logDiag[a - 1];
    return true;
  };

  let lastBadRow = -1;
  for (let t = 0; t < W - 1 && t < T; t++) if (bad[t]) lastBadRow = t;
  for (let t = W - 1; t < T; t++) {
    if (bad[t]) lastBadRow = t;
    if ((t - (W - 1)) % W === 0) {
      S1.fill(0); S2.fill(0);
      for (let s = t - W + 2; s <= t; s++) { loadPair(s); accumulate(1); }
    } else {
      loadPair(t); accumulate(1);
      loadPair(t - W + 1); accumulate(-1);
    }
    if (onProgress && (t & 1023) === 0) onProgress(0.15 + (0.8 * t) / T);
    if (lastBadRow > t - W) continue;
    if ((t - (W - 1)) % phiStride !== 0 && Number.isFinite(phi[t - 1])) {
      phi[t] = phi[t - 1]; phiSquashed[t] = phiSquashed[t - 1]; totalCorrelation[t] = totalCorrelation[t - 1];
      index[t] = phiSquashed[t] * freqFactor[t] * complexity[t];
      continue;
    }

    // Correlation matrix of z over the window, ridge on the diagonal; zero-variance variables become independent.
    for (let i = 0; i < d; i++) {
      const v = (S2[i * d + i] - (S1[i] * S1[i]) / m) / (m - 1);
      const ms = S2[i * d + i] / m;
      degenerate[i] = v > 1e-12 * ms && v > 0 ? 0 : 1;
      sd[i] = Math.sqrt(v);
    }
    for (let i = 0; i < d; i++) {
      for (let j = i; j < d; j++) {
        let r: number;
        if (i === j) r = 1 + ridge;
        else if (degenerate[i] || degenerate[j]) r = 0;
        else r = (S2[i * d + j] - (S1[i] * S1[j]) / m) / (m - 1) / (sd[i] * sd[j]);
        R[i * d + j] = r; R[j * d + i] = r;
      }
    }

    let bestScore = Infinity, bestPhi = NaN, ok = true, tc = NaN;
    for (let o = 0; o < nOrderings && ok; o++) {
      const fw = maps[2 * o], bw = maps[2 * o + 1];
      ok = prefixLogDets(fw.past, false, PP) && prefixLogDets(fw.present, false, PQ) && prefixLogDets(fw.joint, true, PJ) &&
        prefixLogDets(bw.past, false, SP) && prefixLogDets(bw.present, false, SQ) && prefixLogDets(bw.joint, true, SJ);
      if (!ok) break;
      const whole = 0.5 * (PP[k] + PQ[k] - PJ[k]);
      if (o === 0) tc = 0.5 * (k * Math.log(1 + ridge) - PQ[k]);
      for (let a = 1; a < k; a++) {
        const b = k - a;
        const phiCut = whole - 0.5 * (PP[a] + PQ[a] - PJ[a]) - 0.5 * (SP[b] + SQ[b] - SJ[b]);
        const score = phiCut / Math.min(a, b);
        if (score < bestScore) { bestScore = score; bestPhi = phiCut; }
      }
    }
    if (!ok) continue;
    phi[t] = bestPhi;
    phiSquashed[t] = 1 - Math.exp(-Math.max(0, bestPhi));
    totalCorrelation[t] = tc;
    index[t] = phiSquashed[t] * freqFactor[t] * complexity[t];
  }
  const percentile = walkForwardPercentile(index, minHistory);
  onProgress?.(1);
  return { window: W, nMembers: k, orderings, phi, phiSquashed, totalCorrelation, freqFactor, lzComplexity, complexity, index, percentile };
}
