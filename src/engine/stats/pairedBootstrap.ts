import { uniformStream } from '../random.ts';
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
  const set = stationaryBootstrapBlocks(n, L, replicates, seed);
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
export interface ResampleSet { key: string; starts: Int32Array; lengths: Int32Array; offsets: Int32Array }

/** The last few resample sets drawn (callers compare many pairs on the same bars in a row; cells may interleave). */
const recentSets: ResampleSet[] = [];
const RECENT_SETS = 4;

/**
 * The stationary-bootstrap blocks that stationaryBootstrapIndices would write for `replicates` draws from
 * createRng(seed).fork('paired-bootstrap'): same rng calls in the same order, stored as (start, length).
 * The last few sets are kept (see recentSets), so pairs on the same bars and seed share one draw.
 */
export function stationaryBootstrapBlocks(n: number, meanBlock: number, replicates: number, seed: number | string): ResampleSet {
  const key = `${n}|${meanBlock}|${replicates}|${typeof seed}:${seed}`;
  const hit = recentSets.find((r) => r.key === key);
  if (hit) return hit;
  const set = drawBlocks(key, n, meanBlock, replicates, seed);
  recentSets.unshift(set);
  if (recentSets.length > RECENT_SETS) recentSets.pop();
  return set;
}

/** Buckets of the uniform r for the block-length lookup (geometricLengthTable). */
const LENGTH_BUCKETS = 4096;
const lengthTables = new Map<number, Int32Array>();

/**
 * The geometric length 1 + ⌊ln r / ln(1 − 1/meanBlock)⌋ (by inversion, as stationaryBootstrapIndices computes
 * it) is constant on most buckets [j/B, (j+1)/B) of r: table[j] holds it there, or 0 where a bucket straddles a
 * jump (or r is tiny), and the caller then takes the logarithm. A bucket gets a length only if the lengths at
 * its ends, each widened by a relative 1e-9, agree: the exact jump points are then ≥ 1e-9/|ln q| away, far
 * beyond the few-ulp error of the computed quotient, so the table returns exactly what the formula would.
 */
function geometricLengthTable(meanBlock: number): Int32Array {
  let table = lengthTables.get(meanBlock);
  if (table) return table;
  const lnq = Math.log1p(-1 / meanBlock);
  const len = (r: number): number => 1 + Math.floor(Math.log(r) / lnq);
  table = new Int32Array(LENGTH_BUCKETS);
  for (let j = 1; j < LENGTH_BUCKETS; j++) {
    const lo = (j / LENGTH_BUCKETS) * (1 - 1e-9);
    // The top bucket ends at 1 (never drawn), where the length is 1 from below: evaluate just under it.
    const hi = j + 1 === LENGTH_BUCKETS ? 1 - 2 ** -53 : ((j + 1) / LENGTH_BUCKETS) * (1 + 1e-9);
    const a = len(lo), b = len(hi);
    if (a === b && Number.isFinite(a)) table[j] = a;
  }
  if (lengthTables.size > 64) lengthTables.clear();
  lengthTables.set(meanBlock, table);
  return table;
}

/** The block length for a uniform r: the table's, else the logarithm (lnq = ln(1 − 1/meanBlock)); 1 without a table (meanBlock ≤ 1). */
function blockLength(table: Int32Array | null, r: number, lnq: number): number {
  if (table === null) return 1;
  const len = table[Math.floor(r * LENGTH_BUCKETS)];
  return len !== 0 ? len : 1 + Math.floor(Math.log(r) / lnq);
}

/** The stationary bootstrap's block length for a uniform r, as drawBlocks finds it (tests compare with the logarithm). */
export function geometricBlockLength(r: number, meanBlock: number): number {
  return blockLength(meanBlock <= 1 ? null : geometricLengthTable(meanBlock), r, Math.log1p(-1 / meanBlock));
}

/**
 * Draws the blocks from the stream of createRng(seed).fork('paired-bootstrap').next(), read in chunks of 4096
 * through uniformStream (the generator runs on locals inside its fill loop: no closure call per number), and
 * the block length from geometricLengthTable: one logarithm per ~30 blocks instead of one per block. Tests
 * check the blocks against stationaryBootstrapIndices on the same stream.
 */
function drawBlocks(key: string, n: number, meanBlock: number, replicates: number, seed: number | string): ResampleSet {
  const stream = uniformStream(seed, 'paired-bootstrap');
  const buf = new Float64Array(4096);
  let pos = buf.length;
  const p = 1 / meanBlock, lnq = Math.log1p(-p);
  const table = p >= 1 ? null : geometricLengthTable(meanBlock);
  let cap = Math.max(16, Math.ceil((replicates * n) / meanBlock * 1.1) + replicates);
  let starts = new Int32Array(cap), lengths = new Int32Array(cap);
  const offsets = new Int32Array(replicates + 1);
  let u = 0;
  for (let rep = 0; rep < replicates; rep++) {
    offsets[rep] = u;
    let i = 0;
    while (i < n) {
      // r = rng.next(), redrawn while 0 (as stationaryBootstrapIndices does).
      let r: number;
      do {
        if (pos === buf.length) { stream.fill(buf); pos = 0; }
        r = buf[pos++];
      } while (r === 0);
      const len = blockLength(table, r, lnq);
      // The block's start: floor(rng.next() · n), as rng.int(n).
      if (pos === buf.length) { stream.fill(buf); pos = 0; }
      const j = Math.floor(buf[pos++] * n);
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
  return { key, starts: starts.subarray(0, u), lengths: lengths.subarray(0, u), offsets };
}
