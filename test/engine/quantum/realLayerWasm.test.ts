/**
 * Real-only layers and CX/SWAP gathers on the wasm kernels (realLayerWasm.ts → assembly realPass/realSweep/
 * gatherExpand; gatherComplex for complex states)
 * against the TS layer kernels (applyGateBatch, gatherAffineReal), which stay the reference, and
 * against gate-by-gate simulation on the TS kernels: random subsets of bits, random real and
 * Hadamard-like matrices, with and without a pending CX/SWAP gather, with the production tiling
 * and with small tiles that force LOCAL passes (several high bits, several passes, short runs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  SimulationWorkspace, createCircuit, layeredBenchmarkCircuit, simulate, withOps, type Circuit, type Op,
} from '../../../src/engine/quantum/index.ts';
import { applyAffinePermutation } from '../../../src/engine/quantum/kernels.ts';
import {
  applyGateBatch, createGateBatch, fillAffineTables, gatherAffineReal, pushGate, type GateBatch,
} from '../../../src/engine/quantum/kernelsLayer.ts';
import { applyRealBatchWasm } from '../../../src/engine/quantum/realLayerWasm.ts';
import { allocAmpsPair, setWasmKernels, wasmStateOf } from '../../../src/engine/quantum/wasm/wasmKernels.ts';
import { createRng, type Rng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

afterEach(() => setWasmKernels(true));

/** Random real 2×2s (a third Hadamard-like α·[[1, 1], [1, −1]]) on a random subset of bits < n. */
function randomBatch(n: number, rng: Rng): GateBatch {
  const batch = createGateBatch(n);
  for (let b = 0; b < n; b++) {
    if (rng.next() < 0.25) continue;
    const m = new Float64Array(8);
    if (rng.next() < 0.35) {
      const a = rng.next() < 0.5 ? Math.SQRT1_2 : rng.next() + 0.2;
      m[0] = a; m[2] = a; m[4] = a; m[6] = -a;
    } else {
      for (let k = 0; k < 8; k += 2) m[k] = rng.next() - 0.5;
    }
    pushGate(batch, b, m);
  }
  return batch;
}

/** cols of a random run of CX/SWAP gates (as runColumns in statevector.ts): cols[b] = f⁻¹(2^b). */
function randomCols(n: number, rng: Rng): Int32Array {
  const run: [boolean, number, number][] = [];
  for (let k = 0; k < 2 * n; k++) {
    const a = Math.floor(rng.next() * n);
    let b = Math.floor(rng.next() * (n - 1));
    if (b >= a) b++;
    run.push([rng.next() < 0.7, a, b]);
  }
  const cols = new Int32Array(n);
  for (let bit = 0; bit < n; bit++) {
    let x = 1 << bit;
    for (let k = run.length - 1; k >= 0; k--) {
      const [cx, q0, q1] = run[k];
      if (cx) x ^= ((x >>> q0) & 1) << q1;
      else { const d = ((x >>> q0) ^ (x >>> q1)) & 1; x ^= (d << q0) | (d << q1); }
    }
    cols[bit] = x;
  }
  return cols;
}

function randomReal(len: number, rng: Rng): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = rng.next() - 0.5;
  return a;
}

