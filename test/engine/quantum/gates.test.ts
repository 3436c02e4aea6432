import { describe, expect, it } from 'vitest';
import { GATES, adjointMatrix, gateMatrix, getGate, identityMatrix, isUnitary, matMul, maxAbsDiff, resolveGateId, Statevector, simulate, createCircuit, withOp } from '../../../src/engine/quantum/index.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';
import { fullMatrix, matVec, randomQubits, randomState } from './reference.ts';

const rng = createRng('gates-registry');
const ids = Object.keys(GATES);
const randomParams = (n: number): number[] => Array.from({ length: n }, () => (rng.next() - 0.5) * 4 * Math.PI);

describe('gate registry invariants (every gate in GATES)', () => {
  it('has the gates the contract promises', () => {
    for (const id of ['id', 'x', 'y', 'z', 'h', 's', 'sdg', 't', 'tdg', 'sx', 'rx', 'ry', 'rz', 'p', 'u', 'u1', 'u2', 'u3', 'cx', 'cy', 'cz', 'ch', 'swap', 'crx', 'cry', 'crz', 'cp', 'cu1', 'ccx', 'cswap']) {
      expect(GATES[id], id).toBeDefined();
    }
  });

  for (const id of ids) {
    const g = GATES[id];
    describe(`${id}`, () => {
      it('is well formed: lowercase id, title, blurb, matrix size 2·4^arity', () => {
        expect(g.id).toBe(id);
        expect(id).toBe(id.toLowerCase());
        expect(g.title.length).toBeGreaterThan(0);
        expect(g.blurb.length).toBeGreaterThan(10);
        expect(gateMatrix(id, randomParams(g.params.length)).length).toBe(2 * 4 ** g.arity);
      });

      it('is unitary and adjoint∘gate ≈ I for random parameters', () => {
        for (let trial = 0; trial < 5; trial++) {
          const m = gateMatrix(id, randomParams(g.params.length));
          expect(isUnitary(m, 1e-12)).toBe(true);
          expect(maxAbsDiff(matMul(adjointMatrix(m), m), identityMatrix(1 << g.arity))).toBeLessThan(1e-12);
        }
      });

      it('kernel (applyGate) equals the dense kron reference at random qubit positions in 3–5 qubit registers', () => {
        for (let trial = 0; trial < 6; trial++) {
          const n = 3 + rng.int(3);
          const qubits = randomQubits(g.arity, n, rng);
          const params = randomParams(g.params.length);
          const psi = randomState(n, rng);
          const expected = matVec(fullMatrix(gateMatrix(id, params), qubits, n), psi);
          const st = Statevector.fromAmplitudes(psi).applyGate(id, qubits, params);
          expectClose(st.amps, expected, { abs: 1e-13 });
          // the same gate through simulate's fusion path (from |0…0⟩ after a scrambling layer)
          const viaMatrix = Statevector.fromAmplitudes(psi).applyMatrix(gateMatrix(id, params), qubits);
          expectClose(viaMatrix.amps, expected, { abs: 1e-13 });
        }
      });

      it('applying the gate then its adjoint matrix restores the state', () => {
        const n = 4;
        const qubits = randomQubits(g.arity, n, rng);
        const params = randomParams(g.params.length);
        const psi = randomState(n, rng);
        const st = Statevector.fromAmplitudes(psi).applyGate(id, qubits, params).applyMatrix(adjointMatrix(gateMatrix(id, params)), qubits);
        expectClose(st.amps, psi, { abs: 1e-13 });
      });

      it('fused simulate equals gate-by-gate simulate when the gate sits in a random circuit', () => {
        const n = 4;
        let c = createCircuit(n);
        for (let q = 0; q < n; q++) c = withOp(c, { kind: 'gate', gate: 'u', qubits: [q], params: randomParams(3) });
        for (let k = 0; k < 3; k++) {
          c = withOp(c, { kind: 'gate', gate: id, qubits: randomQubits(g.arity, n, rng), params: randomParams(g.params.length) });
          c = withOp(c, { kind: 'gate', gate: 'cx', qubits: randomQubits(2, n, rng), params: [] });
        }
        expectClose(simulate(c).state.amps, simulate(c, { fuse: false }).state.amps, { abs: 1e-13 });
      });
    });
  }
});

describe('gate conventions', () => {
  it('CX on [control, target] has matrix index c + 2·t (little-endian)', () => {
    const m = gateMatrix('cx', []);
    // |c=1,t=0⟩ = index 1 maps to |c=1,t=1⟩ = index 3
    expect(m[2 * (3 * 4 + 1)]).toBe(1);
    expect(m[2 * (1 * 4 + 3)]).toBe(1);
    expect(m[2 * (2 * 4 + 2)]).toBe(1);
  });
  it('qubit 0 is the least significant bit of the basis index', () => {
    const st = Statevector.zero(3).applyGate('x', [0]);
    expect(st.amps[2 * 1]).toBe(1);
  });
  it('aliases resolve case-insensitively; unknown ids throw a RangeError listing the ids', () => {
    expect(resolveGateId('CNOT')).toBe('cx');
    expect(resolveGateId('Toffoli')).toBe('ccx');
    expect(resolveGateId('H')).toBe('h');
    expect(() => getGate('foo')).toThrow(/invalid gate: 'foo' \(expected one of id, x/);
  });
  it('gateMatrix validates the parameter count and finiteness', () => {
    expect(() => gateMatrix('rx', [])).toThrow("invalid params for gate 'rx': got 0 (expected 1: theta)");
    expect(() => gateMatrix('rx', [NaN])).toThrow(/invalid param theta of gate 'rx': NaN/);
  });
  it('relations: S² = Z, T² = S, SX² = X, H Z H = X, U3(θ,−π/2,π/2) = RX(θ), U1 = P, U2(φ,λ) = U(π/2,φ,λ)', () => {
    const g = (id: string, p: number[] = []): Float64Array => gateMatrix(id, p);
    expect(maxAbsDiff(matMul(g('s'), g('s')), g('z'))).toBeLessThan(1e-15);
    expect(maxAbsDiff(matMul(g('t'), g('t')), g('s'))).toBeLessThan(1e-15);
    expect(maxAbsDiff(matMul(g('sx'), g('sx')), g('x'))).toBeLessThan(1e-15);
    expect(maxAbsDiff(matMul(matMul(g('h'), g('z')), g('h')), g('x'))).toBeLessThan(1e-15);
    expect(maxAbsDiff(g('u', [0.7, -Math.PI / 2, Math.PI / 2]), g('rx', [0.7]))).toBeLessThan(1e-15);
    expect(maxAbsDiff(g('u1', [0.3]), g('p', [0.3]))).toBe(0);
    expect(maxAbsDiff(g('u2', [0.3, 0.4]), g('u', [Math.PI / 2, 0.3, 0.4]))).toBe(0);
  });
});
