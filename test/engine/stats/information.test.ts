import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../util/close.ts';
import { createRng } from '../../../src/engine/random.ts';
import {
  bitsFromString, choleskyLogDiag, choleskyLogDiagReference, equicorrelatedLogDet, gaussianMutualInformation, logDet, lz76Count, lz76Normalized, lz76ShuffleMean,
  totalCorrelation, wholeMinusSumPhi,
} from '../../../src/engine/stats/index.ts';

/** Reference LZ76: count phrases where each new phrase is the shortest block not seen earlier (incl. overlap). */
function lz76Reference(s: string): number {
  let c = 0, i = 0;
  while (i < s.length) {
    let len = 1;
    while (i + len <= s.length && s.slice(0, i + len - 1).includes(s.slice(i, i + len))) len++;
    c++;
    i += len;
  }
  return c;
}

describe('LZ76 (Kaspar–Schuster)', () => {
  it('counts the CLAIMS-REFERENCE §4 oracles', () => {
    expect(lz76Count(bitsFromString('0001101001000101'))).toBe(6);
    expect(lz76Count(bitsFromString('0101010101010101'))).toBe(3);
    expect(lz76Count(bitsFromString('0000000000000000'))).toBe(2);
    expect(lz76Count(bitsFromString('1001111011000010'))).toBe(6);
  });
  it('matches a direct exhaustive-history parse (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1'), minLength: 1, maxLength: 80 }), (s) => {
      expect(lz76Count(bitsFromString(s))).toBe(lz76Reference(s));
    }), { seed: 42, numRuns: 500 });
  });
  it('normalised C ≈ 1 for long fair bits with the measured finite-size bias (1.20 at n = 100, ~1.03 at 10⁴)', () => {
    const rng = createRng(1);
    const mean = (n: number, reps: number): number => {
      const s = new Uint8Array(n);
      let t = 0;
      for (let r = 0; r < reps; r++) { for (let i = 0; i < n; i++) s[i] = rng.int(2); t += lz76Normalized(s); }
      return t / reps;
    };
    expectClose(mean(100, 400), 1.2, { abs: 0.03 });
    expectClose(mean(10000, 4), 1.03, { abs: 0.03 });
  });
  it('shuffle-surrogate mean is reproducible and near the fair-bit value at half ones', () => {
    const scratch = new Uint8Array(128);
    const a = lz76ShuffleMean(128, 64, 50, createRng(3), scratch), b = lz76ShuffleMean(128, 64, 50, createRng(3), scratch);
    expect(a).toBe(b);
    expectClose((a * Math.log2(128)) / 128, 1.15, { abs: 0.1 });
  });
  it('rejects non-binary strings', () => {
    expect(() => bitsFromString('012')).toThrow(/bits\[2\]/);
  });
});


describe('choleskyLogDiag (blocked)', () => {
  it('is bit-identical to the one-entry-at-a-time Cholesky on random SPD and non-SPD matrices (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (seed, n, pad, breakIt) => {
      const rng = createRng(seed), stride = n + pad, m = n + 3;
      const x = Float64Array.from({ length: n * m }, () => rng.normal());
      const a = new Float64Array(n * stride).fill(7); // padding columns must be left alone
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += x[i * m + k] * x[j * m + k];
        a[i * stride + j] = s;
      }
      if (breakIt) a[rng.int(n) * (stride + 1)] = -1; // a non-positive pivot somewhere
      const fast = a.slice(), ref = a.slice(), ldFast = new Float64Array(n), ldRef = new Float64Array(n);
      const okFast = choleskyLogDiag(fast, n, stride, ldFast), okRef = choleskyLogDiagReference(ref, n, stride, ldRef);
      expect(okFast).toBe(okRef);
      if (okRef) {
        expect(Array.from(ldFast)).toEqual(Array.from(ldRef));
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(Object.is(fast[i * stride + j], ref[i * stride + j])).toBe(true);
        for (let i = 0; i < n; i++) for (let j = n; j < stride; j++) expect(fast[i * stride + j]).toBe(7);
      }
      // Read from a larger matrix through an index (a permuted sub-matrix) instead of from `a`: the same L.
      const big = n + 2, perm = Array.from({ length: big }, (_, i) => i);
      for (let i = big - 1; i > 0; i--) { const j = rng.int(i + 1); [perm[i], perm[j]] = [perm[j], perm[i]]; }
      const values = new Float64Array(big * big).fill(NaN), index = new Int32Array((n * (n + 1)) / 2);
      for (let i = 0, q = 0; i < n; i++) for (let j = 0; j <= i; j++, q++) { index[q] = perm[i] * big + perm[j]; values[index[q]] = a[i * stride + j]; }
      const viaIndex = new Float64Array(n * stride), ldIdx = new Float64Array(n);
      expect(choleskyLogDiag(viaIndex, n, stride, ldIdx, { values, index })).toBe(okRef);
      if (okRef) {
        expect(Array.from(ldIdx)).toEqual(Array.from(ldRef));
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(Object.is(viaIndex[i * stride + j], ref[i * stride + j])).toBe(true);
      }
    }), { seed: 11, numRuns: 300 });
  });
});

