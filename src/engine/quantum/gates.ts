/**
 * The gate registry: declarative records (id, title, teaching blurb, arity, parameter names,
 * reference matrix, kernel hint). The statevector kernels, the QASM parser/serialiser, the
 * circuit builder and the registry-wide tests all read this one table.
 *
 * Ids are lowercase and equal OpenQASM 2.0 `qelib1.inc` names (`x`, `h`, `cx`, `ccx`, `sdg`,
 * `sx`, `p`, `u`, `u3`, …), so QASM round-trips without a translation table. A few common
 * spellings are accepted as aliases by `resolveGateId` (`i`→`id`, `cnot`→`cx`, `toffoli`→`ccx`,
 * `fredkin`→`cswap`, `phase`→`p`, `cphase`→`cp`); ids are stable and never renamed.
 *
 * Matrix convention (Qiskit little-endian): a k-qubit gate applied to qubits [q0, q1, …] has
 * a 2^k×2^k matrix whose row/column index has q0 as its LEAST significant bit. CX on
 * [control, target] therefore maps index c + 2·t. Matrices are row-major, interleaved re/im.
 * Rotations follow Qiskit: RZ(θ) = diag(e^{−iθ/2}, e^{iθ/2}), P(λ) = U1(λ) = diag(1, e^{iλ}).
 */

export type GateKind = 'diagonal' | 'permutation' | 'controlled' | 'general';

export interface GateDef {
  /** Stable lowercase id, equal to the qelib1 name. */
  readonly id: string;
  readonly title: string;
  /** One teaching sentence shown next to the maths. */
  readonly blurb: string;
  /** Number of qubits the gate acts on. */
  readonly arity: number;
  /** Parameter names in QASM order (angles in radians). */
  readonly params: readonly string[];
  /** The reference matrix (2·4^arity entries, see the convention above). */
  matrix(params: readonly number[]): Float64Array;
  /** Kernel hint: 'diagonal' (phases only), 'permutation' (basis permutation), 'controlled' (identity unless the leading qubits are 1), 'general'. */
  readonly kind: GateKind;
  /** Number of leading control qubits (for 'controlled'/'permutation'/'diagonal' controlled gates), 0 otherwise. */
  readonly nControls: number;
}

const { cos, sin, SQRT1_2 } = Math;

/** Build a d×d matrix from interleaved re/im row-major entries. */
function mat(entries: readonly number[]): Float64Array {
  return Float64Array.from(entries);
}

function diag(phases: readonly number[]): Float64Array {
  // phases given as interleaved (re, im) pairs of the diagonal
  const d = phases.length / 2;
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    m[2 * (i * d + i)] = phases[2 * i];
    m[2 * (i * d + i) + 1] = phases[2 * i + 1];
  }
  return m;
}

/** U3(θ, φ, λ), the general single-qubit unitary (OpenQASM `U`). */
function u3(theta: number, phi: number, lambda: number): Float64Array {
  const c = cos(theta / 2), s = sin(theta / 2);
  return mat([
    c, 0, -cos(lambda) * s, -sin(lambda) * s,
    cos(phi) * s, sin(phi) * s, cos(phi + lambda) * c, sin(phi + lambda) * c,
  ]);
}

/**
 * Controlled version of `base` with `nControls` controls listed first (least significant),
 * followed by the base gate's qubits.
 */
export function controlledMatrix(base: Float64Array, nControls: number): Float64Array {
  const db = Math.round(Math.sqrt(base.length / 2));
  const nc = 1 << nControls;
  const d = db * nc;
  const m = new Float64Array(2 * d * d);
  const all = nc - 1;
  for (let r = 0; r < d; r++) {
    if ((r & all) !== all) { m[2 * (r * d + r)] = 1; continue; }
    const br = r >> nControls;
    for (let bc = 0; bc < db; bc++) {
      const c = (bc << nControls) | all;
      m[2 * (r * d + c)] = base[2 * (br * db + bc)];
      m[2 * (r * d + c) + 1] = base[2 * (br * db + bc) + 1];
    }
  }
  return m;
}

const X_M = mat([0, 0, 1, 0, 1, 0, 0, 0]);
const Y_M = mat([0, 0, 0, -1, 0, 1, 0, 0]);
const Z_M = diag([1, 0, -1, 0]);
const H_M = mat([SQRT1_2, 0, SQRT1_2, 0, SQRT1_2, 0, -SQRT1_2, 0]);
const SWAP_M = mat([
  1, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 1, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 1, 0,
]);

