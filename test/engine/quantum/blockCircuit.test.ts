import { describe, it, expect } from 'vitest';
import { blockCircuitAngleCount, blockCutCircuit, planCuts, reconstructExact, simulate, gateOps } from '../../../src/engine/quantum';
import { createRng } from '../../../src/engine/random';

const anglesFor = (n: number, seed = 1) => {
  const rng = createRng(seed);
  return Array.from({ length: 8 * n }, () => rng.next() * Math.PI);
};

describe('blockCutCircuit(nQubits, boundaries, angles): the cutting demonstration circuits', () => {
  it('one gate boundary: two blocks split evenly, the cut at the CZ joining them', () => {
    const { circuit, cuts, blocks } = blockCutCircuit(6, ['cz'], anglesFor(6));
    expect(blocks).toEqual([{ first: 0, last: 2 }, { first: 3, last: 5 }]);
    expect(cuts).toHaveLength(1);
    const cut = cuts[0];
    expect(cut.kind).toBe('gate');
    const op = circuit.ops[(cut as { opIndex: number }).opIndex];
    expect(op).toMatchObject({ kind: 'gate', gate: 'cz', qubits: [2, 3] });
  });

  it('one wire boundary: the blocks share the edge qubit and the wire is cut after the first block', () => {
    const { circuit, cuts, blocks } = blockCutCircuit(5, ['wire'], anglesFor(5));
    expect(blocks).toEqual([{ first: 0, last: 2 }, { first: 2, last: 4 }]);
    expect(cuts[0]).toMatchObject({ kind: 'wire', qubit: 2 });
    // Everything before the cut on that qubit belongs to block 1: the op at afterOp is block 1's last RY.
    const afterOp = (cuts[0] as { afterOp: number }).afterOp;
    expect(circuit.ops[afterOp]).toMatchObject({ gate: 'ry', qubits: [2] });
  });

  it('consumes exactly blockCircuitAngleCount angles and counts its gates', () => {
    for (const kinds of [['cz'], ['wire', 'cz'], ['cx', 'cx', 'cx'], ['wire', 'wire', 'wire']] as const) {
      const n = 8;
      const need = blockCircuitAngleCount(n, kinds);
      const { circuit } = blockCutCircuit(n, kinds, anglesFor(n).slice(0, need));
      const wires = kinds.filter((k) => k === 'wire').length;
      // 2 per qubit, an RY per block qubit, a CX ladder per block (size − 1), one gate per gate boundary.
      const blockQubits = n + wires;
      expect(gateOps(circuit).length).toBe(2 * n + blockQubits + (blockQubits - (kinds.length + 1)) + (kinds.length - wires));
      expect(() => blockCutCircuit(n, kinds, anglesFor(n).slice(0, need - 1))).toThrow(/invalid angles.length/);
    }
  });

  it('cut and recombined, each circuit reproduces the uncut expectation (1e-10)', () => {
    for (const kinds of [['wire'], ['cz'], ['wire', 'cz'], ['cz', 'cz', 'cz']] as const) {
      const n = 8, obs = 'Z' + 'I'.repeat(n - 2) + 'Z';
      const { circuit, cuts } = blockCutCircuit(n, kinds, anglesFor(n, 5));
      const uncut = simulate(circuit).state.expectationPauli(obs);
      expect(Math.abs(reconstructExact(planCuts(circuit, cuts, obs)) - uncut)).toBeLessThan(1e-10);
    }
  });

  it('rejects bad input naming the field', () => {
    expect(() => blockCutCircuit(6, ['swap' as 'cz'], anglesFor(6))).toThrow(/invalid boundaries\[0\]/);
    expect(() => blockCutCircuit(1, [], anglesFor(1))).toThrow(/invalid nQubits/);
  });
});
