import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildCircuit } from '../../src/engine/quantum/circuit';
import { formatAngle, toQasm, QasmError } from '../../src/engine/quantum/qasm';
import { layoutCircuit } from '../../src/engine/quantum/diagram/layout';
import { simulate } from '../../src/engine/quantum/statevector';
import { inColumnOrder, insertAt, insertOp, moveOp, opAt, parseAngle, removeOp, setParams, toolOp, withQubitCount } from '../../src/ui/circuit/editorModel';
import { toggleCut, wireCutAt } from '../../src/ui/circuit/cutPicking';
import { randomGateCircuit } from '../engine/quantum/reference';

const bellS = () => buildCircuit(2).h(0).cx(0, 1).s(1).build();

describe('editor model', () => {
  it('column order runs the same circuit', () => {
    for (const seed of [1, 2, 3]) {
      const c = randomGateCircuit(seed, 4, 30);
      const reordered = inColumnOrder(c);
      const a = simulate(c).state.amps, b = simulate({ ...c, ops: reordered }).state.amps;
      for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 12);
    }
  });

  it('inserting at a column puts the op after the earlier columns and before the later ones', () => {
    const c = bellS();
    const x = toolOp({ kind: 'gate', gate: 'x' }, [1], c);
    expect(toQasm(insertOp(c, x, 3))).toContain('s q[1];\nx q[1];');
    expect(toQasm(insertOp(c, x, 1))).toContain('h q[0];\nx q[1];\ncx q[0],q[1];');
    const { circuit, index } = insertAt(c, x, 2);
    expect(circuit.ops[index]).toMatchObject({ gate: 'x', qubits: [1] });
  });

  it('a measurement grows the classical register; a barrier spans every wire', () => {
    const c = bellS();
    const m = toolOp({ kind: 'measure' }, [1], c);
    expect(m).toEqual({ kind: 'measure', qubit: 1, clbit: 1 });
    expect(insertOp(c, m, 3).nClbits).toBe(2);
    expect(toolOp({ kind: 'barrier' }, [0], c)).toEqual({ kind: 'barrier', qubits: [0, 1] });
    expect(toolOp({ kind: 'gate', gate: 'crz' }, [1, 0], c)).toMatchObject({ qubits: [1, 0], params: [Math.PI / 2] });
  });

  it('move, remove, set parameters, find the op under a slot', () => {
    const c = buildCircuit(2).h(0).ry(0.3, 0).cx(0, 1).build();
    const l = layoutCircuit(c);
    expect(opAt(l, 0, 1)).toBe(1);
    expect(opAt(l, 1, 0)).toBe(-1);
    expect(opAt(l, 1, 2)).toBe(2); // the CNOT covers q1 in column 2
    const moved = moveOp(c, 1, 1, 0);
    expect(moved && toQasm(moved.circuit)).toContain('ry(0.3) q[1];');
    expect(moveOp(c, 2, 1, 0)).toBeNull(); // the CNOT would leave the register
    expect(removeOp(c, 0).ops.length).toBe(2);
    expect(toQasm(setParams(c, 1, [Math.PI / 4]))).toContain('ry(pi/4) q[0];');
  });

  it('qubit count: grows freely, shrinks only over unused wires', () => {
    const c = bellS();
    expect(withQubitCount(c, 3)?.nQubits).toBe(3);
    expect(withQubitCount(c, 1)).toBeNull();
    const b = buildCircuit(3).h(0).barrier().build();
    expect(withQubitCount(b, 2)?.ops[1]).toEqual({ kind: 'barrier', qubits: [0, 1] });
  });

  it('angles: numbers and pi expressions, exactly as QASM reads them (property), errors with a column', () => {
    expect(parseAngle('pi/4')).toBe(Math.PI / 4);
    expect(parseAngle('3π/2')).toBe((3 * Math.PI) / 2);
    expect(parseAngle(' -0.5 ')).toBe(-0.5);
    fc.assert(fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
      expect(parseAngle(formatAngle(x))).toBe(x === 0 ? 0 : x);
    }));
    expect(() => parseAngle('')).toThrow(QasmError);
    try {
      parseAngle('pi/*');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QasmError);
      expect((e as QasmError).column).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('cut picking', () => {
  it('a click on a wire slot cuts after the last op on that wire before it; a second click removes it', () => {
    const c = buildCircuit(3).h(0).cx(0, 1).cx(1, 2).build();
    const l = layoutCircuit(c);
    expect(wireCutAt(l, 1, 2)).toEqual({ kind: 'wire', qubit: 1, afterOp: 1 });
    expect(wireCutAt(l, 2, 0)).toEqual({ kind: 'wire', qubit: 2, afterOp: -1 });
    const cuts = toggleCut([], wireCutAt(l, 1, 2));
    expect(toggleCut(cuts, { kind: 'wire', qubit: 1, afterOp: 1 })).toEqual([]);
    expect(toggleCut(cuts, { kind: 'gate', opIndex: 2 })).toHaveLength(2);
  });
});
