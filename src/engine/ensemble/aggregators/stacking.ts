import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { logit, sigmoid } from '../math';
import { asLogisticWarmStart, fitLogistic, type LogisticWarmStart } from '../logistic';
import { meanProbability } from './meanProbability';

/**
 * Logistic stacking: P = σ(b + Σ wᵢ·logit pᵢ), fitted by ridge-penalised Newton/IRLS on the training bars.
 * Contains log-odds pooling with the prior correction as the special case wᵢ = 1, b = −(n−1)·logit π;
 * the ridge shrinks the weights when correlated members make the effective number of signals < n.
 * With fewer than `minTrainRows` usable rows it returns the mean probability (documented fallback).
 * In a walk-forward each fit starts from the previous split's weights (FitOptions.warmStart): the
 * objective is convex, so it converges to the same optimum (to the 1e-9 step tolerance) in fewer
 * Newton passes over the rows.
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
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): Predictor {
      const n = data.probs.length, d = n + 1;
      const features = logitFeatures(data.probs);
      let capacity = 0;
      for (const [s, e] of train) capacity += Math.max(0, e - s);
      const x = new Float64Array(capacity * d);
      const y = new Float64Array(capacity);
      const bars = new Int32Array(capacity);
      let rows = 0;
      for (const [start, end] of train) {
        for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
          const label = data.up[t];
          if (!(label === 0 || label === 1) || !features.complete[t]) continue;
          x.set(features.x.subarray(t * d, t * d + d), rows * d);
          bars[rows] = t;
          y[rows++] = label;
        }
      }
      if (rows < minTrainRows) {
        return { predict: meanProbability, diagnostics: () => ({ rows, fallback: 1 }) };
      }
      // Warm start from the previous split (expanding windows change the weights a little): its weights,
      // and its curvature when its rows are a prefix of ours (then only the new rows add curvature).
      const warm = asLogisticWarmStart(fitOptions.warmStart, d, data.probs);
      const prefix = warm !== null && warm.bars.length <= rows && warm.bars.every((t, r) => bars[r] === t);
      const fit = fitLogistic(x, y, rows, d, { l2, maxIterations, init: warm?.beta, initHessian: prefix ? warm.hessian : undefined });
      const beta = fit.beta;
      const state: LogisticWarmStart = { beta, hessian: fit.hessian, bars: bars.slice(0, rows), probs: data.probs };
      return {
        warmStart: state,
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

/**
 * Design rows [1, logit p₁, …, logit pₙ] for every bar, computed once per member matrix (keyed by the
 * `probs` array object; member columns are treated as immutable once handed to an aggregator).
 */
interface LogitFeatures { readonly x: Float64Array; readonly complete: Uint8Array }
const featureCache = new WeakMap<readonly Float64Array[], LogitFeatures>();

function logitFeatures(probs: readonly Float64Array[]): LogitFeatures {
  const hit = featureCache.get(probs);
  if (hit) return hit;
  const n = probs.length, d = n + 1, nBars = n ? probs[0].length : 0;
  const x = new Float64Array(nBars * d);
  const complete = new Uint8Array(nBars);
  for (let t = 0; t < nBars; t++) {
    const o = t * d;
    x[o] = 1;
    let ok = 1;
    for (let i = 0; i < n; i++) { const p = probs[i][t]; if (!Number.isFinite(p)) ok = 0; x[o + 1 + i] = logit(p); }
    complete[t] = ok;
  }
  const f = { x, complete };
  featureCache.set(probs, f);
  return f;
}
