/**
 * Cross-check against jsqubits, an independent sparse simulator (qubit 0 = least significant
 * bit, like ours). Gates are applied through jsqubits' own named methods, never our matrices.
 */
import { describe, it } from 'vitest';
import { jsqubits } from 'jsqubits';
import { buildCircuit, simulate } from '../../../src/engine/quantum/index.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expect } from 'vitest';
import { phaseDistance } from './reference.ts';

interface JsqState {
  hadamard(b: number): JsqState; x(b: number): JsqState; y(b: number): JsqState; z(b: number): JsqState;
  s(b: number): JsqState; t(b: number): JsqState;
  rotateX(b: number, a: number): JsqState; rotateY(b: number, a: number): JsqState; rotateZ(b: number, a: number): JsqState;
  r(b: number, a: number): JsqState; cnot(c: number, t: number): JsqState; controlledZ(c: number, t: number): JsqState;
  controlledY(c: number, t: number): JsqState; controlledHadamard(c: number, t: number): JsqState;
  controlledXRotation(c: number, t: number, a: number): JsqState; controlledYRotation(c: number, t: number, a: number): JsqState;
  controlledZRotation(c: number, t: number, a: number): JsqState; controlledR(c: number, t: number, a: number): JsqState;
  swap(a: number, b: number): JsqState; toffoli(a: number, b: number, t: number): JsqState;
  controlledSwap(c: number, a: number, b: number): JsqState;
  amplitude(i: number): { real: number; imaginary: number };
}

type Step = { id: string; arity: number; param: boolean };
const STEPS: Step[] = [
  { id: 'h', arity: 1, param: false }, { id: 'x', arity: 1, param: false }, { id: 'y', arity: 1, param: false },
  { id: 'z', arity: 1, param: false }, { id: 's', arity: 1, param: false }, { id: 't', arity: 1, param: false },
  { id: 'rx', arity: 1, param: true }, { id: 'ry', arity: 1, param: true }, { id: 'rz', arity: 1, param: true },
  { id: 'p', arity: 1, param: true }, { id: 'cx', arity: 2, param: false }, { id: 'cz', arity: 2, param: false },
  { id: 'cy', arity: 2, param: false }, { id: 'ch', arity: 2, param: false }, { id: 'crx', arity: 2, param: true },
  { id: 'cry', arity: 2, param: true }, { id: 'crz', arity: 2, param: true }, { id: 'cp', arity: 2, param: true },
  { id: 'swap', arity: 2, param: false }, { id: 'ccx', arity: 3, param: false }, { id: 'cswap', arity: 3, param: false },
];

function applyJsq(s: JsqState, id: string, q: number[], a: number): JsqState {
  switch (id) {
    case 'h': return s.hadamard(q[0]);
    case 'x': return s.x(q[0]);
    case 'y': return s.y(q[0]);
    case 'z': return s.z(q[0]);
    case 's': return s.s(q[0]);
    case 't': return s.t(q[0]);
    case 'rx': return s.rotateX(q[0], a);
    case 'ry': return s.rotateY(q[0], a);
    case 'rz': return s.rotateZ(q[0], a);
    case 'p': return s.r(q[0], a);
    case 'cx': return s.cnot(q[0], q[1]);
    case 'cz': return s.controlledZ(q[0], q[1]);
    case 'cy': return s.controlledY(q[0], q[1]);
    case 'ch': return s.controlledHadamard(q[0], q[1]);
    case 'crx': return s.controlledXRotation(q[0], q[1], a);
    case 'cry': return s.controlledYRotation(q[0], q[1], a);
    case 'crz': return s.controlledZRotation(q[0], q[1], a);
    case 'cp': return s.controlledR(q[0], q[1], a);
    case 'swap': return s.swap(q[0], q[1]);
    case 'ccx': return s.toffoli(q[0], q[1], q[2]);
    case 'cswap': return s.controlledSwap(q[0], q[1], q[2]);
  }
  throw new Error(id);
}

describe('cross-check against jsqubits', () => {
  it('agrees on 30 random circuits (3–6 qubits, 25 gates) up to global phase', () => {
    const rng = createRng('jsqubits-crosscheck');
    for (let trial = 0; trial < 30; trial++) {
      const n = 3 + rng.int(4);
      const b = buildCircuit(n);
      let js = jsqubits('0'.repeat(n)) as unknown as JsqState;
      for (let k = 0; k < 25; k++) {
        const step = STEPS[rng.int(STEPS.length)];
        const pool = Array.from({ length: n }, (_, i) => i);
        const q: number[] = [];
        for (let j = 0; j < step.arity; j++) q.push(pool.splice(rng.int(pool.length), 1)[0]);
        const a = (rng.next() - 0.5) * 2 * Math.PI;
        b.gate(step.id, q, step.param ? [a] : []);
        js = applyJsq(js, step.id, q, a);
      }
      const ours = simulate(b.build()).state.amps;
      const theirs = new Float64Array(2 << n);
      for (let i = 0; i < 1 << n; i++) {
        const c = js.amplitude(i);
        theirs[2 * i] = c.real;
        theirs[2 * i + 1] = c.imaginary;
      }
      expect(theirs.reduce((acc, v) => acc + v * v, 0), 'jsqubits norm').toBeCloseTo(1, 12);
      expect(phaseDistance(ours, theirs), `trial ${trial}`).toBeLessThan(1e-12);
    }
  });
});
