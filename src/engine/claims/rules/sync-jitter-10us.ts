/**
 * Rule for "Timing synchronization <10μs jitter achieved" (claim sync-jitter-10us).
 *
 * Convention: a claim that something is *smaller* than T can only be supported when T itself is well
 * resolved by the clock (T > 20τ). It can still be *refuted* on a coarse clock when the measured value
 * exceeds T by more than one tick (v ≥ T + τ): a difference of two readings is off by less than τ.
 *  - supported iff p99|lateness| < T and T > 20τ;
 *  - refuted iff p99 ≥ T + τ, or T > 20τ and p99 ≥ T;
 *  - not measurable here otherwise, or with fewer than MIN_TICKS_FOR_P99 ticks.
 * What is measured is a browser event loop; the real-time-thread reading is stated next to it.
 */
import { MIN_TICKS_FOR_P99 } from '../../timing/resolution';
import type { RuleResult } from '../verdict';

export const us = (ms: number): string => (Number.isFinite(ms) ? `${+(ms * 1000).toPrecision(4)} µs` : String(ms));

export interface JitterFigures {
  /** p99 of |lateness| (ms). */
  readonly absP99: number;
  readonly n: number;
  /** Clock granularity τ (ms). */
  readonly resolutionMs: number;
}

export function ruleJitterBelow({ absP99, n, resolutionMs: tau }: JitterFigures, thresholdMs = 0.01): RuleResult {
  const T = thresholdMs;
  const head = `p99 |lateness| = ${us(absP99)} over ${n} ticks, threshold T = ${us(T)}, clock τ = ${us(tau)}, 20τ = ${us(20 * tau)}`;
  if (!(n >= MIN_TICKS_FOR_P99)) return { verdict: 'not measurable here', rule: `${head}: insufficient data, need at least ${MIN_TICKS_FOR_P99} ticks for a p99` };
  if (!Number.isFinite(absP99)) return { verdict: 'not measurable here', rule: `${head}: insufficient data, no lateness figure` };
  if (absP99 >= T + tau) return { verdict: 'refuted', rule: `${head}: p99 ≥ T + τ (${us(T + tau)}), so the jitter is above T even allowing one clock tick of error` };
  const resolved = T > 20 * tau;
  if (!resolved) return { verdict: 'not measurable here', rule: `${head}: T ≤ 20τ, so this clock cannot show jitter below T (and p99 < T + τ does not refute it); cross-origin isolation gives a finer clock` };
  if (absP99 < T) return { verdict: 'supported', rule: `${head}: p99 < T and T > 20τ` };
  return { verdict: 'refuted', rule: `${head}: p99 ≥ T with T > 20τ` };
}

export interface SchedulerJitter {
  readonly scheduler: string;
  readonly absP99: number;
  readonly n: number;
  /** False when the scheduler could not run (a hidden tab gets no animation frames). */
  readonly available?: boolean;
}

export interface SyncJitterFigures {
  readonly schedulers: readonly SchedulerJitter[];
  readonly resolutionMs: number;
  /** Default 10 µs = 0.01 ms. */
  readonly thresholdMs?: number;
}

/** The scheduler with the lowest p99 |lateness| among those that ran. */
export function bestJitterScheduler(f: SyncJitterFigures): SchedulerJitter | undefined {
  return f.schedulers.filter((s) => s.available !== false && Number.isFinite(s.absP99)).reduce<SchedulerJitter | undefined>((b, s) => (!b || s.absP99 < b.absP99 ? s : b), undefined);
}

/** Reading (a): what was measured, a browser event loop, on the best scheduler the page measured. */
export function ruleSyncJitterEventLoop(f: SyncJitterFigures): RuleResult {
  const best = bestJitterScheduler(f);
  if (!best) return { verdict: 'not measurable here', rule: `no scheduler ran (${f.schedulers.map((s) => s.scheduler).join(', ')}), so no jitter was measured` };
  const r = ruleJitterBelow({ absP99: best.absP99, n: best.n, resolutionMs: f.resolutionMs }, f.thresholdMs ?? 0.01);
  return { verdict: r.verdict, rule: `measured on a browser event loop, best scheduler (${best.scheduler}) of ${f.schedulers.length}: ${r.rule}` };
}

/**
 * Reading (b): a dedicated real-time thread, which is what a trading system would use for sub-10 µs
 * synchronisation. A page can neither run nor time one, so this reading is not measurable here; the rule
 * cites the stated limits (Linux timer slack) and what the page's clock can resolve.
 */
export function ruleSyncJitterRealTimeThread(f: SyncJitterFigures): RuleResult {
  const T = f.thresholdMs ?? 0.01;
  return {
    verdict: 'not measurable here',
    rule: `a browser cannot run or time a real-time thread. Stated limits: Linux's default timer slack is 50 µs (man PR_SET_TIMERSLACK), so an ordinary thread's timers may fire ` +
      `${fmtRatio(0.05 / T)}× the ${us(T)} budget late; sub-10 µs jitter needs a real-time scheduling class (SCHED_FIFO, PREEMPT_RT) with tuning, which the roadmap does not mention. ` +
      `This page's clock ticks every ${us(f.resolutionMs)} (20τ = ${us(20 * f.resolutionMs)})`,
  };
}

function fmtRatio(x: number): string {
  return String(Number(x.toPrecision(3)));
}
