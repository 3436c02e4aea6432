/**
 * Rule for "Real confidence values (0.6–0.95) replace 0.50 defaults" (claim real-confidence).
 *
 * One pre-declared candidate forecast (the notebook's default is logistic stacking, the classical
 * baseline) is judged out of sample on three conditions:
 *  - improves: its Brier gain over the causal base-rate forecaster (the past up-rate: what a forecaster knows
 *    without any member, a fairer default than a flat 0.50) is an effect that matters: Diebold–Mariano/HAC
 *    p (adjusted) < alpha, interval above 0, and gain ≥ minEffect (default 5e-5 per bar ≈ a calibrated
 *    0.7-point hit-rate edge);
 *  - calibrated: ECE over quantile bins ≤ eceMax (stated probabilities off by at most that much on average);
 *    the calibration slope and intercept with intervals are reported alongside;
 *  - in band: the confidence max(p, 1 − p) lies in [bandLo, bandHi] on at least minBandShare of bars.
 * Verdicts, in order:
 *  - supported iff improves ∧ calibrated ∧ in band;
 *  - partly supported iff improves ∧ calibrated but not in band (better than the default, but not 0.6–0.95);
 *  - refuted iff in band but miscalibrated, or it improves but is miscalibrated, or the interval of its gain
 *    over the base rate lies below minEffect (the claimed improvement is excluded);
 *  - otherwise no detectable effect (smallest detectable = …).
 */
import { fmt, type RuleResult } from '../verdict';
import type { GainFigures } from './quantum-vs-voting';

export interface RealConfidenceFigures {
  /** Name of the judged forecast, for the text. */
  readonly candidate: string;
  /** Out-of-sample Brier score of the candidate and of the base-rate forecaster. */
  readonly brier: number;
  readonly baseRateBrier: number;
  /** Brier gain over the base rate (base − candidate; positive = candidate better). */
  readonly vsBaseRate: GainFigures;
  /** Expected calibration error of the candidate (quantile bins). */
  readonly ece: number;
  /** Calibration slope and intercept with 95 % intervals (text only; NaN when undefined). */
  readonly calibration?: { readonly slope: number; readonly slopeLower: number; readonly slopeUpper: number; readonly intercept: number; readonly interceptLower: number; readonly interceptUpper: number };
  /** Share of bars whose confidence max(p, 1 − p) lies in [bandLo, bandHi]. */
  readonly bandShare: number;
  /** Number of scored bars. */
  readonly nBars: number;
  /** Central range of the candidate's probabilities (e.g. 5th and 95th percentile), for the text. */
  readonly pLow?: number;
  readonly pHigh?: number;
  /** A constant confidence attached to the candidate's direction, and its measured Brier (for the text). */
  readonly constant?: { readonly confidence: number; readonly brier: number };
  readonly alpha?: number;
  readonly eceMax?: number;
  readonly minBandShare?: number;
  readonly bandLo?: number;
  readonly bandHi?: number;
  /** Minimum Brier gain per bar that matters (default 5e-5). */
  readonly minEffect?: number;
}

export interface RealConfidenceResult extends RuleResult {
  readonly improves: boolean;
  readonly calibrated: boolean;
  readonly inBand: boolean;
}

function check(name: string, v: number, lo: number, hi: number): void {
  if (!(v >= lo && v <= hi)) throw new RangeError(`invalid ${name}: ${v} (expected ${lo}–${hi})`);
}

