import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCircuit, type Circuit } from '../../../src/engine/quantum/circuit.ts';
import { simulate } from '../../../src/engine/quantum/statevector.ts';
import { planCuts, reconstructExact, measureCutSpread, reconstructFromShots, subExperimentValues, type CutSpec } from '../../../src/engine/quantum/cutting/cut.ts';
import { WIRE_CUT, CZ_CUT, CX_CUT } from '../../../src/engine/quantum/cutting/decompositions.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

const ONE = ['h', 's', 't', 'sx', 'x', 'y', 'z', 'sdg'];

/** Random circuit with a middle 2-qubit gate between halves (index returned) to cut. */
function randomCircuit(n: number, seed: number): { circuit: Circuit; midGate: number; gate: 'cz' | 'cx' } {
  const rng = createRng(seed);
  const ops: { g: string; q: number[]; p: number[] }[] = [];
  const push = (g: string, q: number[], p: number[] = []) => { ops.push({ g, q, p }); };
  for (let d = 0; d < 12; d++) {
    const k = rng.int(3);
    if (k === 0) push(['rx', 'ry', 'rz'][rng.int(3)], [rng.int(n)], [rng.normal() * 2]);
    else if (k === 1) push(ONE[rng.int(ONE.length)], [rng.int(n)]);
    else { const a = rng.int(n); let c = rng.int(n - 1); if (c >= a) c++; const g = ['cx', 'cz', 'cry'][rng.int(3)]; push(g, [a, c], g === 'cry' ? [rng.normal()] : []); }
  }
  const gate = rng.int(2) ? 'cz' : 'cx';
  const a = rng.int(n); let c = rng.int(n - 1); if (c >= a) c++;
  const midGate = ops.length;
  push(gate, [a, c]);
  for (let d = 0; d < 12; d++) {
    const k = rng.int(3);
    if (k === 0) push(['rx', 'ry', 'rz'][rng.int(3)], [rng.int(n)], [rng.normal() * 2]);
    else if (k === 1) push(ONE[rng.int(ONE.length)], [rng.int(n)]);
    else { const x = rng.int(n); let y = rng.int(n - 1); if (y >= x) y++; push('cz', [x, y]); }
  }
  const bb = buildCircuit(n);
  for (const o of ops) bb.gate(o.g, o.q, o.p);
  return { circuit: bb.build(), midGate, gate };
}

function randomPauli(n: number, seed: number): string {
  const rng = createRng(seed ^ 0x5a5a);
  let s = '';
  for (let i = 0; i < n; i++) s += 'IXYZ'[rng.int(4)];
  return s === 'I'.repeat(n) ? 'Z' + s.slice(1) : s;
}

function ghzChain(n: number): Circuit {
  const b = buildCircuit(n).h(0);
  for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
  return b.build();
}

describe('cut decompositions', () => {
  it('γ and term counts: wire 8 terms γ=4, CZ/CX 6 terms γ=3', () => {
    expect([WIRE_CUT.terms.length, WIRE_CUT.gamma]).toEqual([8, 4]);
    expect([CZ_CUT.terms.length, CZ_CUT.gamma]).toEqual([6, 3]);
    expect([CX_CUT.terms.length, CX_CUT.gamma]).toEqual([6, 3]);
    for (const d of [WIRE_CUT, CZ_CUT]) for (const t of d.terms) expect(Math.abs(t.coeff)).toBe(0.5);
  });
});

