/**
 * Warm-started fits. Stacking: each walk-forward split starts Newton from the previous split's weights and
 * curvature. The objective is convex, so the fits must land on the cold-start optimum.
 */
import { describe, expect, it } from 'vitest';
import {
  bestMember, calibratedVote, evaluateWalkForward, hedge, hedgeLog, fitLogistic, stacking, syntheticBoard, walkForwardSplits, type Aggregator,
} from '../../../src/engine/ensemble/index.ts';
import { rangesExtending } from '../../../src/engine/ensemble/math.ts';
import { createAllQubitsReadout } from '../../../src/engine/ensemble/aggregators/allQubitsReadout.ts';
import { createRng } from '../../../src/engine/random.ts';

describe('warm-started logistic fits', () => {
  it('fitLogistic from an earlier prefix fit (weights + curvature) reaches the cold optimum', () => {
    const rng = createRng('logit-warm');
    const d = 5, n = 3000;
    const x = new Float64Array(n * d), y = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      x[r * d] = 1;
      let z = 0.2;
      for (let j = 1; j < d; j++) { x[r * d + j] = rng.normal(); z += 0.4 * j * x[r * d + j] / d; }
      y[r] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    const first = fitLogistic(x, y, 1000, d);
    const cold = fitLogistic(x, y, n, d);
    const warm = fitLogistic(x, y, n, d, { init: first.beta, initHessian: first.hessian });
    expect(warm.converged).toBe(true);
    for (let j = 0; j < d; j++) expect(Math.abs(warm.beta[j] - cold.beta[j])).toBeLessThan(1e-8);
    // A poor start (weights off by 1) still converges: big steps fall back to full Newton steps.
    const far = fitLogistic(x, y, n, d, { init: Float64Array.from(cold.beta, (b) => b + 1), initHessian: first.hessian });
    expect(far.converged).toBe(true);
    for (let j = 0; j < d; j++) expect(Math.abs(far.beta[j] - cold.beta[j])).toBeLessThan(1e-8);
  });

  it('stacking in a walk-forward (warm chain) predicts what cold fits predict, to 1e-9', () => {
    const board = syntheticBoard({ nBars: 12_000, seed: 3, skill: 0.3 });
    const splits = walkForwardSplits({ nBars: 12_000, trainBars: 2000, testBars: 1000 });
    const cold: Aggregator = { ...stacking, id: 'cold', fit: (data, train, o) => stacking.fit(data, train, { ...o, warmStart: undefined }) };
    const [w, c] = evaluateWalkForward([stacking, cold], board, splits).runs;
    let tested = 0;
    for (let t = 0; t < w.p.length; t++) {
      if (!(c.p[t] === c.p[t])) continue;
      tested++;
      expect(Math.abs(w.p[t] - c.p[t])).toBeLessThan(1e-9);
    }
    expect(tested).toBeGreaterThan(9000);
    // A warm start from other data is ignored.
    const other = syntheticBoard({ nBars: 12_000, seed: 4, skill: 0.3 });
    const fromOther = stacking.fit(board, splits[3].train, { warmStart: stacking.fit(other, splits[3].train).warmStart });
    const alone = stacking.fit(board, splits[3].train);
    const row = Float64Array.from(board.probs, (col) => col[11_000]);
    expect(fromOther.predict(row)).toBe(alone.predict(row));
  });

  it('all-qubits readout: warm chain and per-bar cached features predict what cold fits on fresh simulations predict', () => {
    const board = syntheticBoard({ nBars: 3000, seed: 5, skill: 0.3 });
    const splits = walkForwardSplits({ nBars: 3000, trainBars: 1000, testBars: 500 });
    const readout = createAllQubitsReadout();
    // Cold: a fresh aggregator (empty feature cache) per split, no warm start, predict(row) simulating each bar.
    const cold: Aggregator = {
      ...readout, id: 'cold',
      fit: (data, train) => {
        const p = createAllQubitsReadout().fit(data, train);
        return { predict: (row) => p.predict(row) };
      },
    };
    const [w, c] = evaluateWalkForward([readout, cold], board, splits).runs;
    let tested = 0;
    for (let t = 0; t < w.p.length; t++) {
      if (!(c.p[t] === c.p[t])) continue;
      tested++;
      expect(Math.abs(w.p[t] - c.p[t])).toBeLessThan(1e-9);
    }
    expect(tested).toBeGreaterThan(1500);
  });
});

describe('warm-started best member, calibrated vote and Hedge (training rows continued over the bars added since the last split)', () => {
  it('equal fitting every split from scratch, bit for bit, with and without purge and embargo', () => {
    const board = syntheticBoard({ nBars: 4000, seed: 31, skill: 0.4 });
    for (const agg of [bestMember, calibratedVote, hedge, hedgeLog]) {
      for (const cfg of [{ trainBars: 600, testBars: 400 }, { trainBars: 600, testBars: 300, labelHorizonBars: 3, embargoBars: 5 }, { trainBars: 500, testBars: 500, mode: 'rolling' as const }, { trainBars: 20, testBars: 40 }]) {
        const splits = walkForwardSplits({ nBars: 4000, ...cfg });
        const cold: Aggregator = { ...agg, id: 'cold', fit: (data, train, o) => agg.fit(data, train, { ...o, warmStart: undefined }) };
        const [warm, fresh] = evaluateWalkForward([agg, cold], board, splits).runs;
        expect(warm.p).toEqual(fresh.p);
        expect(warm.diagnostics).toEqual(fresh.diagnostics);
      }
    }
  });
  it('rangesExtending: only a prefix whose last range grew at its end', () => {
    expect(rangesExtending([[0, 10]], [[0, 15]])).toEqual([[10, 15]]);
    expect(rangesExtending([[0, 10], [12, 20]], [[0, 10], [12, 25], [30, 40]])).toEqual([[20, 25], [30, 40]]);
    expect(rangesExtending([[0, 10]], [[1, 15]])).toBeNull();
    expect(rangesExtending([[0, 10]], [[0, 8]])).toBeNull();
    expect(rangesExtending([[0, 10], [12, 20]], [[0, 11], [12, 20]])).toBeNull();
    expect(rangesExtending([], [[0, 5]])).toBeNull();
  });
});
