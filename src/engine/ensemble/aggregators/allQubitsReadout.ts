/**
 * A charitable quantum candidate: OUR RECONSTRUCTION of the roadmap circuit (RY(2·asin√pᵢ), CNOT chain; see
 * parityCircuit.ts) with EVERY qubit read out instead of one, mapped to a probability by a classical readout
 * fitted walk-forward: logistic regression (ridge) on the logits of the 14 marginals P(qubit j = 1), fitted
 * on the training bars only. The roadmap could have meant "read the whole register"; this gives that reading
 * its best shot with a learned map. Qubit j carries the prefix parity b₀⊕…⊕b_j, so P(qubit 0 = 1) = p₀ and the
 * readout can undo part of the chain: whatever skill it shows is the members' skill passed through a circuit.
 * Features of a bar are cached per dataset (one simulation per bar however many splits train on or test it);
 * each fit warm-starts from the previous split's (convex: same optimum, fewer Newton passes).
 */
import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { ParametricCircuit, SimulationWorkspace } from '../../quantum/statevector';
import { asLogisticWarmStart, fitLogistic, type LogisticWarmStart } from '../logistic';
import { clipProb, isCompleteRow, logit, readRow, sigmoid } from '../math';
import { meanProbability } from './meanProbability';
import { encodeAngle, roadmapCircuit } from './parityCircuit';

export interface AllQubitsReadoutOptions {
  readonly l2?: number;
  readonly minTrainRows?: number;
}

/**
 * P(qubit j = 1) for every qubit of the reconstructed circuit, in one pass over the amplitudes. The circuit is
 * built and validated once per qubit count; each bar sets the RY angles (ParametricCircuit) and the marginals
 * are folded from the real-valued state (no complex copy). Same numbers as folding `simulate(roadmapCircuit(row))`.
 */
export function allQubitMarginals(row: ArrayLike<number>, workspace?: SimulationWorkspace, out = new Float64Array(row.length)): Float64Array {
  const n = row.length;
  let template = templates.get(n);
  if (!template) { template = new ParametricCircuit(roadmapCircuit(new Float64Array(n).fill(0.5))); templates.set(n, template); }
  for (let i = 0; i < n; i++) template.setParam(i, 0, encodeAngle(row[i]));
  return template.marginals(out, workspace);
}

const templates = new Map<number, ParametricCircuit>();

export function createAllQubitsReadout(options: AllQubitsReadoutOptions = {}): Aggregator {
  const { l2 = 1, minTrainRows = 100 } = options;
  const cache = new WeakMap<readonly Float64Array[], BarFeatures>();
  const featuresOf = (probs: readonly Float64Array[]): BarFeatures => {
    let f = cache.get(probs);
    if (!f) {
      const n = probs.length, nBars = n ? probs[0].length : 0;
      f = { x: new Float64Array(nBars * (n + 1)), state: new Uint8Array(nBars), workspace: new SimulationWorkspace(), row: new Float64Array(n) };
      cache.set(probs, f);
    }
    return f;
  };
  return {
    id: 'all-qubits-readout',
    title: 'Our reconstruction, every qubit read out, logistic readout fitted walk-forward',
    rationale: 'Reads all 14 qubits of the reconstructed circuit and learns a classical map from their marginals to P(up) on past bars: the charitable "read the whole register" reading.',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): Predictor {
      const n = data.probs.length, d = n + 1;
      const features = featuresOf(data.probs);
      let capacity = 0;
      for (const [s, e] of train) capacity += Math.max(0, e - s);
      const x = new Float64Array(capacity * d), y = new Float64Array(capacity);
      const bars = new Int32Array(capacity);
      let rows = 0;
      for (const [start, end] of train) {
        for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
          const label = data.up[t];
          if (!(label === 0 || label === 1)) continue;
          if (!barFeatures(features, data.probs, t)) continue;
          x.set(features.x.subarray(t * d, t * d + d), rows * d);
          bars[rows] = t;
          y[rows++] = label;
        }
      }
      if (rows < minTrainRows) return { predict: meanProbability, diagnostics: () => ({ rows, fallback: 1 }) };
      // Warm start as in stacking (convex objective: same optimum, fewer Newton passes).
      const warm = asLogisticWarmStart(fitOptions.warmStart, d, data.probs);
      const prefix = warm !== null && warm.bars.length <= rows && warm.bars.every((t, r) => bars[r] === t);
      const fit = fitLogistic(x, y, rows, d, { l2, init: warm?.beta, initHessian: prefix ? warm.hessian : undefined });
      const beta = fit.beta, marg = new Float64Array(n), workspace = new SimulationWorkspace();
      const score = (f: Float64Array, o: number) => {
        let z = beta[0];
        for (let j = 0; j < n; j++) z += beta[1 + j] * f[o + 1 + j];
        return sigmoid(z);
      };
      return {
        warmStart: { beta, hessian: fit.hessian, bars: bars.slice(0, rows), probs: data.probs } satisfies LogisticWarmStart,
        predict(r, t) {
          // The bar's features, simulated once per bar and reused by every later fit that trains on it.
          if (t !== undefined && barFeatures(features, data.probs, t)) return score(features.x, t * d);
          allQubitMarginals(r, workspace, marg);
          let z = beta[0];
          for (let j = 0; j < n; j++) z += beta[1 + j] * logit(clipProb(marg[j]));
          return sigmoid(z);
        },
        diagnostics: () => ({ rows, iterations: fit.iterations, converged: fit.converged ? 1 : 0, fallback: 0 }),
      };
    },
  };
}

/** Per member matrix: the design row [1, logit P(qubit j = 1)…] of each bar, simulated once (state 1 = done, 2 = incomplete row). */
interface BarFeatures { readonly x: Float64Array; readonly state: Uint8Array; readonly workspace: SimulationWorkspace; readonly row: Float64Array }

function barFeatures(f: BarFeatures, probs: readonly Float64Array[], t: number): boolean {
  if (f.state[t] === 0) {
    readRow(probs, t, f.row);
    if (!isCompleteRow(f.row)) f.state[t] = 2;
    else {
      const n = f.row.length, d = n + 1, m = allQubitMarginals(f.row, f.workspace);
      f.x[t * d] = 1;
      for (let j = 0; j < n; j++) f.x[t * d + 1 + j] = logit(clipProb(m[j]));
      f.state[t] = 1;
    }
  }
  return f.state[t] === 1;
}

export const allQubitsReadout = createAllQubitsReadout();
