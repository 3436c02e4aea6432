import type { Aggregator, EnsembleData, Predictor } from '../types';
import { ParametricCircuit, SimulationWorkspace, Statevector, simulate } from '../../quantum/statevector';
import { buildCircuit, type Circuit } from '../../quantum/circuit';

/**
 * OUR RECONSTRUCTION of the roadmap's quantum brain. The roadmap shows no circuit: it names PennyLane's
 * `lightning.kokkos` with 16 wires, 14 board members whose probabilities feed a "quantum decision", and one
 * confidence out. The natural reading (shared/design/CLAIMS-REFERENCE.md §7), and the one implemented here:
 * n = 14 qubits, one per member, loaded with RY(2·asin√pᵢ) (so P(qubit i = 1) = pᵢ, the standard way to put
 * a probability on a qubit), entangled by the CNOT chain CX(0,1), CX(1,2), …, CX(n−2,n−1), and one qubit read
 * out: P(qubit n−1 = 1). What else the roadmap could have meant: a trained variational circuit (`vqc`), a read-out
 * of every qubit mapped to a probability by a fitted classical readout (`all-qubits-readout`), another encoding
 * (amplitude, IQP), or classical code labelled "quantum". The ledger judges "quantum vs voting" on the best of
 * the candidates it runs. Missing members (NaN) enter as 0.5, qar.py's default; values are clipped to [0, 1].
 * The closed form (1 − ∏(1 − 2pᵢ))/2 is `parity-closed-form` and the test oracle.
 */
export function roadmapCircuit(row: ArrayLike<number>): Circuit {
  const n = row.length;
  const b = buildCircuit(n);
  for (let i = 0; i < n; i++) b.ry(encodeAngle(row[i]), i);
  for (let i = 0; i + 1 < n; i++) b.cx(i, i + 1);
  return b.build();
}

/** θ = 2·asin√p, the angle with P(1) = p after RY(θ)|0⟩; NaN → 0.5. */
export function encodeAngle(raw: number): number {
  const p = raw === raw ? Math.min(1, Math.max(0, raw)) : 0.5;
  return 2 * Math.asin(Math.sqrt(p));
}

/**
 * Simulate the roadmap circuit with the engine's default (fused) `simulate` and read P(last qubit = 1).
 * Pass a workspace to reuse the 2^n-amplitude buffer across bars (a fresh 256 KB state per bar otherwise).
 */
export function roadmapCircuitProbability(row: ArrayLike<number>, workspace?: SimulationWorkspace): number {
  return simulate(roadmapCircuit(row), { workspace }).state.probabilityOfOne(row.length - 1);
}

/** The same circuit gate by gate (`applyGate`, no fusion) on a reused statevector: the unfused cross-check. */
export function roadmapCircuitProbabilityUnfused(row: ArrayLike<number>, sv: Statevector): number {
  const n = row.length;
  if (sv.nQubits !== n) throw new RangeError(`invalid statevector: ${sv.nQubits} qubits (expected ${n}, one per member)`);
  sv.amps.fill(0);
  sv.amps[0] = 1;
  for (let i = 0; i < n; i++) sv.applyGate('ry', [i], [encodeAngle(row[i])]);
  for (let i = 0; i + 1 < n; i++) sv.applyGate('cx', [i, i + 1]);
  return sv.probabilityOfOne(n - 1);
}

export const parityCircuit: Aggregator = {
  id: 'roadmap-circuit',
  title: 'Our reconstruction of the roadmap circuit (statevector)',
  rationale: 'RY(2·asin√pᵢ) per member, CNOT chain, read the last qubit: the roadmap\'s "quantum collective intelligence", simulated on the statevector. It computes the parity of the votes.',
  kind: 'static',
  fit(data: EnsembleData): Predictor {
    // One buffer per fitted predictor: each bar overwrites it, nothing is kept between predictions.
    // The circuit is built and validated once; each bar only sets the 14 RY angles (ParametricCircuit)
    // and reads P(last = 1) from the real-valued state (no complex copy).
    const workspace = new SimulationWorkspace();
    let template: ParametricCircuit | null = null;
    const simulateRow = (row: Float64Array): number => {
      const n = row.length;
      if (template === null || template.nQubits !== n) template = new ParametricCircuit(roadmapCircuit(new Float64Array(n).fill(0.5)));
      for (let i = 0; i < n; i++) template.setParam(i, 0, encodeAngle(row[i]));
      return template.probabilityOfOne(n - 1, workspace);
    };
    const memo = memoOf(data?.probs);
    return {
      predict(row, t) {
        // A bar of the fitted data (t given): its output is simulated once and kept, so the fallback that wraps
        // this circuit and later walk-forwards over the same members read it instead of simulating it again.
        // The row is kept with the output and compared on reuse, so members edited in place are simulated afresh.
        if (t === undefined || memo === null || !(t >= 0 && t < memo.p.length) || row.length !== memo.n) return simulateRow(row);
        const n = memo.n, o = t * n;
        if (memo.done[t] === 1) {
          let same = true;
          for (let i = 0; i < n && same; i++) { const a = row[i], b = memo.rows[o + i]; same = a === b || (a !== a && b !== b); }
          if (same) return memo.p[t];
        }
        memo.p[t] = simulateRow(row);
        memo.rows.set(row, o);
        memo.done[t] = 1;
        return memo.p[t];
      },
    };
  },
};

/** Outputs of the circuit per bar (and the row they came from), per member matrix: static, so a bar's output is a function of its row alone. */
interface CircuitMemo { readonly n: number; readonly p: Float64Array; readonly rows: Float64Array; readonly done: Uint8Array }
const outputsByData = new WeakMap<readonly Float64Array[], CircuitMemo>();

function memoOf(probs: readonly Float64Array[] | undefined): CircuitMemo | null {
  if (!probs || probs.length === 0) return null;
  let m = outputsByData.get(probs);
  if (!m) {
    const n = probs.length, nBars = probs[0].length;
    m = { n, p: new Float64Array(nBars), rows: new Float64Array(nBars * n), done: new Uint8Array(nBars) };
    outputsByData.set(probs, m);
  }
  return m;
}
