/**
 * Rule for "Real confidence values (0.6–0.95) replace 0.50 defaults" (claim real-confidence).
 *
 * One pre-declared candidate forecast (the notebook's default is logistic stacking, the classical
 * baseline) is judged out of sample on three conditions:
 *  - improves: Brier < 0.25 (the constant 0.5's score) with a paired-bootstrap p < alpha;
 *  - calibrated: ECE ≤ eceMax (stated probabilities off by at most that much on average);
 *  - in band: the confidence max(p, 1 − p) lies in [bandLo, bandHi] on at least minBandShare of bars.
 * Verdicts, in order:
 *  - supported iff improves ∧ calibrated ∧ in band;
 *  - partly supported iff improves ∧ calibrated but not in band (better than 0.50, but not 0.6–0.95);
 *  - refuted iff in band but miscalibrated, or Brier ≥ 0.25, or it improves but is miscalibrated;
 *  - not measurable here iff Brier < 0.25 but not significantly (too few bars to tell from 0.5).
 */
import { fmt, type RuleResult } from '../verdict';

export interface RealConfidenceFigures {
  /** Name of the judged forecast, for the text. */
  readonly candidate: string;
  /** Out-of-sample Brier score of the candidate. */
  readonly brier: number;
  /** Two-sided paired-bootstrap p-value of the Brier difference against the constant 0.5. */
  readonly brierPValue: number;
  /** Expected calibration error of the candidate. */
  readonly ece: number;
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
  const alpha = f.alpha ?? 0.05, eceMax = f.eceMax ?? 0.02, minBandShare = f.minBandShare ?? 0.5;
  const bandLo = f.bandLo ?? 0.6, bandHi = f.bandHi ?? 0.95;
  check('brier', f.brier, 0, 1);
  check('brierPValue', f.brierPValue, 0, 1);
  check('ece', f.ece, 0, 1);
  check('bandShare', f.bandShare, 0, 1);
  check('alpha', alpha, 0, 1);
  check('eceMax', eceMax, 0, 1);
  check('minBandShare', minBandShare, 0, 1);
  if (!(bandLo >= 0.5 && bandLo < bandHi && bandHi <= 1)) throw new RangeError(`invalid band: ${bandLo}–${bandHi} (expected 0.5 ≤ lo < hi ≤ 1)`);
  if (!Number.isInteger(f.nBars) || f.nBars < 1) throw new RangeError(`invalid nBars: ${f.nBars} (expected an integer ≥ 1)`);

  const improves = f.brier < 0.25 && f.brierPValue < alpha;
  const calibrated = f.ece <= eceMax;
  const inBand = f.bandShare >= minBandShare;
  const pct = (x: number): string => `${fmt(100 * x, 3)} %`;
  const range = f.pLow !== undefined && f.pHigh !== undefined ? ` (90 % of its probabilities lie in ${fmt(f.pLow, 3)}–${fmt(f.pHigh, 3)})` : '';
  const constant = f.constant
    ? `. For comparison, a constant confidence ${fmt(f.constant.confidence, 3)} on the same calls scores Brier ${fmt(f.constant.brier)}${f.constant.brier >= 0.25 ? ', worse than the 0.50 default' : ''}`
    : '';
  const head = `supported iff the out-of-sample forecast beats the 0.50 default on Brier (BS < 0.25, paired bootstrap p < ${alpha}), is calibrated ` +
    `(ECE ≤ ${eceMax}) and its confidence max(p, 1 − p) lies in ${bandLo}–${bandHi} on ≥ ${pct(minBandShare)} of bars; ` +
    `partly supported iff only the band fails. Measured for ${f.candidate} on ${f.nBars} bars: BS = ${fmt(f.brier, 5)} (p = ${fmt(f.brierPValue, 3)}), ` +
    `ECE = ${fmt(f.ece, 3)}, in band on ${pct(f.bandShare)} of bars${range}`;
  const r = (verdict: RealConfidenceResult['verdict'], why: string): RealConfidenceResult =>
    ({ verdict, rule: `${head}: ${why}${constant}`, improves, calibrated, inBand });

  if (improves && calibrated && inBand) return r('supported', 'calibrated, better than 0.50 and in the claimed band');
  if (improves && calibrated) {
    return r('partly supported', 'data-driven, calibrated probabilities are a real improvement over the 0.50 default, but they live near 0.5, not in 0.6–0.95');
  }
  if (inBand && !calibrated) return r('refuted', `its confidences are in the claimed band but miscalibrated (ECE ${fmt(f.ece, 3)} > ${eceMax})`);
  if (f.brier >= 0.25) return r('refuted', 'it scores no better than the constant 0.50 it was meant to replace');
  if (!improves) return r('not measurable here', `BS < 0.25 but not significantly (p = ${fmt(f.brierPValue, 3)} ≥ ${alpha}): too few bars to tell it from 0.5`);
  return r('refuted', `it beats 0.5 on Brier but is miscalibrated (ECE ${fmt(f.ece, 3)} > ${eceMax}) and not in the claimed band`);
}
