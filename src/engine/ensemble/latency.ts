/**
 * Per-decision latency by batch timing: K decisions are timed together and latency = Δt / K, so a
 * timer with resolution τ contributes an error of at most τ / Δt per batch (relative). Choose K so that
 * Δt ≫ τ (browsers coarsen performance.now() to 5–100 µs; Node's tick is ~30–40 ns): percentiles of
 * batch means are smoother than true per-call percentiles, and this is stated with the result.
 */
import type { Predictor } from './types';
import { decide, type DecisionConfig, type PositionState } from './decision';

export interface LatencyOptions {
  readonly batches: number;
  readonly batchSize: number;
  /** Untimed warm-up decisions before measuring (JIT), default batchSize. */
  readonly warmupDecisions?: number;
  readonly positionState?: PositionState;
  readonly config?: DecisionConfig;
}

export interface LatencyResult {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly decisionsPerSec: number;
  readonly batches: number;
  readonly batchSize: number;
  /** Smallest non-zero step seen between consecutive clock reads (an estimate of the timer tick τ). */
  readonly timerResolutionMs: number;
  /** Shortest batch duration; if it is below ~20τ the figures are resolution-limited. */
  readonly minBatchMs: number;
  readonly resolutionLimited: boolean;
  readonly note: string;
}

// One quantile implementation for the engine (type 7, linear interpolation): the stats module's.
export { quantileSorted } from '../stats/calibration';
import { quantileSorted } from '../stats/calibration';

function estimateTick(now: () => number): number {
  let best = Infinity;
  for (let k = 0; k < 20; k++) {
    const a = now();
    let b = now();
    for (let spins = 0; b === a && spins < 1e5; spins++) b = now();
    if (b > a && b - a < best) best = b - a;
  }
  return best;
}

export function measureDecisionLatency(
  aggregator: Predictor,
  inputs: readonly ArrayLike<number>[],
  options: LatencyOptions,
  now: () => number,
): LatencyResult {
  const { batches, batchSize, positionState = { side: 0 }, config } = options;
  if (!Number.isInteger(batches) || batches < 1) throw new RangeError(`invalid batches: ${batches} (expected integer ≥ 1)`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`invalid batchSize: ${batchSize} (expected integer ≥ 1)`);
  if (inputs.length < 1) throw new RangeError(`invalid inputs.length: 0 (expected ≥ 1 row of member probabilities)`);
  const warmup = options.warmupDecisions ?? batchSize;
  const noClock = (): number => 0; // the per-call latency field is not needed inside a timed batch
  let k = 0;
  for (let i = 0; i < warmup; i++) { decide({ probs: inputs[k], positionState, aggregator, config }, noClock); k = (k + 1) % inputs.length; }
  const perDecision = new Float64Array(batches);
  let totalMs = 0, minBatchMs = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = now();
    for (let i = 0; i < batchSize; i++) {
      decide({ probs: inputs[k], positionState, aggregator, config }, noClock);
      k = (k + 1) % inputs.length;
    }
    const dt = now() - t0;
    totalMs += dt;
    if (dt < minBatchMs) minBatchMs = dt;
    perDecision[b] = dt / batchSize;
  }
  perDecision.sort();
  const tick = estimateTick(now);
  const resolutionLimited = !(minBatchMs >= 20 * tick);
  return {
    p50Ms: quantileSorted(perDecision, 0.5),
    p95Ms: quantileSorted(perDecision, 0.95),
    p99Ms: quantileSorted(perDecision, 0.99),
    meanMs: totalMs / (batches * batchSize),
    decisionsPerSec: totalMs > 0 ? (batches * batchSize) / (totalMs / 1000) : Infinity,
    batches, batchSize,
    timerResolutionMs: tick,
    minBatchMs,
    resolutionLimited,
    note: `batch means of ${batchSize} decisions; percentiles are over ${batches} batches (smoother than per-call tails); timer tick ≈ ${tick.toPrecision(2)} ms${resolutionLimited ? ', resolution-limited: increase batchSize' : ''}`,
  };
}
