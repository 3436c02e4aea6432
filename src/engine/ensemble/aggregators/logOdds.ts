import type { Aggregator, BarRanges, EnsembleData, Predictor } from '../types';
import { logit, sigmoid } from '../math';

/**
 * Log-odds pooling: logit P = Σ logit pᵢ (naive Bayes for conditionally independent, calibrated members
 * and prior 1/2). With the prior correction, logit P = Σ logit pᵢ − (n − 1)·logit π, where π is the base
 * rate of "up" on the training labels (Laplace-smoothed). NaN members count as 0.5 (logit 0).
 */
function pool(row: Float64Array, offset: number): number {
  let z = offset;
  for (let i = 0; i < row.length; i++) { const p = row[i]; if (p === p) z += logit(p); }
  return sigmoid(z);
}

export const logOdds: Aggregator = {
  id: 'log-odds',
  title: 'Log-odds pooling',
  rationale: 'Sum of member logits: the Bayes-optimal pool for independent calibrated members; over-confident when they are correlated.',
  kind: 'static',
  fit(): Predictor {
    return { predict: (row) => pool(row, 0) };
  },
};

/** Base rate of up labels in the training ranges, Laplace-smoothed: (k + 1)/(n + 2). */
export function baseRate(up: Float64Array, train: BarRanges): number {
  let k = 0, n = 0;
  for (const [start, end] of train) {
    for (let t = start; t < end; t++) { const y = up[t]; if (y === 0 || y === 1) { k += y; n++; } }
  }
  return (k + 1) / (n + 2);
}

export const logOddsPrior: Aggregator = {
  id: 'log-odds-prior',
  title: 'Log-odds pooling with prior correction',
  rationale: 'Σ logit pᵢ − (n−1)·logit π with π the past base rate: removes the n-fold counting of the prior.',
  kind: 'fitted',
  fit(data: EnsembleData, train: BarRanges): Predictor {
    const prior = baseRate(data.up, train);
    const offset = -(data.probs.length - 1) * logit(prior);
    return { predict: (row) => pool(row, offset), diagnostics: () => ({ prior }) };
  },
};
