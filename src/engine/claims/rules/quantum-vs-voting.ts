/**
 * Rule for "Quantum emergence vs democratic voting" (claim quantum-vs-voting).
 *
 * Fair baselines: democratic voting is the **calibrated** vote (vote margin → probability fitted on past
 * bars), not the raw up-vote share that no practitioner would score as a probability; skill means beating
 * the causal **base-rate** forecaster, not a coin. Each comparison is a per-bar log-loss gain (positive:
 * the quantum aggregator is better) on identical walk-forward bars, with a Diebold–Mariano/HAC interval,
 * a multiplicity-adjusted p and the smallest detectable gain at this sample size:
 *  - A: the gain over the calibrated vote is an effect that matters (significant and ≥ minEffect);
 *  - B: it is not significantly worse than logistic stacking (the classical pool);
 *  - C: its gain over the base rate is an effect that matters (skill of its own).
 * Verdicts: supported iff A ∧ B ∧ C; partly supported iff A but not both B and C; refuted iff the interval
 * of the gain over the vote lies entirely below minEffect (the claim's own number is excluded); otherwise
 * the data cannot tell: no detectable effect (smallest detectable = …).
 */
import { fmt, type RuleResult } from '../verdict';

/** One paired comparison, in gain units (baseline loss − quantum loss; positive = quantum better). */
export interface GainFigures {
  readonly gain: number;
  readonly lower: number;
  readonly upper: number;
  /** Multiplicity-adjusted p-value (the notebook states the family). */
  readonly pAdjusted: number;
  /** Smallest gain detectable at this sample size (α = 0.05, power 0.8). */
  readonly detectable: number;
}

export interface QuantumVsVotingFigures {
  readonly quantum: string;
  readonly logLoss: { readonly quantum: number; readonly vote: number; readonly stacking: number; readonly baseRate: number };
  readonly vsVote: GainFigures;
  readonly vsStacking: GainFigures;
  readonly vsBaseRate: GainFigures;
  readonly nBars: number;
  readonly alpha?: number;
  /** Minimum log-loss gain per bar that matters (default 1e-4 nats ≈ a calibrated 0.7-point hit-rate edge). */
  readonly minEffect?: number;
}

function checkGain(name: string, c: GainFigures): void {
  for (const k of ['gain', 'lower', 'upper', 'detectable'] as const) {
    if (!Number.isFinite(c[k])) throw new RangeError(`invalid ${name}.${k}: ${c[k]} (expected a finite number)`);
  }
  if (!(c.pAdjusted >= 0 && c.pAdjusted <= 1)) throw new RangeError(`invalid ${name}.pAdjusted: ${c.pAdjusted} (expected 0–1)`);
  if (!(c.lower <= c.upper)) throw new RangeError(`invalid ${name} interval: ${c.lower}–${c.upper} (expected lower ≤ upper)`);
}

export function ruleQuantumVsVoting(f: QuantumVsVotingFigures): RuleResult {
  const alpha = f.alpha ?? 0.05, minEffect = f.minEffect ?? 1e-4;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`invalid alpha: ${alpha} (expected 0 < alpha < 1)`);
  if (!(minEffect > 0)) throw new RangeError(`invalid minEffect: ${minEffect} (expected > 0)`);
  checkGain('vsVote', f.vsVote);
  checkGain('vsStacking', f.vsStacking);
  checkGain('vsBaseRate', f.vsBaseRate);
  const matters = (c: GainFigures): boolean => c.pAdjusted < alpha && c.lower > 0 && c.gain >= minEffect;
  const A = matters(f.vsVote), B = !(f.vsStacking.pAdjusted < alpha && f.vsStacking.upper < 0), C = matters(f.vsBaseRate);
  const g = (c: GainFigures): string => `gain ${fmt(c.gain, 3)} nats/bar (95 % CI ${fmt(c.lower, 3)} to ${fmt(c.upper, 3)}, p_adj = ${fmt(c.pAdjusted, 3)}, smallest detectable ${fmt(c.detectable, 3)})`;
  const ll = f.logLoss;
  const head = `supported iff ${f.quantum}'s out-of-sample log-loss gain over the calibrated democratic vote is an effect that matters (A: significant and ≥ ${fmt(minEffect, 2)} nats/bar), ` +
    `it is not significantly worse than logistic stacking (B), and its gain over the causal base-rate forecaster matters too (C: skill of its own); ` +
    `partly supported iff A holds but not both B and C; refuted iff the interval of the gain over the vote lies below ${fmt(minEffect, 2)} nats/bar; otherwise no detectable effect. ` +
    `Measured on ${f.nBars} bars: log loss ${f.quantum} ${fmt(ll.quantum, 5)}, calibrated vote ${fmt(ll.vote, 5)}, stacking ${fmt(ll.stacking, 5)}, base rate ${fmt(ll.baseRate, 5)}; ` +
    `vs vote ${g(f.vsVote)} (A ${A ? 'holds' : 'fails'}); vs stacking ${g(f.vsStacking)} (B ${B ? 'holds' : 'fails'}); vs base rate ${g(f.vsBaseRate)} (C ${C ? 'holds' : 'fails'})`;
  if (A && B && C) return { verdict: 'supported', rule: `${head}: A, B and C hold` };
  if (A) return { verdict: 'partly supported', rule: `${head}: it beats the vote, but ${!C ? 'has no skill that matters beyond the base rate' : 'logistic stacking is significantly better'}` };
  if (f.vsVote.upper < minEffect) {
    return { verdict: 'refuted', rule: `${head}: the interval excludes any gain over the vote that matters${f.vsVote.upper < 0 ? ' (the vote is significantly better)' : ''}` };
  }
  return { verdict: 'no detectable effect', rule: `${head}: no detectable effect (smallest detectable = ${fmt(f.vsVote.detectable, 3)} nats/bar) against a minimum that matters of ${fmt(minEffect, 2)}` };
}
