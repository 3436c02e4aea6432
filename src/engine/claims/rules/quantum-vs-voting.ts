/**
 * Rule for "Quantum emergence vs democratic voting" (claim quantum-vs-voting).
 *
 * Paired out-of-sample comparisons of per-bar log loss on identical walk-forward bars, p-values
 * Holm-adjusted over the notebook's family of tests (the notebook passes the adjusted values):
 *  - A: the quantum aggregator's log loss is significantly below majority's (Δ < 0, p_Holm < alpha);
 *  - B: it is NOT significantly above logistic stacking's (not (Δ > 0 and p_Holm < alpha));
 *  - C: it is significantly below the constant 0.5's (it has any skill at all).
 * Verdicts: supported iff A ∧ B ∧ C; partly supported iff C and exactly one of A, B; refuted otherwise.
 * CLAIMS-REFERENCE §7 states A ∧ B; we add C because majority's up-share is a degenerate probability whose
 * log loss is huge, so a constant 0.5 passes A, and where stacking has no skill either (e.g. daily bars)
 * it passes B too. Without C a coin would "beat democratic voting". Brier differences are reported alongside.
 */
import { fmt, type RuleResult } from '../verdict';

export interface PairedComparison {
  /** Mean per-bar loss difference quantum − other (negative: quantum better). */
  readonly meanDifference: number;
  /** Holm-adjusted p-value. */
  readonly pAdjusted: number;
}

export interface QuantumVsVotingFigures {
  readonly quantum: string;
  readonly logLoss: { readonly quantum: number; readonly majority: number; readonly stacking: number; readonly constant: number };
  readonly vsMajority: PairedComparison;
  readonly vsStacking: PairedComparison;
  readonly vsConstant: PairedComparison;
  /** Brier scores and Holm-adjusted Brier comparisons, for the text. */
  readonly brier?: { readonly quantum: number; readonly majority: number; readonly stacking: number };
  readonly brierVsMajority?: PairedComparison;
  readonly brierVsStacking?: PairedComparison;
  readonly nBars: number;
  readonly alpha?: number;
}

function checkCmp(name: string, c: PairedComparison): void {
  if (!Number.isFinite(c.meanDifference)) throw new RangeError(`invalid ${name}.meanDifference: ${c.meanDifference} (expected a finite number)`);
  if (!(c.pAdjusted >= 0 && c.pAdjusted <= 1)) throw new RangeError(`invalid ${name}.pAdjusted: ${c.pAdjusted} (expected 0–1)`);
}

export function ruleQuantumVsVoting(f: QuantumVsVotingFigures): RuleResult {
  const alpha = f.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`invalid alpha: ${alpha} (expected 0 < alpha < 1)`);
  checkCmp('vsMajority', f.vsMajority);
  checkCmp('vsStacking', f.vsStacking);
  checkCmp('vsConstant', f.vsConstant);
  const better = (c: PairedComparison): boolean => c.meanDifference < 0 && c.pAdjusted < alpha;
  const worse = (c: PairedComparison): boolean => c.meanDifference > 0 && c.pAdjusted < alpha;
  const A = better(f.vsMajority), B = !worse(f.vsStacking), C = better(f.vsConstant);
  const d = (c: PairedComparison): string => `Δ = ${fmt(c.meanDifference, 3)}, p_Holm = ${fmt(c.pAdjusted, 3)}`;
  const ll = f.logLoss;
  const brier = f.brier
    ? `. Brier: ${f.quantum} ${fmt(f.brier.quantum, 5)}, majority ${fmt(f.brier.majority, 5)}, stacking ${fmt(f.brier.stacking, 5)}` +
      (f.brierVsMajority ? ` (vs majority ${d(f.brierVsMajority)}` : '') + (f.brierVsStacking ? `${f.brierVsMajority ? '; ' : ' ('}vs stacking ${d(f.brierVsStacking)})` : f.brierVsMajority ? ')' : '')
    : '';
  const head = `supported iff ${f.quantum}'s out-of-sample log loss is significantly below majority vote's (A), not significantly above logistic stacking's (B) ` +
    `and significantly below the constant 0.5's (C: skill of its own, since a coin also beats majority's degenerate vote share), Holm-adjusted at ${alpha}; ` +
    'partly supported iff C and exactly one of A, B hold; refuted otherwise. ' +
    `Measured on ${f.nBars} bars: log loss ${f.quantum} ${fmt(ll.quantum, 5)}, majority ${fmt(ll.majority, 4)}, stacking ${fmt(ll.stacking, 5)}, constant 0.5 ${fmt(ll.constant, 5)}; ` +
    `vs majority ${d(f.vsMajority)} (A ${A ? 'holds' : 'fails'}); vs stacking ${d(f.vsStacking)} (B ${B ? 'holds' : 'fails'}); vs 0.5 ${d(f.vsConstant)} (C ${C ? 'holds' : 'fails'})${brier}`;
  if (A && B && C) return { verdict: 'supported', rule: `${head}: A, B and C hold` };
  if (C && (A || B)) return { verdict: 'partly supported', rule: `${head}: it has skill, but ${A ? 'logistic stacking is significantly better' : 'it does not beat majority vote significantly'}` };
  const why = !C && A
    ? `it beats majority only the way a constant 0.5 does (majority's vote share is a degenerate probability)${B ? ', and stacking has no significant edge over it either' : ''}, and has no skill of its own`
    : !C ? 'it has no measurable skill beyond a coin' : 'it neither beats majority vote nor matches stacking';
  return { verdict: 'refuted', rule: `${head}: ${why}` };
}
