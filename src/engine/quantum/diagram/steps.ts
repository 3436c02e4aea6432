/**
 * The state step by step: the statevector after each diagram column, summarised for display
 * (largest amplitudes with their phases, P(qubit = 1), Bloch vectors and the pairwise mutual
 * information grid), with one seeded shot: the outcome of every measurement in the circuit and a
 * final bit string sampled from the end state.
 *
 * Ops in one column act on disjoint qubits, so applying the columns in order is applying the
 * circuit; `columnPrefix(c, layout, k)` is the circuit of the first k columns, and the state after
 * k columns equals simulating it with the same seed (tested).
 */
import type { Circuit, Op } from '../circuit.ts';
import { createCircuit, withOps } from '../circuit.ts';
import { Statevector } from '../statevector.ts';
import { hermitianEigenvalues } from '../metrics.ts';
import { createRng } from '../../random.ts';
import { opsByColumn, type DiagramLayout } from './layout.ts';

/** Largest register the step view simulates (2^14 amplitudes per column step). */
export const MAX_STEP_QUBITS = 14;
/** Largest register for the pairwise entanglement grid (n(n−1)/2 two-qubit reduced states per column). */
export const MAX_ENTANGLEMENT_QUBITS = 12;
/** Most columns summarised (each keeps a few hundred numbers). */
export const MAX_STEP_COLUMNS = 400;

export interface ColumnState {
  /** Number of columns applied (0 = the initial |0…0⟩). */
  readonly applied: number;
  /** The largest amplitudes (at most topK), in basis order: index, real and imaginary part. */
  readonly amplitudes: readonly { readonly index: number; readonly re: number; readonly im: number }[];
  /** Basis states with a non-zero amplitude (|a| > 1e-12). */
  readonly nonZero: number;
  /** Total probability of the amplitudes listed. */
  readonly shownProbability: number;
  /** P(qubit = 1), per qubit. */
  readonly p1: readonly number[];
  /** Bloch vector (⟨X⟩, ⟨Y⟩, ⟨Z⟩) per qubit. */
  readonly bloch: readonly (readonly [number, number, number])[];
  /** Mutual information I(a:b) in bits, row-major n×n (diagonal 0), or null above MAX_ENTANGLEMENT_QUBITS. */
  readonly mutualInformation: readonly number[] | null;
}

export interface StepTrace {
  readonly seed: number;
  readonly states: readonly ColumnState[];
  /** Seeded outcome of each measurement, by op index. */
  readonly outcomes: Readonly<Record<number, 0 | 1>>;
  /** One shot sampled from the final state: bit of each qubit (index = qubit). */
  readonly finalBits: readonly (0 | 1)[];
}

/** The circuit made of the first `k` columns, in column order (ops of one column in op order). */
export function columnPrefix(circuit: Circuit, layout: DiagramLayout, k: number): Circuit {
  const byCol = opsByColumn(layout);
  const ops: Op[] = [];
  for (let c = 0; c < Math.min(k, byCol.length); c++) for (const i of byCol[c]) ops.push(circuit.ops[i]);
  return withOps(createCircuit(circuit.nQubits, circuit.nClbits), ops);
}

function entropy2(eigs: Float64Array): number {
  let s = 0;
  for (const l of eigs) if (l > 1e-12) s -= l * Math.log2(l);
  return s;
}

/** Summary of one state (see ColumnState). */
export function summarizeState(st: Statevector, applied: number, topK = 32): ColumnState {
  const n = st.nQubits, a = st.amps, dim = st.dim;
  const mags = new Float64Array(dim);
  let nonZero = 0;
  for (let i = 0; i < dim; i++) {
    const m = a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
    mags[i] = m;
    if (m > 1e-24) nonZero++;
  }
  const mag = (i: number): number => mags[i];
  // The topK largest, found by a threshold from a native numeric sort (fast at 2^14), kept in basis order.
  let threshold = 1e-24;
  if (nonZero > topK) threshold = Math.max(threshold, Float64Array.from(mags).sort()[dim - topK]);
  const kept: number[] = [];
  for (let i = 0; i < dim && kept.length < topK; i++) if (mags[i] >= threshold && mags[i] > 1e-24) kept.push(i);
  const amplitudes = kept.map((i) => ({ index: i, re: a[2 * i], im: a[2 * i + 1] }));
  const shownProbability = kept.reduce((s, i) => s + mag(i), 0);
  const bloch: [number, number, number][] = [];
  const p1: number[] = [];
  const single: number[] = [];
  for (let q = 0; q < n; q++) {
    const rho = st.reducedDensityMatrix([q]);
    const b: [number, number, number] = [2 * rho[2], -2 * rho[3], rho[0] - rho[6]];
    bloch.push(b);
    p1.push(rho[6]);
    const r = Math.min(1, Math.hypot(...b));
    single.push(entropy2(Float64Array.of((1 + r) / 2, (1 - r) / 2)));
  }
  let mutualInformation: number[] | null = null;
  if (n <= MAX_ENTANGLEMENT_QUBITS) {
    mutualInformation = new Array<number>(n * n).fill(0);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const sab = entropy2(hermitianEigenvalues(st.reducedDensityMatrix([i, j])));
      const mi = Math.max(0, single[i] + single[j] - sab);
      mutualInformation[i * n + j] = mutualInformation[j * n + i] = mi < 1e-10 ? 0 : mi;
    }
  }
  return { applied, amplitudes, nonZero, shownProbability, p1, bloch, mutualInformation };
}

export interface StepOptions {
  /** Seed of the shot (measurement outcomes and the final sample). Default 0. */
  readonly seed?: number;
  /** Amplitudes kept per column (default 32). */
  readonly topK?: number;
}

/**
 * Step through `circuit` column by column (see the file header). Throws a RangeError above
 * MAX_STEP_QUBITS qubits or MAX_STEP_COLUMNS columns.
 */
export function stepThroughColumns(circuit: Circuit, layout: DiagramLayout, options: StepOptions = {}): StepTrace {
  const n = circuit.nQubits;
  if (n > MAX_STEP_QUBITS) throw new RangeError(`invalid circuit for the step view: ${n} qubits (expected at most ${MAX_STEP_QUBITS})`);
  if (layout.columns > MAX_STEP_COLUMNS) throw new RangeError(`invalid circuit for the step view: ${layout.columns} columns (expected at most ${MAX_STEP_COLUMNS})`);
  const seed = options.seed ?? 0;
  const topK = options.topK ?? 32;
  // The same draws as simulate(…, { seed }): one stream, used by measure and reset in op order.
  const rng = createRng(seed);
  const st = Statevector.zero(n);
  const outcomes: Record<number, 0 | 1> = {};
  const states: ColumnState[] = [summarizeState(st, 0, topK)];
  const byCol = opsByColumn(layout);
  byCol.forEach((ops, c) => {
    for (const i of ops) {
      const op = circuit.ops[i];
      if (op.kind === 'gate') st.applyGate(op.gate, op.qubits, op.params);
      else if (op.kind === 'measure') outcomes[i] = st.measure(op.qubit, rng);
      else if (op.kind === 'reset') st.reset(op.qubit, rng);
    }
    states.push(summarizeState(st, c + 1, topK));
  });
  const shot = st.sample(1, createRng(seed).fork('final-shot'));
  const index = [...shot.keys()][0] ?? 0;
  const finalBits = Array.from({ length: n }, (_, q) => ((index >> q) & 1) as 0 | 1);
  return { seed, states, outcomes, finalBits };
}
