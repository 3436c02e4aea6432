import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { Statevector, simulate } from '../../quantum/statevector';
import { buildCircuit, type Circuit } from '../../quantum/circuit';
import { adjointGradient, type ParamRef } from '../../quantum/gradients';
import { createRng } from '../../random';
import { isCompleteRow, readRow, sigmoid } from '../math';
import { meanProbability } from './meanProbability';
import { encodeAngle } from './parityCircuit';
import { vqcRealWork, vqcRealZ, vqcRealZGradient } from './vqcReal';

/**
 * A trained variational circuit: angle-encode member i with RY(2·asin√pᵢ) on qubit i, then L layers of
 * trainable RY(θ_{l,i}) on every qubit followed by a CNOT ring CX(0,1)…CX(n−2,n−1), CX(n−1,0); read
 * z = ⟨Z⟩ of the last qubit and map it with a fitted logistic link P = σ(a·z + b).
 * Trained on the most recent `maxTrainRows` complete training rows with Adam on mean log loss plus an L2
 * penalty (`l2`·Σθ²/2 on the circuit angles and the link slope), EARLY-STOPPED on a validation split inside
 * the training window: the newest `validationShare` of the picked rows are held out, the parameters with the
 * lowest validation log loss over the epochs are kept, and training stops after `patience` epochs without
 * improvement (validationShare 0 = no early stopping). The circuit gradient dz/dθ comes from an adjoint pass
 * on a real statevector specialised to this circuit (vqcReal.ts; the engine's `adjointGradient` is the reference).
 * Note (Schuld et al. 2021): with one encoding per input this is a bounded Fourier model; with L = 1
 * the readout is still a parity (∏ cos(θᵢ + φᵢ)), interference appears from L = 2 on.
 */
export interface VqcOptions {
  readonly layers?: number;
  readonly maxTrainRows?: number;
  readonly epochs?: number;
  readonly batchSize?: number;
  readonly learningRate?: number;
  /** Below this many usable rows the predictor is the mean probability (documented fallback). */
  readonly minTrainRows?: number;
  /**
   * 'real' (default): the circuit specialised to its shape on a real statevector (vqcReal.ts: layer 0 as one
   * product-state write, CNOT rings as index gathers) for the gradient, the validation loss and the predictions;
   * 'engine': the quantum engine's `adjointGradient(circuit, 'I…IZ', refs)` and `simulate` (the reference);
   * 'local': the allocation-free `adjointZGradient` below on the engine's complex statevector.
   * All three give the same numbers to ~1e-12 (tested).
   */
  readonly gradient?: 'real' | 'engine' | 'local';
  /** Ridge strength on the angles and the link slope (default 0: unregularised). */
  readonly l2?: number;
  /** Newest share of the training rows held out for early stopping (default 0: none). */
  readonly validationShare?: number;
  /** Epochs without a better validation loss before stopping (default 2). */
  readonly patience?: number;
}

/** Parameter references of the trainable RY gates of `vqcCircuit`, in θ order. */
export function vqcParamRefs(nQubits: number, layers: number): ParamRef[] {
  const refs: ParamRef[] = [];
  ansatz(nQubits, layers).forEach((g, k) => { if (g.q2 < 0) refs[g.param] = { opIndex: nQubits + k, paramIndex: 0 }; });
  return refs;
}

interface Gate { readonly q: number; readonly q2: number; readonly param: number }

/** The trainable part: per layer, RY(θ) on each qubit (param index) then the CNOT ring (q2 ≥ 0). */
function ansatz(nQubits: number, layers: number): Gate[] {
  const gates: Gate[] = [];
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < nQubits; q++) gates.push({ q, q2: -1, param: l * nQubits + q });
    if (nQubits > 1) for (let q = 0; q < nQubits; q++) {
      const t = (q + 1) % nQubits;
      if (nQubits === 2 && q === 1) break; // a 2-ring is a single CX
      gates.push({ q, q2: t, param: -1 });
    }
  }
  return gates;
}

