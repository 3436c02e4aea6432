/**
 * Density-matrix simulation. ρ is a 2ⁿ×2ⁿ complex matrix stored row-major, interleaved re/im:
 * ρ(r, c) = (data[2(r·dim + c)], data[2(r·dim + c) + 1]). Qubit 0 is the least significant bit of
 * r and c, as for statevectors.
 *
 * Single-qubit maps (unitaries and Kraus channels alike) are folded into one 4×4 superoperator
 * S = Σ K ⊗ conj(K) and applied to each 2×2 block of ρ in place: one read and one write of ρ,
 * 16 complex multiply-adds per block whatever the number of Kraus operators. Two-qubit unitaries
 * use two passes (U on columns, conj(U) on rows); larger maps and Kraus sets gather blocks into scratch.
 */
import type { Circuit } from './circuit.ts';
import { validateCircuit } from './circuit.ts';
import { gateMatrix, getGate } from './gates.ts';
import { Statevector } from './statevector.ts';
import { pauliMasks } from './pauli.ts';
import { channelKraus, thermalRelaxationKraus, validateKraus, type ChannelSpec } from './channels.ts';
import { createRng, type Rng } from '../random.ts';

/**
 * Default largest density matrix: 4ⁿ·16 B is 16 MiB at n = 10, already 256 MiB at 12 and
 * 4 GiB at 14, and every channel sweeps all of it. Callers may raise it explicitly up to
 * MAX_DENSITY_QUBITS_OVERRIDE (256 MiB) with `{ maxQubits }`.
 */
export const MAX_DENSITY_QUBITS = 10;
export const MAX_DENSITY_QUBITS_OVERRIDE = 12;

export interface DensityOptions {
  /** Raise the size limit (≤ MAX_DENSITY_QUBITS_OVERRIDE). */
  readonly maxQubits?: number;
}

function mib(n: number): string {
  const bytes = 16 * 4 ** n;
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : `${bytes / 2 ** 20} MiB`;
}

export function checkDensityQubits(n: number, options: DensityOptions = {}): void {
  const max = options.maxQubits ?? MAX_DENSITY_QUBITS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_DENSITY_QUBITS_OVERRIDE) {
    throw new RangeError(`invalid maxQubits: ${max} (expected 1–${MAX_DENSITY_QUBITS_OVERRIDE})`);
  }
  if (!Number.isInteger(n) || n < 1 || n > max) {
    const mem = Number.isInteger(n) && n > max ? `; a ${n}-qubit density matrix needs 4^${n}·16 B = ${mib(n)}` +
      (n <= MAX_DENSITY_QUBITS_OVERRIDE ? `, pass { maxQubits: ${n} } to allow it` : ', use trajectories or closed forms instead') : '';
    throw new RangeError(`invalid nQubits: ${n} (expected 1–${max}${mem})`);
  }
}

/** Superoperator S = Σ_k K_k ⊗ conj(K_k) for 2×2 operators, as a 4×4 interleaved matrix acting on vec(B) = (b00, b01, b10, b11). */
export function superoperator1q(ops: readonly Float64Array[]): Float64Array {
  const s = new Float64Array(32);
  for (const k of ops) {
    // (K B K†)_{ij} = Σ_{ab} K_ia B_ab conj(K_jb): row (i,j) = 2i + j, column (a,b) = 2a + b.
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) {
      const kr = k[2 * (2 * i + a)], ki = k[2 * (2 * i + a) + 1];
      const lr = k[2 * (2 * j + b)], li = -k[2 * (2 * j + b) + 1];
      const idx = 2 * ((2 * i + j) * 4 + 2 * a + b);
      s[idx] += kr * lr - ki * li;
      s[idx + 1] += kr * li + ki * lr;
    }
  }
  return s;
}

/**
 * In-place kernel: every 2×2 block of ρ on `qubit` is replaced by S·vec(block). This is the hot
 * loop for all single-qubit gates and channels (see bench/density.bench.ts).
 */
