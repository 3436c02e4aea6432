/**
 * Choosing a kernel for a gate matrix. The choice is derived from the matrix itself (exact
 * zeros and ones), so every registry gate, fused matrix or user matrix gets the fastest
 * applicable kernel with no per-gate code:
 *   1. controls: local qubits on which the matrix is the identity whenever that bit is 0;
 *   2. the remaining target block, restricted to all controls = 1, is classified as
 *      diagonal, X, SWAP, a 2×2, or a dense 2^t×2^t matrix.
 */
import { apply1q, applyDiag1q, applyDiagK, applyMatrixK, applySwap, applyX } from './kernels.ts';

export type KernelPlan =
  | { readonly type: 'identity' }
  | { readonly type: 'x'; readonly ctrl: readonly number[]; readonly targets: readonly number[] }
  | { readonly type: 'swap'; readonly ctrl: readonly number[]; readonly targets: readonly number[] }
  | { readonly type: 'diag1'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'diagK'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'm1'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array }
  | { readonly type: 'mk'; readonly ctrl: readonly number[]; readonly targets: readonly number[]; readonly data: Float64Array };

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

/** Run a plan on `amps` with local bit j mapped to global qubit `qubits[j]`. */
export function runPlan(amps: Float64Array, nQubits: number, plan: KernelPlan, qubits: readonly number[], scratch?: Float64Array): void {
  if (plan.type === 'identity') return;
  let ctrlMask = 0;
  for (const c of plan.ctrl) ctrlMask |= 1 << qubits[c];
  const tg = plan.targets;
  switch (plan.type) {
    case 'x': applyX(amps, nQubits, qubits[tg[0]], ctrlMask); return;
    case 'swap': applySwap(amps, nQubits, qubits[tg[0]], qubits[tg[1]], ctrlMask); return;
    case 'diag1': applyDiag1q(amps, nQubits, qubits[tg[0]], plan.data, ctrlMask); return;
    case 'diagK': applyDiagK(amps, nQubits, tg.map((j) => qubits[j]), plan.data, ctrlMask); return;
    case 'm1': apply1q(amps, nQubits, qubits[tg[0]], plan.data, ctrlMask); return;
    case 'mk': applyMatrixK(amps, nQubits, tg.map((j) => qubits[j]), plan.data, ctrlMask, scratch); return;
  }
}
