import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../util/close.ts';
import { createRng } from '../../../src/engine/random.ts';
import {
  betaBinomialPmf, condorcetCurve, condorcetLimit, correlationMatrix, equicorrelatedEffectiveNumber, majorityAccuracy,
  majorityAccuracyCorrelated, meanOffDiagonalCorrelation, participationRatio, tieProbability, varianceEffectiveNumber,
  type CorrelationMatrix,
} from '../../../src/engine/stats/index.ts';

function equicorrelated(n: number, rho: number): CorrelationMatrix {
  const r = new Float64Array(n * n).fill(rho);
  for (let i = 0; i < n; i++) r[i * n + i] = 1;
  return { n, r, counts: new Int32Array(n * n) };
}

describe('correlationMatrix', () => {
  it('is pairwise-complete: each pair uses the rows where both are finite', () => {
    const a = [1, 2, 3, 4, NaN], b = [2, 4, 6, 8, 10], c = [NaN, 1, 0, 1, 0];
    const m = correlationMatrix([a, b, c]);
    expectClose(m.r[0 * 3 + 1], 1);
    expect(m.counts[0 * 3 + 1]).toBe(4);
    expect(m.counts[0 * 3 + 2]).toBe(3);
    // a,c on rows 1..3: (2,3,4) vs (1,0,1) → r = 0.
    expectClose(m.r[0 * 3 + 2], 0, { abs: 1e-15 });
    expect(m.r[1 * 3 + 0]).toBe(m.r[0 * 3 + 1]);
  });
  it('gives NaN for a zero-variance column (the roadmap`s literal [confidence]*14 with a fixed confidence)', () => {
    const m = correlationMatrix([[0.7, 0.7, 0.7], [1, 2, 3]]);
    expect(m.r[0]).toBeNaN();
    expect(m.r[1]).toBeNaN();
  });
  it('complete columns (mean and squared deviations once per column) give the pairwise two-pass figures bit for bit (property)', () => {
    /** The straightforward pairwise-complete two-pass correlation, pair by pair. */
    const reference = (cols: number[][]) => {
      const n = cols.length, T = cols[0].length, r = new Float64Array(n * n), counts = new Int32Array(n * n);
      for (let a = 0; a < n; a++) for (let b = a; b < n; b++) {
        const x = cols[a], y = cols[b], ok = (t: number) => Number.isFinite(x[t]) && Number.isFinite(y[t]);
        let c = 0, mx = 0, my = 0, rho = NaN;
        for (let t = 0; t < T; t++) if (ok(t)) { c++; mx += x[t]; my += y[t]; }
        if (c >= 2) {
          mx /= c; my /= c;
          let sxy = 0, sxx = 0, syy = 0;
          for (let t = 0; t < T; t++) if (ok(t)) { const du = x[t] - mx, dv = y[t] - my; sxy += du * dv; sxx += du * du; syy += dv * dv; }
          const flat = (ss: number, mu: number) => !(ss > 1e-14 * c * mu * mu) || ss === 0;
          if (!flat(sxx, mx) && !flat(syy, my)) rho = a === b ? 1 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        }
        r[a * n + b] = r[b * n + a] = rho;
        counts[a * n + b] = counts[b * n + a] = c;
      }
      return { n, r, counts };
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), (seed, n, T) => {
      const rng = createRng(seed);
      const cols = Array.from({ length: n }, (_, j) => Array.from({ length: T }, () => {
        const kind = j % 4; // complete, with gaps, constant, complete and correlated with column 0
        if (kind === 1 && rng.next() < 0.2) return NaN;
        return kind === 2 ? 0.7 : rng.normal();
      }));
      if (n > 3) cols[3] = cols[3].map((v, t) => v + cols[0][t]);
      const got = correlationMatrix(cols), want = reference(cols);
      expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      got.r.forEach((v, i) => expect(Object.is(v, want.r[i]), `r[${i}]`).toBe(true));
    }), { seed: 12, numRuns: 300 });
  });
  it('identical members give N_PR = N_var = 1', () => {
    const rng = createRng(1);
    const x = Array.from({ length: 100 }, () => rng.next());
    const m = correlationMatrix(Array.from({ length: 14 }, () => x));
    expectClose(participationRatio(m), 1);
    expectClose(varianceEffectiveNumber(m), 1);
  });
});

