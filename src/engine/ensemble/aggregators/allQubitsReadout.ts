/**
 * A charitable quantum candidate: OUR RECONSTRUCTION of the roadmap circuit (RY(2·asin√pᵢ), CNOT chain; see
 * parityCircuit.ts) with EVERY qubit read out instead of one, mapped to a probability by a classical readout
 * fitted walk-forward: logistic regression (ridge) on the logits of the 14 marginals P(qubit j = 1), fitted
 * on the training bars only. The roadmap could have meant "read the whole register"; this gives that reading
 * its best shot with a learned map. Qubit j carries the prefix parity b₀⊕…⊕b_j, so P(qubit 0 = 1) = p₀ and the
 * readout can undo part of the chain: whatever skill it shows is the members' skill passed through a circuit.
 * Features of a bar are cached per dataset (one simulation per bar however many splits train on it).
 */
import type { Aggregator, BarRanges, EnsembleData, Predictor } from '../types';
import { SimulationWorkspace, simulate } from '../../quantum/statevector';
import { fitLogistic } from '../logistic';
import { clipProb, isCompleteRow, logit, readRow, sigmoid } from '../math';
import { meanProbability } from './meanProbability';
import { roadmapCircuit } from './parityCircuit';

export interface AllQubitsReadoutOptions {
  readonly l2?: number;
  readonly minTrainRows?: number;
}

/** P(qubit j = 1) for every qubit of the reconstructed circuit, in one pass over the amplitudes. */
export function allQubitMarginals(row: ArrayLike<number>, workspace?: SimulationWorkspace, out = new Float64Array(row.length)): Float64Array {
  const amps = simulate(roadmapCircuit(row), { workspace }).state.amps;
  const n = row.length, dim = amps.length >> 1;
  if (weights.length !== dim) weights = new Float64Array(dim);
  for (let i = 0; i < dim; i++) weights[i] = amps[2 * i] * amps[2 * i] + amps[2 * i + 1] * amps[2 * i + 1];
  // P(bit j = 1): the upper half of every 2^(j+1) block, branch-free.
  for (let j = 0; j < n; j++) {
    const half = 1 << j;
    let s = 0;
    for (let base = half; base < dim; base += 2 * half) for (let i = base; i < base + half; i++) s += weights[i];
    out[j] = s;
  }
  return out;
}

let weights = new Float64Array(0);

export function createAllQubitsReadout(options: AllQubitsReadoutOptions = {}): Aggregator {
  const { l2 = 1, minTrainRows = 100 } = options;
  const cache = new WeakMap<readonly Float64Array[], Map<number, Float64Array>>();
  return {
    id: 'all-qubits-readout',
    title: 'Our reconstruction, every qubit read out, logistic readout fitted walk-forward',
    rationale: 'Reads all 14 qubits of the reconstructed circuit and learns a classical map from their marginals to P(up) on past bars: the charitable "read the whole register" reading.',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges): Predictor {
      const n = data.probs.length, d = n + 1;
      const workspace = new SimulationWorkspace();
      let perBar = cache.get(data.probs);
      if (!perBar) cache.set(data.probs, (perBar = new Map()));
      const row = new Float64Array(n);
      let capacity = 0;
      for (const [s, e] of train) capacity += Math.max(0, e - s);
      const x = new Float64Array(capacity * d), y = new Float64Array(capacity);
      let rows = 0;
      for (const [start, end] of train) {
        for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
          const label = data.up[t];
          if (!(label === 0 || label === 1)) continue;
          let m = perBar.get(t);
          if (!m) {
            readRow(data.probs, t, row);
            if (!isCompleteRow(row)) continue;
            m = allQubitMarginals(row, workspace);
            perBar.set(t, m);
          }
          x[rows * d] = 1;
          for (let j = 0; j < n; j++) x[rows * d + 1 + j] = logit(clipProb(m[j]));
          y[rows++] = label;
        }
      }
      if (rows < minTrainRows) return { predict: meanProbability, diagnostics: () => ({ rows, fallback: 1 }) };
      const fit = fitLogistic(x, y, rows, d, { l2 });
      const beta = fit.beta, marg = new Float64Array(n);
      return {
        predict(r) {
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

export const allQubitsReadout = createAllQubitsReadout();
