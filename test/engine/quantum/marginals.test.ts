/** ParametricCircuit.marginals: P(qubit j = 1) for every qubit in one fold, real-only and complex states. */
import { describe, it, expect } from 'vitest';
import { ParametricCircuit, SimulationWorkspace, simulate } from '../../../src/engine/quantum/statevector';
import { buildCircuit } from '../../../src/engine/quantum/circuit';
import { createRng } from '../../../src/engine/random';

describe('ParametricCircuit.marginals', () => {
  it('equals probabilityOfOne of simulate() on every qubit, for real and complex circuits, with a reused workspace', () => {
    const rng = createRng(31);
    const ws = new SimulationWorkspace();
    for (const complex of [false, true]) for (const n of [1, 2, 4, 7, 10]) {
      const b = buildCircuit(n);
      for (let q = 0; q < n; q++) b.ry(rng.next() * 3, q);
      for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
      if (complex) for (let q = 0; q < n; q++) { b.h(q); b.rz(rng.next() * 3, q); b.ry(rng.next(), q); }
      const c = b.build();
      const st = simulate(c).state;
      const got = new ParametricCircuit(c).marginals(undefined, ws);
      for (let q = 0; q < n; q++) expect(Math.abs(got[q] - st.probabilityOfOne(q)), `${complex ? 'complex' : 'real'} n ${n} q ${q}`).toBeLessThan(1e-13);
    }
  });
  it('rejects an output buffer that is too short', () => {
    const c = buildCircuit(3).h(0).build();
    expect(() => new ParametricCircuit(c).marginals(new Float64Array(2))).toThrow(/out.length/);
  });
});
