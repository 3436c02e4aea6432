import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Statevector, simulate } from '../../../src/engine/quantum/statevector';
import {
  parityProbability, runCausal, syntheticBoard, createFallbackAggregator, type EnsembleData,
} from '../../../src/engine/ensemble/index';
import {
  roadmapCircuit, roadmapCircuitProbability, roadmapCircuitProbabilityUnfused, parityCircuit,
} from '../../../src/engine/ensemble/aggregators/parityCircuit';
import { adjointZGradient, createVqcAggregator, vqcCircuit, vqcParamRefs } from '../../../src/engine/ensemble/aggregators/vqc';
import { adjointGradient } from '../../../src/engine/quantum/gradients';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

describe('the roadmap circuit on the statevector', () => {
  it('is 14 RY then the CNOT chain CX(0,1)…CX(12,13), nothing else', () => {
    const c = roadmapCircuit(new Float64Array(14).fill(0.3));
    expect(c.nQubits).toBe(14);
    const ops = c.ops.map((o) => (o.kind === 'gate' ? `${o.gate}(${o.qubits.join(',')})` : o.kind));
    expect(ops.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `ry(${i})`));
    expect(ops.slice(14)).toEqual(Array.from({ length: 13 }, (_, i) => `cx(${i},${i + 1})`));
  });
  it('equals (1 − ∏(1 − 2pᵢ))/2 for random p, fused and gate by gate', () => {
    const sv = Statevector.zero(14);
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }), (ps) => {
      const row = Float64Array.from(ps);
      const want = parityProbability(row);
      expectClose(roadmapCircuitProbability(row), want, { abs: 1e-12 });
      expectClose(roadmapCircuitProbabilityUnfused(row, sv), want, { abs: 1e-12 });
    }), { seed: 42, numRuns: 25 });
  });
  it('all 14 at 0.9 → 0.47801; [0.8]*14 → 0.4996', () => {
    expectClose(roadmapCircuitProbability(new Float64Array(14).fill(0.9)), (1 - 0.8 ** 14) / 2, { abs: 1e-12 });
    expectClose(roadmapCircuitProbability(new Float64Array(14).fill(0.8)), 0.4996, { abs: 5e-5 });
  });
  it('a walk-forward keeps each bar\'s circuit output: the same numbers as simulating every bar afresh, shared with the fallback, re-simulated when a row changes', () => {
    const b = syntheticBoard({ nBars: 900, seed: 4, skill: 0.5 });
    const probs = b.probs.map((c) => Float64Array.from(c));
    const data: EnsembleData = { probs, up: b.up };
    const fresh = (t: number) => roadmapCircuitProbability(Float64Array.from(probs, (c) => c[t]));
    const run = runCausal(parityCircuit, data, { refitEveryBars: 300 });
    for (let t = 0; t < 900; t += 7) expect(run.p[t]).toBe(fresh(t));
    const fb = runCausal(createFallbackAggregator(parityCircuit), data, { refitEveryBars: 300 });
    const unshared = runCausal(createFallbackAggregator(parityCircuit), { probs: probs.map((c) => Float64Array.from(c)), up: b.up }, { refitEveryBars: 300 });
    expect(fb).toEqual(unshared);
    probs[3][500] = 0.93; // edited in place: bar 500 is simulated again
    expect(runCausal(parityCircuit, data, { refitEveryBars: 300 }).p[500]).toBe(fresh(500));
    expect(fresh(500)).not.toBe(run.p[500]);
  });
  it('the classical fallback takes over when the circuit\'s confidence is below 0.6', () => {
    const p = createFallbackAggregator(parityCircuit).fit({ probs: [], up: new Float64Array() }, []);
    expect(p.predict(new Float64Array(14).fill(0.9))).toBe(1);
    expect(p.lastUsedFallback).toBe(true);
  });
});

