/**
 * Local mirror of the claims contract that issue 8's registry introduces (ClaimRecord, Reading, BoundaryCase,
 * judge). The missing-claim records below are written in that shape so that moving them into
 * src/engine/claims/registry.ts is a matter of swapping these imports; until then `judgeRecord` gives the
 * same headline semantics (a named reading, or the most favourable of several, said so).
 */
export const VERDICTS = ['supported', 'partly supported', 'no detectable effect', 'refuted', 'untestable as stated', 'not measurable here'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const FAVOURABILITY: readonly Verdict[] = ['supported', 'partly supported', 'no detectable effect', 'not measurable here', 'untestable as stated', 'refuted'];

export interface RuleResult { verdict: Verdict; rule: string }
export interface FigureSpec<F> { readonly label: string; readonly unit?: string; readonly value: (f: F) => number | string | boolean | null }
export interface Reading<F> { readonly id: string; readonly label: string; readonly rule: (f: F) => RuleResult; readonly constant?: boolean }
export interface BoundaryCase<F> { readonly name: string; readonly figures: F; readonly expect: Readonly<Record<string, Verdict>> }
export type Headline = { readonly reading: string; readonly why: string } | { readonly mostFavourable: readonly string[]; readonly why: string };
export interface ClaimRecord<F = never> {
  readonly id: string;
  readonly title: string;
  readonly quote: string;
  readonly section: string;
  readonly notebook: string;
  readonly alsoIn?: readonly string[];
  readonly timing?: boolean;
  readonly figures: readonly FigureSpec<F>[];
  readonly readings: readonly Reading<F>[];
  readonly headline: Headline;
  readonly cases: readonly BoundaryCase<F>[];
}
export function defineClaim<F>(record: ClaimRecord<F>): ClaimRecord<F> { return record; }

export interface LocalJudgement {
  readonly claim: string;
  readonly title: string;
  readonly verdict: Verdict;
  readonly reading: string;
  readonly rule: string;
  readonly readings: readonly { id: string; label: string; verdict: Verdict; rule: string; headline: boolean }[];
  readonly figures: readonly { label: string; value: number | string | boolean | null; unit?: string }[];
}

/** Same semantics as the registry's judge(): every reading's rule, one headline, readings nested. */
export function judgeRecord<F>(rec: ClaimRecord<F>, figures: F): LocalJudgement {
  const readings = rec.readings.map((r) => ({ id: r.id, label: r.label, ...r.rule(figures), headline: false }));
  const h = rec.headline;
  let head, why;
  if ('reading' in h) {
    head = readings.find((r) => r.id === h.reading);
    if (!head) throw new RangeError(`${rec.id}: headline reading '${h.reading}' does not exist`);
    why = h.why;
  } else {
    const pool = readings.filter((r) => h.mostFavourable.includes(r.id));
    const measured = pool.filter((r) => r.verdict !== 'not measurable here');
    head = (measured.length ? measured : pool).reduce((b, r) => (FAVOURABILITY.indexOf(r.verdict) < FAVOURABILITY.indexOf(b.verdict) ? r : b));
    why = `${h.why} (the most favourable of ${pool.length} readings)`;
  }
  const headId = head.id;
  return {
    claim: rec.id, title: rec.title, verdict: head.verdict, reading: head.id,
    rule: `Headline reading: ${head.label}. ${why}. ${head.rule}`,
    readings: readings.map((r) => ({ ...r, headline: r.id === headId })),
    figures: rec.figures.map((s) => {
      let v = s.value(figures);
      if (typeof v === 'number' && !Number.isFinite(v)) v = String(v);
      return { label: s.label, value: v ?? null, ...(s.unit ? { unit: s.unit } : {}) };
    }),
  };
}

/** Format a number for a rule text: enough digits to check, no noise. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}