describe('Gaussian information', () => {
  it('bivariate MI = −½ ln(1 − ρ²)', () => {
    for (const rho of [0, 0.3, -0.6, 0.95]) {
      const cov = [1, rho, rho, 1];
      expectClose(gaussianMutualInformation(cov, 2, [0], [1]), -0.5 * Math.log(1 - rho * rho), { abs: 1e-14 });
    }
  });
  it('equicorrelated det R = (1 − ρ)^{k−1}(1 + (k−1)ρ), so TC = −½ ln of it', () => {
    for (const [k, rho] of [[14, 0.3], [5, 0.8], [3, -0.4]] as const) {
      const r = new Float64Array(k * k).fill(rho);
      for (let i = 0; i < k; i++) r[i * k + i] = 1;
      expectClose(logDet(r, k), equicorrelatedLogDet(k, rho), { abs: 1e-12 });
      expectClose(totalCorrelation(r, k), -0.5 * equicorrelatedLogDet(k, rho), { abs: 1e-12 });
    }
  });
  it('TC ≈ 0 for independent samples and is scale-invariant', () => {
    const rng = createRng(4), n = 20000, k = 5;
    const x = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => rng.normal()));
    const cov = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += x[i][t] * x[j][t] * (i === 0 ? 7 : 1) * (j === 0 ? 7 : 1);
      cov[i * k + j] = s / n;
    }
    expect(totalCorrelation(cov, k)).toBeLessThan(0.002);
    expect(totalCorrelation(cov, k)).toBeGreaterThanOrEqual(0);
  });
  it('whole-minus-sum Φ: 0 for independent AR(1) members, > 0 with cross-coupling, < 0 for redundant copies', () => {
    // Stationary lag-1 covariance of x_t = A x_{t−1} + ε: joint = [[Σ, (AΣ)ᵀ], [AΣ, Σ]] with Σ = AΣAᵀ + I.
    const joint = (A: number[][]): Float64Array => {
      const k = A.length;
      let S: number[][] = A.map((_, i) => A.map((__, j) => (i === j ? 1 : 0)));
      for (let it = 0; it < 2000; it++) {
        const AS = A.map((row) => S[0].map((_, j) => row.reduce((s, a, m) => s + a * S[m][j], 0)));
        S = AS.map((row, i) => row.map((_, j) => AS[i].reduce((s, v, m) => s + v * A[j][m], 0) + (i === j ? 1 : 0)));
      }
      const AS = A.map((row) => S[0].map((_, j) => row.reduce((s, a, m) => s + a * S[m][j], 0)));
      const d = 2 * k, J = new Float64Array(d * d);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
        J[i * d + j] = S[i][j];
        J[(k + i) * d + (k + j)] = S[i][j];
        J[(k + i) * d + j] = AS[i][j]; // Cov(x_t, x_{t−1}) = AΣ
        J[j * d + (k + i)] = AS[i][j];
      }
      return J;
    };
    expectClose(wholeMinusSumPhi(joint([[0.5, 0], [0, 0.8]]), 2, [0]), 0, { abs: 1e-10 });
    expect(wholeMinusSumPhi(joint([[0.4, 0.4], [0.4, 0.4]]), 2, [0])).toBeGreaterThan(0.05);
    // Two identical copies of one AR(1) signal (plus a tiny ridge): whole-minus-sum double counts → negative.
    const rho = 0.8, v = 1 / (1 - rho * rho), e = 1e-3;
    const J = new Float64Array([
      v + e, v, rho * v, rho * v,
      v, v + e, rho * v, rho * v,
      rho * v, rho * v, v + e, v,
      rho * v, rho * v, v, v + e,
    ]);
    expect(wholeMinusSumPhi(J, 2, [0])).toBeLessThan(0);
  });
});
