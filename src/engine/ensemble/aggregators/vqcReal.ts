/**
 * The variational circuit of `vqc.ts` on a REAL statevector, specialised to its fixed shape (the fast path;
 * the engine's `adjointGradient` and `adjointZGradient` stay as the references it is tested against):
 * - RY and CX are real, so from |0…0⟩ every amplitude is real: 2ⁿ doubles instead of 2ⁿ complex pairs;
 * - the encoding RY(φᵢ) and the first trainable RY(θ₀ᵢ) act on the same product state, RY(φ)RY(θ) = RY(φ + θ),
 *   so layer 0 is one product-state write (built by doubling, 2ⁿ⁺¹ multiplications);
 * - a CNOT ring only permutes basis states: one gather through a precomputed index table per ring;
 * - the last ring is never applied: ⟨Z_readout⟩ after it is Σⱼ ψⱼ² · sⱼ with sⱼ = ±1 the readout bit of the
 *   permuted index, so the adjoint pass starts from λ = s ⊙ ψ.
 * The adjoint gradient is the same method as `adjointZGradient`: for RY(θ) on q,
 * d⟨Z⟩/dθ = 2⟨λ| dRY/dθ |ψ_before⟩ with dRY/dθ = ½[[−s, −c], [c, −s]], c = cos θ/2, s = sin θ/2, in one pass.
 */
import { encodeAngle } from './parityCircuit';

interface RingTables {
  /** next[j] = index that basis state j moves to under one CNOT ring. */
  readonly forward: Int32Array;
  /** gatherFrom[k] = j with forward[j] = k (new[k] = old[gatherFrom[k]]). */
  readonly gatherFrom: Int32Array;
  /** sign[j] = +1 / −1: the readout bit of forward[j] is 0 / 1 (⟨Z⟩ read before the last ring). */
  readonly sign: Float64Array;
}

const ringCache = new Map<string, RingTables>();

/** The ring CX(0,1) … CX(n−2,n−1), CX(n−1,0) (a single CX for n = 2, nothing for n = 1), as in vqc.ts. */
function ringTables(n: number, readout: number): RingTables {
  const key = `${n}:${readout}`;
  const hit = ringCache.get(key);
  if (hit) return hit;
  const cx: [number, number][] = [];
  if (n > 1) for (let q = 0; q < n; q++) {
    if (n === 2 && q === 1) break;
    cx.push([q, (q + 1) % n]);
  }
  const dim = 1 << n;
  const forward = new Int32Array(dim), gatherFrom = new Int32Array(dim), sign = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    let k = j;
    for (const [c, t] of cx) if (k & (1 << c)) k ^= 1 << t;
    forward[j] = k;
    gatherFrom[k] = j;
    sign[j] = k & (1 << readout) ? -1 : 1;
  }
  const tables = { forward, gatherFrom, sign };
  ringCache.set(key, tables);
  return tables;
}

/** Scratch buffers for one qubit count (reuse across rows: training allocates nothing). */
export interface VqcRealWork {
  readonly n: number;
  readonly psi: Float64Array;
  readonly lambda: Float64Array;
  readonly tmp: Float64Array;
  readonly cosHalf: Float64Array;
  readonly sinHalf: Float64Array;
}

export function vqcRealWork(n: number): VqcRealWork {
  if (!Number.isInteger(n) || n < 1 || n > 24) throw new RangeError(`invalid qubit count: ${n} (expected 1–24)`);
  const dim = 1 << n;
  return { n, psi: new Float64Array(dim), lambda: new Float64Array(dim), tmp: new Float64Array(dim), cosHalf: new Float64Array(n), sinHalf: new Float64Array(n) };
}

/** |ψ⟩ = ⊗ᵢ RY(φᵢ + θ₀ᵢ)|0⟩, qubit i = bit i of the index. */
function writeLayer0(row: ArrayLike<number>, theta: Float64Array, w: VqcRealWork, psi: Float64Array): void {
  const { n } = w;
  psi[0] = 1;
  for (let i = 0, size = 1; i < n; i++, size <<= 1) {
    const a = (encodeAngle(row[i]) + theta[i]) / 2;
    const c = Math.cos(a), s = Math.sin(a);
    for (let j = 0; j < size; j++) { const v = psi[j]; psi[size + j] = v * s; psi[j] = v * c; }
  }
}