export function applySuperop1q(rho: Float64Array, nQubits: number, qubit: number, s: Float64Array): void {
  const dim = 1 << nQubits;
  const bit = 1 << qubit;
  const low = bit - 1;
  const half = dim >>> 1;
  const s00r = s[0], s00i = s[1], s01r = s[2], s01i = s[3], s02r = s[4], s02i = s[5], s03r = s[6], s03i = s[7];
  const s10r = s[8], s10i = s[9], s11r = s[10], s11i = s[11], s12r = s[12], s12i = s[13], s13r = s[14], s13i = s[15];
  const s20r = s[16], s20i = s[17], s21r = s[18], s21i = s[19], s22r = s[20], s22i = s[21], s23r = s[22], s23i = s[23];
  const s30r = s[24], s30i = s[25], s31r = s[26], s31i = s[27], s32r = s[28], s32i = s[29], s33r = s[30], s33i = s[31];
  let isReal = true;
  for (let i = 1; i < 32; i += 2) if (s[i] !== 0) { isReal = false; break; }
  if (isReal) {
    // Real superoperators (all real Kraus sets: damping, Pauli, thermal relaxation) act on re and im
    // parts separately: half the multiplications.
    for (let ri = 0; ri < half; ri++) {
      const r0 = ((ri & ~low) << 1) | (ri & low);
      const row0 = 2 * r0 * dim, row1 = 2 * (r0 | bit) * dim;
      for (let ci = 0; ci < half; ci++) {
        const c0 = ((ci & ~low) << 1) | (ci & low);
        const i00 = row0 + 2 * c0, i01 = i00 + 2 * bit, i10 = row1 + 2 * c0, i11 = i10 + 2 * bit;
        const ar = rho[i00], ai = rho[i00 + 1], br = rho[i01], bi = rho[i01 + 1];
        const cr = rho[i10], ci_ = rho[i10 + 1], dr = rho[i11], di = rho[i11 + 1];
        rho[i00] = s00r * ar + s01r * br + s02r * cr + s03r * dr;
        rho[i00 + 1] = s00r * ai + s01r * bi + s02r * ci_ + s03r * di;
        rho[i01] = s10r * ar + s11r * br + s12r * cr + s13r * dr;
        rho[i01 + 1] = s10r * ai + s11r * bi + s12r * ci_ + s13r * di;
        rho[i10] = s20r * ar + s21r * br + s22r * cr + s23r * dr;
        rho[i10 + 1] = s20r * ai + s21r * bi + s22r * ci_ + s23r * di;
        rho[i11] = s30r * ar + s31r * br + s32r * cr + s33r * dr;
        rho[i11 + 1] = s30r * ai + s31r * bi + s32r * ci_ + s33r * di;
      }
    }
    return;
  }
  for (let ri = 0; ri < half; ri++) {
    const r0 = ((ri & ~low) << 1) | (ri & low);
    const row0 = 2 * r0 * dim, row1 = 2 * (r0 | bit) * dim;
    for (let ci = 0; ci < half; ci++) {
      const c0 = ((ci & ~low) << 1) | (ci & low);
      const i00 = row0 + 2 * c0, i01 = i00 + 2 * bit, i10 = row1 + 2 * c0, i11 = i10 + 2 * bit;
      const ar = rho[i00], ai = rho[i00 + 1], br = rho[i01], bi = rho[i01 + 1];
      const cr = rho[i10], ci_ = rho[i10 + 1], dr = rho[i11], di = rho[i11 + 1];
      rho[i00] = s00r * ar - s00i * ai + s01r * br - s01i * bi + s02r * cr - s02i * ci_ + s03r * dr - s03i * di;
      rho[i00 + 1] = s00r * ai + s00i * ar + s01r * bi + s01i * br + s02r * ci_ + s02i * cr + s03r * di + s03i * dr;
      rho[i01] = s10r * ar - s10i * ai + s11r * br - s11i * bi + s12r * cr - s12i * ci_ + s13r * dr - s13i * di;
      rho[i01 + 1] = s10r * ai + s10i * ar + s11r * bi + s11i * br + s12r * ci_ + s12i * cr + s13r * di + s13i * dr;
      rho[i10] = s20r * ar - s20i * ai + s21r * br - s21i * bi + s22r * cr - s22i * ci_ + s23r * dr - s23i * di;
      rho[i10 + 1] = s20r * ai + s20i * ar + s21r * bi + s21i * br + s22r * ci_ + s22i * cr + s23r * di + s23i * dr;
      rho[i11] = s30r * ar - s30i * ai + s31r * br - s31i * bi + s32r * cr - s32i * ci_ + s33r * dr - s33i * di;
      rho[i11 + 1] = s30r * ai + s30i * ar + s31r * bi + s31i * br + s32r * ci_ + s32i * cr + s33r * di + s33i * dr;
    }
  }
}

