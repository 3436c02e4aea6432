import type { Ohlcv } from '../ohlcv';

/**
 * One of the 14 board members: a causal raw score per bar, later mapped to P(next bar closes up) by the one
 * shared walk-forward Platt mapping (probabilities.ts). Sign and scale of the raw score are free: the mapping
 * learns both from past bars only, so a contrarian reading is not hard-coded anywhere.
 */
export interface BoardMember {
  /** Stable id (serialised in share links; never rename without a migration). */
  readonly id: string;
  readonly title: string;
  /** 2–4 sentences: what it measures and why it might predict the next bar. */
  readonly rationale: string;
  /** Documented defaults (units in the names: …Bars). */
  readonly params: Readonly<Record<string, number>>;
  /** One line per parameter, for the UI. */
  readonly paramDocs: Readonly<Record<string, string>>;
  /**
   * Raw causal score at each bar t from bars ≤ t only; NaN during warm-up. Must not read `data.intervalMs`
   * (it is computed from the whole file).
   */
  signal(data: Ohlcv, params: Readonly<Record<string, number>>): Float64Array;
}

/** Reads an integer parameter and checks its range; the message names member, field and range. */
export function intParam(params: Readonly<Record<string, number>>, memberId: string, name: string, min: number, max: number): number {
  const v = params[name];
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`invalid ${memberId}.${name}: ${v} (expected an integer ${min}–${max})`);
  }
  return v;
}

/** Reads a real parameter and checks its range. */
export function realParam(params: Readonly<Record<string, number>>, memberId: string, name: string, min: number, max: number): number {
  const v = params[name];
  if (!(v >= min && v <= max)) throw new RangeError(`invalid ${memberId}.${name}: ${v} (expected ${min}–${max})`);
  return v;
}

/** Sets out[t] = NaN for t < n (warm-up). */
export function maskWarmup(out: Float64Array, n: number): Float64Array {
  for (let t = 0; t < Math.min(n, out.length); t++) out[t] = NaN;
  return out;
}

/** Upper bound for look-back parameters (a week of minutes; longer windows leave nothing to test on). */
export const MAX_LOOKBACK_BARS = 10_080;
