import { describe, expect, it } from 'vitest';
import {
  NOISELESS, noisyVqcProbabilityOfOne, vqcGateShrink, vqcCnotCount, vqcCircuitDurationNs, vqcDecisionLatencyMs, runVqcOnHardware, sampleShots,
  type HardwareNoise,
} from '../../../src/engine/roadmap/hardwareRun';
import { createVqcAggregator, vqcCircuit, vqcExpectationZ, vqcLinkProbability } from '../../../src/engine/ensemble/aggregators/vqc';
import { syntheticBoard } from '../../../src/engine/ensemble/synthetic';
import { DensityMatrix } from '../../../src/engine/quantum/density';
import { pauliKraus } from '../../../src/engine/quantum/channels';
import { createRng } from '../../../src/engine/random';

const noise = (over: Partial<HardwareNoise>): HardwareNoise => ({ ...NOISELESS, ...over });

function fitted(nMembers: number) {
  const board = syntheticBoard({ nBars: 400, nMembers, seed: 5, skill: 0.6 });
  const agg = createVqcAggregator({ layers: 2, epochs: 3, gradient: 'local' });
  const predictor = agg.fit({ probs: board.probs, up: board.up }, [[60, 300]], { seed: 11 });
  const rows = Array.from({ length: 30 }, (_, k) => Float64Array.from(board.probs, (c) => c[300 + k]));
  return { predictor, rows };
}

/** 2-qubit depolarizing as 16 Pauli Kraus operators (4×4 complex, row-major, re/im interleaved). */
function depolarizing2q(total: number): Float64Array[] {
  const paulis = [pauliKraus(0, 0, 0)[0], pauliKraus(1, 0, 0)[1], pauliKraus(0, 1, 0)[1], pauliKraus(0, 0, 1)[1]];
  const ops: Float64Array[] = [];
  for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) {
    const w = Math.sqrt(a === 0 && b === 0 ? 1 - total : total / 15);
    const m = new Float64Array(32);
    for (let i1 = 0; i1 < 2; i1++) for (let j1 = 0; j1 < 2; j1++) for (let i2 = 0; i2 < 2; i2++) for (let j2 = 0; j2 < 2; j2++) {
      const ar = paulis[a][2 * (2 * i1 + j1)], ai = paulis[a][2 * (2 * i1 + j1) + 1];
      const br = paulis[b][2 * (2 * i2 + j2)], bi = paulis[b][2 * (2 * i2 + j2) + 1];
      const k = 2 * ((2 * i1 + i2) * 4 + (2 * j1 + j2));
      m[k] = w * (ar * br - ai * bi); m[k + 1] = w * (ar * bi + ai * br);
    }
    ops.push(m);
  }
  return ops;
}

/** Exact ⟨Z_last⟩ of the VQC circuit with depolarizing after every gate, on a density matrix. */
function densityNoisyZ(row: Float64Array, theta: Float64Array, layers: number, r1: number, r2: number): number {
  const c = vqcCircuit(row, theta, layers);
  const rho = DensityMatrix.zero(row.length);
  const k1 = pauliKraus(r1 / 2, r1 / 2, r1 / 2), k2 = depolarizing2q((5 * r2) / 4);
  for (const op of c.ops) {
    if (op.kind !== 'gate') continue;
    rho.applyGate(op.gate, op.qubits, op.params);
    if (op.qubits.length === 1) rho.applyKraus(k1, op.qubits);
    else rho.applyKraus(k2, op.qubits);
  }
  return 1 - 2 * rho.probabilityOfOne(row.length - 1);
}

