/**
 * Calibration slope and intercept (Cox 1958): the logistic regression logit P(y = 1) = a + b·logit(p)
 * of outcomes on the forecasts' log-odds. A calibrated forecast has a = 0 and b = 1; b < 1 means
 * over-confident (probabilities too far from 0.5), b > 1 under-confident, a ≠ 0 a biased base rate.
 * Unlike binned ECE it needs no bins, so it works when every forecast lies in 0.43–0.59.
 * Log-odds use the aggregators' clipped logit (ensemble/math.ts: p clipped to [1e-6, 1 − 1e-6]), so a
 * forecast of exactly 0 or 1 (a unanimous vote share) enters at ±13.8 on both sides of the comparison.
 */
import { logit } from '../ensemble/math.ts';
import { checkBinary, checkOpenUnit, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';
import { normalInv } from './distributions.ts';

export interface CalibrationSlopeResult {
  intercept: number;
  slope: number;
  /** Wald intervals at `confidence` from the inverse Fisher information. */
  interceptLower: number;
  interceptUpper: number;
  slopeLower: number;
  slopeUpper: number;
  interceptSe: number;
  slopeSe: number;
  n: number;
  converged: boolean;
  /** Why the fit is undefined (NaN figures), e.g. constant forecasts; empty when fine. */
  reason: string;
}

export function calibrationSlope(forecasts: NumArray, outcomes: NumArray, confidence = 0.95): CalibrationSlopeResult {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  checkOpenUnit(confidence, 'confidence');
  const n = forecasts.length;
  const x = new Float64Array(n);
  let xMin = Infinity, xMax = -Infinity, k = 0;
  for (let i = 0; i < n; i++) { x[i] = logit(forecasts[i]); xMin = Math.min(xMin, x[i]); xMax = Math.max(xMax, x[i]); k += outcomes[i]; }
  const undefinedFit = (reason: string): CalibrationSlopeResult => ({
    intercept: NaN, slope: NaN, interceptLower: NaN, interceptUpper: NaN, slopeLower: NaN, slopeUpper: NaN,
    interceptSe: NaN, slopeSe: NaN, n, converged: false, reason,
  });
  if (n < 3) return undefinedFit('fewer than 3 forecasts');
  if (!(xMax - xMin > 1e-9)) return undefinedFit('constant forecast: no slope to fit');
  if (k === 0 || k === n) return undefinedFit('outcomes all equal: no slope to fit');
  // Newton on the log-likelihood, 2 parameters; start from the base rate.
  let a = Math.log(k / (n - k)), b = 0, converged = false;
  let h00 = 0, h01 = 0, h11 = 0;
  for (let it = 0; it < 100; it++) {
    let g0 = 0, g1 = 0;
    h00 = 0; h01 = 0; h11 = 0;
    for (let i = 0; i < n; i++) {
      const z = a + b * x[i];
      const mu = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const r = outcomes[i] - mu, w = mu * (1 - mu);
      g0 += r; g1 += r * x[i];
      h00 += w; h01 += w * x[i]; h11 += w * x[i] * x[i];
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) break;
    const da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det;
    a += da; b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return undefinedFit('separable outcomes: the fit diverges');
    if (Math.abs(da) < 1e-12 * (1 + Math.abs(a)) && Math.abs(db) < 1e-12 * (1 + Math.abs(b))) { converged = true; break; }
  }
  const det = h00 * h11 - h01 * h01;
  const seA = Math.sqrt(h11 / det), seB = Math.sqrt(h00 / det);
  const z = normalInv(1 - (1 - confidence) / 2);
  return {
    intercept: a, slope: b, interceptSe: seA, slopeSe: seB,
    interceptLower: a - z * seA, interceptUpper: a + z * seA, slopeLower: b - z * seB, slopeUpper: b + z * seB,
    n, converged, reason: converged ? '' : 'Newton did not converge in 100 steps',
  };
}
