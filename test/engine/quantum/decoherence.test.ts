import { describe, expect, it } from 'vitest';
import {
  averageFidelity, encodedStateFidelity, encodedStateOverlapWithZero, fidelityOneQubit, fidelityOverTime, fidelityPlus,
  ghzDephasingFidelity, ghzFidelity, holdFidelity, maximallyMixedFidelity, productFidelity, requiredT2Us, trivialBaseline,
} from '../../../src/engine/quantum/decoherence.ts';
import { DensityMatrix } from '../../../src/engine/quantum/density.ts';
import { buildCircuit } from '../../../src/engine/quantum/circuit.ts';
import { simulate, Statevector } from '../../../src/engine/quantum/statevector.ts';
import { estimateHoldFidelity, idleTrajectory, reduced1q } from '../../../src/engine/quantum/trajectories.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

function encodedCircuit(p: ArrayLike<number>) {
  const b = buildCircuit(p.length);
  for (let i = 0; i < p.length; i++) b.ry(2 * Math.asin(Math.sqrt(p[i])), i);
  for (let i = 0; i + 1 < p.length; i++) b.cx(i, i + 1);
  return b.build();
}

describe('decoherence closed forms', () => {
  it('single-qubit special cases: |+⟩, |1⟩, |0⟩', () => {
    expectClose(fidelityOneQubit(0.5, 30, 100, 80), fidelityPlus(30, 80) - 0, { abs: 1e-15 });
    expectClose(fidelityOneQubit(1, 30, 100, 80), Math.exp(-0.3));
    expectClose(fidelityOneQubit(0, 30, 100, 80), 1);
  });
  it('average fidelity equals the Bloch-sphere average of F_ψ (∫ over p1 uniform in [0,1])', () => {
    // For Haar-random states p1 is uniform on [0, 1]; integrate with Simpson's rule.
    const n = 2000, t = 40, t1 = 100, t2 = 70;
    let s = 0;
    for (let i = 0; i <= n; i++) {
      const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
      s += w * fidelityOneQubit(i / n, t, t1, t2);
    }
    expectClose(s / (3 * n), averageFidelity(t, t1, t2), { abs: 1e-12 });
  });
  it('reproduces the CLAIMS-REFERENCE §2 table at 50 ms', () => {
    const t = 50_000;
    expectClose(fidelityPlus(t, 1e6), 0.976, { abs: 5e-4 });
    expectClose(fidelityPlus(t, 40e6), 0.9994, { abs: 1e-4 });
    expectClose(holdFidelity({ state: 'product', nQubits: 14 }, t, 10e6, 1e6), 0.708, { abs: 1e-3 });
    expectClose(ghzFidelity(14, t, 10e6, 1e6), 0.731, { abs: 1e-3 });
    expectClose(holdFidelity({ state: 'product', nQubits: 14 }, t, 283, 144), 2 ** -14, { rel: 1e-6 });
    expectClose(ghzFidelity(14, t, 283, 144), 0.5, { abs: 1e-12 });
    // The reference table prints 1.6e−77; e^{−50000/283} = 1.86e−77 (the table is off by ~15 %).
    expectClose(fidelityOneQubit(1, t, 283, 144), 1.86e-77, { rel: 0.01, abs: 0 });
  });
  it('GHZ closed form reduces to pure dephasing when T1 = ∞', () => {
    expectClose(ghzFidelity(7, 12, Infinity, 50), ghzDephasingFidelity(7, 12, 50));
  });
  it('maximally mixed: 2^{−n}, and the density matrix agrees', () => {
    expect(maximallyMixedFidelity(3)).toBe(0.125);
    const psi = simulate(buildCircuit(3).h(0).ry(0.4, 1).build()).state;
    expectClose(DensityMatrix.maximallyMixed(3).fidelityWithPure(psi), 0.125, { abs: 1e-15 });
  });
  it('product fidelity is the product of single-qubit fidelities (density matrix check)', () => {
    const p = [0.1, 0.5, 0.9];
    const psi = simulate(buildCircuit(3).ry(2 * Math.asin(Math.sqrt(0.1)), 0).ry(Math.PI / 2, 1).ry(2 * Math.asin(Math.sqrt(0.9)), 2).build()).state;
    const rho = DensityMatrix.fromStatevector(psi).idle(25, { t1Us: 60, t2Us: 90 });
    expectClose(rho.fidelityWithPure(psi), productFidelity(p, 25, 60, 90), { abs: 1e-14 });
    expectClose(encodedStateFidelity(p, 25, 60, 90, false), productFidelity(p, 25, 60, 90), { abs: 1e-14 });
  });
  it('roadmap encoding state (RY + CNOT chain): transfer matrix equals the density matrix, n ≤ 6', () => {
    const rng = createRng(5);
    for (let n = 1; n <= 6; n++) {
      const p = Float64Array.from({ length: n }, () => rng.next());
      const psi = simulate(encodedCircuit(p)).state;
      for (const [t, t1, t2] of [[10, 100, 60], [80, 50, 100], [3, Infinity, 20]]) {
        const rho = DensityMatrix.fromStatevector(psi).idle(t, { t1Us: t1, t2Us: t2 });
        expectClose(encodedStateFidelity(p, t, t1, t2), rho.fidelityWithPure(psi), { abs: 1e-13 });
      }
      expectClose(encodedStateOverlapWithZero(p), psi.probabilities()[0], { abs: 1e-14 });
    }
  });
  it('roadmap encoding with p = (½, 0, …, 0) is GHZ', () => {
    const p = new Float64Array(9); p[0] = 0.5;
    expectClose(encodedStateFidelity(p, 17, 40, 33), ghzFidelity(9, 17, 40, 33), { abs: 1e-14 });
  });
  it('roadmap14 transfer matrix agrees with trajectories on 14 qubits (within 4 SE)', () => {
    const p = Float64Array.from({ length: 14 }, (_, i) => 0.55 + 0.02 * i);
    const psi = simulate(encodedCircuit(p)).state;
    const [t, t1, t2] = [4, 100, 80];
    const est = estimateHoldFidelity(psi, t, { t1Us: t1, t2Us: t2 }, { nTrajectories: 400, seed: 3 });
    const exact = holdFidelity({ state: 'roadmap14', nQubits: 14, probabilities: p }, t, t1, t2);
    expect(Math.abs(est.mean - exact)).toBeLessThan(4 * est.stdError);
  });
  it('required T2 for 95 % over 50 ms (T1 = ∞): |+⟩ 0.475 s, |+⟩^⊗14 6.8 s, GHZ14 6.6 s', () => {
    const hold = 50_000;
    expectClose(requiredT2Us({ state: 'plus' }, hold, 0.95).t2Us, hold / Math.log(1 / 0.9), { rel: 1e-9 });
    expectClose(requiredT2Us({ state: 'product', nQubits: 14 }, hold, 0.95).t2Us / 1e6, 6.81, { abs: 0.01 });
    expectClose(requiredT2Us({ state: 'ghz', nQubits: 14 }, hold, 0.95).t2Us, (14 * hold) / Math.log(1 / 0.9), { rel: 1e-9 });
    const sc = requiredT2Us({ state: 'plus' }, hold, 0.95, 283);
    expect(sc.t2Us).toBe(Infinity);
    expect(sc.reason).toMatch(/T2 = 2·T1 = 566 μs/);
    expect(requiredT2Us({ state: 'one' }, 10, 0.5, 1e6).t2Us).toBe(0);
  });
  it('fidelityOverTime: preset curves plus the trivial-state baseline', () => {
    const ts = Float64Array.of(0, 10, 100, 1000, 50_000);
    const r = fidelityOverTime({ preset: 'ibm_kingston', state: 'ghz', nQubits: 14, holdTimesUs: ts });
    expect(r.t1Us).toBe(283);
    expectClose(r.fidelity[0], 1);
    expectClose(r.fidelity[4], 0.5, { abs: 1e-12 });
    expect(Array.from(r.baseline)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    const rm = fidelityOverTime({ t1Us: 10e6, t2Us: 1e6, state: 'roadmap14', holdTimesUs: ts });
    expect(rm.method).toMatch(/transfer-matrix/);
    expectClose(rm.baseline[0], 0.3 ** 14);
    for (let i = 1; i < ts.length; i++) expect(rm.fidelity[i]).toBeLessThanOrEqual(rm.fidelity[i - 1]);
    expect(trivialBaseline({ state: 'product', nQubits: 3 })).toBe(0.125);
    expect(() => fidelityOverTime({ state: 'plus', holdTimesUs: ts })).toThrow(/missing t1Us/);
  });
});

describe('trajectories', () => {
  it('GHZ under pure dephasing: trajectories match ½(1 + e^{−nt/T2}) within 4 SE (n = 4, 10, 16)', () => {
    for (const n of [4, 10, 16]) {
      const b = buildCircuit(n).h(0);
      for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
      const ghz = simulate(b.build()).state;
      const t = 3, t2 = 100;
      const est = estimateHoldFidelity(ghz, t, { t1Us: Infinity, t2Us: t2 }, { nTrajectories: n === 16 ? 150 : 400, seed: n });
      expect(Math.abs(est.mean - ghzDephasingFidelity(n, t, t2))).toBeLessThan(4 * est.stdError);
      expect(est.stdError).toBeGreaterThan(0);
    }
  });
  it('reports progress and is deterministic for a seed', () => {
    const psi = Statevector.zero(3).applyGate('h', [0]);
    const seen: number[] = [];
    const a = estimateHoldFidelity(psi, 20, { t1Us: 50, t2Us: 40 }, { nTrajectories: 50, seed: 9, onProgress: (f) => seen.push(f) });
    const b = estimateHoldFidelity(psi, 20, { t1Us: 50, t2Us: 40 }, { nTrajectories: 50, seed: 9 });
    expect(a.mean).toBe(b.mean);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.length).toBe(50);
    expect(() => estimateHoldFidelity(psi, 1, { t1Us: 1, t2Us: 1 }, { nTrajectories: 1 })).toThrow(/invalid nTrajectories: 1/);
  });
  it('one reused buffer per run gives the figures of a fresh clone per trajectory, bit for bit', () => {
    for (const n of [3, 9, 12]) {
      const rng = createRng(40 + n), raw = new Float64Array(2 << n);
      for (let i = 0; i < raw.length; i++) raw[i] = rng.normal();
      const psi = Statevector.fromAmplitudes(raw).normalize(), coherence = { t1Us: 60, t2Us: 45 }, N = 30;
      // The straightforward estimate: clone, one idle trajectory, fidelity; Welford over trajectories.
      const root = createRng(7);
      let mean = 0, m2 = 0;
      for (let k = 0; k < N; k++) {
        const st = psi.clone();
        idleTrajectory(st, 25, coherence, root.fork(k));
        const x = psi.fidelity(st), d = x - mean;
        mean += d / (k + 1); m2 += d * (x - mean);
      }
      const est = estimateHoldFidelity(psi, 25, coherence, { nTrajectories: N, seed: 7 });
      expect([est.mean, est.stdError]).toEqual([mean, Math.sqrt(m2 / (N - 1) / N)]);
    }
  });
  it('the reduced one-qubit state sums the pairs (i, i | bit) in increasing i, as a test of every index does', () => {
    const rng = createRng(5);
    for (const n of [1, 4, 7]) {
      const a = Float64Array.from({ length: 2 << n }, () => rng.normal());
      for (let q = 0; q < n; q++) {
        let r00 = 0, r11 = 0, re = 0, im = 0;
        for (let i = 0; i < 1 << n; i++) {
          if (i & (1 << q)) continue;
          const j = i | (1 << q), xr = a[2 * i], xi = a[2 * i + 1], yr = a[2 * j], yi = a[2 * j + 1];
          r00 += xr * xr + xi * xi; r11 += yr * yr + yi * yi; re += xr * yr + xi * yi; im += xi * yr - xr * yi;
        }
        expect(reduced1q(a, n, q)).toEqual([r00, r11, re, im]);
      }
    }
  });
});
