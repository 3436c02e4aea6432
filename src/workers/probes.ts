/**
 * Timer probes that must run where the timers are: on the page's main thread (what a trading UI or a
 * JS scheduler experiences), or in Node for the headless runner. The environment is passed in; measuring
 * and statistics are the pure timing engine's (src/engine/timing).
 */
import { probeClockResolution, measureTickLateness, summarizeLateness, type Scheduler, type TickOptions } from '../engine/timing/index';
import type { MainThreadFunction } from '../notebook/protocol';

export interface ProbeEnv {
  runtime: string;
  crossOriginIsolated: boolean;
  now(): number;
  setTimeout(cb: () => void, ms: number): void;
  MessageChannel?: typeof MessageChannel;
  requestAnimationFrame?: (cb: () => void) => void;
}

export type SchedulerKind = 'setTimeout' | 'MessageChannel' | 'requestAnimationFrame';

/** A scheduler that delivers nothing for this long is reported as unavailable instead of hanging the cell. */
const SILENCE_LIMIT_MS = 3000;

/** A probe's options object as a cell passed it (anything: it came through postMessage). */
function probeOptions(arg: unknown): Record<string, unknown> {
  return arg !== null && typeof arg === 'object' ? (arg as Record<string, unknown>) : {};
}

export function createProbes(env: ProbeEnv): Record<string, MainThreadFunction> {
  // Option values pass through unchanged: the timing engine range-checks them and names the bad one,
  // and an unknown scheduler kind is reported as unavailable.
  return {
    environment: () => ({ runtime: env.runtime, crossOriginIsolated: env.crossOriginIsolated }),

    clockResolution: (arg) => {
      const { samples, maxMs = 2000 } = probeOptions(arg);
      return probeClockResolution(env.now, { samples: samples as number, maxMs: maxMs as number });
    },

    async tickLateness(arg) {
      const opts = probeOptions(arg);
      const kind = opts.kind as SchedulerKind;
      const ticks = opts.ticks as number;
      const periodMs = opts.periodMs as number;
      const made = makeScheduler(env, kind);
      if (!made) return { kind, available: false, reason: `${kind} does not exist in ${env.runtime}`, latenessMs: new Float64Array(0), summary: { ...summarizeLateness([]), available: false } };
      let lastCallback = env.now();
      const signal = { aborted: false };
      const counted: Scheduler = (cb, ms) => made.schedule(() => ((lastCallback = env.now()), cb()), ms);
      const silence = new Promise<'silent'>((resolve) => {
        const check = () => (env.now() - lastCallback > SILENCE_LIMIT_MS ? resolve('silent') : signal.aborted || env.setTimeout(check, 250));
        env.setTimeout(check, 250);
      });
      try {
        // An optional stopping rule (settledAbove) for schedulers far too coarse for the target: see measureTickLateness.
        const settledAbove = opts.settledAbove as TickOptions['settledAbove'];
        const result = await Promise.race([measureTickLateness(counted, env.now, { ticks, periodMs, mode: 'chained', signal, ...(settledAbove ? { settledAbove } : {}) }), silence]);
        if (result === 'silent') return { kind, available: false, reason: `${kind} delivered no callback for ${SILENCE_LIMIT_MS / 1000} s (a hidden tab or a headless page gets no animation frames)`, latenessMs: new Float64Array(0), summary: { ...summarizeLateness([]), available: false } };
        const { latenessMs, earlyWakeups, ...summary } = result;
        return { kind, available: true, latenessMs, earlyWakeups, summary: { ...summary, available: true } };
      } finally {
        signal.aborted = true;
        made.close();
      }
    },
  };
}

function makeScheduler(env: ProbeEnv, kind: SchedulerKind): { schedule: Scheduler; close(): void } | null {
  switch (kind) {
    case 'setTimeout':
      return { schedule: (cb, ms) => env.setTimeout(cb, ms), close: () => {} };
    case 'MessageChannel': {
      if (!env.MessageChannel) return null;
      // Post to ourselves: the callback runs on the next turn of the event loop, with no timer clamping;
      // the engine re-posts until the tick's target time has passed.
      const channel = new env.MessageChannel();
      let pending: (() => void) | null = null;
      channel.port1.onmessage = () => {
        const cb = pending;
        pending = null;
        cb?.();
      };
      return {
        schedule: (cb) => {
          pending = cb;
          channel.port2.postMessage(0);
        },
        close: () => {
          channel.port1.close();
          channel.port2.close();
        },
      };
    }
    case 'requestAnimationFrame':
      if (!env.requestAnimationFrame) return null;
      return { schedule: (cb) => env.requestAnimationFrame!(cb), close: () => {} };
  }
}
