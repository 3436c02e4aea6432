/**
 * Circuit diagram layout as plain data: which column each op is drawn in, which wires it covers,
 * where cut markers go and which wire segments form which fragment. No geometry in pixels (that is
 * svg.ts), so the layout is tested as data and shared by the static view, the editor and the
 * step-by-step state.
 *
 * Columns are assigned as soon as possible (like Qiskit's drawer): an op goes in the first column
 * after every earlier op that covers one of its wires. An op covers every wire between its lowest
 * and highest qubit (the connector crosses them), a measurement covers its wire and every wire
 * below it (its line runs down to the classical register). So ops in one column never overlap, and
 * ops of a column act on disjoint qubits: running the columns in order runs the circuit.
 *
 * Wires run top to bottom q0, q1, …, q(n−1); in basis states q0 is the rightmost bit (the project's
 * convention, |q(n−1)…q1 q0⟩).
 */
import type { Circuit } from '../circuit.ts';
import type { CutSpec } from '../cutting/cut.ts';
import { describeGate, gateGlyph, type GateGlyph } from './glyphs.ts';

export interface DiagramItem {
  /** Index of the op in circuit.ops. */
  readonly op: number;
  readonly column: number;
  readonly kind: 'gate' | 'measure' | 'reset' | 'barrier';
  /** Registry id for gates. */
  readonly gate?: string;
  /** Wires covered, top and bottom (inclusive). */
  readonly top: number;
  readonly bottom: number;
  /** The qubits the op acts on (in op order). */
  readonly qubits: readonly number[];
  /** Gate glyph (gates only). */
  readonly glyph?: GateGlyph;
  /** Classical bit written (measurements only). */
  readonly clbit?: number;
  /** This gate is cut (a gate cut): drawn with a cut mark, its wires not joined. */
  readonly gateCut: boolean;
  /** Accessible description, e.g. "CNOT … control q0, target q1". */
  readonly description: string;
}

export interface WireCutMark {
  readonly qubit: number;
  /** The cut sits at the left edge of this column (0 = before the first column). */
  readonly boundary: number;
  /** Index into the cut list. */
  readonly cut: number;
}

export interface FragmentSegment {
  readonly qubit: number;
  /** From the left edge of column `from` to the left edge of column `to` (to = columns: the wire's end). */
  readonly from: number;
  readonly to: number;
  readonly fragment: number;
}

export interface DiagramLayout {
  readonly nQubits: number;
  readonly nClbits: number;
  readonly columns: number;
  /** One item per drawn op, in op order (empty barriers are not drawn). */
  readonly items: readonly DiagramItem[];
  /** Column of each op (−1 for an op that is not drawn). */
  readonly columnOfOp: readonly number[];
  readonly wireCuts: readonly WireCutMark[];
  /** Wire segments with their fragment, when cuts were given (empty otherwise). */
  readonly segments: readonly FragmentSegment[];
  readonly nFragments: number;
}

export interface LayoutOptions {
  /** Wire and gate cuts (see cutting/cut.ts) to mark, with the fragments they produce. */
  readonly cuts?: readonly CutSpec[];
}

