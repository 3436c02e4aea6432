/**
 * Monte Carlo wave-function (quantum-jump) simulation for registers too large for a density
 * matrix (ρ needs 4ⁿ·16 B; a statevector 2ⁿ·16 B, so 16 qubits cost 1 MiB per trajectory).
 *
 * Each single-qubit channel {K_i} is unravelled: pick K_i with probability p_i = ‖K_i ψ‖²
 * (computed from the qubit's 2×2 reduced state, one pass), apply K_i/√p_i. Averaging |ψ⟩⟨ψ| over
 * trajectories reproduces the channel exactly in expectation, so fidelities and observables are
 * unbiased with a standard error that shrinks as 1/√(trajectories).
 */
import type { Circuit } from './circuit.ts';
import { validateCircuit } from './circuit.ts';
import { Statevector } from './statevector.ts';
import { channelKraus, thermalRelaxationKraus } from './channels.ts';
import type { Coherence, NoiseModel } from './density.ts';
import { createRng, type Rng } from '../random.ts';

/** Largest register for trajectories (statevector memory bound, see statevector.ts). */
export const MAX_TRAJECTORY_QUBITS = 24;
export const MAX_TRAJECTORIES = 1_000_000;

/** Reduced 2×2 state of one qubit: [ρ00, ρ11, Re ρ01, Im ρ01]. @internal Exported for the tests. */
export function reduced1q(a: Float64Array, nQubits: number, qubit: number): [number, number, number, number] {
  const dim = 1 << nQubits, bit = 1 << qubit;
  let r00 = 0, r11 = 0, re = 0, im = 0;
  // Runs of `bit` indices with the bit clear, in increasing i (the same order as testing every i).
  for (let base = 0; base < dim; base += 2 * bit) for (let i = base; i < base + bit; i++) {
    const j = i | bit;
    const xr = a[2 * i], xi = a[2 * i + 1], yr = a[2 * j], yi = a[2 * j + 1];
    r00 += xr * xr + xi * xi;
    r11 += yr * yr + yi * yi;
    // ρ01 = Σ x · conj(y)
    re += xr * yr + xi * yi;
    im += xi * yr - xr * yi;
  }
  return [r00, r11, re, im];
}

/** ‖Kψ‖² = Tr(K†K ρ_q) for a 2×2 K and the qubit's reduced state. */
function jumpProbability(k: Float64Array, r: [number, number, number, number]): number {
  // G = K†K (Hermitian): g00, g11 real, g01 complex.
  const g00 = k[0] * k[0] + k[1] * k[1] + k[4] * k[4] + k[5] * k[5];
  const g11 = k[2] * k[2] + k[3] * k[3] + k[6] * k[6] + k[7] * k[7];
  // g01 = conj(k00)k01 + conj(k10)k11
  const g01r = k[0] * k[2] + k[1] * k[3] + k[4] * k[6] + k[5] * k[7];
  const g01i = k[0] * k[3] - k[1] * k[2] + k[4] * k[7] - k[5] * k[6];
  // Tr(Gρ) = g00ρ00 + g11ρ11 + 2 Re(g01 ρ10), ρ10 = conj(ρ01)
  return g00 * r[0] + g11 * r[1] + 2 * (g01r * r[2] + g01i * r[3]);
}

/**
 * One quantum jump for a single-qubit channel: samples which Kraus operator acts, applies it and
 * renormalises. Returns the index of the chosen operator.
 */
export function applyKrausJump(state: Statevector, qubit: number, ops: readonly Float64Array[], rng: Rng): number {
  const r = reduced1q(state.amps, state.nQubits, qubit);
  const u = rng.next();
  let acc = 0, chosen = ops.length - 1, pChosen = 0;
  for (let i = 0; i < ops.length; i++) {
    const p = jumpProbability(ops[i], r);
    acc += p;
    if (u < acc) { chosen = i; pChosen = p; break; }
    if (i === ops.length - 1) pChosen = p; // rounding: Σp may be 1 − ε
  }
  if (!(pChosen > 0)) {
    // rounding left u beyond Σp: take the last operator with positive probability
    for (let i = ops.length - 1; i >= 0; i--) { const p = jumpProbability(ops[i], r); if (p > 0) { chosen = i; pChosen = p; break; } }
  }
  const f = 1 / Math.sqrt(pChosen);
  const k = ops[chosen];
  const m = new Float64Array(8);
  for (let i = 0; i < 8; i++) m[i] = k[i] * f;
  state.applyMatrix(m, [qubit]);
  return chosen;
}

function coherenceAt(c: Coherence, q: number): [number, number] {
  return [typeof c.t1Us === 'number' ? c.t1Us : c.t1Us[q], typeof c.t2Us === 'number' ? c.t2Us : c.t2Us[q]];
}

/** One stochastic idle of `holdUs` (thermal relaxation jump on every qubit), in place. */
export function idleTrajectory(state: Statevector, holdUs: number, coherence: Coherence, rng: Rng): void {
  for (let q = 0; q < state.nQubits; q++) {
    const [t1, t2] = coherenceAt(coherence, q);
    applyKrausJump(state, q, thermalRelaxationKraus(t1, t2, holdUs), rng);
  }
}

