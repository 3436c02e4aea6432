/** The charitable quantum candidates the ledger judges beside our reconstruction of the roadmap circuit. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allQubitMarginals, createAllQubitsReadout, createVqcAggregator, syntheticBoard, type EnsembleData } from '../../../src/engine/ensemble/index';
import { expectClose } from '../../util/close';

describe('all-qubits read-out of our reconstruction', () => {
  it('qubit j carries the prefix parity: P(qubit j = 1) = (1 − ∏_{i≤j}(1 − 2pᵢ))/2', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }), (ps) => {
      const m = allQubitMarginals(Float64Array.from(ps));
      let prod = 1;
      ps.forEach((p, j) => {
        prod *= 1 - 2 * p;
        expectClose(m[j], (1 - prod) / 2, { abs: 1e-12 });
      });
    }), { seed: 7, numRuns: 15 });
  });

  it('learns the members\' signal walk-forward on a planted board (beats 0.5 out of sample), from training bars only', () => {
    const b = syntheticBoard({ nBars: 1500, seed: 3, skill: 1.2 });
    const data: EnsembleData = { probs: b.probs, up: b.up };
    const p = createAllQubitsReadout().fit(data, [[100, 1000]]);
    let loss = 0, half = 0, n = 0;
    const row = new Float64Array(14);
    for (let t = 1000; t < 1500; t++) {
      for (let i = 0; i < 14; i++) row[i] = b.probs[i][t];
      const q = p.predict(row);
      loss -= Math.log(b.up[t] ? q : 1 - q);
      half += Math.log(2);
      n++;
    }
    expect(loss / n).toBeLessThan(half / n - 0.01);
    // Labels after the training window do not change the fit (no look-ahead).
    const shuffled: EnsembleData = { probs: b.probs, up: Float64Array.from(b.up, (y, t) => (t >= 1000 ? 1 - y : y)) };
    const p2 = createAllQubitsReadout().fit(shuffled, [[100, 1000]]);
    expect(p2.predict(row)).toBe(p.predict(row));
  });
});

describe('regularised, early-stopped variational circuit', () => {
  const b = syntheticBoard({ nBars: 400, seed: 5, skill: 1 });
  const data: EnsembleData = { probs: b.probs, up: b.up };

  it('holds out the newest rows of the window and keeps the best validation epoch', () => {
    const p = createVqcAggregator({ epochs: 6, l2: 1e-3, validationShare: 0.25, patience: 2, gradient: 'local' }).fit(data, [[60, 400]], { seed: 1 });
    const d = p.diagnostics!();
    expect(d.epochs).toBeGreaterThanOrEqual(1);
    expect(d.epochs).toBeLessThanOrEqual(6);
    expect(Number.isFinite(d.validationLogLoss)).toBe(true);
    const q = p.predict(new Float64Array(14).fill(0.6));
    expect(q).toBeGreaterThan(0);
    expect(q).toBeLessThan(1);
  });

  it('is reproducible from its seed and rejects invalid options', () => {
    const make = () => createVqcAggregator({ epochs: 2, validationShare: 0.25, gradient: 'local' }).fit(data, [[60, 400]], { seed: 9 }).predict(new Float64Array(14).fill(0.55));
    expect(make()).toBe(make());
    expect(() => createVqcAggregator({ validationShare: 1 })).toThrow(/validationShare/);
    expect(() => createVqcAggregator({ l2: -1 })).toThrow(/l2/);
  });
});

describe('allQubitMarginals fast path', () => {
  it('equals folding the complex state of simulate(roadmapCircuit(row)) bit for bit (n = 1…14, edge rows)', async () => {
    const { simulate } = await import('../../../src/engine/quantum/statevector');
    const { roadmapCircuit } = await import('../../../src/engine/ensemble/aggregators/parityCircuit');
    const { createRng } = await import('../../../src/engine/random');
    const rng = createRng(21);
    // the previous implementation: simulate (complex state), then the same pair fold
    const reference = (row: Float64Array): number[] => {
      const a = simulate(roadmapCircuit(row)).state.amps, n = row.length, dim = a.length >> 1, out: number[] = [];
      const w = new Float64Array(dim >> 1);
      let s = 0;
      for (let k = 0; k < dim >> 1; k++) {
        const e = 4 * k, w0 = a[e] * a[e] + a[e + 1] * a[e + 1], w1 = a[e + 2] * a[e + 2] + a[e + 3] * a[e + 3];
        s += w1; w[k] = w0 + w1;
      }
      out.push(s);
      for (let j = 1, len = dim >> 1; j < n; j++, len >>= 1) {
        s = 0;
        for (let k = 0; k < len >> 1; k++) { const w1 = w[2 * k + 1]; s += w1; w[k] = w[2 * k] + w1; }
        out.push(s);
      }
      return out;
    };
    for (const n of [1, 2, 3, 5, 8, 14]) for (let k = 0; k < 3; k++) {
      const row = Float64Array.from({ length: n }, (_, i) => (k === 2 && i === 0 ? NaN : k === 2 && i === 1 ? 1 : rng.next()));
      const got = Array.from(allQubitMarginals(row)), want = reference(row);
      expect(got, `n ${n}`).toEqual(want);
    }
  });
});
