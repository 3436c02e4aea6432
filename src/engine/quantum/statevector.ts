/**
 * Statevector simulation.
 *
 * Amplitude convention (stated once, used everywhere): `amps` is a Float64Array of length
 * 2·2ⁿ with interleaved (re, im) pairs; the amplitude of basis state |i⟩ is
 * (amps[2i], amps[2i+1]) and qubit 0 is the LEAST significant bit of i.
 */
import type { Circuit, Op } from './circuit.ts';
import { validateCircuit } from './circuit.ts';
import { kron, matMul, matrixDim } from './complex.ts';
import { GATES, gateMatrix, getGate } from './gates.ts';
import { apply1q, applyAffinePermutation, applyX } from './kernels.ts';
import {
  applyGateBatch, chainLinks, chainProductSplit, createGateBatch, expandRealInPlace, fillAffineTables, gatherAffineReal, gatherProduct, isRealMatrix, productStateReal, pushGate, type GateBatch,
} from './kernelsLayer.ts';
import { BlockQueue, muxPlan, plan1q, planCost, planMatrix, runPlan, type KernelPlan } from './kernelPlan.ts';
import { expectationPauliAmps } from './pauli.ts';
import { WASM_MIN_QUBITS, allocAmps, allocAmpsPair, wasmKernelsActive, wasmStateOf, type WasmState } from './wasm/wasmKernels.ts';
import { applyRealBatchWasm } from './realLayerWasm.ts';
import { createRng, normalizeSeed, type Rng } from '../random.ts';

/**
 * Largest register we simulate as a statevector: 2^24·16 B = 256 MiB per state. A browser
 * worker's heap is typically limited to 2–4 GiB, and gradients, fused permutations and clones
 * hold two or three states at once; 25 qubits (512 MiB each) already fails in practice.
 */
export const MAX_STATEVECTOR_QUBITS = 24;

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Binary byte size such as '256 MiB', '1 TiB', '1.5 GiB'. */
export function formatBytes(bytes: number): string {
  let v = bytes, u = 0;
  while (v >= 1024 && u < UNITS.length - 1) { v /= 1024; u++; }
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1).replace(/\.0$/, '');
  return `${s} ${UNITS[u]}`;
}

/** Throws the standard RangeError for an unsupported statevector size. */
export function checkStatevectorQubits(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_STATEVECTOR_QUBITS) {
    const mem = Number.isInteger(n) && n > MAX_STATEVECTOR_QUBITS ? `; a ${n}-qubit statevector needs ${formatBytes(2 ** n * 16)}` : '';
    throw new RangeError(`invalid nQubits: ${n} (expected 1–${MAX_STATEVECTOR_QUBITS}${mem})`);
  }
}

function checkQubitList(n: number, qubits: readonly number[], what: string): void {
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0 || q >= n) throw new RangeError(`invalid qubit in ${what}: ${q} (expected 0–${n - 1})`);
  }
  if (new Set(qubits).size !== qubits.length) throw new RangeError(`invalid qubits in ${what}: [${qubits.join(', ')}] (expected distinct qubits)`);
}

/** Plans for parameter-free gates never change: compute once per id. */
const constantPlans = new Map<string, KernelPlan>();

function planFor(id: string, params: readonly number[]): KernelPlan {
  const g = getGate(id);
  if (g.params.length === 0) {
    let p = constantPlans.get(g.id);
    if (p === undefined) { p = planMatrix(gateMatrix(g.id, params), g.arity); constantPlans.set(g.id, p); }
    return p;
  }
  return planMatrix(gateMatrix(g.id, params), g.arity);
}

export class Statevector {
  readonly nQubits: number;
  /** Interleaved re/im amplitudes (see the file header). Kernels may swap in a new buffer. */
  amps: Float64Array;

  private constructor(nQubits: number, amps: Float64Array) {
    this.nQubits = nQubits;
    this.amps = amps;
  }

  /** |0…0⟩ on n qubits. */
  static zero(nQubits: number): Statevector {
    checkStatevectorQubits(nQubits);
    const amps = allocAmps(2 << nQubits);
    amps[0] = 1;
    return new Statevector(nQubits, amps);
  }

  /** Computational basis state |index⟩. */
  static basis(nQubits: number, index: number): Statevector {
    checkStatevectorQubits(nQubits);
    if (!Number.isInteger(index) || index < 0 || index >= 2 ** nQubits) throw new RangeError(`invalid index: ${index} (expected 0–${2 ** nQubits - 1})`);
    const amps = allocAmps(2 << nQubits);
    amps[2 * index] = 1;
    return new Statevector(nQubits, amps);
  }

  /** Wrap a copy of interleaved amplitudes (length 2·2ⁿ). Not renormalised. */
  static fromAmplitudes(amps: ArrayLike<number>): Statevector {
    const len = amps.length;
    const n = Math.round(Math.log2(len / 2));
    if (!(len >= 4) || 2 ** (n + 1) !== len) throw new RangeError(`invalid amplitudes length: ${len} (expected 2·2ⁿ interleaved re/im values)`);
    checkStatevectorQubits(n);
    const copy = allocAmps(len);
    copy.set(amps);
    for (let i = 0; i < copy.length; i++) if (!Number.isFinite(copy[i])) throw new RangeError(`invalid amplitude at ${i}: ${copy[i]} (expected a finite number)`);
    return new Statevector(n, copy);
  }

  /** @internal Wrap a buffer without copying (engine use only). */
  static wrap(nQubits: number, amps: Float64Array): Statevector {
    return new Statevector(nQubits, amps);
  }

  clone(): Statevector {
    const amps = allocAmps(this.amps.length);
    amps.set(this.amps);
    return new Statevector(this.nQubits, amps);
  }

  get dim(): number { return 1 << this.nQubits; }

  /** Apply a registry gate in place using the fastest kernel for its matrix. */
  applyGate(id: string, qubits: readonly number[], params: readonly number[] = []): this {
    const g = getGate(id);
    if (qubits.length !== g.arity) throw new RangeError(`invalid qubit count for gate '${g.id}': ${qubits.length} (expected ${g.arity})`);
    checkQubitList(this.nQubits, qubits, `gate '${g.id}'`);
    runPlan(this.amps, this.nQubits, planFor(g.id, params), qubits);
    return this;
  }