export interface Estimate {
  readonly mean: number;
  /** Standard error of the mean over trajectories: sample std / √n. */
  readonly stdError: number;
  readonly nTrajectories: number;
}

export interface TrajectoryOptions {
  readonly nTrajectories: number;
  readonly seed?: number | string;
  /** Called with the completed fraction in (0, 1] (at most ~100 times per run). */
  readonly onProgress?: (fraction: number) => void;
}

function checkTrajectories(n: number): void {
  if (!Number.isInteger(n) || n < 2 || n > MAX_TRAJECTORIES) throw new RangeError(`invalid nTrajectories: ${n} (expected 2–${MAX_TRAJECTORIES})`);
}

/** Mean ± standard error of f over trajectories (Welford), with throttled progress. */
function estimate(opts: TrajectoryOptions, sample: (rng: Rng) => number): Estimate {
  checkTrajectories(opts.nTrajectories);
  const root = createRng(opts.seed ?? 0);
  const n = opts.nTrajectories;
  const every = Math.max(1, Math.floor(n / 100));
  let mean = 0, m2 = 0;
  for (let k = 0; k < n; k++) {
    const x = sample(root.fork(k));
    const d = x - mean;
    mean += d / (k + 1);
    m2 += d * (x - mean);
    if (opts.onProgress && ((k + 1) % every === 0 || k + 1 === n)) opts.onProgress((k + 1) / n);
  }
  return { mean, stdError: Math.sqrt(m2 / (n - 1) / n), nTrajectories: n };
}

/**
 * Fidelity |⟨target|ψ_traj⟩|² of a pure `target` held idle for `holdUs` under independent thermal
 * relaxation, estimated over trajectories.
 */
export function estimateHoldFidelity(
  target: Statevector, holdUs: number, coherence: Coherence, opts: TrajectoryOptions,
): Estimate {
  if (target.nQubits > MAX_TRAJECTORY_QUBITS) throw new RangeError(`invalid nQubits: ${target.nQubits} (expected 1–${MAX_TRAJECTORY_QUBITS})`);
  const ops: Float64Array[][] = [];
  for (let q = 0; q < target.nQubits; q++) {
    const [t1, t2] = coherenceAt(coherence, q);
    ops.push(thermalRelaxationKraus(t1, t2, holdUs));
  }
  // One scratch buffer for every trajectory (a clone per trajectory allocated 2ⁿ·16 bytes, and wasm
  // memory, each time); each trajectory starts from a fresh copy of the target in it.
  const scratch = target.clone().amps;
  return estimate(opts, (rng) => {
    scratch.set(target.amps);
    const st = Statevector.wrap(target.nQubits, scratch);
    for (let q = 0; q < st.nQubits; q++) applyKrausJump(st, q, ops[q], rng);
    return target.fidelity(st);
  });
}

export interface CircuitTrajectoryOptions extends TrajectoryOptions {
  readonly noise: NoiseModel;
  /** Estimate |⟨target|ψ⟩|² … */
  readonly target?: Statevector;
  /** … or ⟨P⟩ for a Pauli string (char i ↔ qubit i). Exactly one of target/observable. */
  readonly observable?: string;
}

/** Run a noisy circuit as trajectories (1-qubit channels unravelled as jumps after each gate). */
export function simulateTrajectories(circuit: Circuit, opts: CircuitTrajectoryOptions): Estimate {
  const c = validateCircuit(circuit);
  if ((opts.target === undefined) === (opts.observable === undefined)) {
    throw new RangeError('invalid options: give exactly one of target (fidelity) or observable (Pauli string)');
  }
  if (opts.target && opts.target.nQubits !== c.nQubits) throw new RangeError(`invalid target: ${opts.target.nQubits} qubits (expected ${c.nQubits})`);
  const cache = new Map<string, Float64Array[]>();
  const krausOf = (spec: Parameters<typeof channelKraus>[0]): Float64Array[] => {
    const key = 'id' in spec ? `${spec.id}:${JSON.stringify(spec.params ?? {})}` : '';
    let k = key ? cache.get(key) : undefined;
    if (!k) {
      k = channelKraus(spec);
      if (k[0].length !== 8) throw new RangeError('invalid noise channel for trajectories: only single-qubit channels are unravelled');
      if (key) cache.set(key, k);
    }
    return k;
  };
  return estimate(opts, (rng) => {
    const st = Statevector.zero(c.nQubits);
    for (const op of c.ops) {
      if (op.kind === 'gate') {
        st.applyGate(op.gate, op.qubits, op.params);
        const n = opts.noise;
        const specs = n.afterGate ? n.afterGate(op.gate, op.qubits) : op.qubits.length === 1 ? n.after1q : n.after2q;
        for (const s of specs ?? []) for (const q of op.qubits) applyKrausJump(st, q, krausOf(s), rng);
      } else if (op.kind === 'measure') st.measure(op.qubit, rng);
      else if (op.kind === 'reset') st.reset(op.qubit, rng);
    }
    return opts.target ? opts.target.fidelity(st) : st.expectationPauli(opts.observable as string);
  });
}
