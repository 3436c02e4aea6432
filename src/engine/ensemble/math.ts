/** Small numeric helpers shared by the aggregators. */

/** Probabilities are clipped to [P_EPS, 1 − P_EPS] before logits so a member at exactly 0 or 1 cannot give ±∞. */
export const P_EPS = 1e-6;

export function clipProb(p: number): number {
  return p < P_EPS ? P_EPS : p > 1 - P_EPS ? 1 - P_EPS : p;
}

export function logit(p: number): number {
  const q = clipProb(p);
  return Math.log(q / (1 - q));
}

/** Numerically stable logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** A missing member probability (warm-up NaN) counts as 0.5, the default of the roadmap's qar.py. */
export function orHalf(p: number): number {
  return p === p ? p : 0.5;
}

/** Copy bar t of the column-major member matrix into `out` (no allocation). */
export function readRow(probs: readonly Float64Array[], t: number, out: Float64Array): Float64Array {
  for (let i = 0; i < probs.length; i++) out[i] = probs[i][t];
  return out;
}

/** True when every entry is a finite number. */
export function isCompleteRow(row: Float64Array): boolean {
  for (let i = 0; i < row.length; i++) if (!Number.isFinite(row[i])) return false;
  return true;
}

/** Visit every usable training bar (label known, all members finite) in the given ranges, in order. */
export function forEachTrainingRow(
  probs: readonly Float64Array[],
  up: Float64Array,
  train: readonly (readonly [number, number])[],
  visit: (row: Float64Array, label: number, t: number) => void,
  requireComplete = true,
): void {
  const row = new Float64Array(probs.length);
  for (const [start, end] of train) {
    for (let t = start; t < end; t++) {
      const y = up[t];
      if (!(y === 0 || y === 1)) continue;
      readRow(probs, t, row);
      if (requireComplete && !isCompleteRow(row)) continue;
      visit(row, y, t);
    }
  }
}

/** Validate the data shapes once at the API boundary. */
export function validateData(probs: readonly Float64Array[], up: Float64Array): number {
  if (!Array.isArray(probs) || probs.length < 1) throw new RangeError(`invalid probs: ${probs?.length} members (expected ≥ 1)`);
  const nBars = up.length;
  for (let i = 0; i < probs.length; i++) {
    if (!(probs[i] instanceof Float64Array)) throw new TypeError(`invalid probs[${i}]: expected Float64Array`);
    if (probs[i].length !== nBars) throw new RangeError(`invalid probs[${i}].length: ${probs[i].length} (expected ${nBars}, the length of up)`);
  }
  return nBars;
}

/**
 * The ranges `next` adds to `prev` when `prev` is a prefix of it (equal ranges, the last one possibly extended at
 * its end: an expanding window), else null.
 */
export function rangesExtending(prev: readonly (readonly [number, number])[], next: readonly (readonly [number, number])[]): (readonly [number, number])[] | null {
  if (prev.length === 0 || prev.length > next.length) return null;
  const k = prev.length - 1;
  for (let r = 0; r < k; r++) if (prev[r][0] !== next[r][0] || prev[r][1] !== next[r][1]) return null;
  if (prev[k][0] !== next[k][0] || next[k][1] < prev[k][1]) return null;
  return [[prev[k][1], next[k][1]], ...next.slice(k + 1)];
}
