/**
 * Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank ceil(p/100 · n) (1-based). It always returns an observed value, so a percentile is
 * never finer than the clock that measured it.
 */
export function percentileNearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`invalid percentile: ${p} (expected 0–100)`);
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[rank - 1];
}

/** Ordinary least-squares slope of y against its index k = 0…n−1 (NaN for fewer than 2 points). */
export function slopeVsIndex(y: ArrayLike<number>): number {
  const n = y.length;
  if (n < 2) return NaN;
  const kMean = (n - 1) / 2;
  let yMean = 0;
  for (let k = 0; k < n; k++) yMean += y[k];
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    const dk = k - kMean;
    sxy += dk * (y[k] - yMean);
    sxx += dk * dk;
  }
  return sxy / sxx;
}

export interface LatenessSummary {
  n: number;
  /** Nearest-rank percentiles of the signed lateness (ms). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  min: number;
  meanMs: number;
  /** Nearest-rank percentiles of |lateness| (ms): what jitter claims are about. */
  absP95: number;
  absP99: number;
  /** Least-squares slope of lateness against tick index k (ms per tick). */
  driftMsPerTick: number;
  /** Fitted change over the run: driftMsPerTick · (n − 1). */
  totalDriftMs: number;
}

export function summarizeLateness(latenessMs: ArrayLike<number>): LatenessSummary {
  const n = latenessMs.length;
  const sorted = Float64Array.from(latenessMs).sort();
  const abs = Float64Array.from(latenessMs, Math.abs).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += latenessMs[i];
  const drift = slopeVsIndex(latenessMs);
  return {
    n,
    p50: percentileNearestRank(sorted, 50),
    p95: percentileNearestRank(sorted, 95),
    p99: percentileNearestRank(sorted, 99),
    max: n ? sorted[n - 1] : NaN,
    min: n ? sorted[0] : NaN,
    meanMs: n ? sum / n : NaN,
    absP95: percentileNearestRank(abs, 95),
    absP99: percentileNearestRank(abs, 99),
    driftMsPerTick: drift,
    totalDriftMs: n >= 2 ? drift * (n - 1) : NaN,
  };
}

export interface AbsLatenessPoint {
  /** Percentile 0–100 of the ticks. */
  percentile: number;
  /** Nearest-rank |lateness| at that percentile (ms), never below the floor. */
  absMs: number;
  /** True where the measured value was below the floor (the clock could not resolve it). */
  floored: boolean;
}

/**
 * The |lateness| quantile curve of one scheduler, for a chart with a log lateness axis: `points` evenly spaced
 * percentiles from 0 to 100, nearest rank. Values below `floorMs` (the clock resolution: a 0 means "less than
 * one clock step", and would vanish from a log axis) are drawn at the floor and flagged.
 */
export function absLatenessQuantiles(latenessMs: ArrayLike<number>, { floorMs, points = 101 }: { floorMs: number; points?: number }): AbsLatenessPoint[] {
  if (!(floorMs > 0 && Number.isFinite(floorMs))) throw new RangeError(`invalid floorMs: ${floorMs} (expected a finite value > 0)`);
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`invalid points: ${points} (expected an integer ≥ 2)`);
  if (latenessMs.length === 0) return [];
  const abs = Float64Array.from(latenessMs, Math.abs).sort();
  const out: AbsLatenessPoint[] = [];
  for (let k = 0; k < points; k++) {
    const percentile = (100 * k) / (points - 1);
    const v = percentileNearestRank(abs, percentile);
    out.push({ percentile, absMs: Math.max(v, floorMs), floored: v < floorMs });
  }
  return out;
}
