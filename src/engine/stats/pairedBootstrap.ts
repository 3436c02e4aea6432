import { createRng } from '../random.ts';
import { checkFinite, checkInt, checkOpenUnit, checkSameLength, type NumArray } from './checks.ts';
import { quantileSorted } from './calibration.ts';
import { permutationPValue } from './pValue.ts';

export interface LossDifferenceResult {
  /** Mean of d_i = lossA_i − lossB_i (negative: A is better). */
  meanDifference: number;
  /** Percentile interval of the bootstrap mean of d. */
  lower: number;
  upper: number;
  /** Two-sided p-value for E[d] = 0: k = #{|d̄* − d̄| ≥ |d̄|}, p = (k+1)/(B+1). */
  pValue: number;
  replicates: number;
  meanBlock: number;
}

/**
 * Paired stationary-block bootstrap of the mean loss difference between two forecasters scored on the
 * same bars (a resampling analogue of the Diebold–Mariano test). Pairs are resampled together, blocks
 * keep serial dependence. Default mean block length ⌈n^{1/3}⌉ (the usual rate for the stationary bootstrap).
 *
 * Speed: a replicate's mean is a sum of BLOCK sums, each one difference of the circular running sum of d
 * (O(blocks) per replicate, not O(n) index writes and reads), and the resample set — the blocks of every
 * replicate, a function of (n, meanBlock, replicates, seed) only — is drawn once and shared by every call
 * with the same arguments (compareWithBaseline passes one seed for every pair and loss on the same bars, so
 * the ledger's ~44 pair/loss combinations share one draw: common random numbers). The blocks are
 * exactly those stationaryBootstrapIndices draws from the same rng stream, so results equal the
 * index-by-index computation up to floating-point summation order (last digits; see stats tests).
 */
export function pairedBootstrapLossDifference(
  lossA: NumArray, lossB: NumArray,
  { replicates = 2000, meanBlock, confidence = 0.95, seed = 1 }: { replicates?: number; meanBlock?: number; confidence?: number; seed?: number | string } = {},
): LossDifferenceResult {
  checkSameLength(lossA, lossB, 'lossA', 'lossB');
  const n = lossA.length;
  if (n < 2) throw new RangeError(`invalid lossA.length: ${n} (expected ≥ 2)`);
  checkFinite(lossA, 'lossA');
  checkFinite(lossB, 'lossB');
  checkInt(replicates, 'replicates', 1, 1e7);
  checkOpenUnit(confidence, 'confidence');
  const L = meanBlock ?? Math.ceil(Math.cbrt(n));
  if (!(L >= 1 && L <= n)) throw new RangeError(`invalid meanBlock: ${L} (expected 1–${n})`);
  // cum[j] = d[0] + … + d[j − 1]: a block's sum is one difference (two when it wraps).
  const cum = new Float64Array(n + 1);
  let acc = 0;
  for (let i = 0; i < n; i++) { acc += lossA[i] - lossB[i]; cum[i + 1] = acc; }
  const dBar = acc / n, total = acc;
  const set = resampleSet(n, L, replicates, seed);
  const reps = new Float64Array(replicates);
  const { starts, lengths, offsets } = set;
  let k = 0;
  for (let b = 0; b < replicates; b++) {
    let s = 0;
    for (let u = offsets[b], e = offsets[b + 1]; u < e; u++) {
      const j = starts[u], end = j + lengths[u];
      s += end <= n ? cum[end] - cum[j] : total - cum[j] + cum[end - n];
    }
    reps[b] = s / n;
    if (Math.abs(reps[b] - dBar) >= Math.abs(dBar)) k++;
  }
  reps.sort();
  return {
    meanDifference: dBar,
    lower: quantileSorted(reps, (1 - confidence) / 2),
    upper: quantileSorted(reps, 1 - (1 - confidence) / 2),
    pValue: permutationPValue(k, replicates),
    replicates, meanBlock: L,
  };
}

/** Blocks of every replicate: replicate b is blocks offsets[b] … offsets[b + 1] − 1 (start, length ≤ n). */
interface ResampleSet { key: string; starts: Int32Array; lengths: Int32Array; offsets: Int32Array }

/** The last few resample sets drawn (callers compare many pairs on the same bars in a row; cells may interleave). */
const recentSets: ResampleSet[] = [];
const RECENT_SETS = 4;

/**
 * The stationary-bootstrap blocks that stationaryBootstrapIndices would write for `replicates` draws from
 * createRng(seed).fork('paired-bootstrap'): same rng calls in the same order, stored as (start, length).
 */
function resampleSet(n: number, meanBlock: number, replicates: number, seed: number | string): ResampleSet {
  const key = `${n}|${meanBlock}|${replicates}|${typeof seed}:${seed}`;
  const hit = recentSets.find((r) => r.key === key);
  if (hit) return hit;
  const rng = createRng(seed).fork('paired-bootstrap');
  const p = 1 / meanBlock, lnq = Math.log1p(-p);
  let cap = Math.max(16, Math.ceil((replicates * n) / meanBlock * 1.1) + replicates);
  let starts = new Int32Array(cap), lengths = new Int32Array(cap);
  const offsets = new Int32Array(replicates + 1);
  let u = 0;
  for (let b = 0; b < replicates; b++) {
    offsets[b] = u;
    let i = 0;
    while (i < n) {
      // Same draws as stationaryBootstrapIndices: geometric length by inversion, then a uniform start.
      let r = rng.next();
      while (r === 0) r = rng.next();
      const len = p >= 1 ? 1 : 1 + Math.floor(Math.log(r) / lnq);
      const j = Math.floor(rng.next() * n); // = rng.int(n), without its argument check per block
      const take = Math.min(n - i, len);
      if (u === cap) {
        cap *= 2;
        const s2 = new Int32Array(cap), l2 = new Int32Array(cap);
        s2.set(starts); l2.set(lengths);
        starts = s2; lengths = l2;
      }
      starts[u] = j; lengths[u] = take; u++;
      i += take;
    }
  }
  offsets[replicates] = u;
  const set = { key, starts: starts.subarray(0, u), lengths: lengths.subarray(0, u), offsets };
  recentSets.unshift(set);
  if (recentSets.length > RECENT_SETS) recentSets.pop();
  return set;
}
