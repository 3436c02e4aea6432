/**
 * Immutable circuits: a qubit count, a classical-bit count and a list of ops. Every edit
 * (`withOp`, the builder) returns a new validated circuit, so a circuit can be shared between
 * the UI, workers and share links without defensive copies.
 */
import { GATES, resolveGateId } from './gates.ts';

export type Op =
  | { readonly kind: 'gate'; readonly gate: string; readonly qubits: readonly number[]; readonly params: readonly number[] }
  | { readonly kind: 'measure'; readonly qubit: number; readonly clbit: number }
  | { readonly kind: 'reset'; readonly qubit: number }
  | { readonly kind: 'barrier'; readonly qubits: readonly number[] };

export type GateOp = Extract<Op, { kind: 'gate' }>;

export interface Circuit {
  readonly nQubits: number;
  readonly nClbits: number;
  readonly ops: readonly Op[];
}

/**
 * Largest register a circuit may declare. Circuits are cheap; only statevector simulation is
 * capped (see MAX_STATEVECTOR_QUBITS). 64 keeps bit masks honest in tools such as cutting.
 */
export const MAX_CIRCUIT_QUBITS = 64;
export const MAX_CLBITS = 1024;

/**
 * Circuits built by this module are validated and frozen; remembering them lets simulate()
 * skip re-validation (a hot path for the 14-qubit aggregator). A WeakSet holds no circuit alive.
 */
const validated = new WeakSet<Circuit>();

function sealed(c: Circuit): Circuit {
  validated.add(c);
  return c;
}

/** True when `c` came from createCircuit/withOp/withOps/build/parseQasm (so it is frozen and valid). */
export function isValidatedCircuit(c: Circuit): boolean {
  return validated.has(c);
}

function checkCount(name: string, n: number, min: number, max: number): void {
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`invalid ${name}: ${n} (expected ${min}–${max})`);
}

export function createCircuit(nQubits: number, nClbits = 0): Circuit {
  checkCount('nQubits', nQubits, 1, MAX_CIRCUIT_QUBITS);
  checkCount('nClbits', nClbits, 0, MAX_CLBITS);
  return sealed(Object.freeze({ nQubits, nClbits, ops: Object.freeze([]) as readonly Op[] }));
}

function checkQubit(c: Circuit, q: number, where: string): void {
  if (!Number.isInteger(q) || q < 0 || q >= c.nQubits) {
    throw new RangeError(`invalid qubit in ${where}: ${q} (expected 0–${c.nQubits - 1})`);
  }
}

