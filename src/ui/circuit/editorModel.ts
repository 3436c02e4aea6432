/**
 * The visual editor's edits as pure functions on immutable circuits (tested in node). Positions are
 * diagram slots: a wire and a column of the current layout. Inserting at column k puts the op after
 * every op drawn in columns < k and before the others (the op list is first put in column order,
 * which runs the same circuit: ops of one column act on disjoint wires).
 */
import type { Circuit, Op } from '../../engine/quantum/circuit';
import { createCircuit, withOps } from '../../engine/quantum/circuit';
import { GATES } from '../../engine/quantum/gates';
import { parseQasm, QasmError } from '../../engine/quantum/qasm';
import { layoutCircuit, type DiagramLayout } from '../../engine/quantum/diagram/layout';

/** Most qubits the editor offers (the playground's views read every amplitude). */
export const EDITOR_MAX_QUBITS = 12;

export type Tool = { kind: 'gate'; gate: string } | { kind: 'measure' } | { kind: 'reset' } | { kind: 'barrier' };

/** The number of wires a tool needs picked. */
export function toolArity(tool: Tool): number {
  return tool.kind === 'gate' ? GATES[tool.gate].arity : 1;
}

/** Ops sorted by (column, index): the same circuit, in the order it is drawn. */
export function inColumnOrder(c: Circuit, layout: DiagramLayout = layoutCircuit(c)): Op[] {
  const idx = c.ops.map((_, i) => i);
  idx.sort((a, b) => layout.columnOfOp[a] - layout.columnOfOp[b] || a - b);
  return idx.map((i) => c.ops[i]);
}

function rebuild(nQubits: number, nClbits: number, ops: readonly Op[]): Circuit {
  return withOps(createCircuit(nQubits, nClbits), ops);
}

/** Insert `op` so that it is drawn at column `column` or as far left as its wires allow before it. */
export function insertOp(c: Circuit, op: Op, column: number): Circuit {
  return insertAt(c, op, column).circuit;
}

/** insertOp, also returning the new op's index. */
export function insertAt(c: Circuit, op: Op, column: number): { circuit: Circuit; index: number } {
  const layout = layoutCircuit(c);
  const order = c.ops.map((_, i) => i).sort((a, b) => layout.columnOfOp[a] - layout.columnOfOp[b] || a - b);
  const before = order.filter((i) => layout.columnOfOp[i] < column && layout.columnOfOp[i] >= 0);
  const after = order.filter((i) => !(layout.columnOfOp[i] < column && layout.columnOfOp[i] >= 0));
  let nClbits = c.nClbits;
  if (op.kind === 'measure') nClbits = Math.max(nClbits, op.clbit + 1);
  return { circuit: rebuild(c.nQubits, nClbits, [...before.map((i) => c.ops[i]), op, ...after.map((i) => c.ops[i])]), index: before.length };
}

/** The tool's op on the picked wires (controls first, as in the registry). Gates get π/2 for each parameter. */
export function toolOp(tool: Tool, qubits: readonly number[], c: Circuit): Op {
  if (tool.kind === 'gate') return { kind: 'gate', gate: tool.gate, qubits: [...qubits], params: GATES[tool.gate].params.map(() => Math.PI / 2) };
  if (tool.kind === 'measure') {
    // Measure qubit q into c[q] (the classical register grows as needed), as Composer does.
    return { kind: 'measure', qubit: qubits[0], clbit: Math.min(qubits[0], Math.max(c.nClbits, qubits[0] + 1) - 1) };
  }
  if (tool.kind === 'reset') return { kind: 'reset', qubit: qubits[0] };
  return { kind: 'barrier', qubits: Array.from({ length: c.nQubits }, (_, i) => i) };
}

export function removeOp(c: Circuit, i: number): Circuit {
  return rebuild(c.nQubits, c.nClbits, c.ops.filter((_, j) => j !== i));
}

