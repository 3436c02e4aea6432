import { createRng } from '../random.ts';
import { checkFinite, checkInt, checkOpenUnit, checkSameLength, type NumArray } from './checks.ts';
import { quantileSorted } from './calibration.ts';
import { permutationPValue } from './pValue.ts';
import { stationaryBootstrapIndices } from './resample.ts';

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
  const d = new Float64Array(n);
  let dBar = 0;
  for (let i = 0; i < n; i++) { d[i] = lossA[i] - lossB[i]; dBar += d[i]; }
  dBar /= n;
  const rng = createRng(seed).fork('paired-bootstrap');
  const idx = new Int32Array(n), reps = new Float64Array(replicates);
  let k = 0;
  for (let b = 0; b < replicates; b++) {
    stationaryBootstrapIndices(rng, L, idx);
    let s = 0;
    for (let i = 0; i < n; i++) s += d[idx[i]];
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