/** RY(θ) on qubit q of a real state: (a0, a1) → (c·a0 − s·a1, s·a0 + c·a1). */
function ryReal(a: Float64Array, q: number, c: number, s: number): void {
  const bit = 1 << q, dim = a.length;
  if (bit === 1) {
    for (let i0 = 0; i0 < dim; i0 += 2) { const x = a[i0], y = a[i0 + 1]; a[i0] = c * x - s * y; a[i0 + 1] = s * x + c * y; }
    return;
  }
  for (let base = 0; base < dim; base += bit << 1) {
    for (let i0 = base, end = base + bit; i0 < end; i0++) {
      const i1 = i0 + bit, x = a[i0], y = a[i1];
      a[i0] = c * x - s * y;
      a[i1] = s * x + c * y;
    }
  }
}

/**
 * RY on qubit q, then RY on qubit q + 1, in one pass over quartets: each output depends on the same four inputs
 * through the same operations in the same order as two `ryReal` passes, so the result is bit-identical.
 */
function ryPairReal(a: Float64Array, q: number, c1: number, s1: number, c2: number, s2: number): void {
  const b1 = 1 << q, b2 = b1 << 1, dim = a.length;
  for (let base = 0; base < dim; base += b2 << 1) {
    for (let i = base, end = base + b1; i < end; i++) {
      const x0 = a[i], x1 = a[i + b1], x2 = a[i + b2], x3 = a[i + b1 + b2];
      const y0 = c1 * x0 - s1 * x1, y1 = s1 * x0 + c1 * x1; // RY on q, pair (i, i + b1)
      const y2 = c1 * x2 - s1 * x3, y3 = s1 * x2 + c1 * x3; // RY on q, pair (i + b2, i + b1 + b2)
      a[i] = c2 * y0 - s2 * y2; a[i + b2] = s2 * y0 + c2 * y2; // RY on q + 1
      a[i + b1] = c2 * y1 - s2 * y3; a[i + b1 + b2] = s2 * y1 + c2 * y3;
    }
  }
}

/** The RY layer l (angles θ[l·n + q]) on every qubit. */
function ryLayer(a: Float64Array, theta: Float64Array, l: number, n: number): void {
  let q = 0;
  for (; q + 1 < n; q += 2) {
    const h1 = theta[l * n + q] / 2, h2 = theta[l * n + q + 1] / 2;
    ryPairReal(a, q, Math.cos(h1), Math.sin(h1), Math.cos(h2), Math.sin(h2));
  }
  if (q < n) { const h = theta[l * n + q] / 2; ryReal(a, q, Math.cos(h), Math.sin(h)); }
}

function gather(dst: Float64Array, src: Float64Array, from: Int32Array): void {
  for (let k = 0; k < dst.length; k++) dst[k] = src[from[k]];
}

/** Forward pass: leaves ψ before the last ring in w.psi and returns ⟨Z_readout⟩ of the full circuit. */
function forwardState(row: ArrayLike<number>, theta: Float64Array, layers: number, readout: number, w: VqcRealWork): number {
  const { n } = w;
  const ring = ringTables(n, readout);
  // start in the buffer that makes the last layer land in w.psi (each ring gather swaps buffers)
  let psi = (layers - 1) % 2 ? w.tmp : w.psi, tmp = psi === w.psi ? w.tmp : w.psi;
  writeLayer0(row, theta, w, psi);
  for (let l = 1; l < layers; l++) {
    gather(tmp, psi, ring.gatherFrom);
    const t = psi; psi = tmp; tmp = t;
    ryLayer(psi, theta, l, n);
  }
  const sign = ring.sign;
  let z = 0;
  for (let j = 0; j < psi.length; j++) z += psi[j] * psi[j] * sign[j];
  return z;
}

