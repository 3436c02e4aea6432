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
