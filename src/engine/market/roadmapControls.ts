/**
 * The roadmap's own situation, reproduced so it can be measured:
 * - qar.py line 3217 fills a missing factor with 0.5 (`factor_probabilities.get(f, 0.5)`): pinDefaults pins
 *   k member columns to exactly 0.50;
 * - its "QAR integration" replaces the 14 inputs by one number: `[confidence] * len(factor_names_list)`:
 *   literalReplacement copies one confidence into all inputs.
 */
import { createRng } from '../random';

export interface PinnedProbabilities {
  readonly probs: Float64Array[];
  /** Column indices pinned to 0.5, ascending. */
  readonly pinned: number[];
}

/**
 * Pins k of the columns to exactly 0.5 (new arrays; inputs are not modified). Without a seed the first k
 * columns in registry order are pinned; with a seed, k distinct columns chosen by a seeded shuffle.
 */
export function pinDefaults(probs: readonly Float64Array[], k: number, seed?: number | string): PinnedProbabilities {
  const n = probs.length;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`invalid k: ${k} (expected an integer 0–${n})`);
  let chosen: number[];
  if (seed === undefined) chosen = Array.from({ length: k }, (_, i) => i);
  else {
    const rng = createRng(seed), idx = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) { const j = i + rng.int(n - i); const t = idx[i]; idx[i] = idx[j]; idx[j] = t; } // partial Fisher–Yates
    chosen = idx.slice(0, k).sort((a, b) => a - b);
  }
  const set = new Set(chosen);
  return {
    probs: probs.map((col, i) => (set.has(i) ? new Float64Array(col.length).fill(0.5) : Float64Array.from(col))),
    pinned: chosen,
  };
}

/**
 * `[confidence] * len(factor_names_list)`: every one of the nMembers inputs becomes the same confidence.
 * A number gives one row (Float64Array of length nMembers); a per-bar column gives nMembers identical columns.
 */
export function literalReplacement(confidence: number, nMembers?: number): Float64Array;
export function literalReplacement(confidence: Float64Array, nMembers?: number): Float64Array[];
export function literalReplacement(confidence: Float64Array | number, nMembers = 14): Float64Array | Float64Array[] {
  if (!Number.isInteger(nMembers) || nMembers < 1) throw new RangeError(`invalid nMembers: ${nMembers} (expected an integer ≥ 1)`);
  if (typeof confidence === 'number') {
    if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`invalid confidence: ${confidence} (expected 0–1)`);
    return new Float64Array(nMembers).fill(confidence);
  }
  return Array.from({ length: nMembers }, () => Float64Array.from(confidence));
}
