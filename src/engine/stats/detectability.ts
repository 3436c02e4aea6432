/**
 * Effect sizes and detectability for verdicts. A rule states the minimum effect that matters (e.g. a
 * log-loss gain per bar, a hit-rate gain); the data give an estimate with a confidence interval; the
 * smallest detectable effect at this sample size says what the data could have seen at all.
 * Wording: a rule says refuted only when the interval excludes the claim's own number; otherwise, without a
 * significant effect that matters, "no detectable effect (smallest detectable = …)".
 */
import { checkOpenUnit } from './checks.ts';
import { normalInv } from './distributions.ts';

/**
 * Smallest true effect a test at level α (two-sided by default) detects with the given power, from the
 * standard error of the estimate: (z_{1−α/sides} + z_{power})·se. α = 0.05, power 0.8 → 2.80·se.
 */
export function minimumDetectableEffect(
  standardError: number, { alpha = 0.05, power = 0.8, sides = 2 }: { alpha?: number; power?: number; sides?: 1 | 2 } = {},
): number {
  if (!(standardError >= 0)) throw new RangeError(`invalid standardError: ${standardError} (expected ≥ 0)`);
  checkOpenUnit(alpha, 'alpha');
  checkOpenUnit(power, 'power');
  return (normalInv(1 - alpha / sides) + normalInv(power)) * standardError;
}

/** Smallest detectable hit-rate gain over ½ with n calls (one-sided z-test, normal approximation, h ≈ ½). */
export function minimumDetectableHitRateGain(nCalls: number, { alpha = 0.05, power = 0.8 }: { alpha?: number; power?: number } = {}): number {
  if (!(nCalls > 0)) return Infinity;
  return minimumDetectableEffect(0.5 / Math.sqrt(nCalls), { alpha, power, sides: 1 });
}

/** matters: significant and ≥ the minimum; excluded: the interval rules the minimum out; tooSmall: significant but below it; undetected: none of these. */
export type EffectOutcome = 'matters' | 'tooSmall' | 'excluded' | 'undetected';

export interface EffectJudgement {
  outcome: EffectOutcome;
  /** One sentence with the numbers, for the rule text. */
  text: string;
}

export interface EffectInput {
  /** The improvement claimed, in units where positive is better (e.g. loss of baseline − loss of candidate). */
  readonly estimate: number;
  /** Confidence interval of the improvement. */
  readonly lower: number;
  readonly upper: number;
  /** Multiplicity-adjusted p-value of "no improvement". */
  readonly pAdjusted: number;
  /** The smallest improvement that matters (the claim's own number, or ours where the claim has none). */
  readonly minEffect: number;
  /** Smallest detectable improvement at this sample size. */
  readonly detectable: number;
  readonly alpha?: number;
  /** Unit label for the text, e.g. "nats/bar". */
  readonly unit?: string;
  readonly digits?: number;
}

function fmtNum(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

/**
 * - matters: significant (p_adj < α, lower > 0) and the estimate ≥ minEffect;
 * - excluded: the interval's upper end is below minEffect (the claim's number is ruled out): a rule may say refuted;
 * - tooSmall: significant but below minEffect, and minEffect still inside the interval;
 * - undetected otherwise: the text gives the smallest detectable effect.
 */
export function judgeEffect(f: EffectInput): EffectJudgement {
  const alpha = f.alpha ?? 0.05, unit = f.unit ? ` ${f.unit}` : '', dg = f.digits ?? 3;
  for (const [k, v] of [['estimate', f.estimate], ['lower', f.lower], ['upper', f.upper], ['minEffect', f.minEffect]] as const) {
    if (!Number.isFinite(v)) throw new RangeError(`invalid ${k}: ${v} (expected a finite number)`);
  }
  if (!(f.pAdjusted >= 0 && f.pAdjusted <= 1)) throw new RangeError(`invalid pAdjusted: ${f.pAdjusted} (expected 0–1)`);
  if (!(f.lower <= f.upper)) throw new RangeError(`invalid interval: ${f.lower}–${f.upper} (expected lower ≤ upper)`);
  const n = (x: number): string => `${fmtNum(x, dg)}${unit}`;
  const est = `gain ${n(f.estimate)} (CI ${fmtNum(f.lower, dg)} to ${fmtNum(f.upper, dg)}, p_adj = ${fmtNum(f.pAdjusted, 3)}; minimum that matters ${n(f.minEffect)}, smallest detectable ${n(f.detectable)})`;
  const significant = f.pAdjusted < alpha && f.lower > 0;
  if (significant && f.estimate >= f.minEffect) return { outcome: 'matters', text: `${est}: an effect that matters` };
  if (f.upper < f.minEffect) return { outcome: 'excluded', text: `${est}: the interval excludes the minimum effect that matters` };
  if (significant) return { outcome: 'tooSmall', text: `${est}: detectable, but below the minimum that matters` };
  return { outcome: 'undetected', text: `${est}: no detectable effect (smallest detectable = ${n(f.detectable)})` };
}