export function vqcCircuit(row: ArrayLike<number>, theta: Float64Array, layers: number): Circuit {
  const n = row.length;
  const b = buildCircuit(n);
  for (let i = 0; i < n; i++) b.ry(encodeAngle(row[i]), i);
  for (const g of ansatz(n, layers)) {
    if (g.q2 < 0) b.ry(theta[g.param], g.q);
    else b.cx(g.q, g.q2);
  }
  return b.build();
}

/**
 * ⟨Z⟩ of the readout (last) qubit of the noiseless circuit for one row: the value the link maps to a
 * probability. Exposed so the same fitted model can be run with hardware errors and shots (roadmap/hardwareRun).
 */
export function vqcExpectationZ(row: ArrayLike<number>, theta: Float64Array, layers: number): number {
  return 1 - 2 * simulate(vqcCircuit(row, theta, layers)).state.probabilityOfOne(row.length - 1);
}

/** The fitted logistic link: P(up) = σ(a·z + b) from the readout's ⟨Z⟩ (z = 1 − 2·P(read 1)). */
export function vqcLinkProbability(z: number, model: Pick<VqcModel, 'a' | 'b'>): number {
  return sigmoid(model.a * z + model.b);
}

/** What a fit learned: the circuit angles θ (layer-major), the layer count and the link P = σ(a·z + b). */
export interface VqcModel {
  readonly layers: number;
  readonly theta: Float64Array;
  readonly a: number;
  readonly b: number;
}

/** A fitted VQC predictor; `model` is null when it fell back to the mean probability (too few rows). */
export interface VqcPredictor extends Predictor {
  readonly model: VqcModel | null;
}

export interface VqcAggregator extends Aggregator {
  fit(data: EnsembleData, train: BarRanges, options?: FitOptions): VqcPredictor;
}

function expectZ(amps: Float64Array, qubit: number): number {
  const bit = 1 << qubit, dim = amps.length >> 1;
  let s = 0;
  for (let i = 0; i < dim; i++) {
    const w = amps[2 * i] * amps[2 * i] + amps[2 * i + 1] * amps[2 * i + 1];
    s += i & bit ? -w : w;
  }
  return s;
}

/**
 * ⟨Z_readout⟩ and its gradient with respect to every θ by the adjoint method: one forward pass, then
 * walk the gates backwards carrying |ψ⟩ (uncomputed) and |λ⟩ = U…Z|ψ_final⟩; for RY(θ) on q,
 * d⟨Z⟩/dθ = Re⟨λ|RY(θ + π)|ψ_before⟩ (since dRY/dθ = RY(θ + π)/2 and ⟨Z⟩ = ⟨ψ|U†ZU|ψ⟩).
 * Uses only `applyGate` on the engine's statevector; buffers are passed in so training allocates nothing.
 */
export function adjointZGradient(
  row: ArrayLike<number>, theta: Float64Array, layers: number, readout: number,
  work: { psi: Statevector; lambda: Statevector; tmp: Statevector }, grad: Float64Array,
): number {
  const n = row.length;
  const { psi, lambda, tmp } = work;
  psi.amps.fill(0); psi.amps[0] = 1;
  for (let i = 0; i < n; i++) psi.applyGate('ry', [i], [encodeAngle(row[i])]);
  const gates = ansatz(n, layers);
  for (const g of gates) {
    if (g.q2 < 0) psi.applyGate('ry', [g.q], [theta[g.param]]);
    else psi.applyGate('cx', [g.q, g.q2]);
  }
  const value = expectZ(psi.amps, readout);
  lambda.amps.set(psi.amps);
  const la = lambda.amps, bit = 1 << readout, dim = la.length >> 1;
  for (let i = 0; i < dim; i++) if (i & bit) { la[2 * i] = -la[2 * i]; la[2 * i + 1] = -la[2 * i + 1]; }
  grad.fill(0);
  for (let k = gates.length - 1; k >= 0; k--) {
    const g = gates[k];
    if (g.q2 >= 0) { psi.applyGate('cx', [g.q, g.q2]); lambda.applyGate('cx', [g.q, g.q2]); continue; }
    const th = theta[g.param];
    psi.applyGate('ry', [g.q], [-th]); // ψ before this gate
    tmp.amps.set(psi.amps);
    tmp.applyGate('ry', [g.q], [th + Math.PI]);
    const a = lambda.amps, b = tmp.amps;
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    grad[g.param] += s;
    lambda.applyGate('ry', [g.q], [-th]);
  }
  return value;
}

