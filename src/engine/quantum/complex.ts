/**
 * Small dense complex matrices stored as interleaved re/im `Float64Array`s, row-major.
 * A d×d matrix has length 2·d². Used for gate matrices (d ≤ 2^k, k small) and reduced
 * density matrices; never for statevectors (see kernels.ts for those).
 */

/** Dimension d of a square interleaved complex matrix, validating its length. */
export function matrixDim(m: Float64Array): number {
  const d = Math.round(Math.sqrt(m.length / 2));
  if (2 * d * d !== m.length) throw new RangeError(`invalid matrix length: ${m.length} (expected 2·d² for a square matrix)`);
  return d;
}

export function identityMatrix(d: number): Float64Array {
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) m[2 * (i * d + i)] = 1;
  return m;
}

/** a·b for square d×d matrices. */
export function matMul(a: Float64Array, b: Float64Array): Float64Array {
  const d = matrixDim(a);
  if (b.length !== a.length) throw new RangeError(`invalid matrix length: ${b.length} (expected ${a.length})`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) {
        const ar = a[2 * (i * d + k)], ai = a[2 * (i * d + k) + 1];
        const br = b[2 * (k * d + j)], bi = b[2 * (k * d + j) + 1];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
    }
  }
  return out;
}

/** Conjugate transpose. */
export function adjointMatrix(a: Float64Array): Float64Array {
  const d = matrixDim(a);
  const out = new Float64Array(a.length);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      out[2 * (j * d + i)] = a[2 * (i * d + j)];
      out[2 * (j * d + i) + 1] = -a[2 * (i * d + j) + 1];
    }
  }
  return out;
}

/**
 * Kronecker product a ⊗ b. With our little-endian convention, `kron(a, b)` acts on the
 * qubit list [b's qubits…, a's qubits…] (b is the less significant factor).
 */
export function kron(a: Float64Array, b: Float64Array): Float64Array {
  const da = matrixDim(a), db = matrixDim(b);
  const d = da * db;
  const out = new Float64Array(2 * d * d);
  for (let i1 = 0; i1 < da; i1++) for (let j1 = 0; j1 < da; j1++) {
    const ar = a[2 * (i1 * da + j1)], ai = a[2 * (i1 * da + j1) + 1];
    if (ar === 0 && ai === 0) continue;
    for (let i2 = 0; i2 < db; i2++) for (let j2 = 0; j2 < db; j2++) {
      const br = b[2 * (i2 * db + j2)], bi = b[2 * (i2 * db + j2) + 1];
      const r = i1 * db + i2, c = j1 * db + j2;
      out[2 * (r * d + c)] = ar * br - ai * bi;
      out[2 * (r * d + c) + 1] = ar * bi + ai * br;
    }
  }
  return out;
}

/** Largest |a_ij − b_ij| over all entries (complex modulus). */
export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new RangeError(`invalid matrix length: ${b.length} (expected ${a.length})`);
  let worst = 0;
  for (let i = 0; i < a.length; i += 2) {
    const dr = a[i] - b[i], di = a[i + 1] - b[i + 1];
    const v = Math.hypot(dr, di);
    if (v > worst) worst = v;
  }
  return worst;
}

/** True when U·U† = I within `tol` (max entry deviation). */
export function isUnitary(u: Float64Array, tol = 1e-12): boolean {
  return maxAbsDiff(matMul(u, adjointMatrix(u)), identityMatrix(matrixDim(u))) <= tol;
}