describe('real-only layers on wasm equal the TS layer kernels', () => {
  it('applyRealBatchWasm = applyGateBatch (width 1) for random batches, with and without a gather, over several tilings', () => {
    const rng = createRng('real-layer-wasm');
    // [n, tile, maxHigh]: production tiling (n ≤ 15: one tile; 16, 17: ≤ 3 high bits in one sweep),
    // and small tiles: 4–9 high bits in one or several LOCAL passes, runs < 256 (generic gather).
    const cases: [number, number, number][] = [[12, 15, 7], [14, 15, 7], [16, 15, 7], [17, 15, 7], [14, 10, 7], [14, 10, 2], [13, 8, 1], [16, 9, 3]];
    for (const [n, tile, maxHigh] of cases) {
      for (let trial = 0; trial < 3; trial++) {
        const batch = randomBatch(n, rng);
        const state = randomReal(1 << n, rng);
        for (const gather of [false, true]) {
          const tables = new Int32Array(3 * 256);
          fillAffineTables(tables, n, randomCols(n, rng));
          const ref = new Float64Array(1 << n);
          if (gather) applyGateBatch(ref, n, batch, { src: state.slice(), tables, width: 1 });
          else { ref.set(state); applyGateBatch(ref, n, batch); }
          const [src, dst] = allocAmpsPair(2 << n);
          const w = wasmStateOf(src);
          expect(w, 'pair in wasm memory').toBeDefined();
          expect(wasmStateOf(dst)).toBe(w);
          src.set(state);
          const out = gather ? dst : src;
          applyRealBatchWasm(w!, src, out, n, batch, gather ? tables : null, tile, maxHigh);
          expectClose(Array.from(out.subarray(0, 1 << n)), Array.from(ref), { abs: 1e-12 });
        }
      }
    }
  });

  it('gatherExpand = gatherAffineReal(…, expand) (the final CX/SWAP run of a real circuit)', () => {
    const rng = createRng('gather-expand');
    for (const n of [12, 15, 17]) {
      const state = randomReal(1 << n, rng);
      const cols = randomCols(n, rng);
      const ref = new Float64Array(2 << n);
      gatherAffineReal(state, ref, n, cols, 0, true);
      const [src, dst] = allocAmpsPair(2 << n);
      const w = wasmStateOf(src)!;
      src.set(state);
      fillAffineTables(w.tables, n, cols);
      w.k.gatherExpand(src.byteOffset, dst.byteOffset, n);
      expect(Array.from(dst)).toEqual(Array.from(ref));
    }
  });
});

describe('real layers on a complex wasm state (the real-only kernels on bits q + 1)', () => {
  it('RY/H layers mixed with RZ/U3/Z gates between CX ladders, from a complex initial state, equal gate-by-gate (n = 12, 15, 17)', () => {
    for (const n of [12, 15, 17]) {
      const rng = createRng(`complex-real-layers-${n}`);
      const ops: Op[] = [];
      for (let L = 0; L < 4; L++) {
        for (let q = 0; q < n; q++) {
          const r = rng.next();
          if (r < 0.4) ops.push({ kind: 'gate', gate: 'ry', qubits: [q], params: [rng.next() * 6] });
          else if (r < 0.7) ops.push({ kind: 'gate', gate: 'h', qubits: [q], params: [] });
          else if (r < 0.8) ops.push({ kind: 'gate', gate: 'z', qubits: [q], params: [] });
          else if (r < 0.9) ops.push({ kind: 'gate', gate: 'rz', qubits: [q], params: [rng.next() * 6] });
          else ops.push({ kind: 'gate', gate: 'u3', qubits: [q], params: [rng.next() * 6, rng.next() * 6, rng.next() * 6] });
        }
        for (let q = 0; q + 1 < n; q++) ops.push({ kind: 'gate', gate: 'cx', qubits: [q, q + 1], params: [] });
      }
      const c = withOps(createCircuit(n), ops);
      setWasmKernels(false);
      const initial = simulate(withOps(createCircuit(n), [{ kind: 'gate', gate: 'rx', qubits: [0], params: [0.3] }, { kind: 'gate', gate: 'h', qubits: [n - 1], params: [] }])).state;
      const ref = simulate(c, { fuse: false, initial }).state.amps;
      setWasmKernels(true);
      const ws = new SimulationWorkspace();
      simulate(c, { workspace: ws, initial });
      expectClose(Array.from(simulate(c, { workspace: ws, initial }).state.amps), Array.from(ref), { abs: 1e-10 });
      expectClose(Array.from(simulate(c, { initial }).state.amps), Array.from(ref), { abs: 1e-10 });
    }
  });
});