/** Validate `op` against `c` and return a frozen, normalised copy (canonical gate id). */
export function validateOp(c: Circuit, op: Op): Op {
  if (op === null || typeof op !== 'object') throw new TypeError(`invalid op: ${String(op)} (expected an object)`);
  switch (op.kind) {
    case 'gate': {
      if (typeof op.gate !== 'string') throw new TypeError(`invalid gate: ${String(op.gate)} (expected a gate id string)`);
      const id = resolveGateId(op.gate);
      if (id === undefined) throw new RangeError(`invalid gate: '${op.gate}' (expected one of ${Object.keys(GATES).join(', ')})`);
      const g = GATES[id];
      const where = `gate '${id}'`;
      if (!Array.isArray(op.qubits) || op.qubits.length !== g.arity) {
        throw new RangeError(`invalid qubit count for ${where}: ${Array.isArray(op.qubits) ? op.qubits.length : String(op.qubits)} (expected ${g.arity})`);
      }
      for (const q of op.qubits) checkQubit(c, q, where);
      if (new Set(op.qubits).size !== op.qubits.length) throw new RangeError(`invalid qubits for ${where}: [${op.qubits.join(', ')}] (expected distinct qubits)`);
      const params = op.params ?? [];
      if (!Array.isArray(params) || params.length !== g.params.length) {
        throw new RangeError(`invalid param count for ${where}: ${Array.isArray(params) ? params.length : String(params)} (expected ${g.params.length}${g.params.length ? `: ${g.params.join(', ')}` : ''})`);
      }
      params.forEach((p, i) => {
        if (typeof p !== 'number' || !Number.isFinite(p)) throw new RangeError(`invalid param ${g.params[i]} of ${where}: ${String(p)} (expected a finite number)`);
      });
      return Object.freeze({ kind: 'gate', gate: id, qubits: Object.freeze([...op.qubits]), params: Object.freeze([...params]) });
    }
    case 'measure':
      checkQubit(c, op.qubit, 'measure');
      if (!Number.isInteger(op.clbit) || op.clbit < 0 || op.clbit >= c.nClbits) {
        throw new RangeError(`invalid clbit in measure: ${op.clbit} (expected 0–${c.nClbits - 1}${c.nClbits === 0 ? '; the circuit has no classical bits' : ''})`);
      }
      return Object.freeze({ kind: 'measure', qubit: op.qubit, clbit: op.clbit });
    case 'reset':
      checkQubit(c, op.qubit, 'reset');
      return Object.freeze({ kind: 'reset', qubit: op.qubit });
    case 'barrier': {
      if (!Array.isArray(op.qubits)) throw new TypeError(`invalid qubits in barrier: ${String(op.qubits)} (expected an array)`);
      for (const q of op.qubits) checkQubit(c, q, 'barrier');
      return Object.freeze({ kind: 'barrier', qubits: Object.freeze([...op.qubits]) });
    }
    default:
      throw new TypeError(`invalid op kind: ${String((op as { kind: unknown }).kind)} (expected gate, measure, reset or barrier)`);
  }
}

/** A new circuit with `op` appended (validated). */
export function withOp(c: Circuit, op: Op): Circuit {
  const v = validateOp(c, op);
  return sealed(Object.freeze({ nQubits: c.nQubits, nClbits: c.nClbits, ops: Object.freeze([...c.ops, v]) }));
}

/** A new circuit with all `ops` appended (validated), in one copy. */
export function withOps(c: Circuit, ops: readonly Op[]): Circuit {
  const out = c.ops.slice();
  for (const op of ops) out.push(validateOp(c, op));
  return sealed(Object.freeze({ nQubits: c.nQubits, nClbits: c.nClbits, ops: Object.freeze(out) }));
}

/** Re-validate a circuit from untrusted input (e.g. a share link), returning a frozen copy. */
export function validateCircuit(c: Circuit): Circuit {
  if (validated.has(c)) return c;
  if (c === null || typeof c !== 'object') throw new TypeError(`invalid circuit: ${String(c)} (expected an object)`);
  if (!Array.isArray(c.ops)) throw new TypeError(`invalid circuit.ops: ${String(c.ops)} (expected an array)`);
  return withOps(createCircuit(c.nQubits, c.nClbits), c.ops);
}

/** Gate ops only (drops measure/reset/barrier). */
export function gateOps(c: Circuit): GateOp[] {
  return c.ops.filter((op): op is GateOp => op.kind === 'gate');
}

/** Number of parametrised gate parameters, in op order. */
export function countParams(c: Circuit): number {
  let n = 0;
  for (const op of c.ops) if (op.kind === 'gate') n += op.params.length;
  return n;
}

/**
 * Fluent builder: `buildCircuit(3).h(0).cx(0, 1).ry(0.3, 2).build()`. Angles come first, as in
 * QASM (`ry(0.3) q[2]`). Ops are validated as they are added, so errors point at the call.
 */
export class CircuitBuilder {
  private readonly base: Circuit;
  private readonly ops: Op[] = [];

  constructor(nQubits: number, nClbits = 0) {
    this.base = createCircuit(nQubits, nClbits);
  }

  /** Append any registry gate. */
  gate(id: string, qubits: readonly number[], params: readonly number[] = []): this {
    this.ops.push(validateOp(this.base, { kind: 'gate', gate: id, qubits, params }));
    return this;
  }
  op(op: Op): this { this.ops.push(validateOp(this.base, op)); return this; }

