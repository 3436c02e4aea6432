/**
 * The `circuit(c, options)` view builder of notebook cells. It runs in the worker, where cells run:
 * it checks the circuit, writes the QASM text twin and, with `steps`, simulates the state after
 * every column (steps.ts) so that the page only draws. The page lays the circuit out and renders
 * the SVG itself (layout.ts, svg.ts: a few milliseconds), so the spec carries the ops, not pixels.
 */
import type { Circuit, Op } from '../circuit.ts';
import { validateCircuit } from '../circuit.ts';
import type { CutSpec } from '../cutting/cut.ts';
import { toQasm } from '../qasm.ts';
import { layoutCircuit } from './layout.ts';
import { MAX_STEP_COLUMNS, MAX_STEP_QUBITS, stepThroughColumns, type StepTrace } from './steps.ts';

export interface CircuitViewOptions {
  /** Figure caption (also the accessible name). */
  readonly caption?: string;
  /** Wire and gate cuts to mark; fragments are shaded. */
  readonly cuts?: readonly CutSpec[];
  /** Add the step-by-step state view (column slider); needs ≤ 14 qubits. */
  readonly steps?: boolean;
  /** Seed of the drawn shot (measurement outcomes, final bits); default 0. */
  readonly seed?: number;
  /** Fold width in pixels (default 1180). */
  readonly maxWidth?: number;
  /** Names for the qubits' roles, shown in a legend under the drawing (e.g. ['member 0', …]). */
  readonly qubitNames?: readonly string[];
  /** Qubits whose final value is the circuit's answer (drawn with a readout mark and named in the caption). */
  readonly readout?: readonly number[];
  /** Let the reader pick cuts by clicking a wire or a gate; the cut list is written into this text input (JSON). */
  readonly pickCutsInput?: string;
}

export interface CircuitViewSpec {
  readonly kind: 'circuit';
  readonly circuit: { readonly nQubits: number; readonly nClbits: number; readonly ops: readonly Op[] };
  readonly cuts: readonly CutSpec[];
  readonly caption?: string;
  /** The text twin: OpenQASM 2.0. */
  readonly qasm: string;
  readonly steps?: StepTrace;
  /** Why there is no step view (too large), when steps were asked for. */
  readonly stepsNote?: string;
  readonly maxWidth?: number;
  readonly qubitNames?: readonly string[];
  readonly readout?: readonly number[];
  readonly pickCutsInput?: string;
}

/** Build a circuit view (see CircuitViewOptions). Throws a clear error for an invalid circuit or cut. */
export function circuitView(c: Circuit, options: CircuitViewOptions = {}): CircuitViewSpec {
  if (!c || typeof c !== 'object') throw new TypeError('circuit(c, options): c must be a circuit (quantum.parseQasm, quantum.buildCircuit, …)');
  const circuit = validateCircuit(c);
  const cuts = [...(options.cuts ?? [])];
  const layout = layoutCircuit(circuit, { cuts }); // validates the cuts here, in the cell, so the error names the cell
  let steps: StepTrace | undefined;
  let stepsNote: string | undefined;
  if (options.steps) {
    if (circuit.nQubits > MAX_STEP_QUBITS) stepsNote = `The step-by-step state is shown up to ${MAX_STEP_QUBITS} qubits; this circuit has ${circuit.nQubits}.`;
    else if (layout.columns > MAX_STEP_COLUMNS) stepsNote = `The step-by-step state is shown up to ${MAX_STEP_COLUMNS} columns; this circuit has ${layout.columns}.`;
    else steps = stepThroughColumns(circuit, layout, { seed: options.seed ?? 0 });
  }
  for (const q of options.readout ?? []) {
    if (!Number.isInteger(q) || q < 0 || q >= circuit.nQubits) throw new RangeError(`invalid readout qubit: ${q} (expected 0–${circuit.nQubits - 1})`);
  }
  return {
    kind: 'circuit',
    circuit: { nQubits: circuit.nQubits, nClbits: circuit.nClbits, ops: circuit.ops },
    cuts,
    caption: options.caption,
    qasm: toQasm(circuit),
    steps,
    stepsNote,
    maxWidth: options.maxWidth,
    qubitNames: options.qubitNames,
    readout: options.readout,
    pickCutsInput: options.pickCutsInput,
  };
}
