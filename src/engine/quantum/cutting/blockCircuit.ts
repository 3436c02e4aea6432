/**
 * Demonstration circuits for circuit cutting: k + 1 entangled blocks on a line of qubits, joined by k
 * boundaries that are cut. Used by the virtual-qubits notebook and its tests.
 */
import { buildCircuit, type Circuit } from '../circuit.ts';
import type { CutSpec } from './cut.ts';

/** How two neighbouring blocks are joined: a shared wire (cut between the blocks) or one two-qubit gate (cut). */
export type BlockBoundary = 'wire' | 'cz' | 'cx';

export interface BlockCutCircuit {
  circuit: Circuit;
  /** One cut per boundary, in order: ready for `planCuts(circuit, cuts, observable)`. */
  cuts: CutSpec[];
  /** Qubits of each block (first and last, inclusive). */
  blocks: { first: number; last: number }[];
}

/** Angles the generator consumes for n qubits and k boundaries: 2 per qubit, then one RY per block qubit. */
export function blockCircuitAngleCount(nQubits: number, boundaries: readonly BlockBoundary[]): number {
  const wires = boundaries.filter((b) => b === 'wire').length;
  return 2 * nQubits + nQubits + wires;
}

/**
 * `boundaries.length + 1` blocks on a line of `nQubits` qubits. Every qubit gets RY·RZ; each block is a CX
 * ladder followed by an RY on each of its qubits. Blocks joined by a `wire` boundary share their edge qubit
 * (the wire is cut between the two blocks); blocks joined by a gate boundary are linked by one CZ/CX on the
 * neighbouring edge qubits (that gate is cut). Block sizes add up to n plus the shared qubits, as evenly as
 * possible. `angles` are consumed in order (see `blockCircuitAngleCount`).
 */
export function blockCutCircuit(nQubits: number, boundaries: readonly BlockBoundary[], angles: ArrayLike<number>): BlockCutCircuit {
  const k = boundaries.length;
  for (const [i, b] of boundaries.entries()) if (b !== 'wire' && b !== 'cz' && b !== 'cx') throw new RangeError(`invalid boundaries[${i}]: ${String(b)} (expected wire, cz or cx)`);
  const wires = boundaries.filter((x) => x === 'wire').length;
  const total = nQubits + wires;
  if (!(Number.isInteger(nQubits) && nQubits >= 2 && total >= k + 1)) throw new RangeError(`invalid nQubits: ${nQubits} (expected an integer ≥ 2 giving each of the ${k + 1} blocks a qubit)`);
  const need = blockCircuitAngleCount(nQubits, boundaries);
  if (angles.length < need) throw new RangeError(`invalid angles.length: ${angles.length} (expected ≥ ${need})`);
  const sizes = Array.from({ length: k + 1 }, (_, j) => Math.floor(total / (k + 1)) + (j < total % (k + 1) ? 1 : 0));
  const b = buildCircuit(nQubits);
  let ops = 0, a = 0, t = 0;
  for (let q = 0; q < nQubits; q++) {
    b.ry(angles[t++], q);
    b.rz(angles[t++], q);
    ops += 2;
  }
  const cuts: CutSpec[] = [];
  const blocks: { first: number; last: number }[] = [];
  for (let j = 0; j <= k; j++) {
    const end = a + sizes[j] - 1;
    blocks.push({ first: a, last: end });
    for (let q = a; q < end; q++) { b.cx(q, q + 1); ops++; }
    for (let q = a; q <= end; q++) { b.ry(angles[t++], q); ops++; }
    if (j === k) break;
    if (boundaries[j] === 'wire') {
      cuts.push({ kind: 'wire', qubit: end, afterOp: ops - 1 });
      a = end;
    } else {
      cuts.push({ kind: 'gate', opIndex: ops });
      b.gate(boundaries[j], [end, end + 1]);
      ops++;
      a = end + 1;
    }
  }
  return { circuit: b.build(), cuts, blocks };
}