export function ruleRealConfidence(f: RealConfidenceFigures): RealConfidenceResult {
  const alpha = f.alpha ?? 0.05, eceMax = f.eceMax ?? 0.02, minBandShare = f.minBandShare ?? 0.5, minEffect = f.minEffect ?? 5e-5;
  const bandLo = f.bandLo ?? 0.6, bandHi = f.bandHi ?? 0.95;
  check('brier', f.brier, 0, 1);
  check('baseRateBrier', f.baseRateBrier, 0, 1);
  check('vsBaseRate.pAdjusted', f.vsBaseRate.pAdjusted, 0, 1);
  for (const k of ['gain', 'lower', 'upper', 'detectable'] as const) {
    if (!Number.isFinite(f.vsBaseRate[k])) throw new RangeError(`invalid vsBaseRate.${k}: ${f.vsBaseRate[k]} (expected a finite number)`);
  }
  check('ece', f.ece, 0, 1);
  check('bandShare', f.bandShare, 0, 1);
  check('alpha', alpha, 0, 1);
  check('eceMax', eceMax, 0, 1);
  check('minBandShare', minBandShare, 0, 1);
  if (!(minEffect > 0)) throw new RangeError(`invalid minEffect: ${minEffect} (expected > 0)`);
  if (!(bandLo >= 0.5 && bandLo < bandHi && bandHi <= 1)) throw new RangeError(`invalid band: ${bandLo}–${bandHi} (expected 0.5 ≤ lo < hi ≤ 1)`);
  if (!Number.isInteger(f.nBars) || f.nBars < 1) throw new RangeError(`invalid nBars: ${f.nBars} (expected an integer ≥ 1)`);

  const g = f.vsBaseRate;
  const improves = g.pAdjusted < alpha && g.lower > 0 && g.gain >= minEffect;
  const excluded = g.upper < minEffect;
  const calibrated = f.ece <= eceMax;
  const inBand = f.bandShare >= minBandShare;
  const pct = (x: number): string => `${fmt(100 * x, 3)} %`;
  const range = f.pLow !== undefined && f.pHigh !== undefined ? ` (90 % of its probabilities lie in ${fmt(f.pLow, 3)}–${fmt(f.pHigh, 3)})` : '';
  const c = f.calibration;
  const slope = c && Number.isFinite(c.slope)
    ? `, calibration slope ${fmt(c.slope, 3)} (95 % CI ${fmt(c.slopeLower, 3)}–${fmt(c.slopeUpper, 3)}; 1 = calibrated) and intercept ${fmt(c.intercept, 3)} (${fmt(c.interceptLower, 3)}–${fmt(c.interceptUpper, 3)}; 0 = calibrated)`
    : '';
  const constant = f.constant
    ? `. For comparison, a constant confidence ${fmt(f.constant.confidence, 3)} on the same calls scores Brier ${fmt(f.constant.brier)}${f.constant.brier >= 0.25 ? ', worse than the 0.50 default' : ''}`
    : '';
  const head = `supported iff the out-of-sample forecast beats the causal base-rate forecaster on Brier by an effect that matters (gain ≥ ${fmt(minEffect, 2)} per bar, ` +
    `Diebold–Mariano/HAC p_adj < ${alpha}), is calibrated (ECE over quantile bins ≤ ${eceMax}) and its confidence max(p, 1 − p) lies in ${bandLo}–${bandHi} on ≥ ${pct(minBandShare)} of bars; ` +
    `partly supported iff only the band fails; refuted iff miscalibrated with an improvement or in the band, or the interval of the gain excludes ${fmt(minEffect, 2)}. ` +
    `Measured for ${f.candidate} on ${f.nBars} bars: BS = ${fmt(f.brier, 5)} vs base rate ${fmt(f.baseRateBrier, 5)} ` +
    `(gain ${fmt(g.gain, 3)}, 95 % CI ${fmt(g.lower, 3)} to ${fmt(g.upper, 3)}, p_adj = ${fmt(g.pAdjusted, 3)}, smallest detectable ${fmt(g.detectable, 3)}), ` +
    `ECE = ${fmt(f.ece, 3)}${slope}, in band on ${pct(f.bandShare)} of bars${range}`;
  const r = (verdict: RealConfidenceResult['verdict'], why: string): RealConfidenceResult =>
    ({ verdict, rule: `${head}: ${why}${constant}`, improves, calibrated, inBand });

  if (improves && calibrated && inBand) return r('supported', 'calibrated, better than the base rate and in the claimed band');
  if (improves && calibrated) {
    return r('partly supported', 'data-driven, calibrated probabilities are a real improvement over what the base rate knows, but they live near 0.5, not in 0.6–0.95');
  }
  if (inBand && !calibrated) return r('refuted', `its confidences are in the claimed band but miscalibrated (ECE ${fmt(f.ece, 3)} > ${eceMax})`);
  if (improves) return r('refuted', `it beats the base rate but is miscalibrated (ECE ${fmt(f.ece, 3)} > ${eceMax}) and not in the claimed band`);
  if (excluded) return r('refuted', `the interval of its gain over the base rate lies below ${fmt(minEffect, 2)}: it knows nothing that matters beyond the past up-rate`);
  return r('no detectable effect', `no detectable effect (smallest detectable = ${fmt(g.detectable, 3)} Brier per bar): too few bars to tell it from the base rate`);
}