  /** Apply a 2^k×2^k matrix (interleaved, row-major, qubits[0] = LSB of its index) in place. */
  applyMatrix(matrix: Float64Array, qubits: readonly number[]): this {
    const d = matrixDim(matrix);
    if (d !== 1 << qubits.length) throw new RangeError(`invalid matrix size: ${d}×${d} (expected ${1 << qubits.length}×${1 << qubits.length} for ${qubits.length} qubits)`);
    checkQubitList(this.nQubits, qubits, 'applyMatrix');
    runPlan(this.amps, this.nQubits, planMatrix(matrix, qubits.length), qubits);
    return this;
  }

  /** ⟨ψ|ψ⟩ (1 for a normalised state). */
  norm(): number {
    let s = 0;
    const a = this.amps;
    for (let i = 0; i < a.length; i++) s += a[i] * a[i];
    return s;
  }

  /** Rescale to unit norm. */
  normalize(): this {
    const n = this.norm();
    if (!(n > 0)) throw new RangeError(`invalid state: norm ${n} (expected > 0)`);
    const f = 1 / Math.sqrt(n);
    for (let i = 0; i < this.amps.length; i++) this.amps[i] *= f;
    return this;
  }

  /** |amplitude|² for every basis state. */
  probabilities(): Float64Array {
    const a = this.amps, dim = this.dim;
    const p = new Float64Array(dim);
    for (let i = 0; i < dim; i++) p[i] = a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
    return p;
  }

  /** P(qubit = 1). */
  probabilityOfOne(qubit: number): number {
    if (!(Number.isInteger(qubit) && qubit >= 0 && qubit < this.nQubits)) checkQubitList(this.nQubits, [qubit], 'probabilityOfOne');
    // Contiguous runs of 2·2^qubit doubles (re and im alike) where the qubit is 1; four
    // partial sums so the adds do not wait on each other.
    const a = this.amps, run = 2 << qubit, end = a.length;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let b = run; b < end; b += 2 * run) {
      const e = b + run;
      let i = b;
      for (; i + 3 < e; i += 4) { s0 += a[i] * a[i]; s1 += a[i + 1] * a[i + 1]; s2 += a[i + 2] * a[i + 2]; s3 += a[i + 3] * a[i + 3]; }
      for (; i < e; i++) s0 += a[i] * a[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Marginal distribution of `qubits` (length 2^k, qubits[0] = LSB of the outcome index). */
  marginal(qubits: readonly number[]): Float64Array {
    checkQubitList(this.nQubits, qubits, 'marginal');
    const out = new Float64Array(1 << qubits.length);
    const a = this.amps, dim = this.dim;
    for (let i = 0; i < dim; i++) {
      let o = 0;
      for (let j = 0; j < qubits.length; j++) o |= ((i >>> qubits[j]) & 1) << j;
      out[o] += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
    }
    return out;
  }

  /** ⟨ψ|P|ψ⟩ for a Pauli string, char i ↔ qubit i (e.g. 'ZZI'). */
  expectationPauli(pauli: string): number {
    return expectationPauliAmps(this.amps, this.nQubits, pauli);
  }

  /** Reduced density matrix of `qubits` (2^k×2^k, interleaved, qubits[0] = LSB). */
  reducedDensityMatrix(qubits: readonly number[]): Float64Array {
    checkQubitList(this.nQubits, qubits, 'reducedDensityMatrix');
    const k = qubits.length, d = 1 << k;
    const rho = new Float64Array(2 * d * d);
    const a = this.amps, dim = this.dim;
    let keptMask = 0;
    for (const q of qubits) keptMask |= 1 << q;
    const offsets = new Int32Array(d);
    for (let s = 0; s < d; s++) for (let j = 0; j < k; j++) if ((s >>> j) & 1) offsets[s] |= 1 << qubits[j];
    for (let base = 0; base < dim; base++) {
      if (base & keptMask) continue;
      for (let r = 0; r < d; r++) {
        const i = 2 * (base | offsets[r]);
        const xr = a[i], xi = a[i + 1];
        if (xr === 0 && xi === 0) continue;
        for (let c = 0; c < d; c++) {
          const j = 2 * (base | offsets[c]);
          const yr = a[j], yi = a[j + 1];
          // ρ_rc += x · conj(y)
          rho[2 * (r * d + c)] += xr * yr + xi * yi;
          rho[2 * (r * d + c) + 1] += xi * yr - xr * yi;
        }
      }
    }
    return rho;
  }

  /** Bloch vector (⟨X⟩, ⟨Y⟩, ⟨Z⟩) of one qubit; length < 1 means it is entangled or mixed. */
  blochVector(qubit: number): [number, number, number] {
    const rho = this.reducedDensityMatrix([qubit]);
    // ρ = (I + xX + yY + zZ)/2, so ρ01 = (x − iy)/2.
    return [2 * rho[2], -2 * rho[3], rho[0] - rho[6]];
  }

  /**
   * Draw `shots` basis-state outcomes without collapsing. Returns counts keyed by basis index,
   * in ascending index order. Deterministic for a given rng state.
   */
  sample(shots: number, rng: Rng): Map<number, number> {
    if (!Number.isInteger(shots) || shots < 0 || shots > 1e8) throw new RangeError(`invalid shots: ${shots} (expected 0–100000000)`);
    const dim = this.dim, a = this.amps;
    const cdf = new Float64Array(dim);
    let acc = 0;
    for (let i = 0; i < dim; i++) { acc += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1]; cdf[i] = acc; }
    const counts = new Map<number, number>();
    for (let s = 0; s < shots; s++) {
      const u = rng.next() * acc;
      let lo = 0, hi = dim - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid] > u) hi = mid; else lo = mid + 1;
      }
      counts.set(lo, (counts.get(lo) ?? 0) + 1);
    }
    return new Map([...counts.entries()].sort((x, y) => x[0] - y[0]));
  }

  /** Projective Z measurement of one qubit: returns the outcome and collapses (renormalises) the state. */
  measure(qubit: number, rng: Rng): 0 | 1 {
    const p1 = this.probabilityOfOne(qubit);
    const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
    this.collapse(qubit, outcome, outcome === 1 ? p1 : 1 - p1);
    return outcome;
  }

  /** Project onto qubit = outcome given that outcome's probability. */
  private collapse(qubit: number, outcome: 0 | 1, p: number): void {
    if (!(p > 0)) throw new RangeError(`invalid collapse: outcome ${outcome} on qubit ${qubit} has probability ${p}`);
    const f = 1 / Math.sqrt(p);
    const a = this.amps, bit = 1 << qubit, dim = this.dim;
    for (let i = 0; i < dim; i++) {
      if (((i & bit) !== 0) === (outcome === 1)) { a[2 * i] *= f; a[2 * i + 1] *= f; } else { a[2 * i] = 0; a[2 * i + 1] = 0; }
    }
  }

  /** Reset one qubit to |0⟩: measure, then flip if the outcome was 1. Returns the measured outcome. */
  reset(qubit: number, rng: Rng): 0 | 1 {
    const outcome = this.measure(qubit, rng);
    if (outcome === 1) applyX(this.amps, this.nQubits, qubit);
    return outcome;
  }

  /** ⟨this|other⟩. */
  inner(other: Statevector): [number, number] {
    if (other.nQubits !== this.nQubits) throw new RangeError(`invalid state: ${other.nQubits} qubits (expected ${this.nQubits})`);
    const a = this.amps, b = other.amps;
    let re = 0, im = 0;
    for (let i = 0; i < a.length; i += 2) {
      re += a[i] * b[i] + a[i + 1] * b[i + 1];
      im += a[i] * b[i + 1] - a[i + 1] * b[i];
    }
    return [re, im];
  }

  /** |⟨this|other⟩|², the fidelity between pure states. */
  fidelity(other: Statevector): number {
    const [re, im] = this.inner(other);
    return re * re + im * im;
  }
}

