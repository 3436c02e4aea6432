/**
 * Slow, obviously-correct reference simulator for tests: a k-qubit gate on arbitrary qubit
 * positions is expanded to the full 2ⁿ×2ⁿ matrix as kron(I_rest, M) in a permuted basis,
 * then applied by a dense matrix–vector product. Shares no code with the kernels.
 */
import { createRng, type Rng } from '../../../src/engine/random.ts';
import { GATES } from '../../../src/engine/quantum/gates.ts';
import { createCircuit, withOp, type Circuit } from '../../../src/engine/quantum/circuit.ts';

/** Dense complex kron (interleaved re/im, row-major); b is the less significant factor. */
export function kronRef(a: Float64Array, b: Float64Array): Float64Array {
  const da = Math.round(Math.sqrt(a.length / 2)), db = Math.round(Math.sqrt(b.length / 2));
  const d = da * db;
  const out = new Float64Array(2 * d * d);
  for (let i1 = 0; i1 < da; i1++) for (let j1 = 0; j1 < da; j1++) for (let i2 = 0; i2 < db; i2++) for (let j2 = 0; j2 < db; j2++) {
    const ar = a[2 * (i1 * da + j1)], ai = a[2 * (i1 * da + j1) + 1];
    const br = b[2 * (i2 * db + j2)], bi = b[2 * (i2 * db + j2) + 1];
    const r = i1 * db + i2, c = j1 * db + j2;
    out[2 * (r * d + c)] = ar * br - ai * bi;
    out[2 * (r * d + c) + 1] = ar * bi + ai * br;
  }
  return out;
}

export function eye(d: number): Float64Array {
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) m[2 * (i * d + i)] = 1;
  return m;
}

/** Full-register matrix of gate m acting on `qubits` of an n-qubit register. */
export function fullMatrix(m: Float64Array, qubits: readonly number[], n: number): Float64Array {
  const k = qubits.length;
  const rest: number[] = [];
  for (let q = 0; q < n; q++) if (!qubits.includes(q)) rest.push(q);
  // Ordered basis: bits 0..k-1 are `qubits`, bits k..n-1 are `rest`. There the operator is I ⊗ M.
  const ordered = kronRef(eye(1 << rest.length), m);
  const order = [...qubits, ...rest];
  const perm = (x: number): number => {
    let y = 0;
    for (let b = 0; b < n; b++) if ((x >>> b) & 1) y |= 1 << order[b];
    return y;
  };
  const d = 1 << n;
  const out = new Float64Array(2 * d * d);
  void k;
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) {
    const R = perm(r), C = perm(c);
    out[2 * (R * d + C)] = ordered[2 * (r * d + c)];
    out[2 * (R * d + C) + 1] = ordered[2 * (r * d + c) + 1];
  }
  return out;
}

export function matVec(m: Float64Array, v: Float64Array): Float64Array {
  const d = v.length / 2;
  const out = new Float64Array(v.length);
  for (let r = 0; r < d; r++) {
    let re = 0, im = 0;
    for (let c = 0; c < d; c++) {
      const mr = m[2 * (r * d + c)], mi = m[2 * (r * d + c) + 1];
      re += mr * v[2 * c] - mi * v[2 * c + 1];
      im += mr * v[2 * c + 1] + mi * v[2 * c];
    }
    out[2 * r] = re; out[2 * r + 1] = im;
  }
  return out;
}

/** A random normalised state. */
export function randomState(n: number, rng: Rng = createRng(1)): Float64Array {
  const v = new Float64Array(2 << n);
  let s = 0;
  for (let i = 0; i < v.length; i++) { v[i] = rng.normal(); s += v[i] * v[i]; }
  for (let i = 0; i < v.length; i++) v[i] /= Math.sqrt(s);
  return v;
}

/** Distinct random qubits. */
export function randomQubits(k: number, n: number, rng: Rng): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = rng.int(i + 1); [pool[i], pool[j]] = [pool[j], pool[i]]; }
  return pool.slice(0, k);
}

/** Max distance between two states after removing a global phase. */
export function phaseDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // phase = ⟨a|b⟩/|⟨a|b⟩|
  let re = 0, im = 0;
  for (let i = 0; i < a.length; i += 2) { re += a[i] * b[i] + a[i + 1] * b[i + 1]; im += a[i] * b[i + 1] - a[i + 1] * b[i]; }
  const mag = Math.hypot(re, im);
  if (!(mag > 0)) return Infinity; // orthogonal (or zero) states are never "equal up to phase"
  const pr = re / mag, pi = im / mag;
  let worst = 0;
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i] * pr - a[i + 1] * pi, ai = a[i] * pi + a[i + 1] * pr;
    worst = Math.max(worst, Math.hypot(ar - b[i], ai - b[i + 1]));
  }
  return worst;
}

/**
 * A seeded random circuit: `depth` gates drawn from `ids` (default: every gate that fits in n qubits) on
 * distinct random qubits, each parameter uniform in ±angleScale/2.
 */
export function randomGateCircuit(seed: number, n: number, depth: number, ids?: readonly string[], angleScale = 8): Circuit {
  const rng = createRng(seed);
  const pool0 = ids ?? Object.keys(GATES).filter((id) => GATES[id].arity <= n);
  let c = createCircuit(n);
  for (let k = 0; k < depth; k++) {
    const g = GATES[pool0[rng.int(pool0.length)]];
    const pool = Array.from({ length: n }, (_, i) => i);
    const qubits: number[] = [];
    for (let j = 0; j < g.arity; j++) qubits.push(pool.splice(rng.int(pool.length), 1)[0]);
    c = withOp(c, { kind: 'gate', gate: g.id, qubits, params: g.params.map(() => (rng.next() - 0.5) * angleScale) });
  }
  return c;
}
