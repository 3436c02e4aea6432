import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createHedge, fitLogistic, majority, parityProbability, parityClosedForm, stacking, meanProbability, logOdds, logOddsPrior, sigmoid, logit,
} from '../../../src/engine/ensemble/index';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

const row = (xs: number[]): Float64Array => Float64Array.from(xs);

describe('parity closed form (the roadmap circuit without the circuit)', () => {
  it('all 14 members at 0.9 give (1 − 0.8^14)/2 = 0.47801…', () => {
    const p = parityProbability(row(Array(14).fill(0.9)));
    expectClose(p, (1 - 0.8 ** 14) / 2);
    expect(p.toFixed(5)).toBe('0.47801');
  });
  it('the roadmap literal [c]*14: P = (1 − (1 − 2c)^14)/2, ≈ 0.5 for c ≤ 0.85, always < 0.5 for c ≠ 0.5', () => {
    for (let c = 0.6; c <= 0.9501; c += 0.05) {
      const p = parityProbability(row(Array(14).fill(c)));
      expectClose(p, (1 - (1 - 2 * c) ** 14) / 2);
      expect(p).toBeLessThan(0.5); // a consensus "up" of any strength reads as a (weak) "down"
      if (c <= 0.85 + 1e-9) expect(Math.abs(p - 0.5)).toBeLessThan(0.005);
    }
    expectClose(parityProbability(row(Array(14).fill(0.8))), 0.4996, { abs: 5e-5 });
    expectClose(parityProbability(row(Array(14).fill(0.95))), 0.3856, { abs: 5e-5 });
  });
  it('one member at 0.5 (or missing) forces exactly 0.5', () => {
    const r = row([0.9, 0.1, 0.7, 0.5, 0.99]);
    expect(parityProbability(r)).toBe(0.5);
    r[3] = NaN;
    expect(parityClosedForm.fit({ probs: [], up: new Float64Array() }, []).predict(r)).toBe(0.5);
  });
});

describe('majority vote of 14 (Condorcet with ties split evenly)', () => {
  // P = Σ_{k>7} C(14,k) p^k q^(14−k) + ½·C(14,7) p^7 q^7
  function exactMajority(n: number, p: number): { acc: number; tie: number } {
    let acc = 0, tie = 0, c = 1;
    for (let k = 0; k <= n; k++) {
      if (k > 0) c = (c * (n - k + 1)) / k;
      const pk = c * p ** k * (1 - p) ** (n - k);
      if (2 * k > n) acc += pk;
      else if (2 * k === n) { tie = pk; acc += pk / 2; }
    }
    return { acc, tie };
  }
  it('exact binomial sum at p = 0.52 gives 0.5585 with P(tie) = 0.207', () => {
    const { acc, tie } = exactMajority(14, 0.52);
    expect(acc.toFixed(4)).toBe('0.5585');
    expect(tie.toFixed(3)).toBe('0.207');
    expect(exactMajority(14, 0.55).acc.toFixed(4)).toBe('0.6437');
    expect(exactMajority(14, 0.6).acc.toFixed(4)).toBe('0.7712');
  });
  it('simulated independent Bernoulli(0.52) voters through the majority aggregator match within 4 standard errors', () => {
    const rng = createRng(2024);
    const pred = majority.fit({ probs: [], up: new Float64Array() }, []);
    const trials = 100_000;
    const r = new Float64Array(14);
    let score = 0;
    for (let k = 0; k < trials; k++) {
      const y = rng.next() < 0.5 ? 1 : 0;
      for (let i = 0; i < 14; i++) {
        const correct = rng.next() < 0.52;
        const saysUp = correct ? y === 1 : y === 0;
        r[i] = saysUp ? 0.5 + 0.4 * rng.next() + 0.01 : 0.49 - 0.4 * rng.next();
      }
      const p = pred.predict(r);
      score += p === 0.5 ? 0.5 : (p > 0.5) === (y === 1) ? 1 : 0;
    }
    const acc = score / trials;
    const { acc: exact, tie } = exactMajority(14, 0.52);
    const se = Math.sqrt(exact * (1 - exact) / trials);
    expect(Math.abs(acc - exact)).toBeLessThan(4 * se);
    const ties = pred.diagnostics!().ties / trials;
    expect(Math.abs(ties - tie)).toBeLessThan(4 * Math.sqrt(tie * (1 - tie) / trials));
  });
  it('a 7–7 split gives exactly 0.5; the output is the up-share of the votes cast', () => {
    const pred = majority.fit({ probs: [], up: new Float64Array() }, []);
    expect(pred.predict(row([...Array(7).fill(0.6), ...Array(7).fill(0.4)]))).toBe(0.5);
    expect(pred.predict(row([...Array(10).fill(0.51), ...Array(4).fill(0.2)]))).toBe(10 / 14);
    expect(pred.predict(row([0.9, 0.5, NaN, 0.2, 0.7]))).toBe(2 / 3); // 0.5 and NaN abstain
    expect(pred.diagnostics!().ties).toBe(1);
  });
});

