import { describe, expect, it } from 'vitest';
import {
  NOISELESS, hardwareNoise, noisyParityProbability, noisyAllQubitMarginals, sampleAllQubits, sampleAllQubitsIndependent, walkForwardLogisticReadout, circuitSuccessProbability, circuitDurationNs, shotTimeUs, decisionLatencyMs, sampleShots, runParityOnHardware,
  type HardwareNoise,
} from '../../../src/engine/roadmap/hardwareRun';
import { parityProbability } from '../../../src/engine/ensemble/aggregators/parityClosedForm';
import { roadmapCircuitProbability, encodeAngle } from '../../../src/engine/ensemble/aggregators/parityCircuit';
import { allQubitMarginals } from '../../../src/engine/ensemble/aggregators/allQubitsReadout';
import { Statevector } from '../../../src/engine/quantum/statevector';
import { getPreset, PRESET_LIST } from '../../../src/engine/quantum/presets';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

const noise = (over: Partial<HardwareNoise>): HardwareNoise => ({ ...NOISELESS, ...over });
const PAULI = ['i', 'x', 'y', 'z'] as const;

/**
 * Independent oracle: enumerate every Pauli error pattern of the depolarizing channels on a 3-qubit
 * statevector (4³ single-qubit patterns after the RY layer × 16² two-qubit patterns after the two CNOTs)
 * and hand each final state to `visit` with the pattern's probability.
 */
function enumeratePauliErrors(row: number[], r1: number, r2: number, visit: (weight: number, state: Statevector) => void): void {
  const l1 = (3 * r1) / 2, l2 = (5 * r2) / 4;
  const w1 = (k: number) => (k === 0 ? 1 - l1 : l1 / 3);
  const w2 = (a: number, b: number) => (a === 0 && b === 0 ? 1 - l2 : l2 / 15);
  for (let e0 = 0; e0 < 4; e0++) for (let e1 = 0; e1 < 4; e1++) for (let e2 = 0; e2 < 4; e2++) {
    for (let a = 0; a < 16; a++) for (let b = 0; b < 16; b++) {
      const w = w1(e0) * w1(e1) * w1(e2) * w2(a >> 2, a & 3) * w2(b >> 2, b & 3);
      if (w === 0) continue;
      const sv = Statevector.zero(3);
      row.forEach((x, i) => sv.applyGate('ry', [i], [encodeAngle(x)]));
      [e0, e1, e2].forEach((e, i) => { if (e) sv.applyGate(PAULI[e], [i]); });
      sv.applyGate('cx', [0, 1]);
      if (a >> 2) sv.applyGate(PAULI[a >> 2], [0]);
      if (a & 3) sv.applyGate(PAULI[a & 3], [1]);
      sv.applyGate('cx', [1, 2]);
      if (b >> 2) sv.applyGate(PAULI[b >> 2], [1]);
      if (b & 3) sv.applyGate(PAULI[b & 3], [2]);
      visit(w, sv);
    }
  }
}

const withReadoutError = (p: number, ro: number) => p * (1 - ro) + (1 - p) * ro;

/** The enumeration's P(q2 = 1), flipped with the readout error. */
function enumeratedNoisyParity(row: number[], r1: number, r2: number, ro: number): number {
  let p = 0;
  enumeratePauliErrors(row, r1, r2, (w, sv) => { p += w * sv.probabilityOfOne(2); });
  return withReadoutError(p, ro);
}

