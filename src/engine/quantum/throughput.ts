/**
 * Gate throughput of the statevector kernels on random 1- and 2-qubit circuits. The clock is
 * a parameter (`now`, in milliseconds), so the engine never reads wall-clock time itself; the
 * benchmark passes performance.now and a notebook can pass its own timer.
 */
import { GATES } from './gates.ts';
import { Statevector } from './statevector.ts';
import { wasmStateOf } from './wasm/wasmKernels.ts';
import { createRng } from '../random.ts';

export interface ThroughputOptions {
  /** Gates per timed repetition (default: enough for ~2^24 amplitude updates, at least 20). */
  readonly gates?: number;
  /** Timed repetitions; the best and median are reported (default 3). */
  readonly reps?: number;
  /**
   * A stopping rule (simulator-speed's): after the `reps` repetitions, one more is timed (the same gates on the
   * same state, drawn once) while this returns true for the repetition times so far.
   */
  readonly moreReps?: (repMs: readonly number[]) => boolean;
  /** Fraction of two-qubit gates (default 0.3). */
  readonly twoQubitFraction?: number;
  readonly seed?: number | string;
}

export interface ThroughputResult {
  readonly nQubits: number;
  readonly gatesPerRep: number;
  /** Gates per second of the fastest repetition. */
  readonly gatesPerSecondBest: number;
  /** Gates per second of the median repetition. */
  readonly gatesPerSecondMedian: number;
  /** Milliseconds per repetition, in run order. */
  readonly repMs: readonly number[];
  /** Which kernels ran: 'wasm' (WebAssembly SIMD, states of ≥ 10 qubits) or 'ts'. */
  readonly kernels: 'wasm' | 'ts';
}

const ONE_QUBIT = ['h', 'x', 'rx', 'ry', 'rz', 'sx', 't', 's', 'u'];
const TWO_QUBIT = ['cx', 'cz', 'cp', 'swap', 'crx', 'rzz'];

export function measureGateThroughput(nQubits: number, opts: ThroughputOptions, now: () => number): ThroughputResult {
  const st = Statevector.zero(nQubits); // validates nQubits
  const frac = opts.twoQubitFraction ?? 0.3;
  if (!(frac >= 0 && frac <= 1)) throw new RangeError(`invalid twoQubitFraction: ${frac} (expected 0–1)`);
  if (nQubits < 2 && frac > 0) throw new RangeError(`invalid nQubits: ${nQubits} (expected ≥ 2 when twoQubitFraction > 0)`);
  const gates = opts.gates ?? Math.max(20, Math.round(2 ** 24 / 2 ** nQubits));
  const reps = opts.reps ?? 3;
  if (!Number.isInteger(gates) || gates < 1) throw new RangeError(`invalid gates: ${gates} (expected an integer ≥ 1)`);
  if (!Number.isInteger(reps) || reps < 1) throw new RangeError(`invalid reps: ${reps} (expected an integer ≥ 1)`);
  const rng = createRng(opts.seed ?? 'throughput');
  // Pre-draw the circuit so the timed loop only applies gates.
  const ids: string[] = [], qubits: number[][] = [], params: number[][] = [];
  for (let g = 0; g < gates; g++) {
    const two = rng.next() < frac;
    const id = two ? TWO_QUBIT[rng.int(TWO_QUBIT.length)] : ONE_QUBIT[rng.int(ONE_QUBIT.length)];
    const a = rng.int(nQubits);
    let b = rng.int(nQubits - 1);
    if (b >= a) b++;
    ids.push(id);
    qubits.push(two ? [a, b] : [a]);
    params.push(GATES[id].params.map(() => rng.next() * 2 * Math.PI));
  }
  // Scramble into a dense state first (one warm-up pass of the same gates).
  for (let q = 0; q < nQubits; q++) st.applyGate('h', [q]);
  const repMs: number[] = [];
  for (let r = 0; r < reps || opts.moreReps?.(repMs); r++) {
    const t0 = now();
    for (let g = 0; g < gates; g++) st.applyGate(ids[g], qubits[g], params[g]);
    repMs.push(now() - t0);
  }
  const sorted = repMs.slice().sort((x, y) => x - y);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    nQubits,
    gatesPerRep: gates,
    gatesPerSecondBest: gates / (sorted[0] / 1000),
    gatesPerSecondMedian: gates / (median / 1000),
    repMs,
    kernels: wasmStateOf(st.amps) === undefined ? 'ts' : 'wasm',
  };
}
