import { checkBinary, checkNonEmpty, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';

/** Brier score (1/N)·Σ(f_i − o_i)² for probability forecasts f and binary outcomes o. */
export function brierScore(forecasts: NumArray, outcomes: NumArray): number {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkNonEmpty(forecasts, 'forecasts');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  let s = 0;
  for (let i = 0; i < forecasts.length; i++) {
    const d = forecasts[i] - outcomes[i];
    s += d * d;
  }
  return s / forecasts.length;
}

/** Per-bar squared error (f_i − o_i)²; its mean is `brierScore`. Paired tests need the per-bar series. */
export function brierPerBar(forecasts: NumArray, outcomes: NumArray): Float64Array {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkNonEmpty(forecasts, 'forecasts');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  return Float64Array.from(forecasts, (f, i) => (f - outcomes[i]) ** 2);
}

/** Brier score of the constant forecast p when the event rate is h: h(1 − p)² + (1 − h)p². */
export function constantForecastBrier(p: number, h: number): number {
  return h * (1 - p) * (1 - p) + (1 - h) * p * p;
}