/**
 * Reusable memory for repeated simulations of one register size (e.g. the aggregator's
 * thousands of evaluations): fresh 2ⁿ·16-byte buffers cost page faults on first touch, which
 * dominate small circuits. The state returned by simulate(…, { workspace }) lives in the
 * workspace and is overwritten by the next simulate call with the same workspace; clone() it
 * to keep it.
 */
export class SimulationWorkspace {
  /** @internal */ state: Float64Array | null = null;
  /** @internal */ scratch: Float64Array | null = null;
  /** @internal Byte tables for affine gathers (see gatherAffineReal). */ tables: Int32Array | null = null;
  /** @internal Product-state byte tables (see gatherProduct). */ ptab: Float64Array | null = null;
}

export interface SimulateOptions {
  /** Seed for mid-circuit measurement and reset outcomes (default 0). */
  readonly seed?: number | string;
  /** Starting state (copied); |0…0⟩ when omitted. */
  readonly initial?: Statevector;
  /**
   * Fuse gates (default true): consecutive 1-qubit gates on a qubit are multiplied into one
   * 2×2, pending 1-qubit gates on many qubits are applied in a few cache-tiled passes, an
   * all-|0⟩ start with leading 1-qubit gates is built directly as a product state, runs of ≥ 3
   * CX/SWAP gates become one gather (a CX ladder on a product state is written in one pass),
   * and while every gate so far has a real matrix (RY, H, X, Z, CX, CZ, …) the state is kept
   * real, one double per amplitude. Once the state is complex (general circuits: U3, T, RZ,
   * CRZ…), gates are queued and applied in cache-blocked passes (BlockQueue in kernelPlan.ts:
   * diagonal, controlled and dense gates alike, several gates per pass over memory), and the
   * pending 1-qubit gates on a 2-qubit gate's qubits are multiplied into one 4×4 when that is
   * less arithmetic (planCost). Results equal unfused simulation to rounding (≈1e-15).
   */
  readonly fuse?: boolean;
  /** Reuse buffers across calls (see SimulationWorkspace). */
  readonly workspace?: SimulationWorkspace;
}

export interface SimulateResult {
  readonly state: Statevector;
  /** Classical bits written by measure ops (0 when never measured). */
  readonly clbits: number[];
}

/** Run a circuit (gates, mid-circuit measure and reset with a seeded rng). */
export function simulate(circuit: Circuit, options: SimulateOptions = {}): SimulateResult {
  const c = validateCircuit(circuit);
  checkStatevectorQubits(c.nQubits);
  const n = c.nQubits;
  if (options.initial !== undefined && options.initial.nQubits !== n) {
    throw new RangeError(`invalid initial state: ${options.initial.nQubits} qubits (expected ${n})`);
  }
  if (options.seed !== undefined) normalizeSeed(options.seed); // validate eagerly
  // Created on the first measure/reset: most circuits never draw.
  let rngState: Rng | null = null;
  const rng = (): Rng => (rngState ??= createRng(options.seed ?? 0));
  const clbits = new Array<number>(c.nClbits).fill(0);
  if (options.fuse === false) {
    const st = options.initial ? options.initial.clone() : Statevector.zero(n);
    for (const op of c.ops) {
      if (op.kind === 'gate') st.applyGate(op.gate, op.qubits, op.params);
      else if (op.kind === 'measure') clbits[op.clbit] = st.measure(op.qubit, rng());
      else if (op.kind === 'reset') st.reset(op.qubit, rng());
    }
    return { state: st, clbits };
  }
  const fused = new FusedRunner(n, options.initial, options.workspace, singleQubitGates(c.ops));
  for (const op of c.ops) {
    if (op.kind === 'gate') fused.gate(op.gate, op.qubits, op.params);
    else if (op.kind === 'measure') clbits[op.clbit] = fused.materialize([op.qubit]).measure(op.qubit, rng());
    else if (op.kind === 'reset') fused.materialize([op.qubit]).reset(op.qubit, rng());
  }
  return { state: fused.finish(), clbits };
}

/**
 * A validated, gate-only circuit whose gate parameters can be replaced between runs without
 * building or validating a new circuit: the per-bar path of the roadmap aggregator (14 RY angles
 * change every bar, the structure never does). `probabilityOfOne` reads P(qubit = 1) from the
 * fused runner's final state directly, in the real-only layout when the state stayed real, so
 * no complex copy of the state is ever written.
 */
export class ParametricCircuit {
  readonly nQubits: number;
  private readonly gates: { readonly gate: string; readonly qubits: readonly number[]; readonly params: number[] }[];

