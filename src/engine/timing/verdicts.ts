/**
 * Verdict rules for the timing claims, as pure functions of measured figures. Each returns the
 * verdict and the rule with the numbers substituted, so the notebook shows exactly why.
 *
 * Resolution convention (project-wide): a value v measured with a clock of granularity τ is
 * "resolution-limited" when v < 20τ; a claim that something is *smaller* than a threshold T can
 * only be supported when T itself is well resolved (T > 20τ). A claim can still be *refuted* on a
 * coarse clock when the measured value exceeds T by more than one tick (v ≥ T + τ): a difference
 * of two readings is off by less than τ, so the true value is then certainly above T.
 */
export type Verdict = 'supported' | 'refuted' | 'not measurable here' | 'insufficient data';

export interface VerdictResult {
  verdict: Verdict;
  rule: string;
}

/** True when `valueMs` is too close to the clock granularity to be trusted: value < 20·τ. */
export function resolutionLimited(valueMs: number, resolutionMs: number): boolean {
  return !(valueMs >= 20 * resolutionMs);
}

/** Below this many ticks a p99 rests on a single sample or none. */
export const MIN_TICKS_FOR_P99 = 100;

const us = (ms: number) => (Number.isFinite(ms) ? `${+(ms * 1000).toPrecision(4)} µs` : String(ms));

export interface JitterFigures {
  /** p99 of |lateness| (ms). */
  absP99: number;
  n: number;
  /** Clock granularity τ (ms). */
  resolutionMs: number;
}

/**
 * "<10 µs synchronization jitter" (or any threshold): supported iff p99|lateness| < T and
 * T > 20τ; refuted iff p99 ≥ T + τ (certainly above T whatever the clock), or T > 20τ and p99 ≥ T;
 * otherwise not measurable here. Needs at least MIN_TICKS_FOR_P99 ticks.
 */
export function verdictJitterBelow({ absP99, n, resolutionMs: tau }: JitterFigures, thresholdMs = 0.01): VerdictResult {
  const T = thresholdMs;
  const head = `p99 |lateness| = ${us(absP99)} over ${n} ticks, threshold T = ${us(T)}, clock τ = ${us(tau)}, 20τ = ${us(20 * tau)}`;
  if (!(n >= MIN_TICKS_FOR_P99)) return { verdict: 'insufficient data', rule: `${head}: need at least ${MIN_TICKS_FOR_P99} ticks for a p99` };
  if (!Number.isFinite(absP99)) return { verdict: 'insufficient data', rule: `${head}: no lateness figure` };
  if (absP99 >= T + tau) return { verdict: 'refuted', rule: `${head}: p99 ≥ T + τ (${us(T + tau)}), so the jitter is above T even allowing one clock tick of error` };
  const resolved = T > 20 * tau;
  if (!resolved) return { verdict: 'not measurable here', rule: `${head}: T ≤ 20τ, so this clock cannot show jitter below T (and p99 < T + τ does not refute it); cross-origin isolation gives a finer clock` };
  if (absP99 < T) return { verdict: 'supported', rule: `${head}: p99 < T and T > 20τ` };
  return { verdict: 'refuted', rule: `${head}: p99 ≥ T with T > 20τ` };
}

export interface CycleFigures {
  /** p95 of |lateness| (ms). */
  absP95: number;
  driftMsPerTick: number;
  n: number;
  periodMs: number;
  resolutionMs: number;
}

/**
 * "P ms cycles" (default 1 ms): a chained P-ms tick loop keeps p95|lateness| < P and
 * |drift| < 1 % of P per tick.
 *  - lateness is resolved when P > 20τ; the drift threshold is resolved when it would add up over
 *    the run to more than 20τ (0.01·P·(n−1) > 20τ): a fitted slope over many ticks is far finer
 *    than one reading;
 *  - refuted if p95 ≥ P + τ, or (lateness resolved and p95 ≥ P), or (drift resolved and |drift| ≥ 1 % P);
 *  - supported if both parts pass and both are resolved; otherwise not measurable here.
 */
export function verdictCycles({ absP95, driftMsPerTick, n, periodMs: P, resolutionMs: tau }: CycleFigures): VerdictResult {
  const driftLimit = 0.01 * P;
  const head = `period P = ${us(P)}, p95 |lateness| = ${us(absP95)}, drift = ${us(driftMsPerTick)}/tick (limit ${us(driftLimit)}/tick) over ${n} ticks, clock τ = ${us(tau)}`;
  if (!(n >= MIN_TICKS_FOR_P99)) return { verdict: 'insufficient data', rule: `${head}: need at least ${MIN_TICKS_FOR_P99} ticks` };
  if (!Number.isFinite(absP95) || !Number.isFinite(driftMsPerTick)) return { verdict: 'insufficient data', rule: `${head}: missing figures` };
  const lateResolved = P > 20 * tau;
  const driftResolved = driftLimit * (n - 1) > 20 * tau;
  const driftBad = Math.abs(driftMsPerTick) >= driftLimit;
  if (absP95 >= P + tau) return { verdict: 'refuted', rule: `${head}: p95 ≥ P + τ, ticks are late by more than a period` };
  if (lateResolved && absP95 >= P) return { verdict: 'refuted', rule: `${head}: p95 ≥ P with P > 20τ` };
  if (driftResolved && driftBad) return { verdict: 'refuted', rule: `${head}: |drift| ≥ 1 % of P per tick, and that adds up to more than 20τ over the run` };
  if (lateResolved && driftResolved) return { verdict: 'supported', rule: `${head}: p95 < P and |drift| < 1 % of P, both resolved (P > 20τ, drift limit × (n−1) > 20τ)` };
  const why = !lateResolved ? `P ≤ 20τ (${us(20 * tau)})` : `the drift limit adds up to only ${us(driftLimit * (n - 1))} ≤ 20τ over ${n} ticks; run more ticks`;
  return { verdict: 'not measurable here', rule: `${head}: ${why}` };
}