/** Lay out `circuit` (see the file header). Throws a RangeError for a cut that does not fit the circuit. */
export function layoutCircuit(circuit: Circuit, options: LayoutOptions = {}): DiagramLayout {
  const n = circuit.nQubits;
  const ops = circuit.ops;
  const cuts = options.cuts ?? [];
  const nextFree = new Int32Array(n);
  const items: DiagramItem[] = [];
  const columnOfOp = new Array<number>(ops.length).fill(-1);
  const gateCutOps = new Map<number, number>();
  const wireCutsAfter = new Map<number, number[]>();
  cuts.forEach((cut, k) => {
    if (cut.kind === 'gate') {
      const op = ops[cut.opIndex];
      if (!op || op.kind !== 'gate' || op.qubits.length !== 2) throw new RangeError(`invalid cut ${k}: op ${cut.opIndex} is not a two-qubit gate`);
      gateCutOps.set(cut.opIndex, k);
    } else if (cut.kind === 'wire') {
      if (!Number.isInteger(cut.qubit) || cut.qubit < 0 || cut.qubit >= n) throw new RangeError(`invalid cut ${k} qubit: ${cut.qubit} (expected 0–${n - 1})`);
      if (!Number.isInteger(cut.afterOp) || cut.afterOp < -1 || cut.afterOp >= ops.length) throw new RangeError(`invalid cut ${k} afterOp: ${cut.afterOp} (expected −1–${ops.length - 1})`);
      wireCutsAfter.set(cut.afterOp, [...(wireCutsAfter.get(cut.afterOp) ?? []), k]);
    } else throw new RangeError(`invalid cut ${k}: ${JSON.stringify(cut)} (expected kind 'wire' or 'gate')`);
  });

  // Fragments: wire segments joined by uncut multi-qubit gates (the same rule as planCuts).
  const parent: number[] = [];
  const segQubit: number[] = [];
  const segFrom: number[] = [];
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  const newSeg = (q: number, from: number): number => { parent.push(parent.length); segQubit.push(q); segFrom.push(from); return parent.length - 1; };
  const seg = Array.from({ length: n }, (_, q) => newSeg(q, 0));
  const segTo: number[] = [];
  const wireCuts: WireCutMark[] = [];
  const applyWireCuts = (after: number): void => {
    for (const k of wireCutsAfter.get(after) ?? []) {
      const q = (cuts[k] as { qubit: number }).qubit;
      const boundary = nextFree[q];
      wireCuts.push({ qubit: q, boundary, cut: k });
      segTo[seg[q]] = boundary;
      seg[q] = newSeg(q, boundary);
    }
  };
  applyWireCuts(-1);

  ops.forEach((op, i) => {
    let top: number, bottom: number, qubits: readonly number[];
    switch (op.kind) {
      case 'gate': qubits = op.qubits; top = Math.min(...qubits); bottom = Math.max(...qubits); break;
      case 'measure': qubits = [op.qubit]; top = op.qubit; bottom = n - 1; break;
      case 'reset': qubits = [op.qubit]; top = bottom = op.qubit; break;
      case 'barrier': qubits = op.qubits; top = qubits.length ? Math.min(...qubits) : 0; bottom = qubits.length ? Math.max(...qubits) : -1; break;
    }
    if (bottom >= top) {
      let column = 0;
      for (let q = top; q <= bottom; q++) column = Math.max(column, nextFree[q]);
      for (let q = top; q <= bottom; q++) nextFree[q] = column + 1;
      columnOfOp[i] = column;
      const cutK = gateCutOps.get(i);
      let description: string;
      if (op.kind === 'gate') description = describeGate(op.gate, op.qubits, op.params) + (cutK !== undefined ? ' (cut)' : '');
      else if (op.kind === 'measure') description = `measure q${op.qubit} into c${op.clbit}`;
      else if (op.kind === 'reset') description = `reset q${op.qubit} to |0⟩`;
      else description = `barrier on ${qubits.map((q) => `q${q}`).join(', ')}`;
      items.push({
        op: i, column, kind: op.kind, top, bottom, qubits, description,
        gate: op.kind === 'gate' ? op.gate : undefined,
        glyph: op.kind === 'gate' ? gateGlyph(op.gate, op.qubits, op.params) : undefined,
        clbit: op.kind === 'measure' ? op.clbit : undefined,
        gateCut: cutK !== undefined,
      });
      if (op.kind === 'gate' && cutK === undefined && qubits.length > 1) {
        const r0 = find(seg[qubits[0]]);
        for (let j = 1; j < qubits.length; j++) { const r = find(seg[qubits[j]]); if (r !== r0) parent[r] = r0; }
      }
    }
    applyWireCuts(i);
  });

  const columns = Math.max(0, ...Array.from(nextFree));
  const segments: FragmentSegment[] = [];
  let nFragments = 0;
  if (cuts.length) {
    const fragOfRoot = new Map<number, number>();
    for (let s = 0; s < parent.length; s++) {
      const r = find(s);
      if (!fragOfRoot.has(r)) fragOfRoot.set(r, fragOfRoot.size);
      segments.push({ qubit: segQubit[s], from: segFrom[s], to: segTo[s] ?? columns, fragment: fragOfRoot.get(r) as number });
    }
    nFragments = fragOfRoot.size;
  }
  return { nQubits: n, nClbits: circuit.nClbits, columns, items, columnOfOp, wireCuts, segments, nFragments };
}

/** The op indices of each column, in op order. */
export function opsByColumn(layout: DiagramLayout): number[][] {
  const out: number[][] = Array.from({ length: layout.columns }, () => []);
  for (const it of layout.items) out[it.column].push(it.op);
  return out;
}