  constructor(circuit: Circuit) {
    const c = validateCircuit(circuit);
    checkStatevectorQubits(c.nQubits);
    this.nQubits = c.nQubits;
    this.gates = [];
    for (const op of c.ops) {
      if (op.kind === 'gate') this.gates.push({ gate: op.gate, qubits: op.qubits, params: [...op.params] });
      else if (op.kind !== 'barrier') throw new RangeError(`invalid op for a parametric circuit: ${op.kind} (expected gates only)`);
    }
    this.singleQubitGates = singleQubitGates(c.ops);
  }

  /** 1-qubit gates (FusedRunner's hint). */
  private readonly singleQubitGates: number;

  /** Number of gates (barriers are dropped); gate indices count gates only. */
  get gateCount(): number { return this.gates.length; }

  /** Set parameter `k` of gate `index` (validated: a finite number). */
  setParam(index: number, k: number, value: number): void {
    const g = this.gates[index];
    if (g === undefined || !(Number.isInteger(k) && k >= 0 && k < g.params.length)) {
      throw new RangeError(`invalid parameter ${k} of gate ${index} (the circuit has ${this.gates.length} gates)`);
    }
    if (!Number.isFinite(value)) throw new RangeError(`invalid param of gate ${index}: ${value} (expected a finite number)`);
    g.params[k] = value;
  }

  /** Simulate (fused, from |0…0⟩) and return P(qubit = 1). */
  probabilityOfOne(qubit: number, workspace?: SimulationWorkspace): number {
    if (!(Number.isInteger(qubit) && qubit >= 0 && qubit < this.nQubits)) checkQubitList(this.nQubits, [qubit], 'probabilityOfOne');
    const fused = new FusedRunner(this.nQubits, undefined, workspace, this.singleQubitGates);
    for (const g of this.gates) fused.gate(g.gate, g.qubits, g.params);
    return fused.finishProbabilityOfOne(qubit);
  }

  /** Simulate (fused, from |0…0⟩) and write P(qubit j = 1) for every qubit into `out` (one fold, no complex copy). */
  marginals(out: Float64Array = new Float64Array(this.nQubits), workspace?: SimulationWorkspace): Float64Array {
    if (out.length < this.nQubits) throw new RangeError(`invalid out.length: ${out.length} (expected ≥ ${this.nQubits})`);
    const fused = new FusedRunner(this.nQubits, undefined, workspace, this.singleQubitGates);
    for (const g of this.gates) fused.gate(g.gate, g.qubits, g.params);
    return fused.finishMarginals(out);
  }
}

let foldScratch = new Float64Array(0);

/**
 * P(bit j = 1) for j < n from the 2ⁿ basis weights |a_k|² (real-only or complex layout): P(bit 0 = 1) is the sum over odd k; folding pairs
 * (v[k] = w(2k) + w(2k + 1)) drops bit 0, so bit j becomes bit 0 of the folded vector: ~2·2ⁿ additions
 * instead of n·2ⁿ⁻¹.
 */
function marginalsOfWeights(n: number, a: Float64Array, real: boolean, out: Float64Array): Float64Array {
  const half = n > 0 ? 1 << (n - 1) : 0;
  if (foldScratch.length < half) foldScratch = new Float64Array(half);
  const v = foldScratch;
  let s = 0;
  if (real) {
    // real-only layout: amplitude k is a[k]
    for (let k = 0; k < half; k++) {
      const x0 = a[2 * k], x1 = a[2 * k + 1], w1 = x1 * x1;
      s += w1;
      v[k] = x0 * x0 + w1;
    }
  } else {
    for (let k = 0; k < half; k++) {
      const e = 4 * k;
      const w0 = a[e] * a[e] + a[e + 1] * a[e + 1], w1 = a[e + 2] * a[e + 2] + a[e + 3] * a[e + 3];
      s += w1;
      v[k] = w0 + w1;
    }
  }
  if (n > 0) out[0] = s;
  for (let j = 1, len = half; j < n; j++, len >>= 1) {
    s = 0;
    for (let k = 0; k < len >> 1; k++) {
      const w1 = v[2 * k + 1];
      s += w1;
      v[k] = v[2 * k] + w1;
    }
    out[j] = s;
  }
  return out;
}

function singleQubitGates(ops: readonly Op[]): number {
  let k = 0;
  for (const op of ops) if (op.kind === 'gate' && op.qubits.length === 1) k++;
  return k;
}

/** Minimum CX/SWAP run length worth a gather pass (shorter runs use the swap kernels). */
const MIN_PERMUTATION_RUN = 3;

/**
 * Deferred application with fusion. State representation:
 * - `state === null`: the register is the product state ⊗ vecs[q] (4 scalars per qubit);
 * - `real`: every amplitude is real and the buffer holds them one double each in its first
 *   half (real-only layout); true from |0…0⟩ until the first gate with a complex matrix, a
 *   measurement or the end, when it is expanded in place (expandRealInPlace). Real gates
 *   (RY, H, X, CX, CZ, …) on a real state need half the memory traffic and a quarter of the
 *   complex arithmetic.
 * - `block`: on a complex state, gates already decided but not yet applied, run as one
 *   cache-blocked pass (BlockQueue) before anything else reads or rewrites the whole state.
 * Invariants: `pending[q]` holds 1-qubit gates on q not yet applied; `run` holds CX/SWAP gates
 * not yet applied, all later than every pending gate on their qubits (pending gates are
 * flushed when a run starts or grows onto their qubit).
 */
class FusedRunner {
  private state: Statevector | null = null;
  private real: boolean;
  private readonly vecs: Float64Array;
  private readonly pending: (Float64Array | null)[];
  private run: { gate: string; qubits: readonly number[] }[] = [];
  private scratch: Float64Array | null = null;
  private spare: Float64Array | null = null;
  private batch: GateBatch | null = null;
  private realBatch: GateBatch | null = null;
  /** A CX/SWAP run's gather not yet done (its byte tables are in `tables`); fused into the next layer. */
  private permPending = false;
  private tablesBuf: Int32Array | null = null;
  private ptabBuf: Float64Array | null = null;
  /** Gates of the current cache-blocked pass (complex state only; see BlockQueue). */
  private block: BlockQueue | null = null;

  /** Complex gates run on the wasm kernels (see toWasm). */
  private wasmOk: boolean;
  /** Real-only layers run on the wasm kernels (see realWasm). */
  private readonly wasmReal: boolean;