/** `ryPairReal` reading its input through the ring's gather table (dst[k] = RY·RY(src[from[k]])): ring + first pair in one pass. */
function ryPairGather(dst: Float64Array, src: Float64Array, from: Int32Array, q: number, c1: number, s1: number, c2: number, s2: number): void {
  const b1 = 1 << q, b2 = b1 << 1, dim = dst.length;
  for (let base = 0; base < dim; base += b2 << 1) {
    for (let i = base, end = base + b1; i < end; i++) {
      const x0 = src[from[i]], x1 = src[from[i + b1]], x2 = src[from[i + b2]], x3 = src[from[i + b1 + b2]];
      const y0 = c1 * x0 - s1 * x1, y1 = s1 * x0 + c1 * x1;
      const y2 = c1 * x2 - s1 * x3, y3 = s1 * x2 + c1 * x3;
      dst[i] = c2 * y0 - s2 * y2; dst[i + b2] = s2 * y0 + c2 * y2;
      dst[i + b1] = c2 * y1 - s2 * y3; dst[i + b1 + b2] = s2 * y1 + c2 * y3;
    }
  }
}

/** `ryPairReal` on the last pair, summing Σ ψ² · sign instead of storing: last pair + readout in one pass. */
function ryPairReadout(a: Float64Array, sign: Float64Array, q: number, c1: number, s1: number, c2: number, s2: number): number {
  const b1 = 1 << q, b2 = b1 << 1, dim = a.length;
  let z = 0;
  for (let base = 0; base < dim; base += b2 << 1) {
    for (let i = base, end = base + b1; i < end; i++) {
      const x0 = a[i], x1 = a[i + b1], x2 = a[i + b2], x3 = a[i + b1 + b2];
      const y0 = c1 * x0 - s1 * x1, y1 = s1 * x0 + c1 * x1;
      const y2 = c1 * x2 - s1 * x3, y3 = s1 * x2 + c1 * x3;
      const z0 = c2 * y0 - s2 * y2, z2 = s2 * y0 + c2 * y2, z1 = c2 * y1 - s2 * y3, z3 = s2 * y1 + c2 * y3;
      z += z0 * z0 * sign[i] + z1 * z1 * sign[i + b1] + z2 * z2 * sign[i + b2] + z3 * z3 * sign[i + b1 + b2];
    }
  }
  return z;
}

/** ⟨Z_readout⟩ of the variational circuit for one row (same value as `vqcExpectationZ` to ~1e-15). */
export function vqcRealZ(row: ArrayLike<number>, theta: Float64Array, layers: number, readout: number, w: VqcRealWork): number {
  const { n } = w;
  // The fused path needs an even qubit count ≥ 4 (first and last RY pairs distinct) and a ring to fuse with.
  if (n < 4 || n % 2 || layers < 2) return forwardState(row, theta, layers, readout, w);
  const ring = ringTables(n, readout);
  let psi = w.psi, tmp = w.tmp;
  writeLayer0(row, theta, w, psi);
  const half = (l: number, q: number) => theta[l * n + q] / 2;
  for (let l = 1; l < layers; l++) {
    let h1 = half(l, 0), h2 = half(l, 1);
    ryPairGather(tmp, psi, ring.gatherFrom, 0, Math.cos(h1), Math.sin(h1), Math.cos(h2), Math.sin(h2));
    const t = psi; psi = tmp; tmp = t;
    for (let q = 2; q + 2 < n; q += 2) {
      h1 = half(l, q); h2 = half(l, q + 1);
      ryPairReal(psi, q, Math.cos(h1), Math.sin(h1), Math.cos(h2), Math.sin(h2));
    }
    h1 = half(l, n - 2); h2 = half(l, n - 1);
    if (l === layers - 1) return ryPairReadout(psi, ring.sign, n - 2, Math.cos(h1), Math.sin(h1), Math.cos(h2), Math.sin(h2));
    ryPairReal(psi, n - 2, Math.cos(h1), Math.sin(h1), Math.cos(h2), Math.sin(h2));
  }
  throw new Error('unreachable');
}

/**
 * Layer 0 acts on a product state, |ψ⟩ = ⊗ᵢ fᵢ with fᵢ = (cos αᵢ/2, sin αᵢ/2), αᵢ = φᵢ + θ₀ᵢ, and
 * d|ψ⟩/dθ₀q replaces f_q by ½(−sin α_q/2, cos α_q/2); so d⟨Z⟩/dθ₀q = 2⟨λ|dψ/dθ₀q⟩ is a contraction of λ with
 * a product. Contracting the high qubits first (Vₖ = λ contracted over qubits k…n−1, kept for every k) costs
 * about 3·2ⁿ multiplications for all n angles, instead of n passes over the state.
 * `chain` (2ⁿ doubles) holds Vₖ at offset 2ᵏ; `scratch` (≥ 2ⁿ⁻¹) the per-angle contraction.
 */