const rx = (t: number): Float64Array => mat([cos(t / 2), 0, 0, -sin(t / 2), 0, -sin(t / 2), cos(t / 2), 0]);
const ry = (t: number): Float64Array => mat([cos(t / 2), 0, -sin(t / 2), 0, sin(t / 2), 0, cos(t / 2), 0]);
const rz = (t: number): Float64Array => diag([cos(t / 2), -sin(t / 2), cos(t / 2), sin(t / 2)]);
const phase = (l: number): Float64Array => diag([1, 0, cos(l), sin(l)]);

type Spec = Omit<GateDef, 'nControls' | 'matrix'> & { nControls?: number; matrix: (p: readonly number[]) => Float64Array };

const constant = (m: Float64Array) => (): Float64Array => m.slice();

const SPECS: Spec[] = [
  { id: 'id', title: 'Identity', blurb: 'Does nothing; a placeholder that keeps a wire busy for one time step.', arity: 1, params: [], kind: 'diagonal', matrix: constant(diag([1, 0, 1, 0])) },
  { id: 'x', title: 'Pauli X', blurb: 'The quantum NOT: swaps |0⟩ and |1⟩, a half turn about the X axis of the Bloch sphere.', arity: 1, params: [], kind: 'permutation', matrix: constant(X_M) },
  { id: 'y', title: 'Pauli Y', blurb: 'A half turn about the Y axis: flips the bit and adds a phase of ±i.', arity: 1, params: [], kind: 'general', matrix: constant(Y_M) },
  { id: 'z', title: 'Pauli Z', blurb: 'A half turn about the Z axis: leaves |0⟩ alone and flips the sign of |1⟩.', arity: 1, params: [], kind: 'diagonal', matrix: constant(Z_M) },
  { id: 'h', title: 'Hadamard', blurb: 'Turns |0⟩ into the equal superposition |+⟩ and back; it swaps the X and Z axes.', arity: 1, params: [], kind: 'general', matrix: constant(H_M) },
  { id: 's', title: 'S (√Z)', blurb: 'A quarter turn about Z: multiplies |1⟩ by i.', arity: 1, params: [], kind: 'diagonal', matrix: constant(diag([1, 0, 0, 1])) },
  { id: 'sdg', title: 'S†', blurb: 'The inverse of S: multiplies |1⟩ by −i.', arity: 1, params: [], kind: 'diagonal', matrix: constant(diag([1, 0, 0, -1])) },
  { id: 't', title: 'T (π/8)', blurb: 'An eighth turn about Z: multiplies |1⟩ by e^{iπ/4}; with H it makes every gate approximately.', arity: 1, params: [], kind: 'diagonal', matrix: constant(diag([1, 0, SQRT1_2, SQRT1_2])) },
  { id: 'tdg', title: 'T†', blurb: 'The inverse of T: multiplies |1⟩ by e^{−iπ/4}.', arity: 1, params: [], kind: 'diagonal', matrix: constant(diag([1, 0, SQRT1_2, -SQRT1_2])) },
  { id: 'sx', title: '√X', blurb: 'Half of a NOT: applying it twice gives X. A native gate on IBM hardware.', arity: 1, params: [], kind: 'general', matrix: constant(mat([0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5])) },
  { id: 'sxdg', title: '√X†', blurb: 'The inverse of √X.', arity: 1, params: [], kind: 'general', matrix: constant(mat([0.5, -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5])) },
  { id: 'rx', title: 'RX(θ)', blurb: 'Rotation by θ about the X axis: exp(−iθX/2).', arity: 1, params: ['theta'], kind: 'general', matrix: (p) => rx(p[0]) },
  { id: 'ry', title: 'RY(θ)', blurb: 'Rotation by θ about the Y axis: exp(−iθY/2). From |0⟩ it gives P(1) = sin²(θ/2), with real amplitudes.', arity: 1, params: ['theta'], kind: 'general', matrix: (p) => ry(p[0]) },
  { id: 'rz', title: 'RZ(θ)', blurb: 'Rotation by θ about the Z axis: exp(−iθZ/2) = diag(e^{−iθ/2}, e^{iθ/2}).', arity: 1, params: ['theta'], kind: 'diagonal', matrix: (p) => rz(p[0]) },
  { id: 'p', title: 'Phase P(λ)', blurb: 'Multiplies |1⟩ by e^{iλ}; equals RZ(λ) up to a global phase.', arity: 1, params: ['lambda'], kind: 'diagonal', matrix: (p) => phase(p[0]) },
  { id: 'u1', title: 'U1(λ)', blurb: 'The older qelib1 name for the phase gate P(λ).', arity: 1, params: ['lambda'], kind: 'diagonal', matrix: (p) => phase(p[0]) },
  { id: 'u2', title: 'U2(φ, λ)', blurb: 'U(π/2, φ, λ): a Hadamard-like gate with two phases.', arity: 1, params: ['phi', 'lambda'], kind: 'general', matrix: (p) => u3(Math.PI / 2, p[0], p[1]) },
  { id: 'u', title: 'U(θ, φ, λ)', blurb: 'The general single-qubit gate: every 1-qubit unitary is U(θ, φ, λ) up to a global phase.', arity: 1, params: ['theta', 'phi', 'lambda'], kind: 'general', matrix: (p) => u3(p[0], p[1], p[2]) },
  { id: 'u3', title: 'U3(θ, φ, λ)', blurb: 'The older qelib1 name for U(θ, φ, λ).', arity: 1, params: ['theta', 'phi', 'lambda'], kind: 'general', matrix: (p) => u3(p[0], p[1], p[2]) },
  { id: 'cx', title: 'CNOT', blurb: 'Flips the target when the control is 1; with H it creates entanglement (a Bell pair).', arity: 2, params: [], kind: 'permutation', nControls: 1, matrix: constant(controlledMatrix(X_M, 1)) },
  { id: 'cy', title: 'Controlled Y', blurb: 'Applies Y to the target when the control is 1.', arity: 2, params: [], kind: 'controlled', nControls: 1, matrix: constant(controlledMatrix(Y_M, 1)) },
  { id: 'cz', title: 'Controlled Z', blurb: 'Flips the sign of |11⟩; symmetric in its two qubits.', arity: 2, params: [], kind: 'diagonal', nControls: 1, matrix: constant(controlledMatrix(Z_M, 1)) },
  { id: 'ch', title: 'Controlled H', blurb: 'Applies a Hadamard to the target when the control is 1.', arity: 2, params: [], kind: 'controlled', nControls: 1, matrix: constant(controlledMatrix(H_M, 1)) },
  { id: 'swap', title: 'SWAP', blurb: 'Exchanges the states of two qubits (three CNOTs).', arity: 2, params: [], kind: 'permutation', matrix: constant(SWAP_M) },
  { id: 'crx', title: 'Controlled RX(θ)', blurb: 'RX(θ) on the target when the control is 1.', arity: 2, params: ['theta'], kind: 'controlled', nControls: 1, matrix: (p) => controlledMatrix(rx(p[0]), 1) },
  { id: 'cry', title: 'Controlled RY(θ)', blurb: 'RY(θ) on the target when the control is 1.', arity: 2, params: ['theta'], kind: 'controlled', nControls: 1, matrix: (p) => controlledMatrix(ry(p[0]), 1) },
  { id: 'crz', title: 'Controlled RZ(θ)', blurb: 'RZ(θ) on the target when the control is 1 (a diagonal gate).', arity: 2, params: ['theta'], kind: 'diagonal', nControls: 1, matrix: (p) => controlledMatrix(rz(p[0]), 1) },
  { id: 'cp', title: 'Controlled phase CP(λ)', blurb: 'Multiplies |11⟩ by e^{iλ}; the building block of the quantum Fourier transform.', arity: 2, params: ['lambda'], kind: 'diagonal', nControls: 1, matrix: (p) => controlledMatrix(phase(p[0]), 1) },
  { id: 'cu1', title: 'Controlled U1(λ)', blurb: 'The older qelib1 name for CP(λ).', arity: 2, params: ['lambda'], kind: 'diagonal', nControls: 1, matrix: (p) => controlledMatrix(phase(p[0]), 1) },
  { id: 'cu3', title: 'Controlled U3(θ, φ, λ)', blurb: 'U3(θ, φ, λ) on the target when the control is 1.', arity: 2, params: ['theta', 'phi', 'lambda'], kind: 'controlled', nControls: 1, matrix: (p) => controlledMatrix(u3(p[0], p[1], p[2]), 1) },
  {
    id: 'rxx', title: 'RXX(θ)', blurb: 'exp(−iθ X⊗X/2): the Mølmer–Sørensen interaction of trapped ions.', arity: 2, params: ['theta'], kind: 'general',
    matrix: (p) => {
      const c = cos(p[0] / 2), s = sin(p[0] / 2);
      return mat([
        c, 0, 0, 0, 0, 0, 0, -s,
        0, 0, c, 0, 0, -s, 0, 0,
        0, 0, 0, -s, c, 0, 0, 0,
        0, -s, 0, 0, 0, 0, c, 0,
      ]);
    },
  },
  {
    id: 'rzz', title: 'RZZ(θ)', blurb: 'exp(−iθ Z⊗Z/2): a phase that depends on the parity of the two qubits.', arity: 2, params: ['theta'], kind: 'diagonal',
    matrix: (p) => {
      const c = cos(p[0] / 2), s = sin(p[0] / 2);
      return diag([c, -s, c, s, c, s, c, -s]);
    },
  },
  { id: 'ccx', title: 'Toffoli (CCX)', blurb: 'Flips the target when both controls are 1: a reversible AND.', arity: 3, params: [], kind: 'permutation', nControls: 2, matrix: constant(controlledMatrix(X_M, 2)) },
  { id: 'cswap', title: 'Fredkin (CSWAP)', blurb: 'Swaps the two targets when the control is 1.', arity: 3, params: [], kind: 'permutation', nControls: 1, matrix: constant(controlledMatrix(SWAP_M, 1)) },
];