describe('variational circuit', () => {
  const work = (n: number) => { const psi = Statevector.zero(n); return { psi, lambda: psi.clone(), tmp: psi.clone() }; };
  it('adjoint gradient equals the parameter-shift rule computed with simulate()', () => {
    const rng = createRng(3);
    const n = 4, layers = 2;
    const row = Float64Array.from({ length: n }, () => rng.next());
    const theta = Float64Array.from({ length: n * layers }, () => rng.normal());
    const grad = new Float64Array(theta.length);
    const z = adjointZGradient(row, theta, layers, n - 1, work(n), grad);
    const zOf = (th: Float64Array): number => 1 - 2 * simulate(vqcCircuit(row, th, layers)).state.probabilityOfOne(n - 1);
    expectClose(z, zOf(theta), { abs: 1e-12 });
    for (let j = 0; j < theta.length; j++) {
      const plus = Float64Array.from(theta), minus = Float64Array.from(theta);
      plus[j] += Math.PI / 2; minus[j] -= Math.PI / 2;
      expectClose(grad[j], (zOf(plus) - zOf(minus)) / 2, { abs: 1e-10 });
    }
  });
  it('the local adjoint pass agrees with the quantum engine\'s adjointGradient on the 14-qubit circuit', () => {
    const rng = createRng(4);
    const n = 14, layers = 2;
    const row = Float64Array.from({ length: n }, () => rng.next());
    const theta = Float64Array.from({ length: n * layers }, () => rng.normal());
    const grad = new Float64Array(theta.length);
    const z = adjointZGradient(row, theta, layers, n - 1, work(n), grad);
    const res = adjointGradient(vqcCircuit(row, theta, layers), 'I'.repeat(n - 1) + 'Z', vqcParamRefs(n, layers));
    expectClose(z, res.value, { abs: 1e-12 });
    expectClose(grad, res.gradient, { abs: 1e-9 });
  });
  it('training with the engine gradient and the local one ends at the same parameters (to rounding)', () => {
    const b = syntheticBoard({ nBars: 80, nMembers: 4, seed: 2, warmupBars: 0 });
    const opts = { layers: 2, maxTrainRows: 32, epochs: 2, minTrainRows: 8 };
    const e = createVqcAggregator({ ...opts, gradient: 'engine' }).fit(b, [[0, 60]], { seed: 3 });
    const l = createVqcAggregator({ ...opts, gradient: 'local' }).fit(b, [[0, 60]], { seed: 3 });
    const r = Float64Array.of(0.3, 0.6, 0.55, 0.4);
    expectClose(e.predict(r), l.predict(r), { abs: 1e-8 });
  });
  it('one layer is still a parity: ⟨Z_last⟩ = ∏ cos(encodeᵢ + θᵢ) (the ring-closing CX only changes qubit 0)', () => {
    const n = 5;
    const row = Float64Array.of(0.2, 0.7, 0.4, 0.9, 0.6);
    const theta = Float64Array.of(0.1, -0.3, 0.2, 0.05, -0.1);
    const z = 1 - 2 * simulate(vqcCircuit(row, theta, 1)).state.probabilityOfOne(n - 1);
    let prod = 1;
    for (let i = 0; i < n; i++) prod *= Math.cos(2 * Math.asin(Math.sqrt(row[i])) + theta[i]);
    expectClose(z, prod, { abs: 1e-12 });
  });
  it('training lowers the in-sample log loss below the untrained circuit\'s and is deterministic for a seed', () => {
    const n = 4, nBars = 200;
    const rng = createRng(9);
    const probs = Array.from({ length: n }, () => new Float64Array(nBars));
    const up = new Float64Array(nBars);
    for (let t = 0; t < nBars; t++) {
      for (let i = 0; i < n; i++) probs[i][t] = rng.next();
      up[t] = rng.next() < 0.2 + 0.6 * probs[0][t] ? 1 : 0; // member 0 is informative
    }
    const data: EnsembleData = { probs, up };
    const opts = { layers: 2, maxTrainRows: 128, batchSize: 8, learningRate: 0.1 };
    const trained = createVqcAggregator({ ...opts, epochs: 15 }).fit(data, [[0, 150]], { seed: 1 });
    const again = createVqcAggregator({ ...opts, epochs: 15 }).fit(data, [[0, 150]], { seed: 1 });
    const untrained = createVqcAggregator({ ...opts, epochs: 0 }).fit(data, [[0, 150]], { seed: 1 });
    const r = new Float64Array(n);
    const inSampleLoss = (pred: typeof trained): number => {
      let ll = 0;
      for (let t = 22; t < 150; t++) { // the 128 most recent training rows
        for (let i = 0; i < n; i++) r[i] = probs[i][t];
        const p = pred.predict(r);
        ll -= Math.log(up[t] ? p : 1 - p);
      }
      return ll / 128;
    };
    const before = inSampleLoss(untrained), after = inSampleLoss(trained);
    expect(after).toBeLessThan(before - 0.01);
    expect(inSampleLoss(again)).toBe(after);
    expect(trained.diagnostics!().steps).toBe(15 * 16);
  });
});

describe('no look-ahead for the quantum aggregators (small boards keep it fast)', () => {
  const board = syntheticBoard({ nBars: 120, nMembers: 5, seed: 12, warmupBars: 10 });
  const aggs = [parityCircuit, createFallbackAggregator(parityCircuit), createVqcAggregator({ layers: 2, maxTrainRows: 24, epochs: 2, minTrainRows: 8, gradient: 'local' })];
  for (const agg of aggs) {
    it(`${agg.id}: output up to t unchanged when bars after t are altered or removed`, () => {
      const opts = { refitEveryBars: 30, seed: 2 };
      const ref = runCausal(agg, board, opts).p;
      fc.assert(fc.property(fc.integer({ min: 0, max: 118 }), (t) => {
        const rng = createRng(t);
        const probs = board.probs.map((c) => { const x = Float64Array.from(c); for (let s = t + 1; s < x.length; s++) x[s] = rng.next(); return x; });
        const up = Float64Array.from(board.up); for (let s = t; s < up.length - 1; s++) up[s] = rng.int(2);
        const a = runCausal(agg, { probs, up }, opts).p;
        const cutUp = board.up.slice(0, t + 1); cutUp[t] = NaN;
        const b = runCausal(agg, { probs: board.probs.map((c) => c.slice(0, t + 1)), up: cutUp }, opts).p;
        for (let k = 0; k <= t; k++) if (!Object.is(a[k], ref[k]) || !Object.is(b[k], ref[k])) return false;
        return true;
      }), { seed: 42, numRuns: 6 });
    });
  }
});
