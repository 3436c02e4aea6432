/** The verdicts a claim can receive, each with the rule that produced it (numbers substituted). */
export type Verdict = 'supported' | 'partly supported' | 'no detectable effect' | 'refuted' | 'untestable as stated' | 'not measurable here';

export const VERDICT_ORDER: readonly Verdict[] = ['supported', 'partly supported', 'no detectable effect', 'refuted', 'untestable as stated', 'not measurable here'];

export interface RuleResult {
  verdict: Verdict;
  /** The rule in words, with the measured figures substituted, so a reader can check it. */
  rule: string;
}

/** Format a number for a rule text: enough digits to check, no noise. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}