function freeze(spec: Spec): GateDef {
  return Object.freeze({ ...spec, nControls: spec.nControls ?? 0, params: Object.freeze([...spec.params]) });
}

/** Every gate, keyed by id. Iterating it covers the whole registry (tests do). */
export const GATES: Readonly<Record<string, GateDef>> = Object.freeze(
  Object.fromEntries(SPECS.map((s) => [s.id, freeze(s)])),
);

/** Accepted alternative spellings (input only; circuits always store the canonical id). */
export const GATE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  i: 'id', cnot: 'cx', toffoli: 'ccx', fredkin: 'cswap', phase: 'p', cphase: 'cp',
});

/** The canonical id for a gate name (case-insensitive, aliases allowed), or undefined if unknown. */
export function resolveGateId(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(GATES, lower)) return lower;
  const alias = GATE_ALIASES[lower];
  return alias !== undefined && Object.hasOwn(GATES, alias) ? alias : undefined;
}

/** The registry entry for `name`, or a RangeError listing the known ids. */
export function getGate(name: string): GateDef {
  const id = resolveGateId(name);
  if (id === undefined) {
    throw new RangeError(`invalid gate: '${name}' (expected one of ${Object.keys(GATES).join(', ')})`);
  }
  return GATES[id];
}

/** The gate's reference matrix for these parameters, validating the parameter count and finiteness. */
export function gateMatrix(id: string, params: readonly number[] = []): Float64Array {
  const g = getGate(id);
  if (params.length !== g.params.length) {
    throw new RangeError(`invalid params for gate '${g.id}': got ${params.length} (expected ${g.params.length}${g.params.length ? `: ${g.params.join(', ')}` : ''})`);
  }
  for (let i = 0; i < params.length; i++) {
    if (!Number.isFinite(params[i])) throw new RangeError(`invalid param ${g.params[i]} of gate '${g.id}': ${params[i]} (expected a finite number)`);
  }
  return g.matrix(params);
}

/**
 * d U/d θ_k by a 5-point central difference on the matrix entries (error O(h⁴) ≈ 1e-12 for
 * these trigonometric entries with h = 1e-3). Used by the adjoint gradient so that every
 * parametrised gate in the registry is differentiable with no per-gate code.
 */
export function gateMatrixDerivative(id: string, params: readonly number[], k: number): Float64Array {
  const g = getGate(id);
  if (!(k >= 0 && k < g.params.length) || !Number.isInteger(k)) {
    throw new RangeError(`invalid param index: ${k} (expected 0–${g.params.length - 1} for gate '${g.id}')`);
  }
  const h = 1e-3;
  const at = (delta: number): Float64Array => {
    const p = params.slice();
    p[k] += delta;
    return gateMatrix(g.id, p);
  };
  const m2 = at(-2 * h), m1 = at(-h), p1 = at(h), p2 = at(2 * h);
  const out = new Float64Array(m1.length);
  for (let i = 0; i < out.length; i++) out[i] = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * h);
  return out;
}