describe('the parity circuit on hardware (§3b)', () => {
  it('noiseless limit equals the noiseless aggregator (closed form and statevector)', () => {
    const rng = createRng(11);
    for (let k = 0; k < 20; k++) {
      const row = Float64Array.from({ length: 14 }, () => rng.next());
      expectClose(noisyParityProbability(row, NOISELESS), parityProbability(row), { abs: 1e-14 });
      expectClose(noisyParityProbability(row, NOISELESS), roadmapCircuitProbability(row), { abs: 1e-12 });
    }
  });
  it('depolarizing gate errors and readout error: equals an exact enumeration of Pauli errors on the statevector', () => {
    const row = [0.7, 0.2, 0.55];
    for (const [r1, r2, ro] of [[0.01, 0.03, 0.02], [0, 0.2, 0], [0.05, 0, 0.1]]) {
      expectClose(noisyParityProbability(row, noise({ gate1qError: r1, gate2qError: r2, readoutError: ro })), enumeratedNoisyParity(row, r1, r2, ro), { abs: 1e-12 });
    }
  });
  it('noise only shrinks the signal toward 0.5: (1 − 2P) scales by ∏(1 − 2·flip)', () => {
    const row = Float64Array.from([0.9, 0.8, 0.3, 0.6]);
    const nz = noise({ gate1qError: 0.01, gate2qError: 0.03, readoutError: 0.02 });
    const shrink = (1 - 2 * 0.01) ** 4 * (1 - (2 * 2 * 0.03) / 3) ** 3 * (1 - 2 * 0.02);
    expectClose(1 - 2 * noisyParityProbability(row, nz), shrink * (1 - 2 * parityProbability(row)), { abs: 1e-14 });
  });
  it('ASAP idling decays P(1) by e^{−t/T1} (qubit 2 waits one CNOT)', () => {
    const nz = noise({ t1Us: 1, gate2qNs: 500 });
    const row = [0, 0, 1];
    expectClose(noisyParityProbability(row, nz, 'asap'), Math.exp(-0.5), { abs: 1e-14 });
    expect(noisyParityProbability(row, nz, 'alap')).toBe(1);
  });
  it('shot noise: mean p, variance p(1 − p)/shots', () => {
    const rng = createRng(12);
    for (const [p, shots] of [[0.3, 100], [0.5, 1000], [0.02, 400]] as const) {
      const reps = 4000;
      let m = 0, m2 = 0;
      for (let k = 0; k < reps; k++) { const x = sampleShots(p, shots, rng); m += x; m2 += x * x; }
      m /= reps;
      const v = m2 / reps - m * m;
      const expected = (p * (1 - p)) / shots;
      expectClose(m, p, { abs: 4 * Math.sqrt(expected / reps) });
      // The sample variance of 4000 replicates has relative SE ≈ √(2/3999) ≈ 2.2 %.
      expectClose(v, expected, { rel: 0.1 });
    }
    expect(() => sampleShots(0.5, 0, rng)).toThrow(/shots/);
  });
  it('latency = shots × (circuit + readout + repetition delay); circuit = 1q layer + (n − 1) CNOTs', () => {
    const nz = noise({ gate1qNs: 32, gate2qNs: 88, readoutNs: 2584, repDelayUs: 250 });
    expect(circuitDurationNs(14, nz)).toBe(32 + 13 * 88);
    expectClose(shotTimeUs(14, nz), (32 + 13 * 88 + 2584) / 1000 + 250, { rel: 1e-12 });
    expectClose(decisionLatencyMs(14, nz, 1000), shotTimeUs(14, nz), { rel: 1e-12 });
    expectClose(circuitSuccessProbability(2, noise({ gate1qError: 0.1, gate2qError: 0.2, readoutError: 0.5 })), 0.81 * 0.8 * 0.5, { rel: 1e-12 });
  });
  it('presets: missing figures are listed (errors taken as 0, durations unknown → latency NaN)', () => {
    const pitt = hardwareNoise(getPreset('ibm_pittsburgh'));
    expect(pitt.missing).toEqual([]);
    expect(decisionLatencyMs(14, pitt, 1000)).toBeGreaterThan(250);
    const willow = hardwareNoise(getPreset('google_willow'));
    expect(willow.missing).toContain('readoutError');
    expect(decisionLatencyMs(14, willow, 100)).toBeNaN();
    for (const p of PRESET_LIST) expect(() => hardwareNoise(p)).not.toThrow();
  });
  it('a run over bars is reproducible from its seed', () => {
    const rows = Array.from({ length: 50 }, (_, t) => Float64Array.from({ length: 14 }, (_, i) => 0.5 + 0.3 * Math.sin(t + i)));
    const nz = hardwareNoise(getPreset('ibm_pittsburgh'));
    const a = runParityOnHardware(rows, nz, 200, createRng(3));
    const b = runParityOnHardware(rows, nz, 200, createRng(3));
    expect(Array.from(a.pShots)).toEqual(Array.from(b.pShots));
    expect(a.circuitSuccess).toBeLessThan(1);
  });
});

