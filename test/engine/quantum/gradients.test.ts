import { describe, expect, it } from 'vitest';
import { GATES, adjointGradient, allParamRefs, buildCircuit, expectationValue, type Circuit, type Op } from '../../../src/engine/quantum/index.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';
import { randomGateCircuit } from './reference.ts';

function withParam(c: Circuit, opIndex: number, paramIndex: number, value: number): Circuit {
  const ops = c.ops.map((op, i): Op => {
    if (i !== opIndex || op.kind !== 'gate') return op;
    const params = op.params.slice();
    params[paramIndex] = value;
    return { ...op, params };
  });
  return { nQubits: c.nQubits, nClbits: c.nClbits, ops };
}

function finiteDifference(c: Circuit, obs: string, opIndex: number, paramIndex: number, h = 1e-5): number {
  const op = c.ops[opIndex];
  if (op.kind !== 'gate') throw new Error('not a gate');
  const x = op.params[paramIndex];
  return (expectationValue(withParam(c, opIndex, paramIndex, x + h), obs) - expectationValue(withParam(c, opIndex, paramIndex, x - h), obs)) / (2 * h);
}

/** Parameter shift for gates of the form exp(−iθG/2) with G² = I (RX, RY, RZ, RXX, RZZ). */
function parameterShift(c: Circuit, obs: string, opIndex: number, paramIndex: number): number {
  const op = c.ops[opIndex];
  if (op.kind !== 'gate') throw new Error('not a gate');
  const x = op.params[paramIndex];
  return (expectationValue(withParam(c, opIndex, paramIndex, x + Math.PI / 2), obs) - expectationValue(withParam(c, opIndex, paramIndex, x - Math.PI / 2), obs)) / 2;
}


describe('adjointGradient', () => {
  it('matches parameter shift and finite differences on random RX/RY/RZ/RXX/RZZ + CX/H circuits', () => {
    const obs = '0.7*ZZIX - 0.4*YIZI + IIIZ';
    for (let seed = 0; seed < 6; seed++) {
      const c = randomGateCircuit(seed, 4, 20, ['rx', 'ry', 'rz', 'rxx', 'rzz', 'cx', 'h', 'cz'], 6);
      const { value, gradient, refs } = adjointGradient(c, obs);
      expectClose(value, expectationValue(c, obs), { abs: 1e-12 });
      refs.forEach((r, k) => {
        expectClose(gradient[k], parameterShift(c, obs, r.opIndex, r.paramIndex), { abs: 1e-10 });
        expectClose(gradient[k], finiteDifference(c, obs, r.opIndex, r.paramIndex), { abs: 1e-7 });
      });
    }
  });

  it('matches finite differences for every parametrised gate in the registry', () => {
    const parametrised = Object.keys(GATES).filter((id) => GATES[id].params.length > 0);
    const c = randomGateCircuit(99, 3, 40, [...parametrised, 'h', 'cx', 'sx'], 6);
    const obs = 'XZY + 0.5*ZIZ';
    const { gradient, refs } = adjointGradient(c, obs);
    expect(refs.length).toBeGreaterThan(30);
    refs.forEach((r, k) => expectClose(gradient[k], finiteDifference(c, obs, r.opIndex, r.paramIndex), { abs: 2e-7 }));
  });

  it('roadmap aggregator: ∂⟨Z_13⟩/∂θ_k = −sin θ_k ∏_{i≠k} cos θ_i', () => {
    const rng = createRng('agg-grad');
    const thetas = Array.from({ length: 14 }, () => rng.next() * Math.PI);
    const b = buildCircuit(14);
    thetas.forEach((t, i) => b.ry(t, i));
    for (let q = 0; q < 13; q++) b.cx(q, q + 1);
    const z13 = 'I'.repeat(13) + 'Z';
    const { value, gradient } = adjointGradient(b.build(), z13);
    expectClose(value, thetas.reduce((p, t) => p * Math.cos(t), 1), { abs: 1e-13 });
    thetas.forEach((t, k) => {
      const others = thetas.reduce((p, u, i) => (i === k ? p : p * Math.cos(u)), 1);
      expectClose(gradient[k], -Math.sin(t) * others, { abs: 1e-11 });
    });
  });

  it('honours paramRefs order and rejects measure ops and bad refs', () => {
    const c = buildCircuit(2).rx(0.3, 0).u(0.1, 0.2, 0.3, 1).cx(0, 1).build();
    const all = adjointGradient(c, 'ZZ');
    expect(all.refs).toEqual(allParamRefs(c));
    const some = adjointGradient(c, 'ZZ', [{ opIndex: 1, paramIndex: 2 }, { opIndex: 0, paramIndex: 0 }]);
    expectClose(some.gradient, [all.gradient[3], all.gradient[0]], { abs: 1e-14 });
    expect(() => adjointGradient(c, 'ZZ', [{ opIndex: 2, paramIndex: 0 }])).toThrow(/invalid paramRef.paramIndex: 0 for op 2 'cx'/);
    expect(() => adjointGradient(buildCircuit(1, 1).rx(1, 0).measure(0, 0).build(), 'Z')).toThrow(/invalid op 1: measure/);
    expect(() => adjointGradient(c, 'ZZZ')).toThrow(/invalid pauli: 'ZZZ'/);
  });
});