/**
 * In-place U ρ U† for a 4×4 unitary on qubits [q0, q1] (q0 = LSB of the matrix index), in two
 * passes: U on every column (groups of 4 rows), then conj(U) on every row, since
 * (ρU†)_rc = Σ_m ρ_rm conj(U_cm). Each pass is 16 complex multiply-adds per group of 4 entries.
 */
export function applyUnitary2q(rho: Float64Array, nQubits: number, q0: number, q1: number, u: Float64Array): void {
  const dim = 1 << nQubits;
  const b0 = 1 << q0, b1 = 1 << q1;
  const lo = Math.min(q0, q1), hi = Math.max(q0, q1);
  const quarter = dim >>> 2;
  const offs = [0, b0, b1, b0 | b1];
  const base = new Int32Array(quarter);
  for (let i = 0; i < quarter; i++) {
    let x = i;
    x = ((x & ~((1 << lo) - 1)) << 1) | (x & ((1 << lo) - 1));
    x = ((x & ~((1 << hi) - 1)) << 1) | (x & ((1 << hi) - 1));
    base[i] = x;
  }
  // Pass 1 (left, U on columns) then pass 2 (right, conj(U) on rows), sharing one unrolled 4-vector kernel.
  const o1 = 2 * offs[1], o2 = 2 * offs[2], o3 = 2 * offs[3];
  const apply4 = (i0: number, s1: number, s2: number, s3: number, conj: number): void => {
    const a0r = rho[i0], a0i = rho[i0 + 1], a1r = rho[i0 + s1], a1i = rho[i0 + s1 + 1];
    const a2r = rho[i0 + s2], a2i = rho[i0 + s2 + 1], a3r = rho[i0 + s3], a3i = rho[i0 + s3 + 1];
    for (let a = 0; a < 4; a++) {
      const k = 8 * a;
      const w0r = u[k], w0i = conj * u[k + 1], w1r = u[k + 2], w1i = conj * u[k + 3];
      const w2r = u[k + 4], w2i = conj * u[k + 5], w3r = u[k + 6], w3i = conj * u[k + 7];
      const re = w0r * a0r - w0i * a0i + w1r * a1r - w1i * a1i + w2r * a2r - w2i * a2i + w3r * a3r - w3i * a3i;
      const im = w0r * a0i + w0i * a0r + w1r * a1i + w1i * a1r + w2r * a2i + w2i * a2r + w3r * a3i + w3i * a3r;
      const d = a === 0 ? i0 : a === 1 ? i0 + s1 : a === 2 ? i0 + s2 : i0 + s3;
      rho[d] = re; rho[d + 1] = im;
    }
  };
  const rowStride = 2 * dim;
  for (let g = 0; g < quarter; g++) {
    const r0 = 2 * base[g] * dim;
    for (let c = 0; c < dim; c++) apply4(r0 + 2 * c, o1 * dim, o2 * dim, o3 * dim, 1);
  }
  for (let r = 0; r < dim; r++) {
    const row = r * rowStride;
    for (let g = 0; g < quarter; g++) apply4(row + 2 * base[g], o1, o2, o3, -1);
  }
}

/** Sorted-bit insertion: spread `i` over the positions not in `sortedBits`. */
function spread(i: number, sortedBits: readonly number[]): number {
  for (const b of sortedBits) {
    const low = (1 << b) - 1;
    i = ((i & ~low) << 1) | (i & low);
  }
  return i;
}

/**
 * ρ → Σ_k K ρ K† for k-qubit operators on `qubits` (qubits[0] = LSB of the operator index),
 * processing one 2^k×2^k block of ρ at a time in scratch. Used for 2-qubit and larger maps.
 */