describe('every qubit read out (the charitable candidate) on hardware', () => {
  /** Enumeration oracle for all three marginals (same error model as above). */
  function enumeratedMarginals(row: number[], r1: number, r2: number, ro: number): number[] {
    const m = [0, 0, 0];
    enumeratePauliErrors(row, r1, r2, (w, sv) => { for (let q = 0; q < 3; q++) m[q] += w * sv.probabilityOfOne(q); });
    return m.map((p) => withReadoutError(p, ro));
  }
  it('exact marginals equal the Pauli enumeration; noiseless they equal the statevector marginals', () => {
    const row = [0.7, 0.2, 0.55];
    const got = noisyAllQubitMarginals(row, noise({ gate1qError: 0.01, gate2qError: 0.03, readoutError: 0.02 }));
    const want = enumeratedMarginals(row, 0.01, 0.03, 0.02);
    for (let q = 0; q < 3; q++) expectClose(got[q], want[q], { abs: 1e-12 });
    const rng = createRng(21);
    const r14 = Float64Array.from({ length: 14 }, () => rng.next());
    expectClose(Array.from(noisyAllQubitMarginals(r14, NOISELESS)), Array.from(allQubitMarginals(r14)), { abs: 1e-12 });
    expectClose(noisyAllQubitMarginals(r14, noise({ gate1qError: 0.01, gate2qError: 0.02, readoutError: 0.03 }))[13], noisyParityProbability(r14, noise({ gate1qError: 0.01, gate2qError: 0.02, readoutError: 0.03 })), { abs: 1e-14 });
  });
  it('shot-by-shot sampling: marginal means match the exact marginals within 4 standard errors', () => {
    const row = Float64Array.from([0.9, 0.3, 0.6, 0.2, 0.75]);
    const nz = noise({ gate1qError: 0.02, gate2qError: 0.05, readoutError: 0.03 });
    const exact = noisyAllQubitMarginals(row, nz);
    const shots = 200000;
    const est = sampleAllQubits(row, nz, shots, createRng(22));
    for (let q = 0; q < row.length; q++) expectClose(est[q], exact[q], { abs: 4 * Math.sqrt(exact[q] * (1 - exact[q]) / shots) });
  });
});

describe('walk-forward readout of the all-qubits candidate', () => {
  it('on noiseless features it reproduces the ensemble all-qubits-readout aggregator', async () => {
    const { syntheticBoard, walkForwardSplits, evaluateWalkForward, allQubitsReadout } = await import('../../../src/engine/ensemble/index');
    const board = syntheticBoard({ nBars: 900, seed: 5 });
    const splits = walkForwardSplits({ nBars: 900, trainBars: 300, testBars: 200, labelHorizonBars: 1, embargoBars: 0 });
    const ref = evaluateWalkForward([allQubitsReadout], { probs: board.probs, up: board.up }, splits, { seed: 1 }).runs[0].p;
    const features = Array.from({ length: 900 }, (_, t) => {
      const row = Float64Array.from(board.probs, (c) => c[t]);
      return row.every((x) => x === x) ? noisyAllQubitMarginals(row, NOISELESS) : null;
    });
    const got = walkForwardLogisticReadout(features, board.up, splits);
    let compared = 0;
    for (const s of splits) for (let t = s.testStart; t < s.testEnd; t++) if (got[t] === got[t]) { expectClose(got[t], ref[t], { abs: 1e-9 }); compared++; }
    expect(compared).toBeGreaterThan(300);
  });
  it('independent binomial features: mean p, variance ≈ p(1 − p)/S', () => {
    const rng = createRng(30);
    let m = 0, m2 = 0;
    const reps = 5000, S = 1000, p = 0.3;
    for (let k = 0; k < reps; k++) { const x = sampleAllQubitsIndependent([p], S, rng)[0]; m += x; m2 += x * x; }
    m /= reps;
    expectClose(m, p, { abs: 4 * Math.sqrt(p * (1 - p) / S / reps) });
    expectClose(m2 / reps - m * m, p * (1 - p) / S, { rel: 0.1 });
  });
});
