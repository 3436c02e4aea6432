/**
 * Choosing a kernel for a gate matrix. The choice is derived from the matrix itself (exact
 * zeros and ones), so every registry gate, fused matrix or user matrix gets the fastest
 * applicable kernel with no per-gate code:
 *   1. controls: local qubits on which the matrix is the identity whenever that bit is 0;
 *   2. the remaining target block, restricted to all controls = 1, is classified as
 *      diagonal, X, SWAP, a 2×2, or a dense 2^t×2^t matrix.
 */
import { apply1q, applyDiag1q, applyDiagK, applyMatrixK, applyMux1q, applySwap, applyX } from './kernels.ts';
import { PASS_MAX_GATES, PASS_MAX_PARAMS, PROG_PARAMS_PTR, wasmStateOf, type WasmState } from './wasm/wasmKernels.ts';

/** runPass record kinds (assembly/kernels.ts runRecord). */
const PASS_KIND = { x: 0, swap: 1, diag1: 2, m1: 3, diagK: 4, mk: 5, mux: 6 } as const;

export type KernelPlan =
  | { readonly type: 'identity' }
  | { readonly type: 'x'; readonly ctrl: readonly number[]; readonly targets: readonly number[] }
  | { readonly type: 'swap'; readonly ctrl: readonly number[]; readonly targets: readonly number[] }
  | { readonly type: 'diag1'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'diagK'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'm1'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'mk'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  /** One control bit selects the 2×2 on the target: data[0…8) where it is 0, data[8…16) where it is 1 (see muxPlan). */
  | { readonly type: 'mux'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array };

/** Plan for a 2^k×2^k matrix; `ctrl` and `targets` are LOCAL bit positions (0…k−1). */
export function planMatrix(m: Float64Array, k: number): KernelPlan {
  const d = 1 << k;
  if (m.length !== 2 * d * d) throw new RangeError(`invalid matrix length: ${m.length} (expected ${2 * d * d} for ${k} qubits)`);
  const isId = (r: number, c: number): boolean => m[2 * (r * d + c)] === (r === c ? 1 : 0) && m[2 * (r * d + c) + 1] === 0;
  const ctrl: number[] = [];
  for (let j = 0; j < k; j++) {
    let control = true;
    for (let r = 0; r < d && control; r++) {
      for (let c = 0; c < d; c++) {
        if ((((r >> j) & 1) === 0 || ((c >> j) & 1) === 0) && !isId(r, c)) { control = false; break; }
      }
    }
    if (control) ctrl.push(j);
  }
  if (ctrl.length === k) {
    // The identity, or a phase on |1…1⟩ only: keep the last control as a diagonal target.
    const all = d - 1;
    const pr = m[2 * (all * d + all)], pi = m[2 * (all * d + all) + 1];
    if (pr === 1 && pi === 0) return { type: 'identity' };
    const t = ctrl.pop() as number;
    return { type: 'diag1', ctrl, targets: [t], data: Float64Array.of(1, 0, pr, pi) };
  }
  const targets: number[] = [];
  for (let j = 0; j < k; j++) if (!ctrl.includes(j)) targets.push(j);
  let ctrlLocal = 0;
  for (const c of ctrl) ctrlLocal |= 1 << c;
  const t = targets.length, sd = 1 << t;
  const subIndex = (s: number): number => {
    let x = ctrlLocal;
    for (let j = 0; j < t; j++) if ((s >> j) & 1) x |= 1 << targets[j];
    return x;
  };
  const sub = new Float64Array(2 * sd * sd);
  for (let r = 0; r < sd; r++) for (let c = 0; c < sd; c++) {
    const R = subIndex(r), C = subIndex(c);
    sub[2 * (r * sd + c)] = m[2 * (R * d + C)];
    sub[2 * (r * sd + c) + 1] = m[2 * (R * d + C) + 1];
  }
  let diagonal = true;
  for (let r = 0; r < sd && diagonal; r++) for (let c = 0; c < sd; c++) {
    if (r !== c && (sub[2 * (r * sd + c)] !== 0 || sub[2 * (r * sd + c) + 1] !== 0)) { diagonal = false; break; }
  }
  if (diagonal) {
    const data = new Float64Array(2 * sd);
    for (let s = 0; s < sd; s++) { data[2 * s] = sub[2 * (s * sd + s)]; data[2 * s + 1] = sub[2 * (s * sd + s) + 1]; }
    return t === 1 ? { type: 'diag1', ctrl, targets, data } : { type: 'diagK', ctrl, targets, data };
  }
  const eq = (ref: readonly number[]): boolean => ref.every((v, i) => sub[i] === v);
  if (t === 1 && eq([0, 0, 1, 0, 1, 0, 0, 0])) return { type: 'x', ctrl, targets };
  if (t === 2 && eq([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])) {
    return { type: 'swap', ctrl, targets };
  }
  return t === 1 ? { type: 'm1', ctrl, targets, data: sub } : { type: 'mk', ctrl, targets, data: sub };
}

/**
 * planMatrix for a 2×2 (8 scalars) without its general search: identity, diagonal, X or a
 * dense 2×2. Used for every fused single-qubit gate, so it allocates only the plan.
 */
export function plan1q(m: Float64Array): KernelPlan {
  if (m[2] === 0 && m[3] === 0 && m[4] === 0 && m[5] === 0) {
    if (m[0] === 1 && m[1] === 0 && m[6] === 1 && m[7] === 0) return IDENTITY_PLAN;
    return { type: 'diag1', ctrl: NO_QUBITS, targets: TARGET_0, data: Float64Array.of(m[0], m[1], m[6], m[7]) };
  }
  if (m[0] === 0 && m[1] === 0 && m[6] === 0 && m[7] === 0 && m[2] === 1 && m[3] === 0 && m[4] === 1 && m[5] === 0) {
    return { type: 'x', ctrl: NO_QUBITS, targets: TARGET_0 };
  }
  return { type: 'm1', ctrl: NO_QUBITS, targets: TARGET_0, data: m.slice(0, 8) };
}

const IDENTITY_PLAN: KernelPlan = { type: 'identity' };
const NO_QUBITS: readonly number[] = Object.freeze([]);
const TARGET_0: readonly number[] = Object.freeze([0]);

/** Run a plan on `amps` with local bit j mapped to global qubit `qubits[j]`. */
export function runPlan(amps: Float64Array, nQubits: number, plan: KernelPlan, qubits: readonly number[], scratch?: Float64Array): void {
  if (plan.type === 'identity') return;
  let ctrlMask = 0;
  for (const c of plan.ctrl) ctrlMask |= 1 << qubits[c];
  const tg = plan.targets;
  const w = wasmStateOf(amps);
  // The wasm kernels take up to 4 targets (their parameter area holds a 16×16 matrix).
  if (w !== undefined && tg.length <= 4) { runPlanWasm(w, amps.byteOffset, nQubits, plan, qubits, ctrlMask); return; }
  switch (plan.type) {
    case 'x': applyX(amps, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'swap': applySwap(amps, nQubits, qubits[tg[0]], qubits[tg[1]], ctrlMask); return;
    case 'diag1': applyDiag1q(amps, nQubits, qubits[tg[0]], plan.data, ctrlMask); return;
    case 'diagK': applyDiagK(amps, nQubits, tg.map((j) => qubits[j]), plan.data, ctrlMask); return;
    case 'm1': apply1q(amps, nQubits, qubits[tg[0]], plan.data, ctrlMask); return;
    case 'mk': applyMatrixK(amps, nQubits, tg.map((j) => qubits[j]), plan.data, ctrlMask, scratch); return;
    case 'mux': applyMux1q(amps, nQubits, qubits[tg[0]], ctrlMask, plan.data); return;
  }
}

/**
 * A controlled 1-qubit gate g (one control, one target: a controlled 2×2, phase or X) with the
 * pending 1-qubit gate P on its target folded in: P where the control is 0, V·P where it is 1
 * (V = g's 2×2). One pass with the work of one 2×2, instead of P's pass and then g's.
 */
export function muxPlan(g: KernelPlan, pending: Float64Array): KernelPlan | null {
  if (g.type !== 'm1' && g.type !== 'diag1' && g.type !== 'x') return null;
  if (g.ctrl.length !== 1 || g.targets.length !== 1) return null;
  const v = g.type === 'm1' ? g.data : g.type === 'x' ? X_2 : Float64Array.of(g.data[0], g.data[1], 0, 0, 0, 0, g.data[2], g.data[3]);
  const data = new Float64Array(16);
  data.set(pending.subarray(0, 8));
  for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) {
    // (V·P)[r][c] = Σ_k V[r][k]·P[k][c]
    let re = 0, im = 0;
    for (let k = 0; k < 2; k++) {
      const vr = v[2 * (2 * r + k)], vi = v[2 * (2 * r + k) + 1], pr = pending[2 * (2 * k + c)], pi = pending[2 * (2 * k + c) + 1];
      re += vr * pr - vi * pi; im += vr * pi + vi * pr;
    }
    data[8 + 2 * (2 * r + c)] = re; data[8 + 2 * (2 * r + c) + 1] = im;
  }
  return { type: 'mux', ctrl: g.ctrl, targets: g.targets, data };
}

const X_2 = Float64Array.of(0, 0, 1, 0, 1, 0, 0, 0);

/** runPlan on a wasm state (see wasm/wasmKernels.ts): same kernels, SIMD, on the buffer in place. */
function runPlanWasm(w: WasmState, ptr: number, nQubits: number, plan: Exclude<KernelPlan, { type: 'identity' }>, qubits: readonly number[], ctrlMask: number): void {
  const tg = plan.targets, k = w.k;
  switch (plan.type) {
    case 'x': k.x1(ptr, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'swap': k.swap2(ptr, nQubits, qubits[tg[0]], qubits[tg[1]], ctrlMask); return;
    case 'diag1': w.param.set(plan.data); k.diag1(ptr, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'm1': w.param.set(plan.data); k.m1(ptr, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'mux': w.param.set(plan.data); k.mux1(ptr, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'diagK': case 'mk':
      w.param.set(plan.data);
      for (let j = 0; j < tg.length; j++) w.targets[j] = qubits[tg[j]];
      if (plan.type === 'diagK') k.diagK(ptr, nQubits, tg.length, ctrlMask); else k.mk(ptr, nQubits, tg.length, ctrlMask);
      return;
  }
}

/**
 * Work per amplitude of a plan, in complex multiply-adds (moves count ½): the fusion cost
 * model. A control halves the amplitudes touched; a phase with d0 = 1 touches half.
 */
export function planCost(plan: KernelPlan): number {
  if (plan.type === 'identity') return 0;
  if (plan.type === 'mux') return isRealData(plan.data) ? 1 : 2; // every pair, one of two 2×2s
  const f = 1 / (1 << plan.ctrl.length);
  switch (plan.type) {
    case 'x': case 'swap': return 0.5 * f;
    case 'diag1': return (plan.data[0] === 1 && plan.data[1] === 0 ? 0.5 : 1) * f;
    case 'diagK': return f;
    case 'm1': return (isRealData(plan.data) ? 1 : 2) * f;
    case 'mk': return (1 << plan.targets.length) * f;
  }
}

function isRealData(m: Float64Array): boolean {
  for (let i = 1; i < m.length; i += 2) if (m[i] !== 0) return false;
  return true;
}

/** Register qubits held by one cache block: 2^14 complex amplitudes = 256 KiB, well inside L2. */
export const BLOCK_QUBITS = 14;
/** At most this many qubits at or above BLOCK_QUBITS − MAX_HIGH_QUBITS per block pass. */
export const MAX_HIGH_QUBITS = 4;

/**
 * Cache-blocked execution of a gate sequence (qsim and Aer call it cache blocking / chunking).
 * Gates are queued; the queue is one PASS over memory: the state is cut into blocks of
 * 2^BLOCK_QUBITS amplitudes spanning the low qubits [0, c) plus the few high qubits the queued
 * gates touch; each block is copied into a small local buffer, every queued gate runs on it
 * with the ordinary kernels (qubits renumbered) while it sits in cache, and it is copied back.
 * A gate on a new high qubit that would exceed MAX_HIGH_QUBITS ends the pass. Diagonal,
 * controlled and dense gates all ride in the same pass, so a general circuit costs a few
 * passes over memory instead of one per gate; the arithmetic is exactly the gate-by-gate
 * kernels' (results equal to rounding order, which is unchanged).
 */
export class BlockQueue {
  private readonly plans: KernelPlan[] = [];
  private readonly qubits: (readonly number[])[] = [];
  private highMask = 0;
  private highCount = 0;
  /** Qubits below `low` are inside every block. */
  private readonly low: number;
  private local: Float64Array | null = null;

  constructor(private readonly n: number) {
    this.low = n <= BLOCK_QUBITS ? n : BLOCK_QUBITS - MAX_HIGH_QUBITS;
  }

  get size(): number { return this.plans.length; }

  /** True when a gate on `qubits` can join the current pass. */
  fits(qubits: readonly number[]): boolean {
    let mask = this.highMask, count = this.highCount;
    for (const q of qubits) if (q >= this.low && !(mask & (1 << q))) { mask |= 1 << q; count++; }
    return count <= MAX_HIGH_QUBITS;
  }

  /** Queue a gate (call fits first; a full queue must be run before). */
  push(plan: KernelPlan, qubits: readonly number[]): void {
    if (plan.type === 'identity') return;
    for (const q of qubits) if (q >= this.low && !(this.highMask & (1 << q))) { this.highMask |= 1 << q; this.highCount++; }
    this.plans.push(plan);
    this.qubits.push(qubits);
  }

  /** Apply every queued gate to `amps` (n qubits, interleaved) in one blocked pass; empties the queue. */
  run(amps: Float64Array): void {
    const count = this.plans.length;
    if (count === 0) return;
    const n = this.n;
    if (count === 1 || n <= BLOCK_QUBITS) {
      // One gate, or a state no larger than a block: nothing to gain from copying.
      for (let g = 0; g < count; g++) runPlan(amps, n, this.plans[g], this.qubits[g]);
      this.clear();
      return;
    }
    // Block = bits [0, c) ∪ high, c as large as the block allows.
    const highAll: number[] = [];
    for (let q = 0; q < n; q++) if (this.highMask & (1 << q)) highAll.push(q);
    const c = BLOCK_QUBITS - highAll.length;
    const high = highAll.filter((q) => q >= c);
    const k = high.length, m = c + k;
    const mapped = this.qubits.map((qs) => qs.map((q) => (q < c ? q : c + high.indexOf(q))));
    const w = wasmStateOf(amps);
    if (w !== undefined && this.plans.every((p) => p.type === 'identity' || p.targets.length <= 4)) {
      // The whole pass in wasm: block copies, kernels and the loop over blocks (runPass).
      this.runWasm(w, amps.byteOffset, c, high, mapped);
      this.clear();
      return;
    }
    const local = (this.local ??= new Float64Array(2 << BLOCK_QUBITS));
    const chunks = 1 << k, run = 2 << c; // doubles per contiguous chunk
    const offsets = new Int32Array(chunks);
    for (let s = 0; s < chunks; s++) {
      let o = 0;
      for (let j = 0; j < k; j++) if ((s >>> j) & 1) o |= 1 << high[j];
      offsets[s] = 2 * o;
    }
    const blocks = 1 << (n - m);
    for (let t = 0; t < blocks; t++) {
      // Spread t over the bits outside the block (above c, skipping the high bits).
      let base = t << c;
      for (let j = 0; j < k; j++) { const p = high[j]; base = ((base >>> p) << (p + 1)) | (base & ((1 << p) - 1)); }
      base *= 2;
      if (k === 0) {
        const view = amps.subarray(base, base + run);
        for (let g = 0; g < count; g++) runPlan(view, m, this.plans[g], mapped[g]);
        continue;
      }
      for (let s = 0; s < chunks; s++) local.set(amps.subarray(base + offsets[s], base + offsets[s] + run), s * run);
      const view = local.subarray(0, 2 << m);
      for (let g = 0; g < count; g++) runPlan(view, m, this.plans[g], mapped[g]);
      for (let s = 0; s < chunks; s++) amps.set(local.subarray(s * run, (s + 1) * run), base + offsets[s]);
    }
    this.clear();
  }

  /** Encode the queued gates as runPass records (see assembly/kernels.ts) and run them, in as few passes as fit. */
  private runWasm(w: WasmState, ptr: number, c: number, high: readonly number[], mapped: readonly (readonly number[])[]): void {
    const prog = w.prog, params = w.progParams;
    for (let j = 0; j < high.length; j++) w.high[j] = high[j];
    let g = 0, used = 0;
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i];
      if (plan.type === 'identity') continue;
      const data = plan.type === 'x' || plan.type === 'swap' ? null : plan.data;
      const len = data === null ? 0 : data.length;
      if (g === PASS_MAX_GATES || used + len > PASS_MAX_PARAMS) { w.k.runPass(ptr, this.n, c, high.length, g); g = 0; used = 0; }
      const qs = mapped[i];
      let ctrl = 0;
      for (const b of plan.ctrl) ctrl |= 1 << qs[b];
      const r = 16 * g;
      prog[r] = PASS_KIND[plan.type];
      prog[r + 1] = plan.targets.length;
      prog[r + 2] = ctrl;
      prog[r + 3] = 8 * len;
      prog[r + 4] = PROG_PARAMS_PTR + 8 * used;
      for (let j = 0; j < plan.targets.length; j++) prog[r + 5 + j] = qs[plan.targets[j]];
      if (data !== null) params.set(data, used);
      used += len;
      g++;
    }
    if (g > 0) w.k.runPass(ptr, this.n, c, high.length, g);
  }

  private clear(): void {
    this.plans.length = 0;
    this.qubits.length = 0;
    this.highMask = 0;
    this.highCount = 0;
  }
}
