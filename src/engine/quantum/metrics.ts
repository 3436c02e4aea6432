/**
 * State metrics: fidelities (pure–pure, pure–mixed, Uhlmann mixed–mixed), purity, trace distance
 * and von Neumann entropy. Matrices are dim×dim complex, row-major interleaved (as in density.ts).
 *
 * Hermitian eigenproblems are solved by embedding H = A + iB in the real symmetric 2N×2N matrix
 * [[A, −B], [B, A]] and running cyclic Jacobi on it. Every eigenvalue of H appears twice; a matrix
 * function f(H) is read off the blocks of f(embedding): Re f(H) top-left, Im f(H) bottom-left.
 * Jacobi is O(N³) per sweep, so Uhlmann fidelity and entropy are meant for N ≤ 64 (6 qubits).
 */
import { DensityMatrix } from './density.ts';
import { Statevector } from './statevector.ts';

/** Largest dimension accepted by the dense eigen solver (2N×2N real Jacobi). */
export const MAX_EIGEN_DIM = 128;

export interface SymmetricEigen {
  /** Eigenvalues (unsorted), length n. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major n×n matrix: v[i·n + k] is component i of vector k. */
  vectors: Float64Array;
}

/** Cyclic Jacobi eigen-decomposition of a real symmetric n×n matrix (row-major, not modified). */
export function jacobiEigenSymmetric(a: Float64Array, n: number, tol = 1e-14, maxSweeps = 60): SymmetricEigen {
  if (a.length !== n * n) throw new RangeError(`invalid matrix length: ${a.length} (expected ${n * n})`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale += m[i] * m[i];
  const stop = tol * tol * Math.max(scale, 1e-300);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
    if (off <= stop) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const app = m[p * n + p], aqq = m[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p], akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k], aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

function hermDim(h: Float64Array): number {
  const d = Math.round(Math.sqrt(h.length / 2));
  if (2 * d * d !== h.length) throw new RangeError(`invalid matrix length: ${h.length} (expected 2·N²)`);
  if (d > MAX_EIGEN_DIM) throw new RangeError(`invalid matrix dimension: ${d} (expected ≤ ${MAX_EIGEN_DIM} for the dense eigen solver)`);
  return d;
}

function embed(h: Float64Array, d: number): Float64Array {
  const n = 2 * d;
  const e = new Float64Array(n * n);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    // symmetrise to absorb rounding in the input
    const re = (h[2 * (i * d + j)] + h[2 * (j * d + i)]) / 2;
    const im = (h[2 * (i * d + j) + 1] - h[2 * (j * d + i) + 1]) / 2;
    e[i * n + j] = re; e[(i + d) * n + j + d] = re;
    e[(i + d) * n + j] = im; e[i * n + j + d] = -im;
  }
  return e;
}

/** Eigenvalues of a Hermitian matrix (interleaved), ascending. */
export function hermitianEigenvalues(h: Float64Array): Float64Array {
  const d = hermDim(h);
  const { values } = jacobiEigenSymmetric(embed(h, d), 2 * d);
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = (sorted[2 * i] + sorted[2 * i + 1]) / 2;
  return out;
}

/** f(H) for Hermitian H (interleaved in, interleaved out). */
export function hermitianFunction(h: Float64Array, f: (x: number) => number): Float64Array {
  const d = hermDim(h);
  const n = 2 * d;
  const { values, vectors } = jacobiEigenSymmetric(embed(h, d), n);
  const fv = Float64Array.from(values, f);
  const out = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    let re = 0, im = 0;
    for (let k = 0; k < n; k++) {
      re += vectors[i * n + k] * fv[k] * vectors[j * n + k];
      im += vectors[(i + d) * n + k] * fv[k] * vectors[j * n + k];
    }
    out[2 * (i * d + j)] = re; out[2 * (i * d + j) + 1] = im;
  }
  return out;
}

type Mixed = DensityMatrix | Float64Array;
type Pure = Statevector | Float64Array;

const rhoData = (r: Mixed): Float64Array => (r instanceof DensityMatrix ? r.data : r);
const amps = (s: Pure): Float64Array => (s instanceof Statevector ? s.amps : s);

