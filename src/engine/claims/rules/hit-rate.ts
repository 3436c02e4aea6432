/**
 * A teaching rule, not a roadmap claim (luck-or-skill uses it): does a run of wins show a hit rate above
 * `threshold`? Supported iff the 95 % Wilson lower bound exceeds it, refuted iff the upper bound is below
 * it, otherwise not measurable with this many decisions.
 */
import { fmt, type RuleResult } from '../verdict';

export interface HitRateFigures {
  readonly wins: number;
  readonly decisions: number;
  readonly lower: number;
  readonly upper: number;
  readonly threshold?: number;
  /** Decisions needed at the assumed true rate, for the text. */
  readonly decisionsNeeded?: number;
  readonly assumedRate?: number;
}

export function ruleHitRateAbove(f: HitRateFigures): RuleResult {
  const t = f.threshold ?? 0.5;
  const head = `supported iff the 95 % Wilson lower bound exceeds ${t}, refuted iff the upper bound is below ${t}, otherwise not measurable with this many decisions; ` +
    `here ${f.wins} wins in ${f.decisions} decisions, interval ${fmt(f.lower, 4)} – ${fmt(f.upper, 4)}`;
  if (f.lower > t) return { verdict: 'supported', rule: head };
  if (f.upper < t) return { verdict: 'refuted', rule: head };
  const need = f.decisionsNeeded !== undefined && f.assumedRate !== undefined ? ` (about ${f.decisionsNeeded} decisions would be needed at a true rate of ${f.assumedRate})` : '';
  return { verdict: 'not measurable here', rule: `${head}${need}` };
}