  /**
   * `singleQubitGates`: how many 1-qubit gates the circuit has. From |0…0⟩ without a workspace,
   * real layers go to wasm only when the circuit has ≥ 4n of them (about three layers on the
   * state): a fresh wasm memory pays page faults on first touch (~0.7 ms at 16 qubits) that a
   * plain array, recycled by the allocator, mostly does not; a layer saves ~0.35 ms there.
   */
  constructor(private readonly n: number, initial: Statevector | undefined, private readonly ws?: SimulationWorkspace, singleQubitGates = Infinity) {
    const len = 2 << n;
    this.wasmOk = n >= WASM_MIN_QUBITS && wasmKernelsActive();
    this.wasmReal = this.wasmOk && initial === undefined && (ws !== undefined || singleQubitGates >= 4 * n);
    if (ws) {
      if (ws.state?.length === len) this.spare = ws.state;
      if (ws.scratch?.length === len) this.scratch = ws.scratch;
    }
    this.vecs = new Float64Array(4 * n);
    for (let q = 0; q < n; q++) this.vecs[4 * q] = 1;
    this.real = initial === undefined;
    if (initial) {
      const buf = this.takeBuffer();
      buf.set(initial.amps);
      this.state = Statevector.wrap(n, buf);
    }
    this.pending = new Array(n).fill(null);
  }

  private get tables(): Int32Array {
    if (this.tablesBuf === null) {
      this.tablesBuf = this.ws?.tables ?? new Int32Array(3 * 256);
      if (this.ws) this.ws.tables = this.tablesBuf;
    }
    return this.tablesBuf;
  }

  private get ptab(): Float64Array {
    if (this.ptabBuf === null) {
      this.ptabBuf = this.ws?.ptab ?? new Float64Array(6 * 256);
      if (this.ws) this.ws.ptab = this.ptabBuf;
    }
    return this.ptabBuf;
  }

  /** A state-sized buffer (contents unspecified): the workspace's, or a new one. */
  private takeBuffer(): Float64Array {
    const b = this.spare;
    this.spare = null;
    if (b !== null) return b;
    if (this.wasmReal && this.real) {
      // From |0…0⟩ on the wasm kernels: state and scratch in one memory from the start (see
      // realWasm), so a real layer never copies the state. Untouched pages cost nothing.
      const [x, y] = allocAmpsPair(2 << this.n);
      if (this.scratch === null && wasmStateOf(x) !== undefined) this.scratch = y;
      return x;
    }
    return new Float64Array(2 << this.n);
  }

  private takeScratch(): Float64Array {
    if (this.scratch === null) {
      // Scratch and state swap roles in gathers: same kind of memory as the state.
      const wasm = this.state !== null && wasmStateOf(this.state.amps) !== undefined;
      this.scratch = wasm ? allocAmps(2 << this.n) : new Float64Array(2 << this.n);
    }
    return this.scratch;
  }

  /**
   * Move the complex state into wasm memory (one copy per circuit; a workspace keeps the wasm
   * buffers, so later runs start there). Only the general path pays for it: real-only and
   * product-state circuits never get here and keep plain arrays (a fresh wasm memory costs
   * ~0.1 ms to map, more than such a circuit).
   */
  private toWasm(st: Statevector): void {
    // State and scratch in one memory, so CX/SWAP gathers run in wasm too (see gatherWasm); the
    // scratch's pages cost nothing until a gather touches them.
    const [w, scratch] = allocAmpsPair(st.amps.length);
    if (wasmStateOf(w) === undefined) { this.wasmOk = false; return; }
    w.set(st.amps);
    st.amps = w;
    this.scratch = scratch;
  }

  /**
   * dst = src gathered through `this.tables` (complex layout) on the wasm kernels when both are
   * views on one wasm memory; false when the TS gather has to run.
   */
  private gatherWasm(src: Float64Array, dst: Float64Array): boolean {
    const w = wasmStateOf(src);
    if (w === undefined || wasmStateOf(dst) !== w) return false;
    w.tables.set(this.tables);
    w.k.gatherComplex(src.byteOffset, dst.byteOffset, this.n);
    return true;
  }

  /**
   * The wasm memory of the real-only state when the wasm kernels run it: state and scratch are
   * then two views on one memory (allocAmpsPair), so a layer's gather and its gates are one call.
   * The state moves there on the first real layer (one copy per circuit; a workspace keeps the
   * pair, so later runs start there). Undefined: TS kernels.
   */
  private realWasm(): WasmState | undefined {
    if (!this.wasmReal || !this.wasmOk || !this.real || this.state === null) return undefined;
    const a = this.state.amps, w = wasmStateOf(a);
    if (w !== undefined && this.scratch !== null && wasmStateOf(this.scratch) === w) return w;
    const [x, y] = allocAmpsPair(2 << this.n);
    const wx = wasmStateOf(x);
    if (wx === undefined) { this.wasmOk = false; return undefined; }
    x.set(a.subarray(0, 1 << this.n)); // the real-only amplitudes (and a pending gather's source)
    this.state.amps = x;
    this.scratch = y;
    return wx;
  }

  gate(id: string, qubits: readonly number[], params: readonly number[]): void {
    const g = GATES[id];
    if (g.arity === 1) {
      const q = qubits[0];
      if (this.runTouches(q)) this.flushRun(false);
      const m = gateMatrix(id, params);
      const prev = this.pending[q];
      this.pending[q] = prev === null ? m : matMul(m, prev);
      return;
    }
    if (id === 'cx' || id === 'swap') {
      // Pending 1-qubit gates precede the run; flushing all at once keeps runs long (and a
      // deferred gather fuses with that layer). On a complex state with no deferred gather
      // only this gate's qubits are flushed, so other qubits' 1-qubit gates keep fusing.
      if (this.real || this.state === null || this.permPending || this.run.length > 0) this.flushAllPending();
      else this.flushPending(qubits);
      this.run.push({ gate: id, qubits });
      return;
    }
    this.flushRun(false);
    if (!this.real && this.state !== null && qubits.length === 2) {
      // General 2-qubit gate on a complex state: fuse the pending 1-qubit gates on its qubits
      // into one 4×4 when the cost model says it is less work (see fuse2q), then queue it.
      this.enqueue(this.fuse2q(planFor(id, params), gateMatrix(id, params), qubits), qubits);
      return;
    }
    this.flushPending(qubits);
    const plan = planFor(id, params);
    if (this.real) {
      // A real gate away from qubit 0 runs on the real-only buffer through the complex
      // kernels: viewed as n − 1 complex qubits, qubit q ≥ 1 is complex qubit q − 1 and
      // qubit 0 is the re/im slot, which a real matrix transforms alike.
      if (isRealGate(id, params) && !qubits.includes(0)) {
        const st = this.ensureState();
        runPlan(st.amps, this.n - 1, plan, qubits.map((q) => q - 1));
        return;
      }
      this.toComplex();
    }
    this.enqueue(plan, qubits);
  }