describe('CX/SWAP gathers of complex states on wasm', () => {
  it('gatherComplex = applyAffinePermutation (n = 12, 17)', () => {
    const rng = createRng('gather-complex');
    for (const n of [12, 17]) {
      const state = randomReal(2 << n, rng);
      const cols = randomCols(n, rng);
      const ref = new Float64Array(2 << n);
      applyAffinePermutation(state, ref, n, cols, 0);
      const [src, dst] = allocAmpsPair(2 << n);
      const w = wasmStateOf(src)!;
      src.set(state);
      fillAffineTables(w.tables, n, cols);
      w.k.gatherComplex(src.byteOffset, dst.byteOffset, n);
      expect(Array.from(dst)).toEqual(Array.from(ref));
    }
  });

  it('complex circuits with long CX/SWAP runs (mid-circuit and final gathers) equal gate-by-gate TS simulation', () => {
    for (const n of [12, 15, 17]) {
      const rng = createRng(`complex-runs-${n}`);
      const ops: Op[] = [];
      for (let L = 0; L < 4; L++) {
        for (let q = 0; q < n; q++) ops.push({ kind: 'gate', gate: 'u3', qubits: [q], params: [rng.next() * 6, rng.next() * 6, rng.next() * 6] });
        for (let k = 0; k < 3 + Math.floor(rng.next() * n); k++) {
          const a = Math.floor(rng.next() * n);
          let b = Math.floor(rng.next() * (n - 1));
          if (b >= a) b++;
          ops.push({ kind: 'gate', gate: rng.next() < 0.7 ? 'cx' : 'swap', qubits: [a, b], params: [] });
        }
      }
      const c = withOps(createCircuit(n), ops);
      setWasmKernels(false);
      const ref = simulate(c, { fuse: false }).state.amps;
      setWasmKernels(true);
      const ws = new SimulationWorkspace();
      simulate(c, { workspace: ws });
      const out = simulate(c, { workspace: ws }).state.amps;
      expect(wasmStateOf(out)).toBeDefined();
      expectClose(Array.from(out), Array.from(ref), { abs: 1e-10 });
      expectClose(Array.from(simulate(c).state.amps), Array.from(ref), { abs: 1e-10 });
    }
  });
});

/** Layers of random real 1-qubit gates (RY, H, X, Z, RY·H fused pairs) between runs of CX/SWAP/CZ. */
function randomRealLayers(seed: number, n: number, layers: number): Circuit {
  const rng = createRng(`real-layers-${seed}`);
  const ops: Op[] = [];
  const g = (gate: string, qubits: number[], params: number[] = []): void => { ops.push({ kind: 'gate', gate, qubits, params }); };
  for (let L = 0; L < layers; L++) {
    const kind = rng.next();
    for (let q = 0; q < n; q++) {
      if (rng.next() < 0.15) continue;
      if (kind < 0.4) g('h', [q]);
      else if (kind < 0.8) g('ry', [q], [(rng.next() - 0.5) * 6]);
      else { g(rng.next() < 0.5 ? 'x' : 'z', [q]); g('ry', [q], [rng.next()]); }
    }
    const runLen = 1 + Math.floor(rng.next() * n);
    for (let k = 0; k < runLen; k++) {
      const a = Math.floor(rng.next() * n);
      let b = Math.floor(rng.next() * (n - 1));
      if (b >= a) b++;
      const r = rng.next();
      g(r < 0.7 ? 'cx' : r < 0.9 ? 'swap' : 'cz', [a, b]);
    }
  }
  return withOps(createCircuit(n), ops);
}

describe('real-only circuits on the wasm kernels equal gate-by-gate TS simulation', () => {
  it('random real layer circuits n = 12…18 (fresh buffers and a reused workspace) and the layered benchmark circuit at 16 and 20', () => {
    const circuits: Circuit[] = [];
    for (let n = 12; n <= 18; n += 2) circuits.push(randomRealLayers(n, n, 6), randomRealLayers(100 + n, n + 1, 5));
    circuits.push(layeredBenchmarkCircuit(16, 10), layeredBenchmarkCircuit(20, 3));
    for (const c of circuits) {
      setWasmKernels(false);
      const ref = simulate(c, { fuse: false }).state.amps;
      setWasmKernels(true);
      const fresh = simulate(c).state;
      const ws = new SimulationWorkspace();
      simulate(c, { workspace: ws });
      const again = simulate(c, { workspace: ws }).state;
      expect(wasmStateOf(again.amps), 'the workspace keeps a wasm pair').toBeDefined();
      expectClose(Array.from(fresh.amps), Array.from(ref), { abs: 1e-10 });
      expectClose(Array.from(again.amps), Array.from(ref), { abs: 1e-10 });
    }
  });

  it('a short real circuit without a workspace keeps plain arrays (a fresh wasm memory would cost more than it saves)', () => {
    const c = layeredBenchmarkCircuit(14, 2);
    expect(wasmStateOf(simulate(c).state.amps)).toBeUndefined();
    expect(wasmStateOf(simulate(layeredBenchmarkCircuit(14, 6)).state.amps)).toBeDefined();
  });
});
