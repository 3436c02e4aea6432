import { describe, expect, it } from 'vitest';
import { buildCircuit, createCircuit, parsePauliSum, validateCircuit, withOp } from '../../../src/engine/quantum/index.ts';

describe('circuits', () => {
  it('are immutable: withOp returns a new frozen circuit', () => {
    const a = createCircuit(2);
    const b = withOp(a, { kind: 'gate', gate: 'H', qubits: [0], params: [] });
    expect(a.ops).toHaveLength(0);
    expect(b.ops).toEqual([{ kind: 'gate', gate: 'h', qubits: [0], params: [] }]);
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.ops[0])).toBe(true);
  });

  it('validate with precise messages', () => {
    const c = createCircuit(3, 1);
    expect(() => createCircuit(0)).toThrow('invalid nQubits: 0 (expected 1–64)');
    expect(() => createCircuit(2, -1)).toThrow('invalid nClbits: -1 (expected 0–1024)');
    expect(() => withOp(c, { kind: 'gate', gate: 'cx', qubits: [0, 3], params: [] })).toThrow("invalid qubit in gate 'cx': 3 (expected 0–2)");
    expect(() => withOp(c, { kind: 'gate', gate: 'cx', qubits: [0], params: [] })).toThrow("invalid qubit count for gate 'cx': 1 (expected 2)");
    expect(() => withOp(c, { kind: 'gate', gate: 'u', qubits: [0], params: [1] })).toThrow("invalid param count for gate 'u': 1 (expected 3: theta, phi, lambda)");
    expect(() => withOp(c, { kind: 'gate', gate: 'rx', qubits: [0], params: [Infinity] })).toThrow("invalid param theta of gate 'rx': Infinity (expected a finite number)");
    expect(() => withOp(c, { kind: 'gate', gate: 'nope', qubits: [0], params: [] })).toThrow(/invalid gate: 'nope'/);
    expect(() => withOp(c, { kind: 'measure', qubit: 0, clbit: 1 })).toThrow('invalid clbit in measure: 1 (expected 0–0)');
    expect(() => withOp(c, { kind: 'reset', qubit: -1 })).toThrow('invalid qubit in reset: -1 (expected 0–2)');
    expect(() => withOp(c, { kind: 'bogus' } as never)).toThrow(/invalid op kind: bogus/);
  });

  it('the fluent builder puts angles first and validates at the call', () => {
    const c = buildCircuit(3, 1).h(0).cx(0, 1).ry(0.3, 2).cu3(1, 2, 3, 2, 0).barrier().measure(2, 0).build();
    expect(c.ops[2]).toEqual({ kind: 'gate', gate: 'ry', qubits: [2], params: [0.3] });
    expect(c.ops[3]).toEqual({ kind: 'gate', gate: 'cu3', qubits: [2, 0], params: [1, 2, 3] });
    expect(c.ops[4]).toEqual({ kind: 'barrier', qubits: [0, 1, 2] });
    expect(() => buildCircuit(2).cx(0, 2)).toThrow("invalid qubit in gate 'cx': 2 (expected 0–1)");
  });

  it('validateCircuit re-checks untrusted input', () => {
    expect(() => validateCircuit({ nQubits: 2, nClbits: 0, ops: [{ kind: 'gate', gate: 'h', qubits: [5], params: [] }] })).toThrow(/invalid qubit/);
  });

  it('parsePauliSum reads weighted sums', () => {
    expect(parsePauliSum('0.5*ZZI - XIX + 2e-1 IIY', 3).terms).toEqual([
      { coeff: 0.5, pauli: 'ZZI' }, { coeff: -1, pauli: 'XIX' }, { coeff: 0.2, pauli: 'IIY' },
    ]);
    expect(() => parsePauliSum('ZZ + ', 2)).toThrow(/cannot parse at character 3/);
  });
});
