import type { NumArray } from './checks.ts';

export interface AdjustedPValues {
  /** Adjusted p-values in the input order (capped at 1). */
  adjusted: Float64Array;
  /** adjusted ≤ level. */
  reject: boolean[];
}

function checkP(p: NumArray): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new RangeError(`invalid p[${i}]: ${p[i]} (expected 0–1)`);
  }
}

function ascendingOrder(p: NumArray): number[] {
  return Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
}

/** Holm (1979) step-down adjustment, controls the family-wise error rate: p̃_(i) = max_{j≤i} min(1, (m − j + 1)p_(j)). */
export function holm(p: NumArray, alpha = 0.05): AdjustedPValues {
  checkP(p);
  const m = p.length, order = ascendingOrder(p), adjusted = new Float64Array(m);
  let running = 0;
  for (let r = 0; r < m; r++) {
    running = Math.max(running, Math.min(1, (m - r) * p[order[r]]));
    adjusted[order[r]] = running;
  }
  return { adjusted, reject: Array.from(adjusted, (a) => a <= alpha) };
}

/**
 * Benjamini–Hochberg (1995) step-up adjustment, controls the false discovery rate at q under
 * independence or positive dependence: p̃_(i) = min_{j≥i} min(1, m·p_(j)/j). Rejecting p̃ ≤ q equals
 * rejecting p_(i) ≤ iq/m for all i up to the largest such i.
 */
export function benjaminiHochberg(p: NumArray, q = 0.1): AdjustedPValues {
  checkP(p);
  const m = p.length, order = ascendingOrder(p), adjusted = new Float64Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    running = Math.min(running, (m * p[order[r]]) / (r + 1));
    adjusted[order[r]] = running;
  }
  return { adjusted, reject: Array.from(adjusted, (a) => a <= q) };
}
