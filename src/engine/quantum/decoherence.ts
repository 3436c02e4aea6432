/**
 * Closed-form fidelities under independent zero-temperature relaxation (T1) and dephasing (T2)
 * on every qubit, for idle hold times. Used as test oracles for the density-matrix and trajectory
 * simulators and directly by the notebooks. Times in μs; T1 = Infinity means pure dephasing.
 *
 * Single qubit (p1 = |⟨1|ψ⟩|², p0 = 1 − p1): ρ11 → p1·e^{−t/T1}, |ρ01| → |ρ01|·e^{−t/T2}, so
 *   F_ψ(t) = p0(1 − p1e^{−t/T1}) + p1²e^{−t/T1} + 2p0p1e^{−t/T2}.
 */
import { checkT1T2 } from './channels.ts';
import { getPreset, type HardwarePreset } from './presets.ts';

function checkTime(tUs: number): void {
  if (!(tUs >= 0) || !Number.isFinite(tUs)) throw new RangeError(`invalid holdUs: ${tUs} (expected a finite number ≥ 0)`);
}

function checkN(n: number, max = 1000): void {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new RangeError(`invalid nQubits: ${n} (expected 1–${max})`);
}

/** Fidelity of a single-qubit pure state with P(1) = p1 after idling tUs. */
export function fidelityOneQubit(p1: number, tUs: number, t1Us: number, t2Us: number): number {
  if (!(p1 >= 0 && p1 <= 1)) throw new RangeError(`invalid p1: ${p1} (expected 0–1)`);
  checkT1T2(t1Us, t2Us);
  checkTime(tUs);
  const e1 = Math.exp(-tUs / t1Us), e2 = Math.exp(-tUs / t2Us), p0 = 1 - p1;
  return p0 * (1 - p1 * e1) + p1 * p1 * e1 + 2 * p0 * p1 * e2;
}

/** |+⟩: ½ + ½e^{−t/T2}. */
export function fidelityPlus(tUs: number, t2Us: number): number {
  checkTime(tUs);
  return 0.5 + 0.5 * Math.exp(-tUs / t2Us);
}

/** |1⟩: e^{−t/T1}. */
export function fidelityOne(tUs: number, t1Us: number): number {
  checkTime(tUs);
  return Math.exp(-tUs / t1Us);
}

/** Average over the Bloch sphere: ½ + e^{−t/T1}/6 + e^{−t/T2}/3. */
export function averageFidelity(tUs: number, t1Us: number, t2Us: number): number {
  checkT1T2(t1Us, t2Us);
  checkTime(tUs);
  return 0.5 + Math.exp(-tUs / t1Us) / 6 + Math.exp(-tUs / t2Us) / 3;
}

/** Product state ⊗ψ_i with P_i(1) = p1[i]: ∏ F_i. */
export function productFidelity(p1: ArrayLike<number>, tUs: number, t1Us: number, t2Us: number): number {
  let f = 1;
  for (let i = 0; i < p1.length; i++) f *= fidelityOneQubit(p1[i], tUs, t1Us, t2Us);
  return f;
}

/** GHZ_n: ¼[1 + (1 − e^{−t/T1})^n + e^{−nt/T1}] + ½e^{−nt/T2}. */
export function ghzFidelity(n: number, tUs: number, t1Us: number, t2Us: number): number {
  checkN(n);
  checkT1T2(t1Us, t2Us);
  checkTime(tUs);
  const e1 = Math.exp(-tUs / t1Us);
  return 0.25 * (1 + (1 - e1) ** n + Math.exp((-n * tUs) / t1Us)) + 0.5 * Math.exp((-n * tUs) / t2Us);
}

/** GHZ_n under pure dephasing (T1 = ∞): ½(1 + e^{−nt/T2}). */
export function ghzDephasingFidelity(n: number, tUs: number, t2Us: number): number {
  checkN(n);
  checkTime(tUs);
  return 0.5 * (1 + Math.exp((-n * tUs) / t2Us));
}

/** I/2ⁿ against any pure state: 2^{−n}. */
export function maximallyMixedFidelity(n: number): number {
  checkN(n);
  return 2 ** -n;
}