describe('effective number of members', () => {
  it('equicorrelated closed forms: N_PR = n/(1+(n−1)ρ²), N_var = n/(1+(n−1)ρ) (n = 14: ρ = 0.3 → 6.5, 0.5 → 3.3)', () => {
    for (const rho of [0, 0.1, 0.3, 0.5, 0.8, 1]) {
      const m = equicorrelated(14, rho), cf = equicorrelatedEffectiveNumber(14, rho);
      expectClose(participationRatio(m), 14 / (1 + 13 * rho * rho));
      expectClose(varianceEffectiveNumber(m), 14 / (1 + 13 * rho));
      expectClose(participationRatio(m), cf.participation);
      expectClose(meanOffDiagonalCorrelation(m), rho, { abs: 1e-15 });
    }
    expectClose(participationRatio(equicorrelated(14, 0.3)), 6.5, { abs: 0.05 });
    expectClose(participationRatio(equicorrelated(14, 0.5)), 3.3, { abs: 0.05 });
    expectClose(varianceEffectiveNumber(equicorrelated(14, 0.3)), 2.9, { abs: 0.05 });
  });
  it('N_PR = (Σλ)²/Σλ² matches the eigenvalues of a 2×2 block (λ = 1 ± ρ)', () => {
    fc.assert(fc.property(fc.double({ min: -0.99, max: 0.99, noNaN: true }), (rho) => {
      const l1 = 1 + rho, l2 = 1 - rho;
      expectClose(participationRatio(equicorrelated(2, rho)), (l1 + l2) ** 2 / (l1 * l1 + l2 * l2));
    }), { seed: 42, numRuns: 100 });
  });
});

describe('Condorcet jury theorem', () => {
  it('14 independent voters, ties split evenly: 0.52 → 0.5585, 0.55 → 0.6437, 0.60 → 0.7712; P(tie at 0.52) = 0.207', () => {
    expectClose(majorityAccuracy(14, 0.52), 0.5585, { abs: 5e-5 });
    expectClose(majorityAccuracy(14, 0.55), 0.6437, { abs: 5e-5 });
    expectClose(majorityAccuracy(14, 0.6), 0.7712, { abs: 5e-5 });
    expectClose(tieProbability(14, 0.52), 0.207, { abs: 5e-4 });
    expect(tieProbability(13, 0.52)).toBe(0);
  });
  it('matches a brute-force enumeration of all 2^n vote patterns (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
      let s = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        let k = 0;
        for (let i = 0; i < n; i++) if (mask & (1 << i)) k++;
        const w = p ** k * (1 - p) ** (n - k);
        s += 2 * k > n ? w : 2 * k === n ? w / 2 : 0;
      }
      expectClose(majorityAccuracy(n, p), s, { abs: 1e-12 });
    }), { seed: 42, numRuns: 100 });
  });
  it('is ½ at p = ½ for any n, and 1 voter is p', () => {
    for (const n of [1, 2, 13, 14, 101]) expectClose(majorityAccuracy(n, 0.5), 0.5, { abs: 1e-12 });
    expectClose(majorityAccuracy(1, 0.52), 0.52);
  });
  it('beta-binomial model: pmf sums to 1, each voter has accuracy p, pairwise correlation ρ', () => {
    for (const [n, p, rho] of [[14, 0.55, 0.2], [7, 0.3, 0.5], [20, 0.52, 0.05]] as const) {
      let s = 0, e = 0, e2 = 0;
      for (let k = 0; k <= n; k++) { const w = betaBinomialPmf(k, n, p, rho); s += w; e += k * w; e2 += k * k * w; }
      expectClose(s, 1, { abs: 1e-12 });
      expectClose(e / n, p, { abs: 1e-12 });
      // Var(K) = n p(1−p)(1 + (n−1)ρ) for exchangeable Bernoulli(p) with pairwise correlation ρ.
      expectClose(e2 - e * e, n * p * (1 - p) * (1 + (n - 1) * rho), { rel: 1e-9 });
    }
  });
  it('ρ = 0 is the binomial, ρ = 1 is a single voter, and correlation caps accuracy below 1', () => {
    expectClose(majorityAccuracyCorrelated(14, 0.55, 0), majorityAccuracy(14, 0.55), { abs: 1e-14 });
    expectClose(majorityAccuracyCorrelated(14, 0.55, 1), 0.55, { abs: 1e-14 });
    const cap = condorcetLimit(0.55, 0.1);
    expect(cap).toBeLessThan(0.65);
    const curve = condorcetCurve(401, 0.55, 0.1);
    expect(curve[400]).toBeLessThan(cap + 0.005);
    expectClose(curve[400], cap, { abs: 0.01 });
    // Without correlation the same p goes to ~1.
    expect(majorityAccuracy(401, 0.55)).toBeGreaterThan(0.97);
    expect(condorcetLimit(0.55, 0)).toBe(1);
    // Odd-n accuracy rises monotonically towards the cap.
    for (let n = 1; n + 2 <= 401; n += 2) expect(curve[n + 1]).toBeGreaterThanOrEqual(curve[n - 1] - 1e-12);
  });
});