function layer0Gradient(row: ArrayLike<number>, theta: Float64Array, w: VqcRealWork, lam: Float64Array, chain: Float64Array, scratch: Float64Array, grad: Float64Array): void {
  const { n, cosHalf, sinHalf } = w;
  for (let i = 0; i < n; i++) {
    const a = (encodeAngle(row[i]) + theta[i]) / 2;
    cosHalf[i] = Math.cos(a); sinHalf[i] = Math.sin(a);
  }
  // V_n = λ; V_k[j] = V_{k+1}[j]·c_k + V_{k+1}[j + 2ᵏ]·s_k for j < 2ᵏ (V_k stored at chain[2ᵏ …])
  for (let k = n - 1; k >= 1; k--) {
    const size = 1 << k, src = k === n - 1 ? lam : chain, off = k === n - 1 ? 0 : size << 1;
    const c = cosHalf[k], s = sinHalf[k];
    for (let j = 0; j < size; j++) chain[size + j] = src[off + j] * c + src[off + size + j] * s;
  }
  for (let q = 0; q < n; q++) {
    // contract V_{q+1} over qubit q with the derivative factor (−s_q, c_q), then over qubits q−1 … 0 with fᵢ
    const size = 1 << q, src = q === n - 1 ? lam : chain, off = q === n - 1 ? 0 : size << 1;
    const dc = -sinHalf[q], ds = cosHalf[q];
    for (let j = 0; j < size; j++) scratch[j] = src[off + j] * dc + src[off + size + j] * ds;
    for (let k = q - 1; k >= 0; k--) {
      const half = 1 << k, c = cosHalf[k], s = sinHalf[k];
      for (let j = 0; j < half; j++) scratch[j] = scratch[j] * c + scratch[half + j] * s;
    }
    grad[q] = scratch[0];
  }
}

/**
 * ⟨Z_readout⟩ and d⟨Z⟩/dθ for every θ (layer-major, written into `grad`) by the adjoint method on the real state.
 */
export function vqcRealZGradient(row: ArrayLike<number>, theta: Float64Array, layers: number, readout: number, w: VqcRealWork, grad: Float64Array): number {
  const { n } = w;
  const ring = ringTables(n, readout);
  const z = forwardState(row, theta, layers, readout, w);
  let psi = w.psi, lam = w.lambda, tmp = w.tmp;
  const sign = ring.sign;
  for (let j = 0; j < psi.length; j++) lam[j] = sign[j] * psi[j];
  for (let l = layers - 1; l >= 1; l--) {
    for (let q = n - 1; q >= 0; q--) {
      const h = theta[l * n + q] / 2, c = Math.cos(h), s = Math.sin(h);
      // One pass per gate: ψ ← RY(−θ)ψ (ψ before this gate), g = 2⟨λ| dRY/dθ |ψ⟩ = Σ λ0(−s ψ0 − c ψ1) + λ1(c ψ0 − s ψ1),
      // λ ← RY(−θ)λ.
      const bit = 1 << q, dim = psi.length;
      let g = 0;
      for (let base = 0; base < dim; base += bit << 1) {
        for (let i0 = base, end = base + bit; i0 < end; i0++) {
          const i1 = i0 + bit, x = psi[i0], y = psi[i1];
          const p0 = c * x + s * y, p1 = -s * x + c * y;
          psi[i0] = p0; psi[i1] = p1;
          const l0 = lam[i0], l1 = lam[i1];
          g += l0 * (-s * p0 - c * p1) + l1 * (c * p0 - s * p1);
          lam[i0] = c * l0 + s * l1; lam[i1] = -s * l0 + c * l1;
        }
      }
      grad[l * n + q] = g;
    }
    // undo the ring that precedes layer l: old[j] = new[forward[j]] (ψ is not needed below layer 1)
    if (l > 1) { gather(tmp, psi, ring.forward); const t = psi; psi = tmp; tmp = t; }
    gather(tmp, lam, ring.forward); const t = lam; lam = tmp; tmp = t;
  }
  layer0Gradient(row, theta, w, lam, tmp, psi, grad);
  return z;
}
