/**
 * The claims contract. One `ClaimRecord` per roadmap claim (registry.ts): the roadmap's words and section,
 * the one notebook that tests it, the figures it needs (with units), its readings, and one pure rule per
 * reading. `judge(claimId, figures)` (judge.ts) runs every reading and picks the headline the record names.
 */
import type { RuleResult, Verdict } from './verdict';

/** A figure shown with the verdict: computed from the claim's typed figures, with its unit. */
export interface FigureSpec<F> {
  readonly label: string;
  readonly unit?: string;
  readonly value: (f: F) => number | string | boolean | null;
}

/**
 * One reasonable reading of an ambiguous claim (the stack the roadmap states, a hardware family, our
 * operationalisation …), with its pure rule.
 */
export interface Reading<F> {
  readonly id: string;
  /** Shown next to the verdict: which reading this is, in words. */
  readonly label: string;
  readonly rule: (f: F) => RuleResult;
  /**
   * True when the reading's verdict does not depend on the figures (e.g. "undefined terms: untestable as
   * stated"); its boundary cases then need only one verdict.
   */
  readonly constant?: boolean;
}

/** A figure set placed at a rule boundary, with the verdict each reading must give (registry tests run them all). */
export interface BoundaryCase<F> {
  readonly name: string;
  readonly figures: F;
  readonly expect: Readonly<Record<string, Verdict>>;
}

export type Headline =
  /** This reading is the headline. */
  | { readonly reading: string; readonly why: string }
  /** The most favourable of these readings (by FAVOURABILITY) is the headline; the headline says so. */
  | { readonly mostFavourable: readonly string[]; readonly why: string };

export interface ClaimRecord<F = never> {
  /** Stable id (share links, exports, golden files): never rename one. */
  readonly id: string;
  readonly title: string;
  /** The roadmap's words, verbatim ("…" joins two verbatim pieces). */
  readonly quote: string;
  /** Where in PRODUCTION_DEPLOYMENT_ROADMAP.md the quote stands. */
  readonly section: string;
  /** The notebook whose experiment tests it (its front matter lists the claim). */
  readonly notebook: string;
  /** Other notebooks that illustrate the claim and list it in their front matter; the ledger uses `notebook`. */
  readonly alsoIn?: readonly string[];
  /** True when the experiment times things (clocks, latency, throughput): the ledger runs it first, alone. */
  readonly timing?: boolean;
  readonly figures: readonly FigureSpec<F>[];
  readonly readings: readonly Reading<F>[];
  readonly headline: Headline;
  readonly cases: readonly BoundaryCase<F>[];
}

/** Identity, for type inference of a record's figures. */
export function defineClaim<F>(record: ClaimRecord<F>): ClaimRecord<F> {
  return record;
}

export interface JudgedReading {
  readonly id: string;
  readonly label: string;
  readonly verdict: Verdict;
  readonly rule: string;
  readonly headline: boolean;
}

export interface JudgedFigure {
  readonly label: string;
  readonly value: number | string | boolean | null;
  readonly unit?: string;
}

/** What judge() returns and the ledger collects: one headline verdict per claim, every reading nested. */
export interface Judgement {
  readonly claim: string;
  readonly title: string;
  readonly quote: string;
  readonly section: string;
  readonly notebook: string;
  /** The headline verdict, and which reading it is. */
  readonly verdict: Verdict;
  readonly reading: string;
  readonly readingLabel: string;
  /** The headline rule: which reading, why it is the headline, and its rule with figures substituted. */
  readonly rule: string;
  readonly readings: readonly JudgedReading[];
  readonly figures: readonly JudgedFigure[];
}