describe('the trained VQC on hardware', () => {
  it('exposes a model whose noiseless readout reproduces the predictor exactly', () => {
    const { predictor, rows } = fitted(4);
    const model = predictor.model!;
    expect(model.layers).toBe(2);
    for (const row of rows) {
      const z = vqcExpectationZ(row, model.theta, model.layers);
      expect(vqcLinkProbability(z, model)).toBe(predictor.predict(row));
      // noiseless hardware limit: P(1) = (1 − z)/2, so the link gives back the noiseless output
      const p1 = noisyVqcProbabilityOfOne(z, 4, 2, NOISELESS);
      expect(p1).toBe((1 - z) / 2);
      expect(vqcLinkProbability(1 - 2 * p1, model)).toBeCloseTo(predictor.predict(row), 14);
    }
  });

  it('falls back with model null on too few rows', () => {
    const board = syntheticBoard({ nBars: 40, nMembers: 3, seed: 1 });
    expect(createVqcAggregator().fit({ probs: board.probs, up: board.up }, [[0, 5]]).model).toBeNull();
  });

  it('more noise pulls P(1) toward 1/2 monotonically; the fixed point is 1/2 (P(up) = σ(b))', () => {
    const z = 0.6;
    let last = Infinity;
    for (const r of [0, 1e-4, 1e-3, 5e-3, 2e-2, 0.1]) {
      const p = noisyVqcProbabilityOfOne(z, 14, 2, noise({ gate1qError: r, gate2qError: 2 * r, readoutError: r }));
      expect(Math.abs(p - 0.5)).toBeLessThan(last + 1e-15);
      last = Math.abs(p - 0.5);
    }
    expect(noisyVqcProbabilityOfOne(z, 14, 2, noise({ gate2qError: 0.8 }))).toBeCloseTo(0.5, 12);
    expect(noisyVqcProbabilityOfOne(z, 14, 2, noise({ readoutError: 0.5 }))).toBe(0.5);
    expect(vqcCnotCount(14, 2)).toBe(28);
    expect(vqcCnotCount(2, 3)).toBe(3);
    expect(vqcGateShrink(14, 2, noise({ gate1qError: 1e-3, gate2qError: 1e-2 }))).toBeCloseTo((1 - 1.5e-3) ** 42 * (1 - 1.25e-2) ** 28, 14);
  });

  it('the white-noise approximation stays close to the exact density matrix on 4 qubits', () => {
    const { predictor, rows } = fitted(4);
    const model = predictor.model!;
    const r1 = 1e-3, r2 = 1e-2;
    let worst = 0;
    for (const row of rows.slice(0, 8)) {
      const z = vqcExpectationZ(row, model.theta, model.layers);
      const exact = densityNoisyZ(row, model.theta, model.layers, r1, r2);
      const approx = 1 - 2 * noisyVqcProbabilityOfOne(z, 4, 2, noise({ gate1qError: r1, gate2qError: r2 }));
      // the gate errors shrink ⟨Z⟩ by ~10 % here; the approximation must capture most of it
      worst = Math.max(worst, Math.abs(approx - exact) / Math.max(1e-9, Math.abs(z - exact)));
      expect(Math.abs(exact)).toBeLessThanOrEqual(Math.abs(z) + 1e-12);
    }
    expect(worst).toBeLessThan(0.2); // measured: 0.09 (the shrink it predicts is within 9 % of the exact one)
  });

  it('shot noise: the variance of p̂ is p(1 − p)/S', () => {
    const rng = createRng(3);
    const p = 0.3, shots = 200, reps = 4000;
    let s = 0, s2 = 0;
    for (let k = 0; k < reps; k++) { const x = sampleShots(p, shots, rng); s += x; s2 += x * x; }
    const mean = s / reps, variance = s2 / reps - mean * mean;
    expect(mean).toBeCloseTo(p, 2);
    expect(variance / ((p * (1 - p)) / shots)).toBeGreaterThan(0.9);
    expect(variance / ((p * (1 - p)) / shots)).toBeLessThan(1.1);
  });

  it('runVqcOnHardware: exact limit, shots, link and latency', () => {
    const z = Float64Array.from([0.2, -0.5, 0.9]);
    const link = (zz: number) => vqcLinkProbability(zz, { a: 2, b: 0.1 });
    const hw = noise({ gate1qError: 2e-4, gate2qError: 5e-3, readoutError: 1e-2, gate1qNs: 30, gate2qNs: 60, readoutNs: 1000, repDelayUs: 250 });
    const run = runVqcOnHardware(z, link, 14, 2, hw, 1000, createRng(1));
    for (let t = 0; t < z.length; t++) {
      expect(run.p1Noisy[t]).toBe(noisyVqcProbabilityOfOne(z[t], 14, 2, hw));
      expect(Math.abs(run.p1Shots[t] - run.p1Noisy[t])).toBeLessThan(5 * Math.sqrt(0.25 / 1000));
      expect(run.pUp[t]).toBe(link(1 - 2 * run.p1Shots[t]));
    }
    expect(vqcCircuitDurationNs(14, 2, hw)).toBe(3 * 30 + 28 * 60);
    expect(run.latencyMs).toBeCloseTo((1000 * ((3 * 30 + 28 * 60 + 1000) / 1000 + 250)) / 1000, 12);
    expect(vqcDecisionLatencyMs(14, 2, hw, 1000)).toBe(run.latencyMs);
    const noiseless = runVqcOnHardware(z, link, 14, 2, NOISELESS, 1, createRng(1));
    expect(Array.from(noiseless.p1Noisy)).toEqual(Array.from(z, (x) => (1 - x) / 2));
  });
});
