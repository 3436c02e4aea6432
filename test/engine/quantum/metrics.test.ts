import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fidelityMixed, fidelityPure, fidelityPureMixed, hermitianEigenvalues, hermitianFunction, jacobiEigenSymmetric, purity,
  traceDistance, vonNeumannEntropy,
} from '../../../src/engine/quantum/metrics.ts';
import { DensityMatrix } from '../../../src/engine/quantum/density.ts';
import { Statevector } from '../../../src/engine/quantum/statevector.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

function randomState(n: number, seed: number): Statevector {
  const rng = createRng(seed);
  const a = Float64Array.from({ length: 2 << n }, () => rng.normal());
  let s = 0; for (const x of a) s += x * x;
  return Statevector.fromAmplitudes(a.map((x) => x / Math.sqrt(s)));
}
function mix(n: number, seed: number, w: number[]): DensityMatrix {
  const out = new Float64Array(2 * 4 ** n);
  w.forEach((wk, k) => { const r = DensityMatrix.fromStatevector(randomState(n, seed * 13 + k)); for (let i = 0; i < out.length; i++) out[i] += wk * r.data[i]; });
  return DensityMatrix.fromData(out);
}

describe('metrics', () => {
  it('Jacobi diagonalises a real symmetric matrix: A v = λ v', () => {
    const a = Float64Array.of(4, 1, 2, 1, 3, 0, 2, 0, 1);
    const { values, vectors } = jacobiEigenSymmetric(a, 3);
    for (let k = 0; k < 3; k++) for (let i = 0; i < 3; i++) {
      let s = 0; for (let j = 0; j < 3; j++) s += a[i * 3 + j] * vectors[j * 3 + k];
      expectClose(s, values[k] * vectors[i * 3 + k], { abs: 1e-13 });
    }
  });
  it('Hermitian eigenvalues: Pauli Y has ±1; trace and Tr ρ² are preserved', () => {
    expectClose(hermitianEigenvalues(Float64Array.of(0, 0, 0, -1, 0, 1, 0, 0)), [-1, 1], { abs: 1e-14 });
    const rho = mix(3, 1, [0.6, 0.3, 0.1]);
    const ev = hermitianEigenvalues(rho.data);
    expectClose(ev.reduce((a, b) => a + b, 0), 1, { abs: 1e-13 });
    expectClose(ev.reduce((a, b) => a + b * b, 0), purity(rho), { abs: 1e-13 });
  });
  it('√ρ·√ρ = ρ', () => {
    const rho = mix(2, 2, [0.4, 0.3, 0.2, 0.1]); // full rank: √ of near-zero eigenvalues would amplify rounding
    const s = hermitianFunction(rho.data, (x) => Math.sqrt(Math.max(0, x)));
    const d = 4, o = new Float64Array(32);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) {
      o[2 * (i * d + j)] += s[2 * (i * d + k)] * s[2 * (k * d + j)] - s[2 * (i * d + k) + 1] * s[2 * (k * d + j) + 1];
      o[2 * (i * d + j) + 1] += s[2 * (i * d + k)] * s[2 * (k * d + j) + 1] + s[2 * (i * d + k) + 1] * s[2 * (k * d + j)];
    }
    expectClose(o, rho.data, { abs: 1e-12 });
  });
  it('Uhlmann fidelity: pure ρ reduces to ⟨ψ|σ|ψ⟩, pure–pure to |⟨ψ|φ⟩|², symmetric, F(ρ,ρ) = 1', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
      const psi = randomState(2, seed), phi = randomState(2, seed + 1);
      const sigma = mix(2, seed, [0.7, 0.2, 0.1]);
      const rp = DensityMatrix.fromStatevector(psi);
      expectClose(fidelityMixed(rp, sigma), fidelityPureMixed(psi, sigma), { abs: 1e-9 });
      expectClose(fidelityMixed(rp, DensityMatrix.fromStatevector(phi)), fidelityPure(psi, phi), { abs: 1e-8 });
      const rho = mix(2, seed + 5, [0.4, 0.6]);
      expectClose(fidelityMixed(rho, sigma), fidelityMixed(sigma, rho), { abs: 1e-9 });
      expectClose(fidelityMixed(rho, rho), 1, { abs: 1e-9 });
    }), { seed: 42, numRuns: 15 });
  });
  it('single-qubit oracles: diagonal states F = (Σ√(p_i q_i))², trace distance, entropy', () => {
    const r = DensityMatrix.fromData([0.8, 0, 0, 0, 0, 0, 0.2, 0]);
    const s = DensityMatrix.fromData([0.3, 0, 0, 0, 0, 0, 0.7, 0]);
    expectClose(fidelityMixed(r, s), (Math.sqrt(0.24) + Math.sqrt(0.14)) ** 2, { abs: 1e-12 });
    expectClose(traceDistance(r, s), 0.5, { abs: 1e-13 });
    expectClose(vonNeumannEntropy(DensityMatrix.maximallyMixed(3)), 3, { abs: 1e-12 });
    expectClose(vonNeumannEntropy(DensityMatrix.fromStatevector(randomState(2, 4))), 0, { abs: 1e-9 });
    expectClose(vonNeumannEntropy(r), -(0.8 * Math.log2(0.8) + 0.2 * Math.log2(0.2)), { abs: 1e-12 });
    // |0⟩ vs |+⟩: trace distance √(1 − F) for pure states = 1/√2
    const z = DensityMatrix.zero(1), plus = DensityMatrix.fromStatevector(Statevector.zero(1).applyGate('h', [0]));
    expectClose(traceDistance(z, plus), Math.SQRT1_2, { abs: 1e-13 });
  });
  it('refuses too-large matrices for the dense eigen solver', () => {
    expect(() => hermitianEigenvalues(new Float64Array(2 * 256 * 256))).toThrow(/invalid matrix dimension: 256/);
    expect(purity(DensityMatrix.maximallyMixed(2))).toBeCloseTo(0.25, 14);
  });
});