  id(q: number): this { return this.gate('id', [q]); }
  x(q: number): this { return this.gate('x', [q]); }
  y(q: number): this { return this.gate('y', [q]); }
  z(q: number): this { return this.gate('z', [q]); }
  h(q: number): this { return this.gate('h', [q]); }
  s(q: number): this { return this.gate('s', [q]); }
  sdg(q: number): this { return this.gate('sdg', [q]); }
  t(q: number): this { return this.gate('t', [q]); }
  tdg(q: number): this { return this.gate('tdg', [q]); }
  sx(q: number): this { return this.gate('sx', [q]); }
  sxdg(q: number): this { return this.gate('sxdg', [q]); }
  rx(theta: number, q: number): this { return this.gate('rx', [q], [theta]); }
  ry(theta: number, q: number): this { return this.gate('ry', [q], [theta]); }
  rz(theta: number, q: number): this { return this.gate('rz', [q], [theta]); }
  p(lambda: number, q: number): this { return this.gate('p', [q], [lambda]); }
  u1(lambda: number, q: number): this { return this.gate('u1', [q], [lambda]); }
  u2(phi: number, lambda: number, q: number): this { return this.gate('u2', [q], [phi, lambda]); }
  u(theta: number, phi: number, lambda: number, q: number): this { return this.gate('u', [q], [theta, phi, lambda]); }
  u3(theta: number, phi: number, lambda: number, q: number): this { return this.gate('u3', [q], [theta, phi, lambda]); }
  cx(control: number, target: number): this { return this.gate('cx', [control, target]); }
  cy(control: number, target: number): this { return this.gate('cy', [control, target]); }
  cz(control: number, target: number): this { return this.gate('cz', [control, target]); }
  ch(control: number, target: number): this { return this.gate('ch', [control, target]); }
  swap(a: number, b: number): this { return this.gate('swap', [a, b]); }
  crx(theta: number, control: number, target: number): this { return this.gate('crx', [control, target], [theta]); }
  cry(theta: number, control: number, target: number): this { return this.gate('cry', [control, target], [theta]); }
  crz(theta: number, control: number, target: number): this { return this.gate('crz', [control, target], [theta]); }
  cp(lambda: number, control: number, target: number): this { return this.gate('cp', [control, target], [lambda]); }
  cu1(lambda: number, control: number, target: number): this { return this.gate('cu1', [control, target], [lambda]); }
  cu3(theta: number, phi: number, lambda: number, control: number, target: number): this { return this.gate('cu3', [control, target], [theta, phi, lambda]); }
  rxx(theta: number, a: number, b: number): this { return this.gate('rxx', [a, b], [theta]); }
  rzz(theta: number, a: number, b: number): this { return this.gate('rzz', [a, b], [theta]); }
  ccx(c0: number, c1: number, target: number): this { return this.gate('ccx', [c0, c1, target]); }
  cswap(control: number, a: number, b: number): this { return this.gate('cswap', [control, a, b]); }
  measure(qubit: number, clbit: number): this { return this.op({ kind: 'measure', qubit, clbit }); }
  reset(qubit: number): this { return this.op({ kind: 'reset', qubit }); }
  /** A barrier on the given qubits (all qubits when none are given). */
  barrier(...qubits: number[]): this {
    const qs = qubits.length ? qubits : Array.from({ length: this.base.nQubits }, (_, i) => i);
    return this.op({ kind: 'barrier', qubits: qs });
  }

  build(): Circuit {
    return sealed(Object.freeze({ nQubits: this.base.nQubits, nClbits: this.base.nClbits, ops: Object.freeze(this.ops.slice()) }));
  }
}

export function buildCircuit(nQubits: number, nClbits = 0): CircuitBuilder {
  return new CircuitBuilder(nQubits, nClbits);
}
