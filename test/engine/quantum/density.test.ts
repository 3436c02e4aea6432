import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DensityMatrix, simulateDensity, MAX_DENSITY_QUBITS, checkDensityQubits } from '../../../src/engine/quantum/density.ts';
import { amplitudeDampingKraus } from '../../../src/engine/quantum/channels.ts';
import { buildCircuit, type Circuit } from '../../../src/engine/quantum/circuit.ts';
import { Statevector, simulate } from '../../../src/engine/quantum/statevector.ts';
import { gateMatrix } from '../../../src/engine/quantum/gates.ts';
import { ghzDephasingFidelity, ghzFidelity, fidelityOneQubit } from '../../../src/engine/quantum/decoherence.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

function randomCircuit(n: number, depth: number, seed: number): Circuit {
  const rng = createRng(seed);
  const b = buildCircuit(n);
  const one = ['h', 'x', 's', 't', 'sx', 'y'];
  for (let d = 0; d < depth; d++) {
    const k = rng.int(4);
    if (k === 0 && n > 1) { const a = rng.int(n); let c = rng.int(n - 1); if (c >= a) c++; b.cx(a, c); }
    else if (k === 1 && n > 1) { const a = rng.int(n); let c = rng.int(n - 1); if (c >= a) c++; const g = ['cz', 'swap', 'crz', 'rzz'][rng.int(4)]; b.gate(g, [a, c], g === 'crz' || g === 'rzz' ? [rng.normal()] : []); }
    else if (k === 2) b.gate(['rx', 'ry', 'rz'][rng.int(3)], [rng.int(n)], [rng.normal()]);
    else b.gate(one[rng.int(one.length)], [rng.int(n)]);
  }
  return b.build();
}