export function applyKrausK(rho: Float64Array, nQubits: number, qubits: readonly number[], ops: readonly Float64Array[]): void {
  const k = qubits.length;
  const d = 1 << k;
  const dim = 1 << nQubits;
  const sorted = [...qubits].sort((a, b) => a - b);
  const offs = new Int32Array(d);
  for (let m = 0; m < d; m++) {
    let o = 0;
    for (let b = 0; b < k; b++) if ((m >> b) & 1) o |= 1 << qubits[b];
    offs[m] = o;
  }
  const nb = dim >>> k;
  const blk = new Float64Array(2 * d * d), tmp = new Float64Array(2 * d * d), acc = new Float64Array(2 * d * d);
  const base = new Int32Array(nb); // block origins, computed once (not per block pair)
  for (let i = 0; i < nb; i++) base[i] = spread(i, sorted);
  for (let ri = 0; ri < nb; ri++) {
    const rb = base[ri];
    for (let ci = 0; ci < nb; ci++) {
      const cb = base[ci];
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
        const src = 2 * ((rb | offs[a]) * dim + (cb | offs[b]));
        blk[2 * (a * d + b)] = rho[src];
        blk[2 * (a * d + b) + 1] = rho[src + 1];
      }
      acc.fill(0);
      for (const K of ops) {
        // tmp = K·blk
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
          let re = 0, im = 0;
          for (let m = 0; m < d; m++) {
            const kr = K[2 * (a * d + m)], ki = K[2 * (a * d + m) + 1];
            if (kr === 0 && ki === 0) continue;
            const xr = blk[2 * (m * d + b)], xi = blk[2 * (m * d + b) + 1];
            re += kr * xr - ki * xi; im += kr * xi + ki * xr;
          }
          tmp[2 * (a * d + b)] = re; tmp[2 * (a * d + b) + 1] = im;
        }
        // acc += tmp·K†, (tmp K†)_ab = Σ_m tmp_am conj(K_bm)
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
          let re = 0, im = 0;
          for (let m = 0; m < d; m++) {
            const kr = K[2 * (b * d + m)], ki = -K[2 * (b * d + m) + 1];
            if (kr === 0 && ki === 0) continue;
            const xr = tmp[2 * (a * d + m)], xi = tmp[2 * (a * d + m) + 1];
            re += xr * kr - xi * ki; im += xr * ki + xi * kr;
          }
          acc[2 * (a * d + b)] += re; acc[2 * (a * d + b) + 1] += im;
        }
      }
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
        const dst = 2 * ((rb | offs[a]) * dim + (cb | offs[b]));
        rho[dst] = acc[2 * (a * d + b)];
        rho[dst + 1] = acc[2 * (a * d + b) + 1];
      }
    }
  }
}

function checkQubits(n: number, qubits: readonly number[], what: string): void {
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0 || q >= n) throw new RangeError(`invalid qubit in ${what}: ${q} (expected 0–${n - 1})`);
  }
  if (new Set(qubits).size !== qubits.length) throw new RangeError(`invalid qubits in ${what}: [${qubits.join(', ')}] (expected distinct qubits)`);
}

/** Coherence times for idle evolution: one pair for every qubit, or per-qubit arrays. */
export interface Coherence {
  readonly t1Us: number | ArrayLike<number>;
  readonly t2Us: number | ArrayLike<number>;
}

export class DensityMatrix {
  readonly nQubits: number;
  readonly dim: number;
  /** ρ, row-major interleaved (see file header). Mutated in place by the apply methods. */
  readonly data: Float64Array;

  private constructor(nQubits: number, data: Float64Array) {
    this.nQubits = nQubits;
    this.dim = 1 << nQubits;
    this.data = data;
  }

  /** |0…0⟩⟨0…0|. */
  static zero(nQubits: number, options: DensityOptions = {}): DensityMatrix {
    checkDensityQubits(nQubits, options);
    const data = new Float64Array(2 * 4 ** nQubits);
    data[0] = 1;
    return new DensityMatrix(nQubits, data);
  }

  /** I/2ⁿ. */
  static maximallyMixed(nQubits: number, options: DensityOptions = {}): DensityMatrix {
    checkDensityQubits(nQubits, options);
    const dim = 1 << nQubits;
    const data = new Float64Array(2 * dim * dim);
    for (let i = 0; i < dim; i++) data[2 * (i * dim + i)] = 1 / dim;
    return new DensityMatrix(nQubits, data);
  }

