import { checkBinary, checkNonEmpty, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';

/** Default clip: forecasts are clamped to [1e-15, 1 − 1e-15] (as scikit-learn did), so one p = 0 miss costs ln(1e15) ≈ 34.5 nats, not ∞. */
export const LOG_LOSS_CLIP = 1e-15;

/** Mean negative log-likelihood (nats) of binary outcomes under forecasts clipped to [clip, 1 − clip]. */
export function logLoss(forecasts: NumArray, outcomes: NumArray, clip = LOG_LOSS_CLIP): number {
  const perBar = logLossPerBar(forecasts, outcomes, clip);
  let s = 0;
  for (let i = 0; i < perBar.length; i++) s += perBar[i];
  return s / perBar.length;
}

/**
 * Per-bar log loss (nats) under forecasts clipped to [clip, 1 − clip]: −ln p on up bars, −ln(1 − p) on down
 * bars. Its mean is `logLoss`; paired tests (bootstrap, Diebold–Mariano) need the per-bar series.
 */
export function logLossPerBar(forecasts: NumArray, outcomes: NumArray, clip = LOG_LOSS_CLIP): Float64Array {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkNonEmpty(forecasts, 'forecasts');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  if (!(clip >= 0 && clip < 0.5)) throw new RangeError(`invalid clip: ${clip} (expected 0 ≤ clip < 0.5)`);
  const out = new Float64Array(forecasts.length);
  for (let i = 0; i < forecasts.length; i++) {
    const f = Math.min(1 - clip, Math.max(clip, forecasts[i]));
    out[i] = -(outcomes[i] === 1 ? Math.log(f) : Math.log1p(-f));
  }
  return out;
}
