/**
 * THE verdict type of the code base: every verdict anywhere (rules, notebooks, views, the worker protocol,
 * the ledger, exports) is one of these strings. Nothing outside src/engine/claims/ spells one out
 * (test/engine/claims/registry.test.ts greps for it): code compares against `VERDICTS` or a rule's result.
 */
export const VERDICTS = [
  'supported',
  'partly supported',
  /** The data cannot refute it: the test had power only for effects at least the stated smallest detectable effect. */
  'no detectable effect',
  'refuted',
  'untestable as stated',
  'not measurable here',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Display order (kept for callers that list counts per verdict). */
export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

/**
 * Most favourable to the roadmap first. Used when a claim's headline is "the most favourable reading"
 * (stated as such in the headline, never silently).
 */
export const FAVOURABILITY: readonly Verdict[] = ['supported', 'partly supported', 'no detectable effect', 'not measurable here', 'untestable as stated', 'refuted'];

export function isVerdict(x: unknown): x is Verdict {
  return typeof x === 'string' && (VERDICTS as readonly string[]).includes(x);
}

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
