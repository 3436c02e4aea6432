/**
 * The WebAssembly SIMD kernels (src/engine/quantum/wasm) against the pure-TS kernels, which
 * stay the reference: every kernel kind on every qubit position, dense 2^k blocks k = 1…4 with
 * and without controls, cache-blocked passes (BlockQueue → runPass) including passes longer
 * than one wasm program, and seeded random circuits up to n = 20, fused and gate by gate.
 * Also: the committed build of the wasm is the build of the committed source.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GATES, SimulationWorkspace, Statevector, controlledMatrix, createCircuit, gateMatrix, planMatrix, runPlan, simulate, withOps, type Circuit, type Op,
} from '../../../src/engine/quantum/index.ts';
import { BLOCK_QUBITS, BlockQueue, muxPlan, plan1q } from '../../../src/engine/quantum/kernelPlan.ts';
import { WASM_SOURCE_SHA256 } from '../../../src/engine/quantum/wasm/kernels.generated.ts';
import { PASS_MAX_GATES, WASM_MIN_QUBITS, allocAmps, setWasmKernels, wasmKernelsActive, wasmStateOf } from '../../../src/engine/quantum/wasm/wasmKernels.ts';
import { createRng, type Rng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';
import { randomGateCircuit, randomQubits, randomState } from './reference.ts';

afterEach(() => setWasmKernels(true));

/** A wasm-memory copy and a plain-array copy of the same amplitudes. */
function pair(amps: Float64Array): { wasm: Float64Array; ts: Float64Array } {
  setWasmKernels(true);
  const wasm = allocAmps(amps.length);
  wasm.set(amps);
  setWasmKernels(false);
  const ts = allocAmps(amps.length);
  ts.set(amps);
  setWasmKernels(true);
  expect(wasmStateOf(wasm), 'wasm copy').toBeDefined();
  expect(wasmStateOf(ts), 'TS copy').toBeUndefined();
  return { wasm, ts };
}

function randomMatrix(k: number, rng: Rng): Float64Array {
  const m = new Float64Array(2 << (2 * k));
  for (let i = 0; i < m.length; i++) m[i] = rng.next() - 0.5;
  return m;
}

/** Both backends on the same circuit: TS kernels (plain arrays) and wasm kernels (wasm memory). */
function bothBackends(c: Circuit, fuse: boolean, workspace?: SimulationWorkspace): { wasm: Statevector; ts: Statevector } {
  setWasmKernels(false);
  const ts = simulate(c, { fuse }).state;
  setWasmKernels(true);
  const wasm = simulate(c, { fuse, workspace }).state;
  return { wasm, ts };
}

describe('wasm kernels: build and loading', () => {
  it('the committed module is the build of the committed AssemblyScript source (npm run build:wasm)', () => {
    const src = readFileSync(new URL('../../../src/engine/quantum/wasm/assembly/kernels.ts', import.meta.url));
    expect(createHash('sha256').update(src).digest('hex')).toBe(WASM_SOURCE_SHA256);
  });

  it('a real-only circuit keeps plain arrays (no wasm memory to map); a general one moves its state into wasm once', () => {
    const real = simulate(withOps(createCircuit(14), [{ kind: 'gate', gate: 'h', qubits: [0], params: [] }, { kind: 'gate', gate: 'cx', qubits: [0, 13], params: [] }])).state;
    expect(wasmStateOf(real.amps)).toBeUndefined();
    const general = simulate(randomGateCircuit(3, 14, 40)).state;
    expect(wasmStateOf(general.amps)).toBeDefined();
  });

  it('loads in Node; states of ≥ WASM_MIN_QUBITS qubits live in wasm memory, smaller ones and forced-TS ones do not', () => {
    expect(wasmKernelsActive()).toBe(true);
    expect(wasmStateOf(Statevector.zero(WASM_MIN_QUBITS).amps)).toBeDefined();
    expect(wasmStateOf(Statevector.zero(WASM_MIN_QUBITS - 1).amps)).toBeUndefined();
    setWasmKernels(false);
    expect(wasmKernelsActive()).toBe(false);
    expect(wasmStateOf(Statevector.zero(16).amps)).toBeUndefined();
  });

  it('a wasm state is an ordinary Float64Array to TS code: clone, probabilities, views survive later allocations', () => {
    const a = Statevector.zero(12).applyGate('h', [3]).applyGate('cx', [3, 11]);
    for (let i = 0; i < 20; i++) Statevector.zero(14); // other memories come and go; a's view never detaches
    const b = a.clone();
    expect(wasmStateOf(b.amps)).toBeDefined();
    expect(b.amps.buffer).not.toBe(a.amps.buffer);
    expectClose(b.probabilityOfOne(11), 0.5);
    expectClose(a.probabilities()[(1 << 3) | (1 << 11)], 0.5);
  });
});

