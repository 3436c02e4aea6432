import { checkInt, type NumArray } from './checks.ts';

export interface PboResult {
  /** Probability of backtest overfitting: share of splits whose in-sample winner ranks at or below the out-of-sample median (λ ≤ 0). */
  pbo: number;
  /** Logits λ = ln(ω̄/(1 − ω̄)) per split, ω̄ = (out-of-sample mid-rank of the in-sample winner)/(N + 1). */
  logits: Float64Array;
  /** Out-of-sample performance of the in-sample winner, per split. */
  oosOfWinner: Float64Array;
  /** In-sample performance of the winner, per split (pair with oosOfWinner for the degradation plot). */
  isOfWinner: Float64Array;
  /** Share of splits where the in-sample winner loses out of sample (performance < 0). */
  probabilityOfLoss: number;
  nSplits: number;
}

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV; Bailey,
 * Borwein, López de Prado & Zhu, J. Comput. Finance 20(4), 2017).
 * `columns[j]` is configuration j's per-bar return series (all length T). The T rows are cut into S
 * equal consecutive blocks (the last T mod S rows are dropped); for each of the C(S, S/2) ways to pick
 * half the blocks as in-sample, the configuration with the best in-sample metric is located in the
 * out-of-sample ranking. Metric: per-bar Sharpe ratio (default) or mean return. O(C(S,S/2)·N·S).
 */
export function probabilityOfBacktestOverfitting(
  columns: readonly NumArray[], { blocks = 16, metric = 'sharpe' }: { blocks?: number; metric?: 'sharpe' | 'mean' } = {},
): PboResult {
  const N = columns.length;
  checkInt(N, 'columns.length', 2, 100000);
  checkInt(blocks, 'blocks', 2, 24);
  if (blocks % 2) throw new RangeError(`invalid blocks: ${blocks} (expected an even integer 2–24)`);
  const T = columns[0].length;
  for (let j = 1; j < N; j++) {
    if (columns[j].length !== T) throw new RangeError(`invalid columns[${j}].length: ${columns[j].length} (expected ${T})`);
  }
  const S = blocks, len = Math.floor(T / S);
  if (len < 2) throw new RangeError(`invalid rows: ${T} (expected ≥ ${2 * S} for ${S} blocks)`);
  // Per block and configuration: sum and sum of squares.
  const sum = new Float64Array(S * N), sq = new Float64Array(S * N);
  for (let j = 0; j < N; j++) {
    const c = columns[j];
    for (let b = 0; b < S; b++) {
      let s = 0, q = 0;
      for (let t = b * len; t < (b + 1) * len; t++) {
        const v = c[t];
        if (!Number.isFinite(v)) throw new RangeError(`invalid columns[${j}][${t}]: ${v} (expected a finite number)`);
        s += v; q += v * v;
      }
      sum[b * N + j] = s; sq[b * N + j] = q;
    }
  }
  const half = S / 2, rowsHalf = half * len;
  const perf = (s: number, q: number): number => {
    const mean = s / rowsHalf;
    if (metric === 'mean') return mean;
    const v = (q - rowsHalf * mean * mean) / (rowsHalf - 1);
    return v > 0 ? mean / Math.sqrt(v) : 0;
  };
  const full = (1 << S) - 1;
  const splits: number[] = [];
  // Gosper's hack: every S-bit mask with S/2 bits set.
  for (let m = (1 << half) - 1; m <= full; ) {
    splits.push(m);
    const c = m & -m, r = m + c;
    m = (((r ^ m) >>> 2) / c) | r;
    if (m === 0) break;
  }
  const nSplits = splits.length;
  const logits = new Float64Array(nSplits), oosOfWinner = new Float64Array(nSplits), isOfWinner = new Float64Array(nSplits);
  const isPerf = new Float64Array(N), oosPerf = new Float64Array(N);
  // The low `low` blocks' running sums for every subset of them, per configuration: lowSum[j·2^low + m] adds
  // the blocks of m in increasing order (built by adding each subset's highest block last). A split starts
  // from its low subset's entry and adds only its high blocks: the same additions in the same order as
  // adding all its blocks one by one (tested against that loop).
  const low = Math.min(S, 8), lowSize = 1 << low, lowMask = lowSize - 1;
  const lowSum = new Float64Array(N * lowSize), lowSq = new Float64Array(N * lowSize);
  for (let j = 0; j < N; j++) {
    for (let m = 1; m < lowSize; m++) {
      const top = 31 - Math.clz32(m), prev = j * lowSize + (m ^ (1 << top)), idx = top * N + j;
      lowSum[j * lowSize + m] = lowSum[prev] + sum[idx];
      lowSq[j * lowSize + m] = lowSq[prev] + sq[idx];
    }
  }
  let overfit = 0, losses = 0;
  for (let k = 0; k < nSplits; k++) {
    const mask = splits[k], inLow = mask & lowMask, outLow = ~mask & lowMask;
    for (let j = 0; j < N; j++) {
      let si = lowSum[j * lowSize + inLow], qi = lowSq[j * lowSize + inLow], so = lowSum[j * lowSize + outLow], qo = lowSq[j * lowSize + outLow];
      for (let b = low; b < S; b++) {
        const idx = b * N + j;
        if (mask & (1 << b)) { si += sum[idx]; qi += sq[idx]; } else { so += sum[idx]; qo += sq[idx]; }
      }
      isPerf[j] = perf(si, qi);
      oosPerf[j] = perf(so, qo);
    }
    let best = 0;
    for (let j = 1; j < N; j++) if (isPerf[j] > isPerf[best]) best = j;
    let less = 0, equal = 0;
    for (let j = 0; j < N; j++) {
      if (oosPerf[j] < oosPerf[best]) less++;
      else if (oosPerf[j] === oosPerf[best]) equal++;
    }
    const rank = 1 + less + 0.5 * (equal - 1);
    const w = rank / (N + 1);
    logits[k] = Math.log(w / (1 - w));
    if (logits[k] <= 0) overfit++;
    oosOfWinner[k] = oosPerf[best];
    isOfWinner[k] = isPerf[best];
    if (oosPerf[best] < 0) losses++;
  }
  return { pbo: overfit / nSplits, logits, oosOfWinner, isOfWinner, probabilityOfLoss: losses / nSplits, nSplits };
}
