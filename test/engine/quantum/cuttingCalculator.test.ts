import { describe, expect, it } from 'vitest';
import {
  countCutGates, crossPairs, cuttingCost, formatDurationLog10, formatPow10, gateGamma, greedyPartition, qubitReuseWidth,
} from '../../../src/engine/quantum/cutting/calculator.ts';
import { buildCircuit } from '../../../src/engine/quantum/circuit.ts';
import { expectClose } from '../../util/close.ts';

describe('cutting calculator', () => {
  it('all-to-all layer 66 on 24: 24/24/18 → C(66,2) − ΣC(sᵢ,2) = 1440, overhead ≈ 10^1374, optimistic 10^867', () => {
    expect(greedyPartition(66, 24)).toEqual([24, 24, 18]);
    expect(crossPairs([24, 24, 18])).toBe(1440);
    const r = cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'all-to-all', depth: 1, epsilon: 0.01 });
    expect(r.cutGates).toBe(1440);
    expect(r.display.overhead).toBe('10^1374');
    expect(r.display.overheadOptimistic).toBe('10^867');
    expect(r.formula).toMatch(/1440/);
  });
  it('GHZ-66 chain on 3×22 → 2 cuts → 81; 8.1×10^5 shots ≈ 200 s at ε = 0.01, 4 kHz', () => {
    const r = cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'chain', depth: 1, circuit: 'ghz-chain', epsilon: 0.01, partSizes: [22, 22, 22] });
    expect(r.cutGates).toBe(2);
    expect(r.display.overhead).toBe('81');
    expectClose(10 ** r.log10Shots, 8.1e5, { rel: 1e-9 });
    expect(r.display.time).toBe('3.37 min');
    expectClose(10 ** r.log10Seconds, 202.5, { rel: 1e-9 });
  });
  it('chain brickwork: ≈ d/2 gates per boundary, k = d for 3 parts (even d); overhead 9^d', () => {
    for (const d of [4, 10, 20]) {
      const r = cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'chain', depth: d, epsilon: 0.01 });
      expect(r.cutGates).toBe(d);
      expectClose(r.log10OverheadGate, d * Math.log10(9));
    }
    expect(formatPow10(10 * Math.log10(9))).toBe('3.5×10^9');
    const r10 = cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'chain', depth: 10, epsilon: 0.01 });
    expect(r10.display.time).toMatch(/^2\d\d years$/); // ≈ 280 years
  });
  it('ring adds the wrap-around boundary; grid counts vertical and horizontal crossings', () => {
    expect(countCutGates([4, 4], 'ring', 2)).toBe(countCutGates([4, 4], 'chain', 2) + 1);
    // 4×4 grid split into two 8-qubit halves (2 rows each): 4 vertical edges cross, colour 3 (row 1 odd) → depth 4 gives 1 layer each
    expect(countCutGates([8, 8], 'grid', 4)).toBe(4);
    expect(countCutGates([8, 8], 'grid', 8)).toBe(8);
    expect(countCutGates([3, 3], 'all-to-all', 2)).toBe(18);
  });
  it('gate γ table', () => {
    expect([gateGamma('cx'), gateGamma('ecr'), gateGamma('swap')]).toEqual([3, 3, 7]);
    expectClose(gateGamma('rzz', 0.3), 1 + 2 * Math.sin(0.3));
  });
  it('formatting', () => {
    expect(formatPow10(Math.log10(81))).toBe('81');
    expect(formatPow10(Math.log10(6561))).toBe('6.6×10^3');
    expect(formatDurationLog10(Math.log10(30))).toBe('30 s');
    expect(formatDurationLog10(3000)).toMatch(/^10\^2993 years$/);
  });
  it('rejects bad inputs', () => {
    expect(() => cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'chain', depth: 1, epsilon: 0 })).toThrow(/invalid epsilon/);
    expect(() => cuttingCost({ totalQubits: 66, deviceWidth: 24, topology: 'chain', depth: 1, epsilon: 0.1, partSizes: [30, 36] })).toThrow(/invalid partSizes/);
  });
  it('qubit reuse: a CNOT ladder measured in Z needs 2 live qubits; an all-to-all layer needs n', () => {
    const b = buildCircuit(12, 12);
    for (let q = 0; q + 1 < 12; q++) b.cx(q, q + 1);
    for (let q = 0; q < 12; q++) b.measure(q, q);
    // measurements at the end keep all wires live in the given order; the ladder form measures early:
    const early = buildCircuit(12, 12);
    for (let q = 0; q + 1 < 12; q++) { early.cx(q, q + 1); early.measure(q, q); }
    early.measure(11, 11);
    expect(qubitReuseWidth(early.build())).toBe(2);
    expect(qubitReuseWidth(b.build())).toBe(12);
    const a = buildCircuit(5);
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) a.cz(i, j);
    expect(qubitReuseWidth(a.build())).toBe(5);
  });
});