/** |⟨ψ|φ⟩|². */
export function fidelityPure(psi: Pure, phi: Pure): number {
  const a = amps(psi), b = amps(phi);
  if (a.length !== b.length) throw new RangeError(`invalid state length: ${b.length} (expected ${a.length})`);
  let re = 0, im = 0;
  for (let i = 0; i < a.length; i += 2) {
    re += a[i] * b[i] + a[i + 1] * b[i + 1];
    im += a[i] * b[i + 1] - a[i + 1] * b[i];
  }
  return re * re + im * im;
}

/** ⟨ψ|ρ|ψ⟩. */
export function fidelityPureMixed(psi: Pure, rho: Mixed): number {
  const a = amps(psi), r = rhoData(rho);
  const d = a.length / 2;
  if (r.length !== 2 * d * d) throw new RangeError(`invalid density length: ${r.length} (expected ${2 * d * d})`);
  let s = 0;
  for (let i = 0; i < d; i++) {
    let yr = 0, yi = 0;
    for (let j = 0; j < d; j++) {
      const pr = r[2 * (i * d + j)], pi = r[2 * (i * d + j) + 1];
      yr += pr * a[2 * j] - pi * a[2 * j + 1];
      yi += pr * a[2 * j + 1] + pi * a[2 * j];
    }
    s += a[2 * i] * yr + a[2 * i + 1] * yi;
  }
  return s;
}

function matMulC(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const o = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) {
    const ar = a[2 * (i * d + k)], ai = a[2 * (i * d + k) + 1];
    if (ar === 0 && ai === 0) continue;
    for (let j = 0; j < d; j++) {
      const br = b[2 * (k * d + j)], bi = b[2 * (k * d + j) + 1];
      o[2 * (i * d + j)] += ar * br - ai * bi;
      o[2 * (i * d + j) + 1] += ar * bi + ai * br;
    }
  }
  return o;
}

/**
 * Uhlmann fidelity F(ρ, σ) = (Tr √(√ρ σ √ρ))² (squared convention, equals ⟨ψ|σ|ψ⟩ for pure ρ).
 * Square roots amplify rounding in near-zero eigenvalues (an error ε becomes √ε), so eigenvalues
 * below 1e-14 of the largest are treated as zero; expect agreement to ~1e-9, not 1e-15.
 */
export function fidelityMixed(rho: Mixed, sigma: Mixed): number {
  const r = rhoData(rho), s = rhoData(sigma);
  if (r.length !== s.length) throw new RangeError(`invalid density length: ${s.length} (expected ${r.length})`);
  const d = hermDim(r);
  const cut = 1e-14 * Math.max(...hermitianEigenvalues(r));
  const sq = hermitianFunction(r, (x) => (x > cut ? Math.sqrt(x) : 0));
  const m = matMulC(matMulC(sq, s, d), sq, d);
  const ev = hermitianEigenvalues(m);
  const cutM = 1e-14 * Math.max(...ev);
  let t = 0;
  for (const x of ev) if (x > cutM) t += Math.sqrt(x);
  return Math.min(1, t * t);
}

/** Tr ρ². */
export function purity(rho: Mixed): number {
  const r = rhoData(rho);
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}

/** ½ Tr|ρ − σ| = ½ Σ |eig(ρ − σ)|. */
export function traceDistance(rho: Mixed, sigma: Mixed): number {
  const r = rhoData(rho), s = rhoData(sigma);
  if (r.length !== s.length) throw new RangeError(`invalid density length: ${s.length} (expected ${r.length})`);
  const diff = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) diff[i] = r[i] - s[i];
  let t = 0;
  for (const x of hermitianEigenvalues(diff)) t += Math.abs(x);
  return t / 2;
}

/** Von Neumann entropy −Tr ρ log ρ, in bits by default (base 2). */
export function vonNeumannEntropy(rho: Mixed, base = 2): number {
  let s = 0;
  for (const x of hermitianEigenvalues(rhoData(rho))) if (x > 1e-15) s -= x * Math.log(x);
  return s / Math.log(base);
}