  /** |ψ⟩⟨ψ| from a Statevector or interleaved amplitudes. */
  static fromStatevector(state: Statevector | Float64Array, options: DensityOptions = {}): DensityMatrix {
    const a = state instanceof Statevector ? state.amps : state;
    const n = Math.round(Math.log2(a.length / 2));
    if (2 ** (n + 1) !== a.length) throw new RangeError(`invalid amplitudes length: ${a.length} (expected 2·2ⁿ)`);
    checkDensityQubits(n, options);
    const dim = 1 << n;
    const data = new Float64Array(2 * dim * dim);
    for (let r = 0; r < dim; r++) {
      const xr = a[2 * r], xi = a[2 * r + 1];
      if (xr === 0 && xi === 0) continue;
      for (let c = 0; c < dim; c++) {
        const yr = a[2 * c], yi = -a[2 * c + 1];
        data[2 * (r * dim + c)] = xr * yr - xi * yi;
        data[2 * (r * dim + c) + 1] = xr * yi + xi * yr;
      }
    }
    return new DensityMatrix(n, data);
  }

  /** Wrap a copy of a raw interleaved ρ (length 2·4ⁿ); not validated beyond its size. */
  static fromData(data: ArrayLike<number>, options: DensityOptions = {}): DensityMatrix {
    const n = Math.round(Math.log2(data.length / 2) / 2);
    if (2 * 4 ** n !== data.length) throw new RangeError(`invalid density data length: ${data.length} (expected 2·4ⁿ)`);
    checkDensityQubits(n, options);
    return new DensityMatrix(n, Float64Array.from(data));
  }

  clone(): DensityMatrix {
    return new DensityMatrix(this.nQubits, this.data.slice());
  }

  /** ρ(r, c) as [re, im]. */
  get(r: number, c: number): [number, number] {
    const i = 2 * (r * this.dim + c);
    return [this.data[i], this.data[i + 1]];
  }

  /** U ρ U† for a 2^k×2^k matrix on `qubits` (qubits[0] = LSB of the matrix index). */
  applyMatrix(u: Float64Array, qubits: readonly number[]): this {
    checkQubits(this.nQubits, qubits, 'applyMatrix');
    if (u.length !== 2 * 4 ** qubits.length) throw new RangeError(`invalid matrix length: ${u.length} (expected ${2 * 4 ** qubits.length} for ${qubits.length} qubits)`);
    if (qubits.length === 1) applySuperop1q(this.data, this.nQubits, qubits[0], superoperator1q([u]));
    else if (qubits.length === 2) applyUnitary2q(this.data, this.nQubits, qubits[0], qubits[1], u);
    else applyKrausK(this.data, this.nQubits, qubits, [u]);
    return this;
  }

  applyGate(id: string, qubits: readonly number[], params: readonly number[] = []): this {
    const g = getGate(id);
    if (qubits.length !== g.arity) throw new RangeError(`invalid qubit count for gate '${g.id}': ${qubits.length} (expected ${g.arity})`);
    return this.applyMatrix(gateMatrix(g.id, params), qubits);
  }

  /** ρ → Σ K ρ K† (operators validated as CPTP unless `trusted`). */
  applyKraus(ops: readonly Float64Array[], qubits: readonly number[], trusted = false): this {
    checkQubits(this.nQubits, qubits, 'applyKraus');
    const k = trusted ? ops : validateKraus(ops);
    if (k[0].length !== 2 * 4 ** qubits.length) throw new RangeError(`invalid Kraus operator size: ${k[0].length} (expected ${2 * 4 ** qubits.length} for ${qubits.length} qubits)`);
    if (qubits.length === 1) applySuperop1q(this.data, this.nQubits, qubits[0], superoperator1q(k));
    else applyKrausK(this.data, this.nQubits, qubits, k);
    return this;
  }

  /** Apply a registry channel (or explicit Kraus operators) to each listed qubit. */
  applyChannel(spec: ChannelSpec, qubits: readonly number[]): this {
    const ops = channelKraus(spec);
    const width = Math.round(Math.log2(Math.sqrt(ops[0].length / 2)));
    if (width === 1) {
      const s = superoperator1q(ops);
      checkQubits(this.nQubits, qubits, 'applyChannel');
      for (const q of qubits) applySuperop1q(this.data, this.nQubits, q, s);
      return this;
    }
    return this.applyKraus(ops, qubits, true);
  }

  /**
   * Idle for `holdUs`: thermal relaxation (Aer semantics) on every qubit. T1/T2 may be single
   * numbers or per-qubit arrays.
   */
  idle(holdUs: number, coherence: Coherence): this {
    for (let q = 0; q < this.nQubits; q++) {
      const t1 = typeof coherence.t1Us === 'number' ? coherence.t1Us : coherence.t1Us[q];
      const t2 = typeof coherence.t2Us === 'number' ? coherence.t2Us : coherence.t2Us[q];
      applySuperop1q(this.data, this.nQubits, q, superoperator1q(thermalRelaxationKraus(t1, t2, holdUs)));
    }
    return this;
  }

