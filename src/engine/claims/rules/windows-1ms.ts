/**
 * Rule for "1 ms cycles" (claim windows-1ms): a chained P-ms tick loop keeps p95|lateness| < P and
 * |drift| < 1 % of P per tick.
 *  - lateness is resolved when P > 20τ; the drift threshold is resolved when it would add up over the run
 *    to more than 20τ (0.01·P·(n−1) > 20τ): a fitted slope over many ticks is far finer than one reading;
 *  - refuted if p95 ≥ P + τ, or (lateness resolved and p95 ≥ P), or (drift resolved and |drift| ≥ 1 % P);
 *  - supported if both parts pass and both are resolved; otherwise not measurable here.
 * Judged on the best scheduler the page measured (headline) and on the ordinary timer (setTimeout, the
 * analogue of the roadmap's sleep-based loop).
 */
import { MIN_TICKS_FOR_P99 } from '../../timing/resolution';
import type { RuleResult } from '../verdict';
import { us } from './sync-jitter-10us';

export interface CycleFigures {
  /** p95 of |lateness| (ms). */
  readonly absP95: number;
  readonly driftMsPerTick: number;
  readonly n: number;
  readonly periodMs: number;
  readonly resolutionMs: number;
}

export function ruleCycles({ absP95, driftMsPerTick, n, periodMs: P, resolutionMs: tau }: CycleFigures): RuleResult {
  const driftLimit = 0.01 * P;
  const head = `period P = ${us(P)}, p95 |lateness| = ${us(absP95)}, drift = ${us(driftMsPerTick)}/tick (limit ${us(driftLimit)}/tick) over ${n} ticks, clock τ = ${us(tau)}`;
  if (!(n >= MIN_TICKS_FOR_P99)) return { verdict: 'not measurable here', rule: `${head}: insufficient data, need at least ${MIN_TICKS_FOR_P99} ticks` };
  if (!Number.isFinite(absP95) || !Number.isFinite(driftMsPerTick)) return { verdict: 'not measurable here', rule: `${head}: insufficient data, missing figures` };
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

export interface SchedulerCycles {
  readonly scheduler: string;
  readonly absP95: number;
  readonly driftMsPerTick: number;
  readonly n: number;
  readonly available?: boolean;
}

export interface Windows1msFigures {
  readonly schedulers: readonly SchedulerCycles[];
  readonly periodMs: number;
  readonly resolutionMs: number;
}

const ran = (f: Windows1msFigures): SchedulerCycles[] => f.schedulers.filter((s) => s.available !== false && Number.isFinite(s.absP95));

/** The scheduler with the lowest p95 |lateness| among those that ran. */
export function bestCycleScheduler(f: Windows1msFigures): SchedulerCycles | undefined {
  return ran(f).reduce<SchedulerCycles | undefined>((b, s) => (!b || s.absP95 < b.absP95 ? s : b), undefined);
}

function judgeOn(f: Windows1msFigures, s: SchedulerCycles | undefined, what: string): RuleResult {
  if (!s) return { verdict: 'not measurable here', rule: `${what}: no such scheduler ran (${f.schedulers.map((x) => x.scheduler).join(', ')})` };
  const r = ruleCycles({ absP95: s.absP95, driftMsPerTick: s.driftMsPerTick, n: s.n, periodMs: f.periodMs, resolutionMs: f.resolutionMs });
  return { verdict: r.verdict, rule: `${what} (${s.scheduler}): ${r.rule}` };
}

export function ruleWindowsBestScheduler(f: Windows1msFigures): RuleResult {
  return judgeOn(f, bestCycleScheduler(f), `best scheduler measured, of ${f.schedulers.length}`);
}

export function ruleWindowsTimer(f: Windows1msFigures): RuleResult {
  return judgeOn(f, ran(f).find((s) => s.scheduler === 'setTimeout'), 'the ordinary timer, like a sleep-based loop');
}
