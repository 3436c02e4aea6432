/**
 * Resolution convention (project-wide): a value v measured with a clock of granularity τ is
 * "resolution-limited" when v < 20τ. The verdict rules that use it live with the claims
 * (src/engine/claims/rules/sync-jitter-10us.ts, windows-1ms.ts).
 */

/** True when `valueMs` is too close to the clock granularity to be trusted: value < 20·τ. */
export function resolutionLimited(valueMs: number, resolutionMs: number): boolean {
  return !(valueMs >= 20 * resolutionMs);
}

/** Below this many ticks a p99 rests on a single sample or none. */
export const MIN_TICKS_FOR_P99 = 100;
