import type { Aggregator, Predictor } from '../types';

/** Arithmetic mean of member probabilities (NaN counts as 0.5). */
export function meanProbability(row: Float64Array): number {
  let s = 0;
  for (let i = 0; i < row.length; i++) { const p = row[i]; s += p === p ? p : 0.5; }
  return s / row.length;
}

export const mean: Aggregator = {
  id: 'mean',
  title: 'Mean probability',
  rationale: 'Linear opinion pool with equal weights: robust to correlated members, but under-confident when members are independent.',
  kind: 'static',
  fit(): Predictor {
    return { predict: meanProbability };
  },
};