describe('Hedge regret bound (Cesa-Bianchi & Lugosi Thm 2.2)', () => {
  it('expected regret ≤ √((T/2) ln N) with η = √(8 ln N / T) on random losses in [0, 1]', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 20 }), fc.integer({ min: 50, max: 2000 }), (seed, nExperts, horizon) => {
      const rng = createRng(seed);
      const hedge = createHedge(nExperts, { horizonRounds: horizon });
      const bias = Float64Array.from({ length: nExperts }, () => 0.3 * rng.next()); // some experts better
      const cum = new Float64Array(nExperts);
      const loss = new Float64Array(nExperts);
      let alg = 0;
      for (let t = 0; t < horizon; t++) {
        for (let i = 0; i < nExperts; i++) loss[i] = Math.min(1, Math.max(0, rng.next() * 0.8 + bias[i] - 0.1));
        const w = hedge.weights();
        for (let i = 0; i < nExperts; i++) { alg += w[i] * loss[i]; cum[i] += loss[i]; }
        hedge.update(loss);
      }
      const regret = alg - Math.min(...cum);
      return regret <= Math.sqrt((horizon / 2) * Math.log(nExperts));
    }), { seed: 42, numRuns: 40 });
  });
  it('N = 14, T = 8760: bound 107.5 and η = 0.049', () => {
    expect(Math.sqrt((8760 / 2) * Math.log(14)).toFixed(1)).toBe('107.5');
    expect(Math.sqrt((8 * Math.log(14)) / 8760).toFixed(3)).toBe('0.049');
  });
  it('refuses losses outside [0, 1]', () => {
    expect(() => createHedge(3).update([0, 1.5, 0])).toThrow(/invalid losses\[1\]/);
  });
});

describe('logistic stacking recovers known weights', () => {
  it('IRLS on synthetic log-odds recovers intercept and 14 weights within 4 standard errors (~0.1)', () => {
    const rng = createRng(11);
    const n = 14, d = n + 1, rows = 30_000;
    const trueBeta = Float64Array.from({ length: d }, (_, j) => (j === 0 ? -0.2 : j % 3 === 0 ? 0 : 0.6 * (rng.next() - 0.5)));
    const probs = Array.from({ length: n }, () => new Float64Array(rows));
    const up = new Float64Array(rows);
    const x = new Float64Array(rows * d);
    const y = new Float64Array(rows);
    for (let t = 0; t < rows; t++) {
      let z = trueBeta[0];
      x[t * d] = 1;
      for (let i = 0; i < n; i++) {
        const l = 1.5 * rng.normal();
        probs[i][t] = sigmoid(l);
        x[t * d + 1 + i] = logit(probs[i][t]);
        z += trueBeta[1 + i] * x[t * d + 1 + i];
      }
      y[t] = up[t] = rng.next() < sigmoid(z) ? 1 : 0;
    }
    const fit = fitLogistic(x, y, rows, d, { l2: 1e-6 });
    expect(fit.converged).toBe(true);
    for (let j = 0; j < d; j++) expect(Math.abs(fit.beta[j] - trueBeta[j]), `beta[${j}]`).toBeLessThan(0.1);
    // the aggregator fits the same model (default ridge λ = 1 is negligible at 30k rows)
    const pred = stacking.fit({ probs, up }, [[0, rows]]);
    const r = new Float64Array(n);
    for (let t = 0; t < 5; t++) {
      let z = fit.beta[0];
      for (let i = 0; i < n; i++) { r[i] = probs[i][t]; z += fit.beta[1 + i] * logit(r[i]); }
      expectClose(pred.predict(r), sigmoid(z), { abs: 2e-3 });
    }
  });
  it('the optimum has zero penalised gradient (KKT)', () => {
    const rng = createRng(5);
    const rows = 500, d = 3;
    const x = new Float64Array(rows * d), y = new Float64Array(rows);
    for (let t = 0; t < rows; t++) { x[t * d] = 1; x[t * d + 1] = rng.normal(); x[t * d + 2] = rng.normal(); y[t] = rng.next() < sigmoid(x[t * d + 1]) ? 1 : 0; }
    const { beta } = fitLogistic(x, y, rows, d, { l2: 3 });
    const g = new Float64Array(d);
    for (let t = 0; t < rows; t++) {
      const mu = sigmoid(x[t * d] * beta[0] + x[t * d + 1] * beta[1] + x[t * d + 2] * beta[2]);
      for (let j = 0; j < d; j++) g[j] += x[t * d + j] * (y[t] - mu);
    }
    for (let j = 1; j < d; j++) g[j] -= 3 * beta[j];
    expectClose(g, [0, 0, 0], { abs: 1e-8 });
  });
  it('with too few rows falls back to the mean probability', () => {
    const probs = [Float64Array.of(0.9, 0.2), Float64Array.of(0.7, 0.4)];
    const pred = stacking.fit({ probs, up: Float64Array.of(1, NaN) }, [[0, 1]]);
    expect(pred.predict(Float64Array.of(0.9, 0.7))).toBe(meanProbability(Float64Array.of(0.9, 0.7)));
  });
});

describe('pooling identities', () => {
  it('log-odds pooling of calibrated independent members is the naive-Bayes posterior', () => {
    const pred = logOdds.fit({ probs: [], up: new Float64Array() }, []);
    expectClose(pred.predict(row([0.6, 0.7])), sigmoid(logit(0.6) + logit(0.7)));
    expect(pred.predict(row([0.5, NaN]))).toBe(0.5);
  });
  it('the prior correction subtracts (n − 1)·logit π with π the smoothed past base rate', () => {
    const up = Float64Array.of(1, 1, 1, 0, NaN);
    const probs = [new Float64Array(5), new Float64Array(5), new Float64Array(5)];
    const pred = logOddsPrior.fit({ probs, up }, [[0, 5]]);
    const pi = (3 + 1) / (4 + 2);
    expectClose(pred.predict(row([0.6, 0.6, 0.6])), sigmoid(3 * logit(0.6) - 2 * logit(pi)));
  });
});
