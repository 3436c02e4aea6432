import { checkBinary, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';
import { wilsonInterval } from './wilson.ts';

export interface HitRateResult {
  hits: number;
  /** Number of directional calls (forecasts ≠ 0.5). */
  n: number;
  /** Forecasts exactly 0.5: no call, not counted as hit or miss. */
  abstained: number;
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Directional hit rate of probability forecasts: the call is "up" when p > 0.5, "down" when p < 0.5;
 * p = 0.5 abstains. A hit is a call that matches the binary outcome. Wilson interval at `confidence`.
 */
export function hitRate(forecasts: NumArray, outcomes: NumArray, confidence = 0.95): HitRateResult {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  let hits = 0, n = 0, abstained = 0;
  for (let i = 0; i < forecasts.length; i++) {
    const f = forecasts[i];
    if (f === 0.5) { abstained++; continue; }
    n++;
    if ((f > 0.5 ? 1 : 0) === outcomes[i]) hits++;
  }
  const ci = wilsonInterval(hits, n, confidence);
  return { hits, n, abstained, rate: ci.estimate, lower: ci.lower, upper: ci.upper };
}