  /**
   * The plan for `g` (matrix gm on qubits a = qubits[0], b = qubits[1]) with the pending
   * 1-qubit gates on a and b multiplied in, G·(P_b ⊗ P_a), when that dense 4×4 (or whatever
   * planMatrix makes of it) costs less per amplitude than the gates apart (planCost); else the
   * pending gates are queued before g, unchanged. qsim and Aer fuse the same way.
   */
  private fuse2q(g: KernelPlan, gm: Float64Array, qubits: readonly number[]): KernelPlan {
    // A pending diagonal (RZ, T, S, P…) on a qubit where g commutes with it (a control of g, or any
    // qubit of a diagonal g) stays pending: applied after g, it keeps fusing with the next 1-qubit
    // gates on that qubit instead of costing a pass of its own now.
    const held0 = this.holdDiagonal(g, qubits, 0), held1 = this.holdDiagonal(g, qubits, 1);
    const plan = this.fuse2qPending(g, gm, qubits);
    if (held0 !== null) this.pending[qubits[0]] = held0;
    if (held1 !== null) this.pending[qubits[1]] = held1;
    return plan;
  }

  /** Take pending[qubits[j]] out when it is diagonal and commutes with g on that qubit (see fuse2q). */
  private holdDiagonal(g: KernelPlan, qubits: readonly number[], j: number): Float64Array | null {
    const p = this.pending[qubits[j]];
    if (p === null || p[2] !== 0 || p[3] !== 0 || p[4] !== 0 || p[5] !== 0) return null;
    const commutes = g.type === 'identity' || g.type === 'diag1' || g.type === 'diagK' || g.ctrl.includes(j);
    if (!commutes) return null;
    this.pending[qubits[j]] = null;
    return p;
  }

  private fuse2qPending(g: KernelPlan, gm: Float64Array, qubits: readonly number[]): KernelPlan {
    const pa = this.pending[qubits[0]], pb = this.pending[qubits[1]];
    if (pa === null && pb === null) return g;
    let apart = planCost(g);
    if (pa !== null) apart += planCost(plan1q(pa));
    if (pb !== null) apart += planCost(plan1q(pb));
    const fusedM = matMul(gm, kron(pb ?? IDENTITY_2, pa ?? IDENTITY_2));
    const fused = planMatrix(fusedM, 2);
    if (g.type !== 'identity' && g.targets.length === 1 && g.ctrl.length === 1) {
      // A controlled 1-qubit gate: the pending gate on its target folds into a mux (muxPlan), the
      // one on its control (if any) is queued before it.
      const t = qubits[g.targets[0]], c = qubits[g.ctrl[0]], pt = this.pending[t], pc = this.pending[c];
      const mux = pt === null ? null : muxPlan(g, pt);
      if (mux !== null) {
        const muxCost = planCost(mux) + (pc === null ? 0 : planCost(plan1q(pc)));
        if (muxCost < apart - 0.1 && muxCost <= planCost(fused)) {
          this.pending[t] = null;
          this.flushPending([c]);
          return mux;
        }
      }
    }
    if (planCost(fused) < apart - 0.25) {
      this.pending[qubits[0]] = null;
      this.pending[qubits[1]] = null;
      return fused;
    }
    this.flushPending(qubits);
    return g;
  }

  /** Queue a gate for the current cache-blocked pass on the complex state. */
  private enqueue(plan: KernelPlan, qubits: readonly number[]): void {
    const st = this.ensureState();
    if (this.wasmOk && wasmStateOf(st.amps) === undefined) this.toWasm(st);
    const block = (this.block ??= new BlockQueue(this.n));
    if (!block.fits(qubits)) block.run(st.amps);
    block.push(plan, qubits);
  }

  /** Run the queued block pass (before anything else reads or rewrites the whole state). */
  private flushBlock(): void {
    if (this.block !== null && this.block.size > 0 && this.state !== null) this.block.run(this.state.amps);
  }

  /** The state with everything touching `qubits` applied (other qubits may stay pending). */
  materialize(qubits: readonly number[]): Statevector {
    this.flushRun(false);
    this.flushPending(qubits);
    this.toComplex();
    const st = this.ensureState();
    this.flushBlock();
    return st;
  }

  finish(): Statevector {
    let anyPending = false;
    for (let q = 0; q < this.n; q++) if (this.pending[q] !== null) anyPending = true;
    this.flushRun(!anyPending);
    this.flushAllPending();
    this.toComplex();
    const st = this.ensureState();
    this.flushBlock();
    if (this.ws) { this.ws.state = st.amps; this.ws.scratch = this.scratch; }
    return st;
  }

  /**
   * P(qubit = 1) of the final state. A state that stayed real is read in its real-only layout
   * (no expansion to complex); the workspace keeps the buffers either way.
   */
  finishProbabilityOfOne(qubit: number): number {
    this.flushRun(false);
    this.flushAllPending();
    if (!this.real) return this.finish().probabilityOfOne(qubit);
    const a = this.ensureState().amps;
    if (this.ws) { this.ws.state = a; this.ws.scratch = this.scratch; }
    // Real-only layout: amplitude i is a[i]; runs of 2^qubit with the bit set.
    const run = 1 << qubit, end = 1 << this.n;
    let s0 = 0, s1 = 0;
    for (let b = run; b < end; b += 2 * run) {
      let i = b;
      const e = b + run;
      for (; i + 1 < e; i += 2) { s0 += a[i] * a[i]; s1 += a[i + 1] * a[i + 1]; }
      if (i < e) s0 += a[i] * a[i];
    }
    return s0 + s1;
  }

