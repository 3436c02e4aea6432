import type { Aggregator, BarRanges, EnsembleData, Predictor } from '../types';
import { forEachTrainingRow, logit, sigmoid } from '../math';
import { fitLogistic } from '../logistic';
import { meanProbability } from './meanProbability';

/**
 * Logistic stacking: P = σ(b + Σ wᵢ·logit pᵢ), fitted by ridge-penalised Newton/IRLS on the training bars.
 * Contains log-odds pooling with the prior correction as the special case wᵢ = 1, b = −(n−1)·logit π;
 * the ridge shrinks the weights when correlated members make the effective number of signals < n.
 * With fewer than `minTrainRows` usable rows it returns the mean probability (documented fallback).
 */
export interface StackingOptions {
  readonly l2?: number;
  readonly minTrainRows?: number;
  readonly maxIterations?: number;
}

export function createStacking(options: StackingOptions = {}): Aggregator {
  const { l2 = 1, minTrainRows = 100, maxIterations = 50 } = options;
  return {
    id: 'stacking',
    title: 'Logistic stacking on member log-odds',
    rationale: 'Learns one weight per member plus an intercept on past labels (convex, 15 parameters): the classical baseline any learned aggregator must match.',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges): Predictor {
      const n = data.probs.length, d = n + 1;
      let capacity = 0;
      for (const [s, e] of train) capacity += Math.max(0, e - s);
      const x = new Float64Array(capacity * d);
      const y = new Float64Array(capacity);
      let rows = 0;
      forEachTrainingRow(data.probs, data.up, train, (row, label) => {
        const o = rows * d;
        x[o] = 1;
        for (let i = 0; i < n; i++) x[o + 1 + i] = logit(row[i]);
        y[rows++] = label;
      });
      if (rows < minTrainRows) {
        return { predict: meanProbability, diagnostics: () => ({ rows, fallback: 1 }) };
      }
      const fit = fitLogistic(x, y, rows, d, { l2, maxIterations });
      const beta = fit.beta;
      return {
        predict(row) {
          let z = beta[0];
          for (let i = 0; i < n; i++) { const p = row[i]; if (p === p) z += beta[1 + i] * logit(p); }
          return sigmoid(z);
        },
        diagnostics: () => ({ rows, iterations: fit.iterations, converged: fit.converged ? 1 : 0, fallback: 0 }),
      };
    },
  };
}

export const stacking = createStacking();