describe('DensityMatrix', () => {
  it('a unitary circuit gives |ψ⟩⟨ψ| of the statevector (random circuits, 1–5 qubits)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
      const c = randomCircuit(n, 25, seed);
      const rho = simulateDensity(c).state;
      const psi = simulate(c).state;
      expectClose(rho.data, DensityMatrix.fromStatevector(psi).data, { abs: 1e-12 });
    }), { seed: 42, numRuns: 40 });
  });
  it('3-qubit unitaries via the generic kernel match the statevector', () => {
    const c = buildCircuit(4).h(0).h(1).ry(0.3, 2).ccx(0, 1, 3).cswap(3, 0, 2).build();
    expectClose(simulateDensity(c).state.data, DensityMatrix.fromStatevector(simulate(c).state).data, { abs: 1e-12 });
  });
  it('refuses more than MAX_DENSITY_QUBITS with the memory it would need, unless raised explicitly', () => {
    expect(MAX_DENSITY_QUBITS).toBe(10);
    expect(() => DensityMatrix.zero(11)).toThrow(/invalid nQubits: 11 \(expected 1–10; a 11-qubit density matrix needs 4\^11·16 B = 64 MiB, pass \{ maxQubits: 11 \}/);
    expect(() => checkDensityQubits(13, { maxQubits: 13 })).toThrow(/invalid maxQubits: 13/);
    expect(() => checkDensityQubits(11, { maxQubits: 11 })).not.toThrow();
  });
  it('amplitude damping: ρ11 = p1(1 − γ)', () => {
    const rho = DensityMatrix.fromStatevector(Statevector.zero(2).applyGate('ry', [1], [1.1]));
    const p1 = Math.sin(0.55) ** 2;
    rho.applyKraus(amplitudeDampingKraus(0.3), [1]);
    expectClose(rho.probabilityOfOne(1), p1 * 0.7, { abs: 1e-14 });
  });
  it('T1 decay ρ11(t) = p1 e^{−t/T1} and coherence |ρ01(t)| = |ρ01(0)| e^{−t/T2} under idle()', () => {
    for (const [t1, t2] of [[100, 60], [100, 180]]) {
      const psi = Statevector.zero(1).applyGate('u', [0], [1.0, 0.4, 0.2]);
      const rho = DensityMatrix.fromStatevector(psi);
      const p1 = rho.get(1, 1)[0];
      const c0 = Math.hypot(...rho.get(0, 1));
      for (const t of [0, 10, 50, 200]) {
        const r = rho.clone().idle(t, { t1Us: t1, t2Us: t2 });
        expectClose(r.get(1, 1)[0], p1 * Math.exp(-t / t1), { abs: 1e-15, rel: 1e-12 });
        expectClose(Math.hypot(...r.get(0, 1)), c0 * Math.exp(-t / t2), { abs: 1e-15, rel: 1e-12 });
        expectClose(r.fidelityWithPure(psi), fidelityOneQubit(p1, t, t1, t2), { abs: 1e-14 });
      }
    }
  });
  it('|+⟩ fidelity ½ + ½e^{−t/T2}', () => {
    const plus = Statevector.zero(1).applyGate('h', [0]);
    for (const t of [0, 30, 144, 1000]) {
      const r = DensityMatrix.fromStatevector(plus).idle(t, { t1Us: 283, t2Us: 144 });
      expectClose(r.fidelityWithPure(plus), 0.5 + 0.5 * Math.exp(-t / 144), { abs: 1e-14 });
    }
  });
  it('GHZ_n fidelity: pure dephasing ½(1 + e^{−nt/T2}) and T1/T2 closed form, n ≤ 6', () => {
    for (let n = 2; n <= 6; n++) {
      const b = buildCircuit(n).h(0);
      for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
      const ghz = simulate(b.build()).state;
      for (const t of [5, 40]) {
        const deph = DensityMatrix.fromStatevector(ghz).idle(t, { t1Us: Infinity, t2Us: 100 });
        expectClose(deph.fidelityWithPure(ghz), ghzDephasingFidelity(n, t, 100), { abs: 1e-13 });
        const full = DensityMatrix.fromStatevector(ghz).idle(t, { t1Us: 80, t2Us: 50 });
        expectClose(full.fidelityWithPure(ghz), ghzFidelity(n, t, 80, 50), { abs: 1e-13 });
      }
    }
  });
  it('per-qubit coherence arrays', () => {
    const rho = DensityMatrix.fromStatevector(Statevector.zero(2).applyGate('x', [0]).applyGate('x', [1]));
    rho.idle(10, { t1Us: [10, 20], t2Us: [10, 20] });
    expectClose(rho.probabilityOfOne(0), Math.exp(-1), { abs: 1e-15 });
    expectClose(rho.probabilityOfOne(1), Math.exp(-0.5), { abs: 1e-15 });
  });
  it('partial trace of a Bell pair is I/2; of a product state is the factor', () => {
    const bell = DensityMatrix.fromStatevector(simulate(buildCircuit(2).h(0).cx(0, 1).build()).state);
    expectClose(bell.partialTrace([1]).data, [0.5, 0, 0, 0, 0, 0, 0.5, 0]);
    const prod = DensityMatrix.fromStatevector(simulate(buildCircuit(3).ry(0.7, 2).h(0).build()).state);
    const r = prod.partialTrace([2]);
    expectClose(r.data, DensityMatrix.fromStatevector(Statevector.zero(1).applyGate('ry', [0], [0.7])).data, { abs: 1e-15 });
    const swapped = prod.partialTrace([2, 0]);
    expectClose(swapped.expectationPauli('ZX'), Math.cos(0.7), { abs: 1e-14 });
  });
  it('measure collapses with the seeded rng; reset returns to |0⟩; dephase kills coherences', () => {
    const bell = DensityMatrix.fromStatevector(simulate(buildCircuit(2).h(0).cx(0, 1).build()).state);
    const out = bell.clone().measure(0, createRng(1));
    const m = bell.clone();
    const o = m.measure(0, createRng(1));
    expect(o).toBe(out);
    expectClose(m.probabilityOfOne(1), o, { abs: 1e-15 });
    const r = bell.clone().reset(0);
    expectClose(r.probabilityOfOne(0), 0, { abs: 1e-15 });
    expectClose(r.trace(), 1);
    const d = bell.clone().dephase(0);
    expectClose(d.purity(), 0.5, { abs: 1e-15 });
  });
  it('expectationPauli matches the statevector for random states and strings', () => {
    const c = randomCircuit(3, 20, 7);
    const psi = simulate(c).state, rho = DensityMatrix.fromStatevector(psi);
    for (const p of ['ZII', 'XYZ', 'YYI', 'IXX', 'ZZZ', 'III']) expectClose(rho.expectationPauli(p), psi.expectationPauli(p), { abs: 1e-13 });
  });
  it('noise model after gates: depolarizing on a 1-qubit gate shrinks ⟨Z⟩ by (1 − p)', () => {
    const c = buildCircuit(1).x(0).build();
    const r = simulateDensity(c, { noise: { after1q: [{ id: 'depolarizing', params: { p: 0.2 } }] } }).state;
    expectClose(r.expectationPauli('Z'), -0.8, { abs: 1e-15 });
    expect(gateMatrix('x').length).toBe(8);
  });
});
