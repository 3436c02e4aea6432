/**
 * Batch timing with an adaptive stopping rule: time batches of K calls (latency = Δt / K) until a
 * percentile's distribution-free confidence interval is within a stated relative tolerance of it, or a
 * cap on batches is reached, or (optionally) its CI lies entirely far below or far above a verdict's threshold. Which rule stopped sampling is returned with the figures, so a reader sees
 * whether the tolerance was met.
 *
 * The CI of the q-quantile of n sorted samples uses order statistics (no distribution assumed): the
 * ranks n·q ± z·√(n·q·(1−q)) (normal approximation to the binomial count of samples below the true
 * quantile), rounded outwards and clamped to the sample.
 */

export interface QuantileInterval {
  /** Nearest-rank estimate (an observed value). */
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** Half the interval's width relative to the estimate: max(value − lo, hi − value) / value. */
  readonly relHalfWidth: number;
  /** How many samples lie strictly above the estimate's rank (the tail the percentile rests on). */
  readonly beyond: number;
}

/** Distribution-free CI of the q-quantile (0 < q < 1) of ascending `sorted`; z = 1.96 for 95 %. */
export function quantileInterval(sorted: ArrayLike<number>, q: number, z = 1.96): QuantileInterval {
  const n = sorted.length;
  if (!(q > 0 && q < 1)) throw new RangeError(`invalid quantile: ${q} (expected 0 < q < 1)`);
  if (n === 0) return { value: NaN, lo: NaN, hi: NaN, relHalfWidth: NaN, beyond: 0 };
  const rank = Math.max(1, Math.ceil(q * n)); // 1-based nearest rank
  const spread = z * Math.sqrt(n * q * (1 - q));
  const loRank = Math.max(1, Math.floor(n * q - spread));
  const hiRank = Math.min(n, Math.ceil(n * q + spread) + 1);
  const value = sorted[rank - 1], lo = sorted[loRank - 1], hi = sorted[hiRank - 1];
  return { value, lo, hi, relHalfWidth: Math.max(value - lo, hi - value) / value, beyond: n - rank };
}

export interface AdaptiveBatchOptions {
  /** Calls per timed batch (K). */
  readonly batchSize: number;
  /** Batches always timed, whatever the tolerance says. */
  readonly minBatches: number;
  /** Cap: sampling stops here even if the tolerance is not met. */
  readonly maxBatches: number;
  /** The percentile (0 < q < 1) whose CI decides when to stop, e.g. 0.95. */
  readonly quantile: number;
  /** Stop once the CI's relative half-width is ≤ this (e.g. 0.1 for ±10 %). */
  readonly relTolerance: number;
  /**
   * Also stop once the CI's upper end is ≤ this (ms per call): the percentile is then known to lie far below
   * the threshold a verdict compares it with, and more precision could not change that comparison.
   */
  readonly settledBelowMs?: number;
  /** Likewise, stop once the CI's lower end is ≥ this (ms per call): known to lie far above the threshold. */
  readonly settledAboveMs?: number;
  /** Check the rule every this many batches (default 50). */
  readonly checkEvery?: number;
}

export interface AdaptiveBatchResult {
  /** Per-call latency of every batch (Δt / K, ms), ascending. */
  readonly perCallMs: Float64Array;
  readonly batches: number;
  readonly batchSize: number;
  readonly totalMs: number;
  readonly minBatchMs: number;
  /** The stopping statistic's CI at the end. */
  readonly interval: QuantileInterval;
  readonly stoppedBy: 'tolerance' | 'far below threshold' | 'far above threshold' | 'max batches';
}

/** `run(k)` performs k calls; it is called once untimed (warm-up) with `batchSize`, then once per batch. */
export function timeBatchesAdaptive(run: (k: number) => void, opts: AdaptiveBatchOptions, now: () => number): AdaptiveBatchResult {
  const { batchSize, minBatches, maxBatches, quantile, relTolerance } = opts;
  const checkEvery = opts.checkEvery ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`invalid batchSize: ${batchSize} (expected integer ≥ 1)`);
  if (!Number.isInteger(minBatches) || minBatches < 1) throw new RangeError(`invalid minBatches: ${minBatches} (expected integer ≥ 1)`);
  if (!Number.isInteger(maxBatches) || maxBatches < minBatches) throw new RangeError(`invalid maxBatches: ${maxBatches} (expected integer ≥ minBatches = ${minBatches})`);
  if (!(relTolerance > 0)) throw new RangeError(`invalid relTolerance: ${relTolerance} (expected > 0)`);
  run(batchSize);
  const samples = new Float64Array(maxBatches);
  let n = 0, totalMs = 0, minBatchMs = Infinity;
  let stoppedBy: AdaptiveBatchResult['stoppedBy'] = 'max batches';
  while (n < maxBatches) {
    const t0 = now();
    run(batchSize);
    const dt = now() - t0;
    totalMs += dt;
    if (dt < minBatchMs) minBatchMs = dt;
    samples[n++] = dt / batchSize;
    if (n >= minBatches && (n - minBatches) % checkEvery === 0) {
      const iv = quantileInterval(samples.slice(0, n).sort(), quantile);
      if (iv.relHalfWidth <= relTolerance) {
        stoppedBy = 'tolerance';
        break;
      }
      if (opts.settledBelowMs !== undefined && iv.hi <= opts.settledBelowMs) {
        stoppedBy = 'far below threshold';
        break;
      }
      if (opts.settledAboveMs !== undefined && iv.lo >= opts.settledAboveMs) {
        stoppedBy = 'far above threshold';
        break;
      }
    }
  }
  const perCallMs = samples.slice(0, n).sort();
  return { perCallMs, batches: n, batchSize, totalMs, minBatchMs, interval: quantileInterval(perCallMs, quantile), stoppedBy };
}
