/**
 * Pauli strings and weighted sums of them (observables). A Pauli string has one character per
 * qubit, character i acting on qubit i (so 'ZII' is Z on qubit 0 of a 3-qubit register;
 * note this is the reverse of Qiskit's printed label order).
 */

export interface PauliTerm {
  readonly coeff: number;
  /** One of I X Y Z per qubit, char i ↔ qubit i. */
  readonly pauli: string;
}

export interface PauliSum {
  readonly nQubits: number;
  readonly terms: readonly PauliTerm[];
}

/** Bit masks of a Pauli string: X/Y flip the bit, Y/Z contribute a sign on bit = 1, nY counts i factors. */
export interface PauliMasks {
  readonly flip: number;
  readonly sign: number;
  readonly nY: number;
}

export function pauliMasks(pauli: string, nQubits: number): PauliMasks {
  if (typeof pauli !== 'string' || pauli.length !== nQubits) {
    throw new RangeError(`invalid pauli: '${String(pauli)}' (expected ${nQubits} characters from I, X, Y, Z, char i acting on qubit i)`);
  }
  let flip = 0, sign = 0, nY = 0;
  for (let q = 0; q < nQubits; q++) {
    const ch = pauli[q].toUpperCase();
    const bit = 1 << q;
    if (ch === 'X') flip |= bit;
    else if (ch === 'Y') { flip |= bit; sign |= bit; nY++; }
    else if (ch === 'Z') sign |= bit;
    else if (ch !== 'I') throw new RangeError(`invalid pauli: '${pauli}' (character ${q} is '${pauli[q]}', expected I, X, Y or Z)`);
  }
  return { flip, sign, nY };
}

function parity(x: number): number {
  x ^= x >>> 16; x ^= x >>> 8; x ^= x >>> 4; x ^= x >>> 2; x ^= x >>> 1;
  return x & 1;
}

/**
 * out = P·a for a Pauli string given by masks (out may not alias a). P|i⟩ = i^{nY}·(−1)^{|i ∧ sign|}·|i ⊕ flip⟩.
 */
export function applyPauliInto(a: Float64Array, out: Float64Array, nQubits: number, m: PauliMasks, coeff = 1, accumulate = false): void {
  const dim = 1 << nQubits;
  // i^{nY} as (re, im)
  const k = m.nY & 3;
  const pr = k === 0 ? 1 : k === 2 ? -1 : 0, pi = k === 1 ? 1 : k === 3 ? -1 : 0;
  for (let i = 0; i < dim; i++) {
    const s = parity(i & m.sign) ? -coeff : coeff;
    const xr = a[2 * i], xi = a[2 * i + 1];
    const j = 2 * (i ^ m.flip);
    const yr = s * (pr * xr - pi * xi), yi = s * (pr * xi + pi * xr);
    if (accumulate) { out[j] += yr; out[j + 1] += yi; } else { out[j] = yr; out[j + 1] = yi; }
  }
}

/** ⟨a|P|a⟩ (real, since P is Hermitian) without allocating. */
export function expectationPauliAmps(a: Float64Array, nQubits: number, pauli: string): number {
  const m = pauliMasks(pauli, nQubits);
  const dim = 1 << nQubits;
  const k = m.nY & 3;
  const pr = k === 0 ? 1 : k === 2 ? -1 : 0, pi = k === 1 ? 1 : k === 3 ? -1 : 0;
  let re = 0;
  for (let i = 0; i < dim; i++) {
    const xr = a[2 * i], xi = a[2 * i + 1];
    const j = 2 * (i ^ m.flip);
    // conj(a_j) · phase · s · a_i, keep the real part
    const yr = pr * xr - pi * xi, yi = pr * xi + pi * xr;
    const v = a[j] * yr + a[j + 1] * yi;
    re += parity(i & m.sign) ? -v : v;
  }
  return re;
}

/**
 * Parse an observable: a single Pauli string ('ZZI') or a sum like '0.5*ZZI - 1.2*XIX + IIZ'.
 * Every string must have nQubits characters.
 */
export function parsePauliSum(text: string, nQubits: number): PauliSum {
  if (typeof text !== 'string') throw new TypeError(`invalid observable: ${String(text)} (expected a string such as '0.5*ZZI + XIX')`);
  const src = text.replace(/\s+/g, '');
  if (src.length === 0) throw new RangeError(`invalid observable: '' (expected a string such as '0.5*ZZI + XIX')`);
  const terms: PauliTerm[] = [];
  const re = /([+-]?)(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)\*?)?([IXYZixyz]+)/y;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m || (pos > 0 && m[1] === '')) throw new RangeError(`invalid observable: '${text}' (cannot parse at character ${pos + 1}; expected terms like '0.5*ZZI')`);
    const coeff = (m[1] === '-' ? -1 : 1) * (m[2] !== undefined ? Number(m[2]) : 1);
    pauliMasks(m[3], nQubits);
    terms.push({ coeff, pauli: m[3].toUpperCase() });
    pos = re.lastIndex;
  }
  return { nQubits, terms };
}

/** Normalise `PauliSum | string` to a PauliSum on nQubits. */
export function toPauliSum(obs: PauliSum | string, nQubits: number): PauliSum {
  if (typeof obs === 'string') return parsePauliSum(obs, nQubits);
  if (obs.nQubits !== nQubits) throw new RangeError(`invalid observable nQubits: ${obs.nQubits} (expected ${nQubits})`);
  for (const t of obs.terms) {
    pauliMasks(t.pauli, nQubits);
    if (!Number.isFinite(t.coeff)) throw new RangeError(`invalid observable coefficient: ${t.coeff} (expected a finite number)`);
  }
  return obs;
}

/** ⟨a|O|a⟩ for a Pauli sum. */
export function expectationPauliSumAmps(a: Float64Array, nQubits: number, obs: PauliSum): number {
  let e = 0;
  for (const t of obs.terms) e += t.coeff * expectationPauliAmps(a, nQubits, t.pauli);
  return e;
}

/** out = O·a for a Pauli sum (out is overwritten; must not alias a). */
export function applyPauliSumInto(a: Float64Array, out: Float64Array, nQubits: number, obs: PauliSum): void {
  out.fill(0);
  for (const t of obs.terms) applyPauliInto(a, out, nQubits, pauliMasks(t.pauli, nQubits), t.coeff, true);
}
