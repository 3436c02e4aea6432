import { summarizeLateness, type LatenessSummary } from './summarizeLateness';
import { quantileInterval } from './adaptiveBatches';

/**
 * A scheduler adapter: run `cb` after about `delayMs`. setTimeout honours the delay; a
 * MessageChannel self-post or requestAnimationFrame ignore it, in which case the loop simply
 * polls (re-schedules) until the tick's target time has passed.
 */
export type Scheduler = (cb: () => void, delayMs: number) => void;

export interface TickOptions {
  ticks: number;
  periodMs: number;
  /**
   * 'chained': each tick aims at the absolute target t0 + k·period, so lateness does not accumulate
   *   unless the scheduler cannot keep up.
   * 'naive': each tick waits `period` after the previous one fired (setTimeout(f, period) in a loop),
   *   so per-tick lateness accumulates into drift against t0 + k·period.
   */
  mode: 'chained' | 'naive';
  /** A callback arriving at most this early counts as the tick (negative lateness); default 0. */
  acceptEarlyMs?: number;
  /** Checked between callbacks; when set the promise rejects with "aborted". */
  signal?: { readonly aborted: boolean };
  /**
   * A stopping rule for schedulers that are far too coarse: after `minTicks` ticks, and then every `checkEvery`
   * (default 50), the distribution-free 95 % CI of the `quantile` of |lateness| (order statistics, see
   * quantileInterval) is computed, and timing stops once its lower end is ≥ `aboveMs`: the scheduler is then
   * known to miss any target that far below, and more ticks cannot change that. Otherwise all `ticks` run.
   */
  settledAbove?: { minTicks: number; quantile: number; aboveMs: number; checkEvery?: number };
}

export interface TickLateness extends LatenessSummary {
  /** lateness[k−1] = actual time of tick k − (t0 + k·period), ms. */
  latenessMs: Float64Array;
  /** Callbacks that arrived before their target and were re-scheduled. */
  earlyWakeups: number;
  /** Why timing stopped: all ticks ran, or the `settledAbove` rule held (then fewer ticks, n < ticks). */
  stoppedBy: 'ticks' | 'settled above';
}

export function measureTickLateness(
  schedule: Scheduler,
  now: () => number,
  { ticks, periodMs, mode, acceptEarlyMs = 0, signal, settledAbove }: TickOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<TickLateness> {
  if (!(Number.isInteger(ticks) && ticks >= 1 && ticks <= 1_000_000)) throw new RangeError(`invalid ticks: ${ticks} (expected an integer 1–1000000)`);
  if (!(periodMs > 0 && periodMs <= 60_000)) throw new RangeError(`invalid periodMs: ${periodMs} (expected 0–60000 ms)`);
  if (mode !== 'chained' && mode !== 'naive') throw new RangeError(`invalid mode: ${String(mode)} (expected 'chained' or 'naive')`);
  if (!(acceptEarlyMs >= 0)) throw new RangeError(`invalid acceptEarlyMs: ${acceptEarlyMs} (expected ≥ 0)`);
  const settle = settledAbove ? { checkEvery: 50, ...settledAbove } : null;
  if (settle) {
    if (!(Number.isInteger(settle.minTicks) && settle.minTicks >= 1)) throw new RangeError(`invalid settledAbove.minTicks: ${settle.minTicks} (expected an integer ≥ 1)`);
    if (!(Number.isInteger(settle.checkEvery) && settle.checkEvery >= 1)) throw new RangeError(`invalid settledAbove.checkEvery: ${settle.checkEvery} (expected an integer ≥ 1)`);
    if (!(settle.aboveMs > 0)) throw new RangeError(`invalid settledAbove.aboveMs: ${settle.aboveMs} (expected > 0)`);
  }
  const latenessMs = new Float64Array(ticks);
  // Sorting ≤ a few thousand values takes well under a tick's period; it runs right after a tick, not before one.
  const settledAt = (n: number): boolean => {
    if (!settle || n < settle.minTicks || (n - settle.minTicks) % settle.checkEvery !== 0) return false;
    const abs = Float64Array.from(latenessMs.subarray(0, n), Math.abs).sort();
    return quantileInterval(abs, settle.quantile).lo >= settle.aboveMs;
  };
  const progressEvery = Math.max(1, Math.floor(ticks / 100));
  return new Promise<TickLateness>((resolve, reject) => {
    const t0 = now();
    let k = 1;
    let earlyWakeups = 0;
    // Where the current tick aims: absolute for 'chained', previous fire + period for 'naive'.
    let target = t0 + periodMs;
    const tick = () => {
      try {
        if (signal?.aborted) {
          reject(new Error('aborted'));
          return;
        }
        const t = now();
        if (t < target - acceptEarlyMs) {
          earlyWakeups++;
          schedule(tick, target - t);
          return;
        }
        latenessMs[k - 1] = t - (t0 + k * periodMs);
        if (onProgress && (k % progressEvery === 0 || k === ticks)) onProgress(k, ticks);
        const settled = k < ticks && settledAt(k);
        if (k === ticks || settled) {
          const timed = latenessMs.slice(0, k);
          resolve({ ...summarizeLateness(timed), latenessMs: timed, earlyWakeups, stoppedBy: settled ? 'settled above' : 'ticks' });
          return;
        }
        k++;
        target = mode === 'chained' ? t0 + k * periodMs : t + periodMs;
        schedule(tick, Math.max(0, target - now()));
      } catch (e) {
        reject(e);
      }
    };
    schedule(tick, periodMs);
  });
}
