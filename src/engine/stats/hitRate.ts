import { checkBinary, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';
import { wilsonInterval } from './wilson.ts';

/**
 * Outputs within this distance of 0.5 are "no call": a parity circuit's 0.5 ± 1e-16 is rounding, not a
 * direction. Every directional count (hit rate, McNemar, backtest entries) uses the same band.
 */
export const NO_CALL_BAND = 1e-9;

/** The call of a probability forecast: 1 up, −1 down, 0 no call (within NO_CALL_BAND of 0.5). */
export function callOf(p: number): -1 | 0 | 1 {
  return p > 0.5 + NO_CALL_BAND ? 1 : p < 0.5 - NO_CALL_BAND ? -1 : 0;
}

export interface HitRateResult {
  hits: number;
  /** Number of directional calls (|forecast − 0.5| > NO_CALL_BAND). */
  n: number;
  /** Forecasts within NO_CALL_BAND of 0.5: no call, not counted as hit or miss. */
  abstained: number;
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Directional hit rate of probability forecasts: the call is "up" when p > 0.5, "down" when p < 0.5;
 * p within NO_CALL_BAND (1e-9) of 0.5 abstains. A hit is a call that matches the binary outcome. Wilson interval at `confidence`.
 */
export function hitRate(forecasts: NumArray, outcomes: NumArray, confidence = 0.95): HitRateResult {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  let hits = 0, n = 0, abstained = 0;
  for (let i = 0; i < forecasts.length; i++) {
    const c = callOf(forecasts[i]);
    if (c === 0) { abstained++; continue; }
    n++;
    if ((c > 0 ? 1 : 0) === outcomes[i]) hits++;
  }
  const ci = wilsonInterval(hits, n, confidence);
  return { hits, n, abstained, rate: ci.estimate, lower: ci.lower, upper: ci.upper };
}
