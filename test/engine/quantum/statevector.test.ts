import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_STATEVECTOR_QUBITS, Statevector, buildCircuit, formatBytes, simulate, createCircuit, type Circuit } from '../../../src/engine/quantum/index.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';
import { randomGateCircuit, randomState } from './reference.ts';

const S = Math.SQRT1_2;

/** The roadmap aggregator: RY(2·asin√pᵢ) on each qubit, then CX(0,1)…CX(n−2,n−1). */
function aggregator(ps: readonly number[]): Circuit {
  const b = buildCircuit(ps.length);
  ps.forEach((p, i) => b.ry(2 * Math.asin(Math.sqrt(p)), i));
  for (let q = 0; q + 1 < ps.length; q++) b.cx(q, q + 1);
  return b.build();
}

function qft(n: number): Circuit {
  const b = buildCircuit(n);
  for (let j = n - 1; j >= 0; j--) {
    b.h(j);
    for (let k = j - 1; k >= 0; k--) b.cp(Math.PI / 2 ** (j - k), k, j);
  }
  for (let i = 0; i < Math.floor(n / 2); i++) b.swap(i, n - 1 - i);
  return b.build();
}

/** Random circuit over the whole registry, drawn from a fast-check seed. */

describe('analytic oracles', () => {
  it('Bell state (|00⟩ + |11⟩)/√2', () => {
    const { state } = simulate(buildCircuit(2).h(0).cx(0, 1).build());
    expectClose(state.amps, [S, 0, 0, 0, 0, 0, S, 0], { abs: 1e-15 });
  });

  it('GHZ on 5 qubits: only |0…0⟩ and |1…1⟩ with amplitude 1/√2', () => {
    const b = buildCircuit(5).h(0);
    for (let q = 0; q < 4; q++) b.cx(q, q + 1);
    const p = simulate(b.build()).state.probabilities();
    const expected = new Float64Array(32);
    expected[0] = 0.5; expected[31] = 0.5;
    expectClose(p, expected, { abs: 1e-15 });
  });

  it('QFT of |j⟩ has uniform magnitude 2^{−n/2} and phases 2πjk/2ⁿ', () => {
    const n = 5, N = 32;
    for (const j of [0, 1, 5, 19, 31]) {
      const { state } = simulate(qft(n), { initial: Statevector.basis(n, j) });
      const expected = new Float64Array(2 * N);
      for (let k = 0; k < N; k++) {
        const phi = (2 * Math.PI * j * k) / N;
        expected[2 * k] = Math.cos(phi) / Math.sqrt(N);
        expected[2 * k + 1] = Math.sin(phi) / Math.sqrt(N);
      }
      expectClose(state.amps, expected, { abs: 1e-13 });
    }
  });

  it('roadmap aggregator: P(qubit 13 = 1) = (1 − ∏(1 − 2pᵢ))/2 for 14 random pᵢ, and every prefix j', () => {
    const rng = createRng('aggregator');
    for (let trial = 0; trial < 5; trial++) {
      const ps = Array.from({ length: 14 }, () => rng.next());
      const { state } = simulate(aggregator(ps));
      let prod = 1;
      for (let j = 0; j < 14; j++) {
        prod *= 1 - 2 * ps[j];
        expectClose(state.probabilityOfOne(j), (1 - prod) / 2, { abs: 1e-13 });
      }
    }
  });

  it('⟨Z_j⟩ = ∏_{i≤j} cos θᵢ after RY(θᵢ) and a CNOT ladder', () => {
    const thetas = [0.3, 1.1, -2.0, 2.9, 0.05, 1.7];
    const b = buildCircuit(6);
    thetas.forEach((t, i) => b.ry(t, i));
    for (let q = 0; q < 5; q++) b.cx(q, q + 1);
    const { state } = simulate(b.build());
    let prod = 1;
    for (let j = 0; j < 6; j++) {
      prod *= Math.cos(thetas[j]);
      const z = 'IIIIII'.split('');
      z[j] = 'Z';
      expectClose(state.expectationPauli(z.join('')), prod, { abs: 1e-13 });
    }
  });

  it('Bloch vectors and reduced density matrices: |+⟩, |+i⟩, half of a Bell pair', () => {
    const st = simulate(buildCircuit(4).h(0).h(1).s(1).h(2).cx(2, 3).build()).state;
    expectClose(st.blochVector(0), [1, 0, 0], { abs: 1e-15 });
    expectClose(st.blochVector(1), [0, 1, 0], { abs: 1e-15 });
    expectClose(st.blochVector(2), [0, 0, 0], { abs: 1e-15 });
    expectClose(st.reducedDensityMatrix([2, 3]), [0.5, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0.5, 0], { abs: 1e-15 });
    expectClose(st.marginal([2, 3]), [0.5, 0, 0, 0.5], { abs: 1e-15 });
    expectClose(st.marginal([0]), [0.5, 0.5], { abs: 1e-15 });
  });

  it('expectationPauli covers X, Y, Z signs (|0⟩, |1⟩, |+⟩, |−i⟩ product)', () => {
    const st = simulate(buildCircuit(4).x(1).h(2).h(3).sdg(3).build()).state;
    expectClose(st.expectationPauli('ZZXY'), 1 * -1 * 1 * -1, { abs: 1e-15 });
    expectClose(st.expectationPauli('zIIi'), 1, { abs: 1e-15 });
    expect(() => st.expectationPauli('ZZ')).toThrow(/invalid pauli: 'ZZ' \(expected 4 characters/);
    expect(() => st.expectationPauli('ZZQI')).toThrow(/character 2 is 'Q'/);
  });
});

describe('limits and validation', () => {
  it(`caps statevectors at ${MAX_STATEVECTOR_QUBITS} qubits and states the memory needed`, () => {
    expect(() => Statevector.zero(25)).toThrow('invalid nQubits: 25 (expected 1–24; a 25-qubit statevector needs 512 MiB)');
    expect(() => Statevector.zero(36)).toThrow(/needs 1 TiB/);
    expect(() => Statevector.zero(0)).toThrow(RangeError);
    expect(() => simulate(createCircuit(30))).toThrow(/needs 16 GiB/);
  });
  it('formatBytes uses binary units', () => {
    expect(formatBytes(1024 ** 4)).toBe('1 TiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12)).toBe('12 B');
  });
  it('applyGate validates qubits', () => {
    expect(() => Statevector.zero(2).applyGate('cx', [0, 0])).toThrow("invalid qubits in gate 'cx': [0, 0] (expected distinct qubits)");
    expect(() => Statevector.zero(2).applyGate('h', [2])).toThrow("invalid qubit in gate 'h': 2 (expected 0–1)");
    expect(() => Statevector.zero(2).applyGate('cx', [0])).toThrow("invalid qubit count for gate 'cx': 1 (expected 2)");
  });
  it('fromAmplitudes checks the length', () => {
    expect(() => Statevector.fromAmplitudes([1, 0, 0])).toThrow(/invalid amplitudes length: 3/);
  });
});

describe('measurement, reset and sampling', () => {
  it('sampling is deterministic for a seed and matches probabilities (chi-square)', () => {
    const st = simulate(buildCircuit(3).ry(1.0, 0).ry(2.0, 1).h(2).cx(0, 2).build()).state;
    const a = st.sample(20000, createRng(7));
    const b = st.sample(20000, createRng(7));
    expect([...a.entries()]).toEqual([...b.entries()]);
    const p = st.probabilities();
    let chi2 = 0;
    for (let i = 0; i < 8; i++) {
      if (p[i] < 1e-12) { expect(a.get(i) ?? 0).toBe(0); continue; }
      const e = 20000 * p[i];
      chi2 += ((a.get(i) ?? 0) - e) ** 2 / e;
    }
    // 99.9 % quantile of χ² with ≤ 7 dof is 24.3
    expect(chi2).toBeLessThan(24.3);
    expect([...a.values()].reduce((x, y) => x + y, 0)).toBe(20000);
  });

  it('measure collapses a Bell pair consistently and is reproducible with the seed', () => {
    for (let seed = 0; seed < 20; seed++) {
      const c = buildCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
      const r1 = simulate(c, { seed });
      const r2 = simulate(c, { seed });
      expect(r1.clbits).toEqual(r2.clbits);
      expect(r1.clbits[0]).toBe(r1.clbits[1]);
      expectClose(r1.state.norm(), 1, { abs: 1e-14 });
    }
  });

  it('mid-circuit measure frequencies follow the Born rule', () => {
    const c = buildCircuit(1, 1).ry(2 * Math.asin(Math.sqrt(0.3)), 0).measure(0, 0).build();
    let ones = 0;
    for (let seed = 0; seed < 2000; seed++) ones += simulate(c, { seed }).clbits[0];
    // binomial sd = √(2000·0.21) ≈ 20.5; 4.5 sd
    expect(Math.abs(ones - 600)).toBeLessThan(92);
  });

  it('reset returns a qubit to |0⟩ without touching an unentangled neighbour', () => {
    const c = buildCircuit(2).h(0).x(1).h(1).reset(0).build();
    for (let seed = 0; seed < 10; seed++) {
      const { state } = simulate(c, { seed });
      expectClose(state.probabilityOfOne(0), 0, { abs: 1e-15 });
      expectClose(state.blochVector(1), [-1, 0, 0], { abs: 1e-14 });
    }
  });
});

describe('fast-check properties', () => {
  it('random circuits preserve the norm (fused and unfused agree)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer(), (n, depth, seed) => {
        const c = randomGateCircuit(seed, n, depth);
        const initial = Statevector.fromAmplitudes(randomState(n, createRng(seed)));
        const fused = simulate(c, { initial }).state;
        const plain = simulate(c, { initial, fuse: false }).state;
        expectClose(fused.norm(), 1, { abs: 1e-12 });
        expectClose(fused.amps, plain.amps, { abs: 1e-12 });
        const fromZero = simulate(c).state;
        expectClose(fromZero.amps, simulate(c, { fuse: false }).state.amps, { abs: 1e-12 });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('SimulationWorkspace', () => {
  it('reuses buffers without changing results, across sizes and with an initial state', async () => {
    const { SimulationWorkspace, roadmapAggregatorCircuit, layeredBenchmarkCircuit } = await import('../../../src/engine/quantum/index.ts');
    const ws = new SimulationWorkspace();
    const rng = createRng('workspace');
    for (let k = 0; k < 12; k++) {
      const c = k % 3 === 2 ? layeredBenchmarkCircuit(5, 3) : roadmapAggregatorCircuit(Array.from({ length: 4 + (k % 2) }, () => rng.next()));
      const expected = simulate(c).state.amps.slice();
      const initial = k % 4 === 3 ? Statevector.fromAmplitudes(randomState(c.nQubits, rng)) : undefined;
      const got = simulate(c, { workspace: ws, initial }).state.amps;
      if (initial === undefined) expectClose(got, expected, { abs: 0 });
      else expectClose(got, simulate(c, { initial }).state.amps, { abs: 0 });
    }
  });
});