  /**
   * P(qubit j = 1) for every qubit of the final state, in one fold over the weights (see `marginalsOfWeights`).
   * A state that stayed real is read in its real-only layout (no expansion to complex).
   */
  finishMarginals(out: Float64Array): Float64Array {
    this.flushRun(false);
    this.flushAllPending();
    if (!this.real) {
      const a = this.finish().amps;
      return marginalsOfWeights(this.n, a, false, out);
    }
    const a = this.ensureState().amps;
    if (this.ws) { this.ws.state = a; this.ws.scratch = this.scratch; }
    return marginalsOfWeights(this.n, a, true, out);
  }

  /** Materialise ⊗ vecs into a buffer (real-only layout when `real`). */
  private ensureState(): Statevector {
    if (this.state === null) this.state = Statevector.wrap(this.n, this.buildProduct(this.takeBuffer()));
    this.resolvePerm();
    return this.state;
  }

  /** Do a deferred gather now (another kind of operation needs the state). */
  private resolvePerm(): void {
    if (!this.permPending || this.state === null) return;
    const w = this.realWasm();
    this.permPending = false;
    const src = this.state.amps, dst = this.takeScratch();
    this.scratch = src;
    const n = this.real ? this.n : this.n + 1;
    if (w !== undefined) applyRealBatchWasm(w, src, dst, this.n, EMPTY_BATCH, this.tables);
    else if (this.real || !this.gatherWasm(src, dst)) applyGateBatch(dst, n, EMPTY_BATCH, { src, tables: this.tables, width: this.real ? 1 : 2 });
    this.state.amps = dst;
  }

  private buildProduct(buf: Float64Array): Float64Array {
    if (this.real) productStateReal(this.vecs, this.n, buf);
    else productState(this.vecs, this.n, buf);
    return buf;
  }

  /** Leave the real-only layout (before a complex gate, a measurement or the end). */
  private toComplex(): void {
    if (!this.real) return;
    this.resolvePerm();
    this.real = false;
    if (this.state !== null) expandRealInPlace(this.state.amps, this.n);
  }

  private runTouches(q: number): boolean {
    for (const r of this.run) if (r.qubits[0] === q || r.qubits[1] === q) return true;
    return false;
  }

  private flushPending(qubits: readonly number[]): void {
    this.flushSome(qubits, qubits.length);
  }

  private flushAllPending(): void {
    this.flushSome(null, this.n);
  }

  /** Apply pending gates on `qubits` (all qubits when null) as one batch. */
  private flushSome(qubits: readonly number[] | null, count: number): void {
    let batch: GateBatch | null = null;
    let anyComplex = false, few = 0;
    for (let k = 0; k < count && few <= 3; k++) if (this.pending[qubits === null ? k : qubits[k]] !== null) few++;
    // A complex state in wasm memory: every gate goes to the cache-blocked pass, whose kernels are
    // the wasm SIMD ones (the TS layer kernels below would be the slowest part of the circuit).
    const wasm = !this.real && this.state !== null && this.wasmOk;
    if (wasm && few > 0) this.resolvePerm();
    // A layer of ≥ 3 real gates (RY, H…) on a complex wasm state: the real-only layer kernels on
    // the interleaved buffer (qubit q is bit q + 1 of the double index; a real 2×2 acts on re and
    // im alike), three gates per sweep instead of one pass per gate.
    let realLayer: GateBatch | null = null;
    if (wasm && few > 3) {
      let reals = 0;
      for (let k = 0; k < count; k++) {
        const m = this.pending[qubits === null ? k : qubits[k]];
        if (m !== null && m[1] === 0 && m[3] === 0 && m[5] === 0 && m[7] === 0 && (m[2] !== 0 || m[4] !== 0)) reals++;
      }
      if (reals >= 3) { realLayer = this.realBatch ??= createGateBatch(this.n); realLayer.count = 0; }
    }
    for (let k = 0; k < count; k++) {
      const q = qubits === null ? k : qubits[k];
      const m = this.pending[q];
      if (m === null) continue;
      this.pending[q] = null;
      if (realLayer !== null && m[1] === 0 && m[3] === 0 && m[5] === 0 && m[7] === 0 && (m[2] !== 0 || m[4] !== 0)) {
        pushGate(realLayer, q + 1, m);
        continue;
      }
      if (this.state === null) {
        // Still a product state: fold the gate into qubit q's factor.
        const v = this.vecs, o = 4 * q;
        const ar = v[o], ai = v[o + 1], br = v[o + 2], bi = v[o + 3];
        v[o] = m[0] * ar - m[1] * ai + m[2] * br - m[3] * bi;
        v[o + 1] = m[0] * ai + m[1] * ar + m[2] * bi + m[3] * br;
        v[o + 2] = m[4] * ar - m[5] * ai + m[6] * br - m[7] * bi;
        v[o + 3] = m[4] * ai + m[5] * ar + m[6] * bi + m[7] * br;
        if (v[o + 1] !== 0 || v[o + 3] !== 0) this.real = false;
        continue;
      }
      if (!this.real && (wasm || few <= 3 || (m[2] === 0 && m[3] === 0 && m[4] === 0 && m[5] === 0)) && !this.permPending) {
        // A few gates, or a phase-only gate (half the memory in its own kernel): into the
        // cache-blocked pass. Whole layers below take the tiled layer kernels.
        this.enqueue(plan1q(m), [q]);
        continue;
      }
      if (batch === null) { batch = this.batch ??= createGateBatch(this.n); batch.count = 0; }
      pushGate(batch, q, m);
      if (batch.complex[batch.count - 1]) anyComplex = true;
    }
    if (realLayer !== null && this.state !== null) {
      // After everything queued so far (the other pending gates are on other qubits and commute).
      const st = this.ensureState();
      if (wasmStateOf(st.amps) === undefined) this.toWasm(st);
      this.flushBlock();
      const w = wasmStateOf(st.amps);
      if (w !== undefined) applyRealBatchWasm(w, st.amps, st.amps, this.n + 1, realLayer, null);
      else applyGateBatch(st.amps, this.n + 1, realLayer);
    }
    if (batch === null) return;
    if (anyComplex) this.toComplex();
    this.flushBlock();
    if (!this.real) for (let g = 0; g < batch.count; g++) batch.bits[g]++; // complex layout: qubit q is bit q + 1
    const nBits = this.real ? this.n : this.n + 1;
    const w = this.realWasm();
    if (w !== undefined && this.state !== null) {
      // Real-only layer on the wasm kernels (a pending gather is its first pass's input).
      const src = this.state.amps;
      let dst = src;
      if (this.permPending) {
        this.permPending = false;
        dst = this.takeScratch();
        this.scratch = src;
        this.state.amps = dst;
        applyRealBatchWasm(w, src, dst, this.n, batch, this.tables);
      } else {
        applyRealBatchWasm(w, src, dst, this.n, batch, null);
      }
      return;
    }
    if (this.permPending && this.state !== null) {
      // The deferred gather becomes the first pass of this layer (one pass over memory, not two).
      this.permPending = false;
      const src = this.state.amps, dst = this.takeScratch();
      this.scratch = src;
      applyGateBatch(dst, nBits, batch, { src, tables: this.tables, width: this.real ? 1 : 2 });
      this.state.amps = dst;
      return;
    }
    applyGateBatch(this.ensureState().amps, nBits, batch);
  }