describe('wasm kernels equal the TS kernels', () => {
  it('every registry gate on every qubit position (n = 12 and 13, random state)', () => {
    const rng = createRng('wasm-gates');
    for (const n of [12, 13]) {
      const { wasm, ts } = pair(randomState(n, rng));
      for (const id of Object.keys(GATES)) {
        const g = GATES[id];
        for (let p = 0; p < n; p++) {
          // qubits[0] takes every position; the others are random distinct qubits.
          const qubits = [p, ...randomQubits(g.arity - 1, n, rng).map((q) => (q === p ? (p + 1) % n : q))];
          if (new Set(qubits).size !== qubits.length) continue;
          const plan = planMatrix(gateMatrix(id, g.params.map(() => (rng.next() - 0.5) * 8)), g.arity);
          runPlan(wasm, n, plan, qubits);
          runPlan(ts, n, plan, qubits);
        }
        expectClose(wasm, ts, { abs: 1e-12 });
      }
    }
  });

  it('dense 2^k blocks (k = 1…4, mk/m1) and diagonals (diagK), with 0–2 controls, on random qubits; k = 5 falls back to TS', () => {
    const rng = createRng('wasm-dense');
    const n = 12;
    const { wasm, ts } = pair(randomState(n, rng));
    for (let trial = 0; trial < 60; trial++) {
      const k = 1 + (trial % 5), nCtrl = trial % 3;
      const qubits = randomQubits(k + nCtrl, n, rng);
      let m = randomMatrix(k, rng);
      if (trial % 4 === 1) {
        // diagonal: planMatrix makes it diag1/diagK
        const d = 1 << k;
        for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) if (r !== c) { m[2 * (r * d + c)] = 0; m[2 * (r * d + c) + 1] = 0; }
      }
      // controlledMatrix puts the controls on the low local bits; planMatrix finds them from the matrix.
      if (nCtrl > 0) m = controlledMatrix(m, nCtrl);
      const plan = planMatrix(m, k + nCtrl);
      runPlan(wasm, n, plan, qubits);
      runPlan(ts, n, plan, qubits);
      expectClose(wasm, ts, { abs: 1e-9 });
    }
  });

  it('controlled phases (CZ/CP/CCP-like, d0 = 1) on every set of fixed bits among qubits 0–4 (the strided low-bit path)', () => {
    const rng = createRng('wasm-cphase');
    const n = 12;
    const { wasm, ts } = pair(randomState(n, rng));
    for (let mask = 1; mask < 32; mask++) {
      const fixed = [0, 1, 2, 3, 4].filter((q) => (mask >> q) & 1);
      if (fixed.length < 2) continue;
      const phi = rng.next() * 6;
      for (const [re, im] of [[-1, 0], [Math.cos(phi), Math.sin(phi)]]) {
        const m = controlledMatrix(Float64Array.of(1, 0, 0, 0, 0, 0, re, im), fixed.length - 1);
        // Rotate which fixed qubit is the target; add a high qubit as extra control half the time.
        const qubits = [...fixed.slice(1), fixed[0]];
        const plan = planMatrix(m, qubits.length);
        runPlan(wasm, n, plan, qubits);
        runPlan(ts, n, plan, qubits);
        if (mask % 2 === 0) {
          const m2 = controlledMatrix(m, 1), q2 = [9, ...qubits];
          runPlan(wasm, n, planMatrix(m2, q2.length), q2);
          runPlan(ts, n, planMatrix(m2, q2.length), q2);
        }
      }
    }
    expectClose(wasm, ts, { abs: 1e-12 });
  });

  it('X/CX/CCX and SWAP/CSWAP on every set of fixed bits among qubits 0–4 (the strided qubit-0 path), ± a high control', () => {
    const rng = createRng('wasm-x-swap-q0');
    const n = 12;
    const { wasm, ts } = pair(randomState(n, rng));
    const apply = (plan: ReturnType<typeof planMatrix>, qubits: number[]): void => { runPlan(wasm, n, plan, qubits); runPlan(ts, n, plan, qubits); };
    for (let mask = 1; mask < 32; mask++) {
      const fixed = [0, 1, 2, 3, 4].filter((q) => (mask >> q) & 1);
      for (let rot = 0; rot < fixed.length; rot++) {
        // X on one fixed qubit controlled by the others (X, CX, CCX…), each fixed qubit the target in turn.
        const qubits = [...fixed.slice(rot), ...fixed.slice(0, rot)];
        const mx = controlledMatrix(gateMatrix('x', []), qubits.length - 1);
        apply(planMatrix(mx, qubits.length), [...qubits.slice(1), qubits[0]]);
        if (mask % 2 === 1) apply(planMatrix(controlledMatrix(mx, 1), qubits.length + 1), [10, ...qubits.slice(1), qubits[0]]);
        if (qubits.length >= 2) {
          // SWAP of the first two, controlled by the rest.
          const ms = controlledMatrix(gateMatrix('swap', []), qubits.length - 2);
          apply(planMatrix(ms, qubits.length), [...qubits.slice(2), qubits[0], qubits[1]]);
        }
      }
    }
    for (const q of [1, 5, 11]) { apply(planMatrix(gateMatrix('swap', []), 2), [0, q]); apply(planMatrix(gateMatrix('cx', []), 2), [q, 0]); apply(planMatrix(gateMatrix('cx', []), 2), [0, q]); }
    expectClose(wasm, ts, { abs: 0 });
  });

  it('mux plans (a pending 2×2 folded into CRX/CRY/CRZ/CP/CZ/CH/CX) equal the pending gate then the controlled one, wasm and TS, alone and in blocked passes', () => {
    const rng = createRng('mux');
    const ids = ['crx', 'cry', 'crz', 'cp', 'cz', 'ch', 'cx'].filter((id) => GATES[id] !== undefined);
    for (const n of [12, BLOCK_QUBITS + 2]) {
      const psi = randomState(n, rng);
      const { wasm, ts } = pair(psi);
      const { ts: plain } = pair(psi);
      const qw = new BlockQueue(n), qt = new BlockQueue(n);
      for (let trial = 0; trial < 40; trial++) {
        const id = ids[trial % ids.length];
        const qubits = trial % 5 === 0 ? [[0, 1], [1, 0], [2, 0]][trial % 3] : randomQubits(2, n, rng);
        const g = planMatrix(gateMatrix(id, GATES[id].params.map(() => rng.next() * 6)), 2);
        const p = trial % 3 === 0 ? gateMatrix('ry', [rng.next() * 6]) : gateMatrix('u3', [rng.next() * 6, rng.next() * 6, rng.next() * 6]);
        const mux = muxPlan(g, p);
        expect(mux, id).not.toBeNull();
        // Reference: P on the target, then the controlled gate.
        const t = qubits[(g as { targets: readonly number[] }).targets[0]];
        runPlan(plain, n, plan1q(p), [t]);
        runPlan(plain, n, g, qubits);
        // First half: one plan at a time (runPlan); second half: queued, several per blocked pass (runPass).
        if (trial < 20) { runPlan(wasm, n, mux!, qubits); runPlan(ts, n, mux!, qubits); continue; }
        if (!qw.fits(qubits)) { qw.run(wasm); qt.run(ts); }
        qw.push(mux!, qubits);
        qt.push(mux!, qubits);
      }
      qw.run(wasm);
      qt.run(ts);
      expectClose(wasm, plain, { abs: 1e-10 });
      expectClose(ts, plain, { abs: 1e-10 });
    }
  });

  it('single-qubit fused plans (plan1q: diagonal, X, real and complex 2×2) on every position of n = 12', () => {
    const rng = createRng('wasm-1q');
    const n = 12;
    const { wasm, ts } = pair(randomState(n, rng));
    for (let q = 0; q < n; q++) {
      for (const m of [
        Float64Array.of(0.6, 0.1, 0, 0, 0, 0, -0.3, 0.8), Float64Array.of(0, 0, 1, 0, 1, 0, 0, 0),
        Float64Array.of(0.6, 0, 0.8, 0, 0.8, 0, -0.6, 0), randomMatrix(1, rng), Float64Array.of(1, 0, 0, 0, 0, 0, 0, 1),
      ]) {
        runPlan(wasm, n, plan1q(m), [q]);
        runPlan(ts, n, plan1q(m), [q]);
      }
    }
    expectClose(wasm, ts, { abs: 1e-12 });
  });

  it('cache-blocked passes (BlockQueue → runPass) at n = 15 and 16, incl. a pass longer than one wasm program', () => {
    const rng = createRng('wasm-blocks');
    for (const n of [BLOCK_QUBITS + 1, BLOCK_QUBITS + 2]) {
      const { wasm, ts } = pair(randomState(n, rng));
      const qw = new BlockQueue(n), qt = new BlockQueue(n);
      const ids = Object.keys(GATES).filter((id) => GATES[id].arity <= 3);
      let longest = 0;
      for (let g = 0; g < 3 * PASS_MAX_GATES; g++) {
        const id = ids[rng.int(ids.length)], arity = GATES[id].arity;
        // Mostly low qubits, so long passes form; high ones end a pass when too many.
        const qubits = g % 7 === 0 ? randomQubits(arity, n, rng) : randomQubits(arity, 8, rng);
        const plan = planMatrix(gateMatrix(id, GATES[id].params.map(() => rng.next() * 6)), arity);
        if (!qw.fits(qubits)) { longest = Math.max(longest, qw.size); qw.run(wasm); qt.run(ts); }
        qw.push(plan, qubits);
        qt.push(plan, qubits);
      }
      longest = Math.max(longest, qw.size);
      expect(longest, 'a pass holds more gates than one wasm program').toBeGreaterThan(PASS_MAX_GATES);
      qw.run(wasm);
      qt.run(ts);
      expectClose(wasm, ts, { abs: 1e-9 });
    }
  });

  it('seeded random circuits n = 12…20 (every registry gate): fused and gate by gate, wasm = TS to rounding', () => {
    for (const [n, depth] of [[12, 300], [13, 300], [14, 200], [16, 200], [20, 120]] as const) {
      const c = randomGateCircuit(1000 + n, n, depth);
      for (const fuse of [true, false]) {
        const { wasm, ts } = bothBackends(c, fuse, new SimulationWorkspace());
        expect(wasmStateOf(wasm.amps), `n=${n} fuse=${fuse} ran in wasm`).toBeDefined();
        expectClose(wasm.amps, ts.amps, { abs: 1e-10 });
      }
    }
  });

  it('the benchmark gate set (U3, T, RZ, CZ, CRZ, SWAP…) at n = 16 and 20 with a reused workspace, and mid-circuit measure/reset', () => {
    const set = ['u3', 'h', 'x', 'y', 'z', 's', 'sdg', 't', 'tdg', 'rx', 'ry', 'rz', 'p', 'cx', 'cz', 'cp', 'crz', 'crx', 'cry', 'swap'];
    for (const n of [16, 20]) {
      const c = randomGateCircuit(7 * n, n, 200, set, 2 * Math.PI);
      const ws = new SimulationWorkspace();
      bothBackends(c, true, ws);
      const { wasm, ts } = bothBackends(c, true, ws); // second run reuses the workspace's wasm buffers
      expectClose(wasm.amps, ts.amps, { abs: 1e-10 });
    }
    const rng = createRng('wasm-measure');
    const ops: Op[] = [...randomGateCircuit(5, 12, 80).ops];
    ops.splice(30, 0, { kind: 'measure', qubit: 3, clbit: 0 });
    ops.splice(60, 0, { kind: 'reset', qubit: 7 });
    const c = withOps({ ...randomGateCircuit(5, 12, 0), nClbits: 1 }, ops);
    const seed = rng.int(1000);
    setWasmKernels(false);
    const ts = simulate(c, { seed });
    setWasmKernels(true);
    const wasm = simulate(c, { seed });
    expect(wasm.clbits).toEqual(ts.clbits);
    expectClose(wasm.state.amps, ts.state.amps, { abs: 1e-10 });
  });
});