export function createVqcAggregator(options: VqcOptions = {}): VqcAggregator {
  const { layers = 2, maxTrainRows = 64, epochs = 3, batchSize = 8, learningRate = 0.05, minTrainRows = 16, gradient = 'real', l2 = 0, validationShare = 0, patience = 2 } = options;
  if (!(l2 >= 0)) throw new RangeError(`invalid l2: ${l2} (expected ≥ 0)`);
  if (!(validationShare >= 0 && validationShare < 1)) throw new RangeError(`invalid validationShare: ${validationShare} (expected 0 ≤ share < 1)`);
  if (!Number.isInteger(patience) || patience < 1) throw new RangeError(`invalid patience: ${patience} (expected integer ≥ 1)`);
  const regularised = l2 > 0 || validationShare > 0;
  if (gradient !== 'real' && gradient !== 'engine' && gradient !== 'local') throw new RangeError(`invalid gradient: ${String(gradient)} (expected 'real', 'engine' or 'local')`);
  if (!Number.isInteger(layers) || layers < 1 || layers > 8) throw new RangeError(`invalid layers: ${layers} (expected 1–8)`);
  if (!Number.isInteger(maxTrainRows) || maxTrainRows < 1) throw new RangeError(`invalid maxTrainRows: ${maxTrainRows} (expected integer ≥ 1)`);
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`invalid epochs: ${epochs} (expected integer ≥ 0)`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`invalid batchSize: ${batchSize} (expected integer ≥ 1)`);
  if (!(learningRate > 0)) throw new RangeError(`invalid learningRate: ${learningRate} (expected > 0)`);
  return {
    id: 'vqc',
    title: `Variational circuit (${layers} RY + CNOT-ring layers, logistic link${regularised ? `, L2 ${l2}, early-stopped on ${Math.round(100 * validationShare)} % validation` : ''})`,
    rationale: 'A trained quantum model: angle-encoded members, trainable RY layers and CNOT rings, adjoint gradients, Adam. The fair "quantum" contender against logistic stacking.',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): VqcPredictor {
      const n = data.probs.length;
      // the most recent usable rows, newest last
      const picked: number[] = [];
      const row = new Float64Array(n);
      for (let r = train.length - 1; r >= 0 && picked.length < maxTrainRows; r--) {
        for (let t = train[r][1] - 1; t >= train[r][0] && picked.length < maxTrainRows; t--) {
          const y = data.up[t];
          if (!(y === 0 || y === 1)) continue;
          if (!isCompleteRow(readRow(data.probs, t, row))) continue;
          picked.push(t);
        }
      }
      picked.reverse();
      if (picked.length < minTrainRows) return { predict: meanProbability, model: null, diagnostics: () => ({ rows: picked.length, fallback: 1 }) };
      const rng = createRng(fitOptions.seed ?? 0).fork('vqc');
      const nTheta = layers * n, nParams = nTheta + 2; // θ…, a, b
      const params = new Float64Array(nParams);
      for (let j = 0; j < nTheta; j++) params[j] = 0.1 * rng.normal();
      params[nTheta] = 1; // a
      const theta = params.subarray(0, nTheta);
      const m = new Float64Array(nParams), v = new Float64Array(nParams), g = new Float64Array(nParams);
      const dz = new Float64Array(nTheta);
      const psi = Statevector.zero(n);
      const work = { psi, lambda: psi.clone(), tmp: psi.clone() };
      const readout = n - 1;
      const refs = vqcParamRefs(n, layers);
      const observable = 'I'.repeat(n - 1) + 'Z';
      const realWork = gradient === 'real' ? vqcRealWork(n) : null;
      /** ⟨Z_readout⟩ of the circuit with angles `th` for one row. */
      const zOf = (r: ArrayLike<number>, th: Float64Array): number => realWork
        ? vqcRealZ(r, th, layers, readout, realWork)
        : 1 - 2 * simulate(vqcCircuit(r, th, layers)).state.probabilityOfOne(readout);
      const zAndGradient = (r: Float64Array): number => {
        if (realWork) return vqcRealZGradient(r, theta, layers, readout, realWork, dz);
        if (gradient === 'local') return adjointZGradient(r, theta, layers, readout, work, dz);
        const res = adjointGradient(vqcCircuit(r, theta, layers), observable, refs);
        dz.set(res.gradient);
        return res.value;
      };
      // Early stopping: the newest rows of the window are the validation split (never trained on).
      const nValid = validationShare > 0 ? Math.floor(validationShare * picked.length) : 0;
      const validRows = picked.slice(picked.length - nValid);
      const trainRows = nValid ? picked.slice(0, picked.length - nValid) : picked;
      const validLoss = (): number => {
        let s = 0;
        for (const t of validRows) {
          readRow(data.probs, t, row);
          const z = zOf(row, theta);
          const p = sigmoid(params[nTheta] * z + params[nTheta + 1]);
          s -= Math.log(Math.max(1e-15, data.up[t] ? p : 1 - p));
        }
        return s / validRows.length;
      };
      let best = nValid ? Float64Array.from(params) : params, bestLoss = nValid ? validLoss() : NaN, stale = 0, epochsRun = 0;
      const order = Int32Array.from(trainRows.keys());
      const b1 = 0.9, b2 = 0.999;
      let step = 0, lastLoss = NaN;
      for (let e = 0; e < epochs; e++) {
        for (let i = order.length - 1; i > 0; i--) { const j = rng.int(i + 1); const t = order[i]; order[i] = order[j]; order[j] = t; }
        let epochLoss = 0;
        for (let start = 0; start < order.length; start += batchSize) {
          const end = Math.min(start + batchSize, order.length);
          g.fill(0);
          for (let k = start; k < end; k++) {
            const t = trainRows[order[k]];
            readRow(data.probs, t, row);
            const z = zAndGradient(row);
            const a = params[nTheta], bb = params[nTheta + 1];
            const p = sigmoid(a * z + bb), y = data.up[t];
            epochLoss -= Math.log(Math.max(1e-15, y ? p : 1 - p));
            const r = p - y; // d(log loss)/d(logit)
            for (let j = 0; j < nTheta; j++) g[j] += r * a * dz[j];
            g[nTheta] += r * z;
            g[nTheta + 1] += r;
          }
          step++;
          const scale = 1 / (end - start);
          for (let j = 0; j < nParams; j++) {
            // Ridge on the angles and the link slope (not the intercept b).
            const gj = g[j] * scale + (j < nParams - 1 ? l2 * params[j] : 0);
            m[j] = b1 * m[j] + (1 - b1) * gj;
            v[j] = b2 * v[j] + (1 - b2) * gj * gj;
            params[j] -= (learningRate * (m[j] / (1 - b1 ** step))) / (Math.sqrt(v[j] / (1 - b2 ** step)) + 1e-8);
          }
        }
        lastLoss = epochLoss / order.length;
        epochsRun++;
        if (nValid) {
          const vl = validLoss();
          if (vl < bestLoss) { bestLoss = vl; best = Float64Array.from(params); stale = 0; } else if (++stale >= patience) break;
        }
      }
      const fitted = Float64Array.from(nValid ? best : params);
      const th = fitted.subarray(0, nTheta);
      const model: VqcModel = { layers, theta: Float64Array.from(th), a: fitted[nTheta], b: fitted[nTheta + 1] };
      return {
        model,
        predict(r) {
          const z = zOf(r, th);
          return sigmoid(fitted[nTheta] * z + fitted[nTheta + 1]);
        },
        diagnostics: () => ({ rows: picked.length, steps: step, epochs: epochsRun, lastEpochLogLoss: lastLoss, validationLogLoss: bestLoss, fallback: 0 }),
      };
    },
  };
}

export const vqc = createVqcAggregator();
