/**
 * Shared types of the ensemble layer.
 *
 * Data convention (one column per board member, one row per bar):
 * - `probs[i][t]` is member i's P(bar t+1 closes above bar t), computed from data up to bar t only;
 *   NaN during the member's warm-up.
 * - `up[t]` ∈ {0, 1} says whether bar t+1 closed above bar t; NaN at the last bar. It becomes known at
 *   bar t+1, so anything predicting bar t may use `up[0..t−1]` only.
 */

export interface EnsembleData {
  readonly probs: readonly Float64Array[];
  readonly up: Float64Array;
}

/** Half-open bar ranges [start, end) whose rows (and labels) a fit may use. */
export type BarRanges = readonly (readonly [number, number])[];

export type AggregatorKind = 'static' | 'fitted' | 'online';

export interface FitOptions {
  /** Seed for any randomised initialisation (variational circuit). */
  readonly seed?: number;
  /**
   * Warm start: the `warmStart` of the predictor this aggregator fitted on the PREVIOUS split of the
   * same walk-forward (evaluateWalkForward passes it), so a result depends only on the data and the
   * split sequence. Convex fits (stacking) start Newton there and converge to the same optimum in fewer
   * iterations; others ignore it.
   */
  readonly warmStart?: unknown;
}

/** A fitted aggregator: maps one bar's member probabilities to P(up). */
export interface Predictor {
  /**
   * P(up) for one bar. `row[i]` = member i's probability (NaN allowed: treated as 0.5, the qar.py default).
   * `t`, when given, is the bar's index in the data the predictor was fitted on (`row` is that bar's row):
   * a predictor may use it to reuse per-bar work it cached; the result must not depend on it.
   */
  predict(row: Float64Array, t?: number): number;
  /** Online learners: the label of the row just predicted has been revealed (called before the next bar). */
  observe?(row: Float64Array, label: number): void;
  /** True when the last `predict` call used the classical fallback (fallback aggregator only). */
  readonly lastUsedFallback?: boolean;
  /** Counters worth reporting (ties, fallbacks, …). */
  diagnostics?(): Record<string, number>;
  /** Fitted state a later fit of the same aggregator may start from (opaque; see FitOptions.warmStart). */
  readonly warmStart?: unknown;
}

export interface Aggregator {
  /** Stable id (serialised; never renamed without a migration). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what it does and why it is in the comparison. */
  readonly rationale: string;
  readonly kind: AggregatorKind;
  /**
   * Fit on the training bars listed in `train` (rows and labels of those bars only; rows with a NaN
   * label or any NaN member are skipped by fitted aggregators). Static aggregators ignore `train`;
   * online ones replay it through `observe`.
   */
  fit(data: EnsembleData, train: BarRanges, options?: FitOptions): Predictor;
}