  trace(): number {
    let s = 0;
    for (let i = 0; i < this.dim; i++) s += this.data[2 * (i * this.dim + i)];
    return s;
  }

  /** Tr ρ². */
  purity(): number {
    // Tr ρ² = Σ |ρ_rc|² for Hermitian ρ.
    let s = 0;
    for (let i = 0; i < this.data.length; i++) s += this.data[i] * this.data[i];
    return s;
  }

  /** Diagonal of ρ: the computational-basis distribution. */
  probabilities(): Float64Array {
    const p = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) p[i] = this.data[2 * (i * this.dim + i)];
    return p;
  }

  probabilityOfOne(qubit: number): number {
    checkQubits(this.nQubits, [qubit], 'probabilityOfOne');
    let s = 0;
    for (let i = 0; i < this.dim; i++) if ((i >> qubit) & 1) s += this.data[2 * (i * this.dim + i)];
    return s;
  }

  /** Tr(ρ P) for a Pauli string, char i ↔ qubit i. */
  expectationPauli(pauli: string): number {
    const m = pauliMasks(pauli, this.nQubits);
    const k = m.nY & 3;
    // P|c⟩ = i^{nY}(−1)^{|c∧sign|}|c⊕flip⟩, so Tr(ρP) = Σ_c ⟨c|ρP|c⟩ = Σ_c ρ(c, c⊕flip) · phase(c).
    const pr = k === 0 ? 1 : k === 2 ? -1 : 0, pi = k === 1 ? 1 : k === 3 ? -1 : 0;
    let re = 0;
    for (let c = 0; c < this.dim; c++) {
      const i = 2 * (c * this.dim + (c ^ m.flip));
      const xr = this.data[i], xi = this.data[i + 1];
      let v = xr * pr - xi * pi;
      if (popParity(c & m.sign)) v = -v;
      re += v;
    }
    return re;
  }

  /** Projective Z measurement with the seeded rng: collapses ρ and returns the outcome. */
  measure(qubit: number, rng: Rng): 0 | 1 {
    const p1 = this.probabilityOfOne(qubit);
    const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
    this.project(qubit, outcome);
    return outcome;
  }

  /** Project onto `qubit = outcome` and renormalise (throws if the outcome has probability 0). */
  project(qubit: number, outcome: 0 | 1): this {
    const p = outcome === 1 ? this.probabilityOfOne(qubit) : 1 - this.probabilityOfOne(qubit);
    if (!(p > 0)) throw new RangeError(`invalid projection: outcome ${outcome} on qubit ${qubit} has probability ${p}`);
    const bit = 1 << qubit, want = outcome ? bit : 0, f = 1 / p, dim = this.dim, d = this.data;
    for (let r = 0; r < dim; r++) for (let c = 0; c < dim; c++) {
      const i = 2 * (r * dim + c);
      if ((r & bit) === want && (c & bit) === want) { d[i] *= f; d[i + 1] *= f; } else { d[i] = 0; d[i + 1] = 0; }
    }
    return this;
  }

  /** Non-selective measurement: removes the coherences of `qubit` (ρ → P0ρP0 + P1ρP1). */
  dephase(qubit: number): this {
    return this.applyKraus([Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0), Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0)], [qubit], true);
  }

  /** Deterministic reset to |0⟩ (trace-preserving channel K0 = |0⟩⟨0|, K1 = |0⟩⟨1|). */
  reset(qubit: number): this {
    return this.applyKraus([Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0), Float64Array.of(0, 0, 1, 0, 0, 0, 0, 0)], [qubit], true);
  }

  /** Reduced state of `keep` (keep[0] becomes qubit 0 of the result). */
  partialTrace(keep: readonly number[]): DensityMatrix {
    checkQubits(this.nQubits, keep, 'partialTrace');
    if (keep.length === 0) throw new RangeError('invalid keep: [] (expected at least one qubit)');
    const k = keep.length, dk = 1 << k, dim = this.dim;
    const traced: number[] = [];
    for (let q = 0; q < this.nQubits; q++) if (!keep.includes(q)) traced.push(q);
    const offs = new Int32Array(dk);
    for (let m = 0; m < dk; m++) { let o = 0; for (let b = 0; b < k; b++) if ((m >> b) & 1) o |= 1 << keep[b]; offs[m] = o; }
    const envCount = 1 << traced.length;
    const env = new Int32Array(envCount);
    for (let e = 0; e < envCount; e++) { let o = 0; for (let b = 0; b < traced.length; b++) if ((e >> b) & 1) o |= 1 << traced[b]; env[e] = o; }
    const out = new Float64Array(2 * dk * dk);
    for (let a = 0; a < dk; a++) for (let b = 0; b < dk; b++) {
      let re = 0, im = 0;
      for (let e = 0; e < envCount; e++) {
        const i = 2 * ((offs[a] | env[e]) * dim + (offs[b] | env[e]));
        re += this.data[i]; im += this.data[i + 1];
      }
      out[2 * (a * dk + b)] = re; out[2 * (a * dk + b) + 1] = im;
    }
    return new DensityMatrix(k, out);
  }

  /** ⟨ψ|ρ|ψ⟩ for a pure state with the same number of qubits. */
  fidelityWithPure(state: Statevector | Float64Array): number {
    const a = state instanceof Statevector ? state.amps : state;
    if (a.length !== 2 * this.dim) throw new RangeError(`invalid state length: ${a.length} (expected ${2 * this.dim})`);
    return expectationOnPure(this.data, this.dim, a);
  }
}