  /**
   * Apply the pending CX/SWAP run. `final`: nothing follows, so a real-only state may be
   * expanded to complex by the gather itself.
   */
  private flushRun(final: boolean): void {
    const run = this.run;
    if (run.length === 0) return;
    this.run = [];
    const n = this.n;
    this.resolvePerm();
    if (this.state !== null && run.length < MIN_PERMUTATION_RUN && !(this.real && runTouchesZero(run))) {
      // Short runs: in-place swap kernels (on the real-only buffer via the n − 1 complex view).
      const st = this.state;
      for (const r of run) {
        if (this.real) runPlan(st.amps, n - 1, planFor(r.gate, []), r.qubits.map((q) => q - 1));
        else this.enqueue(planFor(r.gate, []), r.qubits);
      }
      return;
    }
    this.flushBlock();
    const cols = runColumns(run, n);
    if (this.state === null) {
      // Product state and gather in one pass, straight into the state buffer.
      const dst = this.takeBuffer();
      const links = chainLinks(cols, n);
      if (links >= 0) chainProductSplit(this.vecs, n, links, dst, this.real, final && this.real);
      else gatherProduct(this.vecs, n, cols, 0, dst, this.real, final && this.real, this.tables, this.ptab);
      if (final) this.real = false;
      this.state = Statevector.wrap(n, dst);
      return;
    }
    if (!final) {
      // Defer: the next layer of 1-qubit gates gathers tile by tile (see flushSome).
      fillAffineTables(this.tables, n, cols);
      this.permPending = true;
      return;
    }
    const w = this.realWasm();
    const src = this.state.amps, dst = this.takeScratch();
    this.scratch = src;
    if (w !== undefined) {
      // The final gather writes the complex state (final is true here).
      fillAffineTables(this.tables, n, cols);
      w.tables.set(this.tables);
      w.k.gatherExpand(src.byteOffset, dst.byteOffset, n);
      this.real = false;
    } else if (this.real) {
      gatherAffineReal(src, dst, n, cols, 0, final, this.tables);
      if (final) this.real = false;
    } else {
      fillAffineTables(this.tables, n, cols);
      if (!this.gatherWasm(src, dst)) applyAffinePermutation(src, dst, n, cols, 0, this.tables);
    }
    this.state.amps = dst;
  }
}

function runTouchesZero(run: readonly { qubits: readonly number[] }[]): boolean {
  for (const r of run) if (r.qubits[0] === 0 || r.qubits[1] === 0) return true;
  return false;
}

/**
 * A CX/SWAP run is a linear map f on basis indices over GF(2); the gather reads
 * out[i] = in[f⁻¹(i)], and f⁻¹ applies the (self-inverse) gates in reverse order.
 * cols[b] = f⁻¹(2^b).
 */
function runColumns(run: readonly { gate: string; qubits: readonly number[] }[], n: number): Int32Array {
  const cols = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    let x = 1 << b;
    for (let k = run.length - 1; k >= 0; k--) {
      const r = run[k], q0 = r.qubits[0], q1 = r.qubits[1];
      if (r.gate === 'cx') x ^= ((x >>> q0) & 1) << q1;
      else { const d = ((x >>> q0) ^ (x >>> q1)) & 1; x ^= (d << q0) | (d << q1); }
    }
    cols[b] = x;
  }
  return cols;
}

const EMPTY_BATCH = createGateBatch(0);
const IDENTITY_2 = Float64Array.of(1, 0, 0, 0, 0, 0, 1, 0);

/** Real-matrix test per gate, cached for parameter-free gates. */
const constantReal = new Map<string, boolean>();
function isRealGate(id: string, params: readonly number[]): boolean {
  if (params.length === 0) {
    let r = constantReal.get(id);
    if (r === undefined) { r = isRealMatrix(gateMatrix(id, params)); constantReal.set(id, r); }
    return r;
  }
  return isRealMatrix(gateMatrix(id, params));
}

/** ⊗ of single-qubit states (vecs[4q … 4q+4) = re/im of ⟨0|, ⟨1| on qubit q), qubit 0 least significant. */
function productState(vecs: Float64Array, n: number, a: Float64Array): void {
  a[0] = 1; a[1] = 0;
  let size = 1;
  for (let q = 0; q < n; q++) {
    const v0r = vecs[4 * q], v0i = vecs[4 * q + 1], v1r = vecs[4 * q + 2], v1i = vecs[4 * q + 3];
    // Fill the upper half first so the lower half can be overwritten in place.
    for (let i = 0; i < size; i++) {
      const xr = a[2 * i], xi = a[2 * i + 1];
      const j = 2 * (i + size);
      a[j] = xr * v1r - xi * v1i; a[j + 1] = xr * v1i + xi * v1r;
      a[2 * i] = xr * v0r - xi * v0i; a[2 * i + 1] = xr * v0i + xi * v0r;
    }
    size *= 2;
  }
}

/** Apply a single-qubit matrix directly (exported for fused kernels and tests). */
export function applySingleQubitMatrix(st: Statevector, qubit: number, m: Float64Array): void {
  checkQubitList(st.nQubits, [qubit], 'applySingleQubitMatrix');
  apply1q(st.amps, st.nQubits, qubit, m);
}