/** RY(2·asin√p) amplitudes: (√(1−p), √p). */
function encodeAmps(p: number): [number, number] {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid probability: ${p} (expected 0–1)`);
  return [Math.sqrt(1 - p), Math.sqrt(p)];
}

// Non-zero entries of one qubit's relaxation map M(b, b', c, c') = ⟨c|E(|b⟩⟨b'|)|c'⟩, as 4-bit
// tuples (b, b', c, c'): |0⟩⟨0| stays, |1⟩⟨1| → (1 − e1)|0⟩⟨0| + e1|1⟩⟨1|, coherences × e2.
const COMBOS: readonly (readonly [number, number, number, number])[] = [[0, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 1], [0, 1, 0, 1], [1, 0, 1, 0]];

/**
 * The roadmap's encoding state RY(2·asin√p_i) on each qubit followed by the CNOT chain 0→1→…→n−1,
 * idled for tUs: exact fidelity ⟨ψ|E^{⊗n}(|ψ⟩⟨ψ|)|ψ⟩ by a transfer matrix along the chain.
 *
 * Derivation: the chain maps |x⟩ to |b⟩ with b_j = x_0 ⊕ … ⊕ x_j, so ψ(b) = ∏_j a_j(b_j ⊕ b_{j−1})
 * (b_{−1} = 0, a_j(0) = √(1−p_j), a_j(1) = √p_j), all real. Then
 * F = Σ ψ(b)ψ(b')ψ(c)ψ(c') ∏_j M(b_j, b'_j, c_j, c'_j), a sum over 4-bit site labels with only
 * five non-zero M entries and nearest-neighbour coupling: an O(25·n) contraction.
 * `chain: false` drops the CNOTs (plain product state), a cross-check against ∏F_i.
 */
export function encodedStateFidelity(
  probabilities: ArrayLike<number>, tUs: number, t1Us: number, t2Us: number, chain = true,
): number {
  checkN(probabilities.length);
  checkT1T2(t1Us, t2Us);
  checkTime(tUs);
  const e1 = Math.exp(-tUs / t1Us), e2 = Math.exp(-tUs / t2Us);
  const weight = [1, 1 - e1, e1, e2, e2];
  let v = [1, 0, 0, 0, 0]; // virtual site −1 with all bits 0 (combo 0)
  for (let j = 0; j < probabilities.length; j++) {
    const a = encodeAmps(probabilities[j]);
    const next = [0, 0, 0, 0, 0];
    for (let s = 0; s < 5; s++) {
      const cur = COMBOS[s];
      let acc = 0;
      for (let sp = 0; sp < 5; sp++) {
        if (v[sp] === 0) continue;
        const prev = COMBOS[sp];
        let amp = 1;
        for (let k = 0; k < 4; k++) amp *= a[chain ? cur[k] ^ prev[k] : cur[k]];
        acc += v[sp] * amp;
      }
      next[s] = acc * weight[s];
    }
    v = next;
  }
  return v[0] + v[1] + v[2] + v[3] + v[4];
}

/** |⟨0…0|ψ⟩|² of the encoded state (only x = 0 maps to b = 0): ∏(1 − p_i). */
export function encodedStateOverlapWithZero(probabilities: ArrayLike<number>): number {
  let f = 1;
  for (let i = 0; i < probabilities.length; i++) f *= 1 - probabilities[i];
  return f;
}

export type HoldState = 'one' | 'plus' | 'product' | 'ghz' | 'roadmap14';

/** Default member probabilities for 'roadmap14' when none are given (an assumption: all members at 0.7). */
export const DEFAULT_ROADMAP_PROBABILITY = 0.7;

export interface HoldSpec {
  readonly state: HoldState;
  /** Register size for 'product' (|+⟩^⊗n), 'ghz' and 'roadmap14' (default 14). Ignored for 'one', 'plus'. */
  readonly nQubits?: number;
  /** P(1) per qubit for 'roadmap14' (default DEFAULT_ROADMAP_PROBABILITY each). */
  readonly probabilities?: ArrayLike<number>;
}

function roadmapProbs(spec: HoldSpec): Float64Array {
  const n = spec.nQubits ?? spec.probabilities?.length ?? 14;
  if (spec.probabilities && spec.probabilities.length !== n) {
    throw new RangeError(`invalid probabilities length: ${spec.probabilities.length} (expected nQubits = ${n})`);
  }
  return spec.probabilities ? Float64Array.from(spec.probabilities) : new Float64Array(n).fill(DEFAULT_ROADMAP_PROBABILITY);
}

/** Closed-form fidelity of a hold state after tUs. */
export function holdFidelity(spec: HoldSpec, tUs: number, t1Us: number, t2Us: number): number {
  const n = spec.nQubits ?? 14;
  switch (spec.state) {
    case 'one': return fidelityOneQubit(1, tUs, t1Us, t2Us);
    case 'plus': return fidelityOneQubit(0.5, tUs, t1Us, t2Us);
    case 'product': checkN(n); return fidelityOneQubit(0.5, tUs, t1Us, t2Us) ** n;
    case 'ghz': return ghzFidelity(n, tUs, t1Us, t2Us);
    case 'roadmap14': return encodedStateFidelity(roadmapProbs(spec), tUs, t1Us, t2Us, true);
    default: throw new RangeError(`invalid state: '${String(spec.state)}' (expected one, plus, product, ghz, roadmap14)`);
  }
}

/** |⟨0…0|ψ⟩|²: the fidelity of the fully relaxed register with the target (the trivial baseline). */
export function trivialBaseline(spec: HoldSpec): number {
  const n = spec.nQubits ?? 14;
  switch (spec.state) {
    case 'one': return 0;
    case 'plus': return 0.5;
    case 'product': return 2 ** -n;
    case 'ghz': return 0.5;
    case 'roadmap14': return encodedStateOverlapWithZero(roadmapProbs(spec));
    default: throw new RangeError(`invalid state: '${String(spec.state)}' (expected one, plus, product, ghz, roadmap14)`);
  }
}

export interface RequiredT2 {
  /** Smallest T2 (μs) keeping F ≥ target over the hold; 0 if any T2 works, Infinity if none (T1 limits, or T2 ≤ 2T1 caps). */
  readonly t2Us: number;
  readonly reason: string;
}

/**
 * Smallest T2 with F(holdUs) ≥ target, by bisection in log T2 (F increases with T2).
 * T2 is searched in (0, 2·T1] (the physical bound); t1Us = Infinity gives pure dephasing.
 */
export function requiredT2Us(spec: HoldSpec, holdUs: number, target: number, t1Us = Infinity): RequiredT2 {
  if (!(target > 0 && target < 1)) throw new RangeError(`invalid target: ${target} (expected 0 < target < 1)`);
  checkTime(holdUs);
  const f = (t2: number): number => holdFidelity(spec, holdUs, t1Us, t2);
  const hi = Number.isFinite(t1Us) ? 2 * t1Us : 1e30;
  if (f(hi) < target) {
    return { t2Us: Infinity, reason: Number.isFinite(t1Us) ? `unreachable: even T2 = 2·T1 = ${hi} μs gives F = ${f(hi).toPrecision(4)} < ${target}` : 'unreachable' };
  }
  let lo = 1e-12;
  if (f(lo) >= target) return { t2Us: 0, reason: 'any T2 works (F does not depend on T2 here)' };
  let h = hi;
  for (let i = 0; i < 200 && h / lo > 1 + 1e-13; i++) {
    const mid = Math.sqrt(lo * h);
    if (f(mid) >= target) h = mid; else lo = mid;
  }
  return { t2Us: h, reason: `bisection on T2 with T1 = ${t1Us} μs` };
}

export interface FidelityOverTimeInput {
  /** A preset id or object; or explicit coherence times. */
  readonly preset?: HardwarePreset | string;
  readonly t1Us?: number;
  readonly t2Us?: number;
  readonly state: HoldState;
  readonly nQubits?: number;
  readonly probabilities?: ArrayLike<number>;
  readonly holdTimesUs: Float64Array;
}

export interface FidelityOverTimeResult {
  readonly holdTimesUs: Float64Array;
  readonly fidelity: Float64Array;
  /** Fidelity of the fully relaxed |0…0⟩ with the target, at every time (constant). */
  readonly baseline: Float64Array;
  readonly t1Us: number;
  readonly t2Us: number;
  readonly method: string;
}

/** Closed-form F(t) curves plus the trivial-state baseline. */
export function fidelityOverTime(input: FidelityOverTimeInput): FidelityOverTimeResult {
  let t1Us = input.t1Us, t2Us = input.t2Us;
  if (input.preset !== undefined) {
    const p = typeof input.preset === 'string' ? getPreset(input.preset) : input.preset;
    t1Us = p.t1Us.value; t2Us = p.t2Us.value;
  }
  if (t1Us === undefined || t2Us === undefined) throw new RangeError('invalid input: missing t1Us/t2Us (give a preset or both times)');
  checkT1T2(t1Us, t2Us);
  const spec: HoldSpec = { state: input.state, nQubits: input.nQubits, probabilities: input.probabilities };
  const ts = input.holdTimesUs;
  const fidelity = new Float64Array(ts.length);
  for (let i = 0; i < ts.length; i++) fidelity[i] = holdFidelity(spec, ts[i], t1Us, t2Us);
  const baseline = new Float64Array(ts.length).fill(trivialBaseline(spec));
  const method = input.state === 'roadmap14'
    ? 'exact transfer-matrix contraction along the CNOT chain (O(n))'
    : 'closed form (independent zero-temperature T1/T2 per qubit)';
  return { holdTimesUs: ts, fidelity, baseline, t1Us, t2Us, method };
}