describe('circuit cutting: exact reconstruction equals the uncut expectation', () => {
  it('property: one gate cut (CZ or CX) in random 4–6 qubit circuits', () => {
    fc.assert(fc.property(fc.integer({ min: 4, max: 6 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
      const { circuit, midGate } = randomCircuit(n, seed);
      const obs = randomPauli(n, seed);
      const plan = planCuts(circuit, [{ kind: 'gate', opIndex: midGate }], obs);
      expectClose(reconstructExact(plan), simulate(circuit).state.expectationPauli(obs), { abs: 1e-10 });
    }), { seed: 42, numRuns: 40 });
  });
  it('property: one wire cut anywhere in random 4–6 qubit circuits', () => {
    fc.assert(fc.property(fc.integer({ min: 4, max: 6 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
      const { circuit } = randomCircuit(n, seed);
      const rng = createRng(seed + 1);
      const obs = randomPauli(n, seed + 2);
      const cut: CutSpec = { kind: 'wire', qubit: rng.int(n), afterOp: rng.int(circuit.ops.length + 1) - 1 };
      const plan = planCuts(circuit, [cut], obs);
      expectClose(reconstructExact(plan), simulate(circuit).state.expectationPauli(obs), { abs: 1e-10 });
    }), { seed: 42, numRuns: 40 });
  });
  it('GHZ-6 chain cut into three fragments by two CX cuts: 2 cuts, 36 sub-experiments, overhead 81', () => {
    const c = ghzChain(6); // ops: h, cx01, cx12, cx23, cx34, cx45
    const plan = planCuts(c, [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 4 }], 'ZZZZZZ');
    expect(plan.fragments.map((f) => f.originalQubits)).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect([plan.nGateCuts, plan.subExperiments, plan.samplingOverhead, plan.gamma]).toEqual([2, 36, 81, 9]);
    expect(plan.fragmentCircuits).toBe(6 + 36 + 6);
    for (const obs of ['ZZZZZZ', 'XXXXXX', 'ZIIIIZ', 'YYXXII']) {
      const p = planCuts(c, plan.cuts, obs);
      expectClose(reconstructExact(p), simulate(c).state.expectationPauli(obs), { abs: 1e-12 });
    }
  });
  it('wire cut splits a chain into two fragments; mixed wire + gate cuts', () => {
    const c = ghzChain(4);
    const plan = planCuts(c, [{ kind: 'wire', qubit: 2, afterOp: 2 }], 'XXXX');
    expect(plan.fragments.map((f) => f.width)).toEqual([3, 2]);
    expect(plan.samplingOverhead).toBe(16);
    expectClose(reconstructExact(plan), 1, { abs: 1e-12 });
    const both = planCuts(c, [{ kind: 'wire', qubit: 1, afterOp: 1 }, { kind: 'gate', opIndex: 3 }], 'XYYX');
    expect(both.samplingOverhead).toBe(144);
    expectClose(reconstructExact(both), simulate(c).state.expectationPauli('XYYX'), { abs: 1e-12 });
  });
  it('rejects bad cuts with messages naming the field', () => {
    const c = ghzChain(3);
    expect(() => planCuts(c, [{ kind: 'gate', opIndex: 0 }], 'ZZZ')).toThrow(/invalid gate cut: 'h'/);
    expect(() => planCuts(c, [{ kind: 'wire', qubit: 5, afterOp: 0 }], 'ZZZ')).toThrow(/invalid cut 0 qubit: 5/);
    expect(() => planCuts(c, [], 'ZZ')).toThrow(/invalid observable/);
  });
});

describe('circuit cutting: shots', () => {
  it('shot estimates converge to the exact value', () => {
    const plan = planCuts(ghzChain(4), [{ kind: 'gate', opIndex: 2 }], 'XXXX');
    const e = reconstructFromShots(plan, { shots: 20_000, seed: 1 });
    expect(e.totalShots).toBe(120_000);
    expect(Math.abs(e.estimate - 1)).toBeLessThan(0.05);
  });
  it('QPD sampling draws exactly the terms of a binary search over the cumulative |coefficients| (guide table)', () => {
    /** The straightforward sampler: binary search for the first term with cdf > u. */
    const reference = (values: Float64Array, coeffs: Float64Array, shots: number, seed: number): number => {
      const rng = createRng(seed), cdf = new Float64Array(values.length);
      let acc = 0, sum = 0;
      for (let i = 0; i < values.length; i++) { acc += Math.abs(coeffs[i]); cdf[i] = acc; }
      for (let s = 0; s < shots; s++) {
        const u = rng.next() * acc;
        let lo = 0, hi = values.length - 1;
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (cdf[mid] > u) hi = mid; else lo = mid + 1; }
        sum += Math.sign(coeffs[lo]) * (rng.next() < (1 + values[lo]) / 2 ? 1 : -1);
      }
      return (acc * sum) / shots;
    };
    const c = ghzChain(6);
    const plans = [
      planCuts(c, [{ kind: 'gate', opIndex: 3 }], 'ZIIIIZ'),
      planCuts(c, [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 4 }], 'ZIIIIZ'),
      planCuts(c, [{ kind: 'wire', qubit: 3, afterOp: 3 }], 'XXXXXX'),
    ];
    for (const plan of plans) {
      const sub = subExperimentValues(plan);
      for (const [seed, shots] of [[1, 3000], [2, 2048], [3, 5001]]) expect(reconstructFromShots(plan, { shots, seed, mode: 'qpd' }, sub).estimate).toBe(reference(sub.values, sub.coeffs, shots, seed));
      // Zero coefficients leave empty intervals in the cdf, which neither sampler may land in.
      const holes = { values: sub.values, coeffs: Float64Array.from(sub.coeffs, (v, i) => (i % 3 === 1 ? 0 : v)) };
      expect(reconstructFromShots(plan, { shots: 3000, seed: 4, mode: 'qpd' }, holes).estimate).toBe(reference(holes.values, holes.coeffs, 3000, 4));
    }
  });
  it('per-sub-experiment shots count the same uniforms as one rng.next() per shot (chunked stream), bit for bit', () => {
    const plan = planCuts(ghzChain(6), [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 4 }], 'ZIIIIZ');
    const sub = subExperimentValues(plan);
    for (const [shots, seed] of [[1, 1], [100, 2], [4095, 3], [5000, 4], [9000, 5]]) {
      const rng = createRng(seed);
      let est = 0;
      for (let i = 0; i < sub.values.length; i++) {
        const p = (1 + sub.values[i]) / 2;
        let plus = 0;
        for (let s = 0; s < shots; s++) if (rng.next() < p) plus++;
        est += sub.coeffs[i] * ((2 * plus) / shots - 1);
      }
      expect(reconstructFromShots(plan, { shots, seed }, sub).estimate).toBe(est);
    }
  });
  it('spread scales like γ^k/√N (QPD sampling, fixed seed, loose tolerance)', () => {
    const c = ghzChain(6);
    const obs = 'ZIIIIZ';
    const one = planCuts(c, [{ kind: 'gate', opIndex: 3 }], obs);
    const two = planCuts(c, [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 4 }], obs);
    const wire = planCuts(c, [{ kind: 'wire', qubit: 3, afterOp: 3 }], obs);
    const s1 = measureCutSpread(one, { shots: 400, repetitions: 200, seed: 7, mode: 'qpd' });
    const s1b = measureCutSpread(one, { shots: 1600, repetitions: 200, seed: 8, mode: 'qpd' });
    const s2 = measureCutSpread(two, { shots: 400, repetitions: 200, seed: 9, mode: 'qpd' });
    const sw = measureCutSpread(wire, { shots: 400, repetitions: 200, seed: 10, mode: 'qpd' });
    for (const s of [s1, s1b, s2, sw]) {
      expect(s.empiricalStd / s.predictedStd).toBeGreaterThan(0.75);
      expect(s.empiricalStd / s.predictedStd).toBeLessThan(1.25);
    }
    expect(s1.empiricalStd / s1b.empiricalStd).toBeGreaterThan(1.5); // ≈ 2 = √4
    expect(s2.empiricalStd / s1.empiricalStd).toBeGreaterThan(2.2); // ≈ 3 = γ
    expect(sw.empiricalStd / s1.empiricalStd).toBeGreaterThan(1.0); // ≈ 4/3
    expect(Math.abs(s2.mean - s2.exact)).toBeLessThan(4 * s2.empiricalStd / Math.sqrt(200));
  });
  it('per-sub-experiment mode: spread ≤ γ^k/√(total shots)', () => {
    const plan = planCuts(ghzChain(4), [{ kind: 'wire', qubit: 1, afterOp: 1 }], 'ZIIZ');
    const s = measureCutSpread(plan, { shots: 200, repetitions: 100, seed: 3 });
    expect(s.totalShots).toBe(1600);
    expect(s.empiricalStd).toBeLessThan(1.25 * s.predictedStd);
  });
});
