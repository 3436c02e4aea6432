import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { majorityProbability } from './majority';

/**
 * The roadmap's "classical fallback if quantum fails" (`fallback_enabled = True`; qar.py's else-branch).
 * Our concrete reading of "fails": the primary output P is not a finite number in [0, 1], the primary
 * throws, or its confidence max(P, 1 − P) lies outside the claimed band 0.6–0.95 ("real confidence
 * values (0.6–0.95) replace 0.50 defaults"). On failure the output is the democratic majority vote's
 * up-share, which is exactly 0.5 (the qar.py default) on a tie.
 * Fed the parity circuit this falls back on almost every bar, since parity rarely leaves 0.4–0.6.
 */
export interface FallbackOptions {
  readonly minConfidence?: number;
  readonly maxConfidence?: number;
  readonly id?: string;
  readonly title?: string;
}

export function isFailedOutput(p: number, minConfidence: number, maxConfidence: number): boolean {
  if (!(p >= 0 && p <= 1)) return true; // NaN, ±∞ or out of range
  const c = p >= 0.5 ? p : 1 - p;
  return c < minConfidence || c > maxConfidence;
}

export function createFallbackAggregator(primary: Aggregator, options: FallbackOptions = {}): Aggregator {
  const { minConfidence = 0.6, maxConfidence = 0.95 } = options;
  if (!(minConfidence >= 0.5 && minConfidence <= maxConfidence && maxConfidence <= 1)) {
    throw new RangeError(`invalid confidence band: ${minConfidence}–${maxConfidence} (expected 0.5 ≤ min ≤ max ≤ 1)`);
  }
  return {
    id: options.id ?? `fallback-${primary.id}`,
    title: options.title ?? `${primary.title}, classical fallback`,
    rationale: `Uses ${primary.id} unless its output is invalid or its confidence is outside ${minConfidence}–${maxConfidence}; then majority vote (0.5 on a tie).`,
    kind: primary.kind,
    fit(data: EnsembleData, train: BarRanges, fitOptions?: FitOptions): Predictor {
      const inner = primary.fit(data, train, fitOptions);
      // crashes (unusable output or a throw) and fallbacks (crashes + confidence outside the band) are two figures
      let fallbacks = 0, crashes = 0, calls = 0, ties = 0, last = false;
      const predictor: Predictor = {
        get lastUsedFallback() { return last; },
        predict(row, t) {
          calls++;
          let p: number;
          try { p = inner.predict(row, t); } catch { p = NaN; }
          if (!(p >= 0 && p <= 1)) crashes++;
          last = isFailedOutput(p, minConfidence, maxConfidence);
          if (!last) return p;
          fallbacks++;
          const v = majorityProbability(row);
          if (v === 0.5) ties++;
          return v;
        },
        diagnostics: () => ({ calls, fallbacks, crashes, fallbackTies: ties }),
      };
      if (inner.observe) predictor.observe = (row, y) => inner.observe!(row, y);
      return predictor;
    },
  };
}
