/**
 * The fused simulator's fast paths against gate-by-gate simulation (applyGate, complex
 * kernels): the real-only state, cache-tiled layers of single-qubit gates, the one-pass CX
 * ladder from a product state and the general product-then-gather.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GATES, ParametricCircuit, Statevector, controlledMatrix, createCircuit, gateMatrix, layeredBenchmarkCircuit, planMatrix, roadmapAggregatorCircuit, runPlan, simulate, withOp, withOps,
  type Circuit,
} from '../../../src/engine/quantum/index.ts';
import { BLOCK_QUBITS, BlockQueue } from '../../../src/engine/quantum/kernelPlan.ts';
import { apply1q } from '../../../src/engine/quantum/kernels.ts';
import {
  TILE_BITS, applyGateBatch, chainLinks, chainProduct, chainProductSplit, createGateBatch, expandRealInPlace, gatherProduct, isRealMatrix, pushGate,
} from '../../../src/engine/quantum/kernelsLayer.ts';
import { createRng, type Rng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';
import { fullMatrix, kronRef, matVec, randomGateCircuit, randomQubits, randomState } from './reference.ts';

const REAL_GATES = Object.keys(GATES).filter((id) => isRealMatrix(gateMatrix(id, GATES[id].params.map(() => 0.7))));

function randomCircuitFrom(ids: readonly string[], n: number, depth: number, rng: Rng): Circuit {
  let c = createCircuit(n);
  const usable = ids.filter((id) => GATES[id].arity <= n);
  for (let k = 0; k < depth; k++) {
    const g = GATES[usable[rng.int(usable.length)]];
    const pool = Array.from({ length: n }, (_, i) => i);
    const qubits: number[] = [];
    for (let j = 0; j < g.arity; j++) qubits.push(pool.splice(rng.int(pool.length), 1)[0]);
    c = withOp(c, { kind: 'gate', gate: g.id, qubits, params: g.params.map(() => (rng.next() - 0.5) * 8) });
  }
  return c;
}

const plain = (c: Circuit): Float64Array => simulate(c, { fuse: false }).state.amps;

describe('real-only fast path', () => {
  it('registry gates with real matrices are the ones we expect (RY, H, X, Z, CX, CZ, SWAP, CCX, …)', () => {
    for (const id of ['ry', 'h', 'x', 'z', 'cx', 'cz', 'swap', 'ccx', 'cswap', 'ch', 'cry']) expect(REAL_GATES, id).toContain(id);
    for (const id of ['y', 's', 't', 'rx', 'rz', 'sx']) expect(REAL_GATES, id).not.toContain(id);
  });

  it('random real circuits: fused (real-only state) equals gate-by-gate complex simulation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 60 }), fc.integer(), (n, depth, seed) => {
        const c = randomCircuitFrom(REAL_GATES, n, depth, createRng(seed));
        const got = simulate(c).state.amps;
        expectClose(got, plain(c), { abs: 1e-12 });
        for (let i = 1; i < got.length; i += 2) expect(Math.abs(got[i])).toBe(0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('a complex gate mid-circuit leaves the real-only state correctly (expansion in place)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer(), (n, seed) => {
        const rng = createRng(seed);
        let c = randomCircuitFrom(REAL_GATES, n, 15, rng);
        for (const op of randomCircuitFrom(['rz', 'y', 's', 'rx', 'cp'], n, 3, rng).ops) c = withOp(c, op);
        for (const op of randomCircuitFrom(REAL_GATES, n, 15, rng).ops) c = withOp(c, op);
        expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('measurement and reset on a real-only state match the gate-by-gate path for the same seed', () => {
    const rng = createRng('real-measure');
    for (let trial = 0; trial < 20; trial++) {
      const n = 3 + rng.int(3);
      let c = createCircuit(n, n);
      for (const op of randomCircuitFrom(REAL_GATES, n, 12, rng).ops) c = withOp(c, op);
      c = withOp(c, { kind: 'measure', qubit: rng.int(n), clbit: 0 });
      for (const op of randomCircuitFrom(REAL_GATES, n, 8, rng).ops) c = withOp(c, op);
      c = withOp(c, { kind: 'reset', qubit: rng.int(n) });
      const a = simulate(c, { seed: trial }), b = simulate(c, { seed: trial, fuse: false });
      expect(a.clbits).toEqual(b.clbits);
      expectClose(a.state.amps, b.state.amps, { abs: 1e-12 });
    }
  });
});

describe('cache-tiled layers (applyGateBatch)', () => {
  it(`equals apply1q gate by gate below and above TILE_BITS = ${TILE_BITS} (complex and real-only layouts; U, H, RY)`, () => {
    const rng = createRng('tiles');
    for (const n of [TILE_BITS - 2, TILE_BITS + 1, TILE_BITS + 3]) {
      const psi = randomState(n, rng);
      const qubits = Array.from({ length: n }, (_, q) => q).filter(() => rng.next() < 0.8);
      // U (complex), H (butterfly kernel) and RY (general real kernel) mixed.
      const mats = qubits.map((q) => (q % 3 === 0 ? gateMatrix('u', [rng.next() * 6, rng.next() * 6, rng.next() * 6]) : q % 3 === 1 && rng.next() < 0.7 ? gateMatrix('h', []) : gateMatrix('ry', [rng.next() * 6])));
      // Complex layout: qubit q is bit q + 1.
      const expected = psi.slice();
      qubits.forEach((q, k) => apply1q(expected, n, q, mats[k]));
      const batch = createGateBatch(n);
      qubits.forEach((q, k) => pushGate(batch, q + 1, mats[k]));
      const got = psi.slice();
      applyGateBatch(got, n + 1, batch);
      expectClose(got, expected, { abs: 1e-13 });
      // Real-only layout with the real gates only.
      const re = new Float64Array(2 << n);
      for (let i = 0; i < 1 << n; i++) re[2 * i] = psi[2 * i];
      const realQubits = qubits.filter((q) => q % 3 !== 0);
      const realMats = mats.filter((_, k) => qubits[k] % 3 !== 0);
      const exp2 = re.slice();
      realQubits.forEach((q, k) => apply1q(exp2, n, q, realMats[k]));
      const compact = new Float64Array(2 << n);
      for (let i = 0; i < 1 << n; i++) compact[i] = re[2 * i];
      const rb = createGateBatch(n);
      realQubits.forEach((q, k) => pushGate(rb, q, realMats[k]));
      applyGateBatch(compact, n, rb);
      expandRealInPlace(compact, n);
      expectClose(compact, exp2, { abs: 1e-13 });
    }
  });

  it('the layered benchmark circuit at 14 qubits (tiled passes, CX-ladder gathers) equals gate-by-gate', () => {
    const c = layeredBenchmarkCircuit(14, 4);
    expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
  });

  it('complex layers at 14 qubits (RX/RZ/U layers between CX ladders) equal gate-by-gate', () => {
    const rng = createRng('complex-layers');
    let c = createCircuit(14);
    for (let L = 0; L < 3; L++) {
      for (let q = 0; q < 14; q++) c = withOp(c, { kind: 'gate', gate: ['rx', 'u', 'h', 'rz'][(q + L) % 4], qubits: [q], params: GATES[['rx', 'u', 'h', 'rz'][(q + L) % 4]].params.map(() => rng.next() * 6) });
      for (let q = 0; q + 1 < 14; q++) c = withOp(c, { kind: 'gate', gate: 'cx', qubits: [q, q + 1], params: [] });
    }
    expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
  });
});

describe('deferred CX/SWAP gathers (fused into the next layer)', () => {
  it('above one tile: 16 qubits real-only and 15 qubits complex equal gate-by-gate', () => {
    const real = layeredBenchmarkCircuit(16, 3);
    expectClose(simulate(real).state.amps, plain(real), { abs: 1e-12 });
    const c = layeredBenchmarkCircuit(15, 3);
    const initial = Statevector.zero(15); // an initial state forces the complex layout
    expectClose(simulate(c, { initial }).state.amps, plain(c), { abs: 1e-12 });
  });

  it('a run followed by a measurement, a reset, a controlled gate or a complex gate resolves the gather first', () => {
    const rng = createRng('deferred');
    const tails = [
      (c: Circuit) => withOp(c, { kind: 'measure', qubit: 2, clbit: 0 }),
      (c: Circuit) => withOp(c, { kind: 'reset', qubit: 0 }),
      (c: Circuit) => withOp(c, { kind: 'gate', gate: 'cz', qubits: [1, 3], params: [] }),
      (c: Circuit) => withOp(c, { kind: 'gate', gate: 'cry', qubits: [0, 2], params: [0.7] }),
      (c: Circuit) => withOp(c, { kind: 'gate', gate: 'rz', qubits: [4], params: [0.3] }),
      (c: Circuit) => withOp(c, { kind: 'gate', gate: 'ccx', qubits: [3, 1, 2], params: [] }),
    ];
    for (let trial = 0; trial < 24; trial++) {
      let c = createCircuit(5, 1);
      for (let q = 0; q < 5; q++) c = withOp(c, { kind: 'gate', gate: 'ry', qubits: [q], params: [rng.next() * 3] });
      for (let q = 0; q < 4; q++) c = withOp(c, { kind: 'gate', gate: 'cx', qubits: [q, q + 1], params: [] });
      for (let q = 0; q < 5; q++) c = withOp(c, { kind: 'gate', gate: 'h', qubits: [q], params: [] });
      for (let q = 3; q >= 0; q--) c = withOp(c, { kind: 'gate', gate: q % 2 ? 'swap' : 'cx', qubits: [q + 1, q], params: [] });
      c = tails[trial % tails.length](c);
      if (trial % 2) for (let q = 0; q < 5; q++) c = withOp(c, { kind: 'gate', gate: 'ry', qubits: [q], params: [rng.next()] });
      const a = simulate(c, { seed: trial }), b = simulate(c, { seed: trial, fuse: false });
      expect(a.clbits).toEqual(b.clbits);
      expectClose(a.state.amps, b.state.amps, { abs: 1e-12 });
    }
  });
});

describe('one-pass permutations from a product state', () => {
  it('chainLinks recognises CX ladders and rejects other linear maps', () => {
    const full = Int32Array.from({ length: 6 }, (_, b) => (b < 5 ? (1 << b) | (1 << (b + 1)) : 1 << b));
    expect(chainLinks(full, 6)).toBe(0b111110);
    expect(chainLinks(Int32Array.from([1, 2, 4]), 3)).toBe(0);
    expect(chainLinks(Int32Array.from([1 | 4, 2, 4]), 3)).toBe(-1);
  });

  it('the roadmap aggregator (product state + CX ladder in one sweep) equals gate-by-gate and the closed form', () => {
    const rng = createRng('ladder');
    for (let trial = 0; trial < 10; trial++) {
      const n = 1 + rng.int(14);
      const ps = Array.from({ length: n }, () => rng.next());
      const c = roadmapAggregatorCircuit(ps);
      const st = simulate(c).state;
      expectClose(st.amps, plain(c), { abs: 1e-13 });
      expectClose(st.probabilityOfOne(n - 1), (1 - ps.reduce((a, p) => a * (1 - 2 * p), 1)) / 2, { abs: 1e-13 });
    }
  });

  it('partial and reversed CX chains, complex product states, and non-chain runs (fan-out, SWAP) equal gate-by-gate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer(), (n, seed) => {
        const rng = createRng(seed);
        let c = createCircuit(n);
        const oneQ = rng.next() < 0.5 ? ['ry', 'h'] : ['rx', 'u', 'ry', 's'];
        for (const op of randomCircuitFrom(oneQ, n, 2 * n, rng).ops) c = withOp(c, op);
        const kind = rng.int(3);
        for (let k = 0; k < n - 1; k++) {
          const q = kind === 0 ? k : kind === 1 ? n - 2 - k : 0;
          if (kind === 0 && rng.next() < 0.3) continue; // partial ladder
          const qubits = kind === 2 ? [0, k + 1] : [q, q + 1];
          c = withOp(c, { kind: 'gate', gate: kind === 2 && k % 3 === 2 ? 'swap' : 'cx', qubits, params: [] });
        }
        expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('chainProduct, chainProductSplit and gatherProduct agree with an explicit gather of the product state', () => {
    const rng = createRng('product-kernels');
    for (const real of [true, false]) {
      for (const n of [1, 2, 5, 9, 17]) {
        const vecs = new Float64Array(4 * n);
        for (let q = 0; q < n; q++) for (let j = 0; j < 4; j++) vecs[4 * q + j] = real && j % 2 === 1 ? 0 : rng.next() - 0.5;
        const links = rng.int(1 << n) & ~1;
        const cols = Int32Array.from({ length: n }, (_, b) => (1 << b) | (b + 1 < n && (links >>> (b + 1)) & 1 ? 1 << (b + 1) : 0));
        const product = (x: number): [number, number] => {
          let re = 1, im = 0;
          for (let q = 0; q < n; q++) {
            const o = 4 * q + 2 * ((x >>> q) & 1);
            [re, im] = [re * vecs[o] - im * vecs[o + 1], re * vecs[o + 1] + im * vecs[o]];
          }
          return [re, im];
        };
        const expected = new Float64Array(2 << n);
        for (let i = 0; i < 1 << n; i++) {
          let src = 0;
          for (let b = 0; b < n; b++) if ((i >>> b) & 1) src ^= cols[b];
          [expected[2 * i], expected[2 * i + 1]] = product(src);
        }
        for (const expand of real ? [true, false] : [false]) {
          const a = new Float64Array(2 << n), b = new Float64Array(2 << n), c = new Float64Array(2 << n);
          chainProduct(vecs, n, links, a, real, expand);
          gatherProduct(vecs, n, cols, 0, b, real, expand);
          chainProductSplit(vecs, n, links, c, real, expand);
          if (real && !expand) { expandRealInPlace(a, n); expandRealInPlace(b, n); expandRealInPlace(c, n); }
          expectClose(a, expected, { abs: 1e-14 });
          expectClose(b, expected, { abs: 1e-14 });
          expectClose(c, expected, { abs: 1e-14 });
        }
      }
    }
  });

  it('an initial state skips the product-state paths and still matches', () => {
    const rng = createRng('initial');
    const initial = Statevector.fromAmplitudes(randomState(6, rng));
    const c = roadmapAggregatorCircuit([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expectClose(simulate(c, { initial }).state.amps, simulate(c, { initial, fuse: false }).state.amps, { abs: 1e-13 });
  });
});

describe('general circuits: cache-blocked passes, 2-qubit fusion and fixed-bit kernels', () => {
  it('random circuits over every gate above BLOCK_QUBITS (blocks with high qubits) equal gate-by-gate', () => {
    for (const [n, seed] of [[BLOCK_QUBITS + 1, 1], [BLOCK_QUBITS + 2, 2], [BLOCK_QUBITS + 3, 3]] as const) {
      const c = randomGateCircuit(seed, n, 120);
      expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
    }
  });

  it('random general circuits at n = 1…6 (fused 4×4 blocks, queued diagonals, short CX/SWAP runs) match the dense reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60 }), fc.integer(), (n, depth, seed) => {
        const c = randomGateCircuit(seed, n, depth);
        let ref = Statevector.zero(n).amps;
        for (const op of c.ops) if (op.kind === 'gate') ref = matVec(fullMatrix(gateMatrix(op.gate, op.params), op.qubits, n), ref);
        expectClose(simulate(c).state.amps, ref, { abs: 1e-11 });
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('pending U3s fused into a CRZ/CX/RZZ (one 4×4) equal gate-by-gate, on a complex state', () => {
    const rng = createRng('fuse2q');
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + rng.int(5);
      const [a, b] = randomQubits(2, n, rng);
      const u = (): number[] => [rng.next() * 6, rng.next() * 6, rng.next() * 6];
      let c = createCircuit(n);
      c = withOp(c, { kind: 'gate', gate: 'rx', qubits: [0], params: [0.4] }); // complex state early
      c = withOp(c, { kind: 'gate', gate: 'cz', qubits: [a, b], params: [] }); // materialise the state
      c = withOp(c, { kind: 'gate', gate: 'u3', qubits: [a], params: u() });
      c = withOp(c, { kind: 'gate', gate: 'u3', qubits: [b], params: u() });
      const g = ['crz', 'cx', 'rzz', 'swap', 'cp', 'rxx'][trial % 6];
      c = withOp(c, { kind: 'gate', gate: g, qubits: [a, b], params: GATES[g].params.map(() => rng.next() * 6) });
      expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
    }
  });

  it('pending gates around controlled gates (mux on the target, diagonals held on controls and diagonal gates) equal gate-by-gate', () => {
    const rng = createRng('mux-hold');
    const diag = ['t', 'rz', 's', 'p', 'z'], ctrl = ['crx', 'cry', 'crz', 'cp', 'cz', 'ch'].filter((id) => GATES[id] !== undefined);
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + rng.int(5);
      let c = withOp(createCircuit(n), { kind: 'gate', gate: 'rx', qubits: [0], params: [0.4] }); // complex state early
      for (let k = 0; k < 12; k++) {
        const [a, b] = randomQubits(2, n, rng);
        const one = (q: number): void => {
          const id = rng.next() < 0.5 ? diag[rng.int(diag.length)] : 'u3';
          c = withOp(c, { kind: 'gate', gate: id, qubits: [q], params: GATES[id].params.map(() => rng.next() * 6) });
        };
        if (rng.next() < 0.8) one(a);
        if (rng.next() < 0.8) one(b);
        const g = ctrl[rng.int(ctrl.length)];
        c = withOp(c, { kind: 'gate', gate: g, qubits: [a, b], params: GATES[g].params.map(() => rng.next() * 6) });
      }
      expectClose(simulate(c).state.amps, plain(c), { abs: 1e-12 });
    }
  });

  it('BlockQueue runs any queued plans like runPlan gate by gate (high qubits, diagonal, controlled, dense)', () => {
    const rng = createRng('blocks');
    const n = BLOCK_QUBITS + 2;
    const psi = randomState(n, rng);
    const expected = psi.slice(), got = psi.slice();
    const q = new BlockQueue(n);
    const ids = ['u3', 'rz', 't', 'cz', 'crz', 'cry', 'swap', 'rxx', 'cx', 'ccx', 'cswap', 'rzz'];
    for (let k = 0; k < 60; k++) {
      const id = ids[rng.int(ids.length)];
      const qubits = randomQubits(GATES[id].arity, n, rng);
      const plan = planMatrix(gateMatrix(id, GATES[id].params.map(() => rng.next() * 6)), GATES[id].arity);
      runPlan(expected, n, plan, qubits);
      if (!q.fits(qubits)) q.run(got);
      q.push(plan, qubits);
    }
    q.run(got);
    expectClose(got, expected, { abs: 1e-12 });
  });

  it('kernels with fixed bits at 0 and several controls (diag, X, SWAP, 2×2, dense k-qubit) match the dense reference', () => {
    const rng = createRng('fixed-bits');
    const n = 6;
    for (let trial = 0; trial < 60; trial++) {
      const k = 2 + rng.int(3);
      const qubits = randomQubits(k, n, rng);
      if (trial % 2 === 0 && !qubits.includes(0)) qubits[rng.int(k)] = 0; // lowest fixed bit 0
      // A controlled matrix: nc controls first, then a random base of the remaining qubits.
      const nc = 1 + rng.int(k - 1), nb = k - nc;
      const kind = trial % 4;
      let base: Float64Array;
      if (kind === 0) { base = new Float64Array(2 * (1 << nb) ** 2); for (let i = 0; i < 1 << nb; i++) { const t = rng.next() * 6; base[2 * (i * (1 << nb) + i)] = Math.cos(t); base[2 * (i * (1 << nb) + i) + 1] = Math.sin(t); } }
      else if (kind === 1 && nb === 1) base = gateMatrix('x', []);
      else if (kind === 2 && nb === 2) base = gateMatrix('swap', []);
      else { let u = gateMatrix('u3', [rng.next() * 6, rng.next() * 6, rng.next() * 6]); for (let j = 1; j < nb; j++) u = kronRef(gateMatrix('u3', [rng.next() * 6, 1, 2]), u); base = u; }
      const m = controlledMatrix(base, nc);
      const psi = randomState(n, rng);
      const st = Statevector.fromAmplitudes(psi).applyMatrix(m, qubits);
      expectClose(st.amps, matVec(fullMatrix(m, qubits, n), psi), { abs: 1e-12 });
    }
  });
});

describe('ParametricCircuit (per-bar parameter updates, P(qubit = 1) without a complex copy)', () => {
  it('equals simulate(…).probabilityOfOne for random real and complex circuits after parameter changes', () => {
    const rng = createRng('parametric');
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + rng.int(7);
      const ids = trial % 2 === 0 ? ['ry', 'cx', 'h', 'cz', 'swap'] : ['ry', 'rz', 'u3', 'cx', 'crz', 'h'];
      const c = randomGateCircuit(trial, n, 25, ids.filter((id) => GATES[id].arity <= n));
      const pc = new ParametricCircuit(c);
      let current = c;
      for (let round = 0; round < 3; round++) {
        const ops = current.ops.map((op, i) => {
          if (op.kind !== 'gate' || op.params.length === 0) return op;
          const params = op.params.map(() => (rng.next() - 0.5) * 6);
          params.forEach((v, k) => pc.setParam(i, k, v));
          return { ...op, params };
        });
        current = withOps(createCircuit(n), ops);
        const q = rng.int(n);
        expect(Math.abs(pc.probabilityOfOne(q) - simulate(current).state.probabilityOfOne(q))).toBeLessThan(1e-12);
      }
    }
  });

  it('rejects bad parameters and non-gate ops with clear messages', () => {
    const pc = new ParametricCircuit(roadmapAggregatorCircuit([0.1, 0.2]));
    expect(() => pc.setParam(0, 0, NaN)).toThrow(/finite/);
    expect(() => pc.setParam(5, 0, 1)).toThrow(/gate 5/);
    expect(() => pc.setParam(2, 0, 1)).toThrow(/parameter 0 of gate 2/); // CX has no parameters
    const withMeasure = withOp(createCircuit(1, 1), { kind: 'measure', qubit: 0, clbit: 0 });
    expect(() => new ParametricCircuit(withMeasure)).toThrow(/gates only/);
  });
});