/** Re ⟨ψ|ρ|ψ⟩. */
export function expectationOnPure(rho: Float64Array, dim: number, a: Float64Array): number {
  let s = 0;
  for (let r = 0; r < dim; r++) {
    const xr = a[2 * r], xi = a[2 * r + 1];
    if (xr === 0 && xi === 0) continue;
    // conj(ψ_r) Σ_c ρ_rc ψ_c
    let yr = 0, yi = 0;
    const row = 2 * r * dim;
    for (let c = 0; c < dim; c++) {
      const pr = rho[row + 2 * c], pi = rho[row + 2 * c + 1], zr = a[2 * c], zi = a[2 * c + 1];
      yr += pr * zr - pi * zi; yi += pr * zi + pi * zr;
    }
    s += xr * yr + xi * yi;
  }
  return s;
}

function popParity(x: number): number {
  x ^= x >>> 16; x ^= x >>> 8; x ^= x >>> 4; x ^= x >>> 2; x ^= x >>> 1;
  return x & 1;
}

/** Noise attached to a circuit run: channels after every 1- and 2-qubit gate (applied to each touched qubit). */
export interface NoiseModel {
  readonly after1q?: readonly ChannelSpec[];
  readonly after2q?: readonly ChannelSpec[];
  /** Per-gate override: return the channels to apply after this gate on each of its qubits. */
  readonly afterGate?: (gate: string, qubits: readonly number[]) => readonly ChannelSpec[];
}

export interface DensitySimulateOptions extends DensityOptions {
  readonly seed?: number | string;
  readonly noise?: NoiseModel;
  /** Start from this state (copied) instead of |0…0⟩. */
  readonly initial?: DensityMatrix;
}

/** Run a circuit on a density matrix: gates (+ optional noise), sampled mid-circuit measurements, resets. */
export function simulateDensity(circuit: Circuit, options: DensitySimulateOptions = {}): { state: DensityMatrix; clbits: number[] } {
  const c = validateCircuit(circuit);
  const rho = options.initial ? options.initial.clone() : DensityMatrix.zero(c.nQubits, options);
  if (rho.nQubits !== c.nQubits) throw new RangeError(`invalid initial state: ${rho.nQubits} qubits (expected ${c.nQubits})`);
  const rng = createRng(options.seed ?? 0);
  const clbits = new Array<number>(c.nClbits).fill(0);
  const noise = options.noise;
  for (const op of c.ops) {
    if (op.kind === 'gate') {
      rho.applyGate(op.gate, op.qubits, op.params);
      if (noise) {
        const specs = noise.afterGate ? noise.afterGate(op.gate, op.qubits) : op.qubits.length === 1 ? noise.after1q : noise.after2q;
        for (const s of specs ?? []) rho.applyChannel(s, op.qubits);
      }
    } else if (op.kind === 'measure') clbits[op.clbit] = rho.measure(op.qubit, rng);
    else if (op.kind === 'reset') rho.reset(op.qubit);
  }
  return { state: rho, clbits };
}