/** The op drawn over wire `qubit` in column `column`, or −1. */
export function opAt(layout: DiagramLayout, qubit: number, column: number): number {
  for (const it of layout.items) if (it.column === column && it.top <= qubit && qubit <= it.bottom) return it.op;
  return -1;
}

/** Shift an op's wires by `dq`; null when that leaves the register. */
export function shiftQubits(op: Op, dq: number, nQubits: number): Op | null {
  const ok = (q: number): boolean => q + dq >= 0 && q + dq < nQubits;
  switch (op.kind) {
    case 'gate': return op.qubits.every(ok) ? { ...op, qubits: op.qubits.map((q) => q + dq) } : null;
    case 'measure': return ok(op.qubit) ? { ...op, qubit: op.qubit + dq } : null;
    case 'reset': return ok(op.qubit) ? { ...op, qubit: op.qubit + dq } : null;
    case 'barrier': return op.qubits.every(ok) ? { ...op, qubits: op.qubits.map((q) => q + dq) } : null;
  }
}

/**
 * Move op `i` by `dq` wires to column `column` (of the layout without it). Returns the new circuit
 * and the moved op's new index, or null when the move leaves the register.
 */
export function moveOp(c: Circuit, i: number, dq: number, column: number): { circuit: Circuit; index: number } | null {
  const moved = shiftQubits(c.ops[i], dq, c.nQubits);
  if (!moved) return null;
  return insertAt(removeOp(c, i), moved, Math.max(0, column));
}

/** Replace the parameters of gate op `i`. */
export function setParams(c: Circuit, i: number, params: readonly number[]): Circuit {
  const op = c.ops[i];
  if (op.kind !== 'gate') return c;
  return rebuild(c.nQubits, c.nClbits, c.ops.map((o, j) => (j === i ? { ...op, params: [...params] } : o)));
}

/** The same ops on `n` wires; null when an op uses a wire ≥ n. */
export function withQubitCount(c: Circuit, n: number): Circuit | null {
  if (n < 1 || n > EDITOR_MAX_QUBITS) return null;
  const used = c.ops.flatMap((op) => (op.kind === 'gate' || op.kind === 'barrier' ? op.qubits : [op.qubit]));
  if (used.some((q) => q >= n)) {
    // Barriers over all wires shrink with the register; other ops block the removal.
    const blocking = c.ops.some((op) => (op.kind === 'barrier' ? false : (op.kind === 'gate' ? op.qubits : [op.qubit]).some((q) => q >= n)));
    if (blocking) return null;
  }
  const ops = c.ops.map((op) => (op.kind === 'barrier' ? { ...op, qubits: op.qubits.filter((q) => q < n) } : op)).filter((op) => op.kind !== 'barrier' || op.qubits.length > 0);
  return rebuild(n, c.nClbits, ops);
}

/**
 * An angle typed by a person: a number or an expression with pi/π (`pi/4`, `3π/2`, `-0.3`),
 * evaluated by the QASM parser so it accepts exactly what QASM accepts. Throws a QasmError whose
 * column points into `text`.
 */
export function parseAngle(text: string): number {
  // `3π/2` as people write it: an implicit product before pi.
  const expr = text.replace(/π/g, 'pi').replace(/(\d|\.)\s*pi/g, '$1*pi').trim();
  if (!expr) throw new QasmError('enter an angle, e.g. pi/4 or 0.5', 1, 1);
  const prefix = 'rz(';
  try {
    const c = parseQasm(`OPENQASM 2.0;include "qelib1.inc";qreg q[1];\n${prefix}${expr}) q[0];`);
    const op = c.ops[0];
    if (op?.kind !== 'gate') throw new QasmError('not an angle', 1, 1);
    return op.params[0];
  } catch (e) {
    if (e instanceof QasmError) throw new QasmError(e.detail, 1, Math.max(1, e.line === 2 ? e.column - prefix.length : 1));
    throw e;
  }
}
