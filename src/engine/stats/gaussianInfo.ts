/**
 * Gaussian information quantities from covariance matrices (row-major Float64Array, size n×n).
 * All in nats. These are closed forms for jointly Gaussian variables, the usual proxy for time series.
 */

/**
 * Where choleskyLogDiag reads its input when it is not already in `a`: element (i, j ≤ i) of the matrix is
 * values[index[i(i + 1)/2 + j]] (the lower triangle, row by row), so a permuted sub-matrix of a larger one
 * is factorised without gathering it into `a` first.
 */
export interface GatheredSource {
  readonly values: Float64Array;
  readonly index: Int32Array;
}

/**
 * In-place Cholesky A = L·Lᵀ of the leading `n`×`n` block of a row-major matrix with row stride `stride`,
 * writing ln(L_ii) into `logDiag[i]`. Returns false (and stops) if the matrix is not positive definite.
 * Prefix sums of 2·logDiag give ln det of every leading principal submatrix at no extra cost.
 * With `from`, the input is read from there (see GatheredSource) and `a` only receives L.
 *
 * Speed (the consciousness index runs a dozen of these per bar): columns are taken two at a time and the
 * rows below them four at a time, so eight independent dot products are in flight instead of one
 * latency-bound chain, and the two diagonal pivots and the entry between them share one loop. Each entry's
 * dot product still runs k = 0, 1, …, j − 1 in order, so the result is bit-identical to the
 * one-entry-at-a-time loop (choleskyLogDiagReference below).
 */
/** Input element (i, j ≤ i) of choleskyLogDiag: from `src` through `idx` when given, else from `a` itself. */
function inputAt(a: Float64Array, stride: number, src: Float64Array | null, idx: Int32Array | null, i: number, j: number): number {
  return src !== null ? src[idx![((i * (i + 1)) >> 1) + j]] : a[i * stride + j];
}

export function choleskyLogDiag(a: Float64Array, n: number, stride: number, logDiag: Float64Array, from?: GatheredSource): boolean {
  const src = from ? from.values : null, idx = from ? from.index : null;
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const rj = j * stride, rj1 = rj + stride, j1 = j + 1;
    // Pivot j, row j + 1's entry in column j and pivot j + 1 (its k = j term last, as in the one-column loop).
    let d = inputAt(a, stride, src, idx, j, j), e = inputAt(a, stride, src, idx, j1, j), d1 = inputAt(a, stride, src, idx, j1, j1);
    for (let k = 0; k < j; k++) {
      const x = a[rj + k], y = a[rj1 + k];
      d -= x * x; e -= y * x; d1 -= y * y;
    }
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    logDiag[j] = Math.log(ljj);
    const inv = 1 / ljj;
    const lj1j = e * inv;
    a[rj1 + j] = lj1j;
    d1 -= lj1j * lj1j;
    if (!(d1 > 0)) return false;
    const lj1 = Math.sqrt(d1);
    a[rj1 + j1] = lj1;
    logDiag[j1] = Math.log(lj1);
    const inv1 = 1 / lj1;
    let i = j + 2;
    for (; i + 3 < n; i += 4) {
      const r0 = i * stride, r1 = r0 + stride, r2 = r1 + stride, r3 = r2 + stride;
      let s0 = inputAt(a, stride, src, idx, i, j), s1 = inputAt(a, stride, src, idx, i + 1, j), s2 = inputAt(a, stride, src, idx, i + 2, j), s3 = inputAt(a, stride, src, idx, i + 3, j);
      let t0 = inputAt(a, stride, src, idx, i, j1), t1 = inputAt(a, stride, src, idx, i + 1, j1), t2 = inputAt(a, stride, src, idx, i + 2, j1), t3 = inputAt(a, stride, src, idx, i + 3, j1);
      for (let k = 0; k < j; k++) {
        const x = a[rj + k], y = a[rj1 + k];
        const v0 = a[r0 + k], v1 = a[r1 + k], v2 = a[r2 + k], v3 = a[r3 + k];
        s0 -= v0 * x; s1 -= v1 * x; s2 -= v2 * x; s3 -= v3 * x;
        t0 -= v0 * y; t1 -= v1 * y; t2 -= v2 * y; t3 -= v3 * y;
      }
      s0 *= inv; s1 *= inv; s2 *= inv; s3 *= inv;
      a[r0 + j] = s0; a[r1 + j] = s1; a[r2 + j] = s2; a[r3 + j] = s3;
      a[r0 + j1] = (t0 - s0 * lj1j) * inv1; a[r1 + j1] = (t1 - s1 * lj1j) * inv1;
      a[r2 + j1] = (t2 - s2 * lj1j) * inv1; a[r3 + j1] = (t3 - s3 * lj1j) * inv1;
    }
    for (; i < n; i++) {
      const ri = i * stride;
      let s0 = inputAt(a, stride, src, idx, i, j), t0 = inputAt(a, stride, src, idx, i, j1);
      for (let k = 0; k < j; k++) { const v = a[ri + k]; s0 -= v * a[rj + k]; t0 -= v * a[rj1 + k]; }
      s0 *= inv;
      a[ri + j] = s0;
      a[ri + j1] = (t0 - s0 * lj1j) * inv1;
    }
  }
  if (j < n) { // the last column of an odd n: only its diagonal is left
    const rj = j * stride;
    let d = inputAt(a, stride, src, idx, j, j);
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    logDiag[j] = Math.log(ljj);
  }
  return true;
}

/** ln det of a symmetric positive-definite n×n matrix (−∞ if not positive definite). Does not modify `m`. */
export function logDet(m: ArrayLike<number>, n: number): number {
  const a = Float64Array.from(m as ArrayLike<number>);
  const ld = new Float64Array(n);
  if (!choleskyLogDiag(a, n, n, ld)) return -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) s += 2 * ld[i];
  return s;
}

/** The sub-matrix of `m` (n×n) on the given indices. */
export function subMatrix(m: ArrayLike<number>, n: number, idx: readonly number[]): Float64Array {
  const k = idx.length, out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = m[idx[i] * n + idx[j]];
  return out;
}

/** I(X_A; X_B) = ½(ln det Σ_A + ln det Σ_B − ln det Σ_{A∪B}) for disjoint index sets A, B. Bivariate: −½ln(1 − ρ²). */
export function gaussianMutualInformation(cov: ArrayLike<number>, n: number, a: readonly number[], b: readonly number[]): number {
  const ab = [...a, ...b];
  return 0.5 * (logDet(subMatrix(cov, n, a), a.length) + logDet(subMatrix(cov, n, b), b.length) - logDet(subMatrix(cov, n, ab), ab.length));
}

/** Total correlation (multi-information) TC = ½(Σ ln Σ_ii − ln det Σ); for a correlation matrix −½ ln det R. 0 iff independent. */
export function totalCorrelation(cov: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(cov[i * n + i]);
  return 0.5 * (s - logDet(cov, n));
}

/** ln det of the k×k equicorrelated matrix: ln((1 − ρ)^{k−1}(1 + (k−1)ρ)). */
export function equicorrelatedLogDet(k: number, rho: number): number {
  return (k - 1) * Math.log(1 - rho) + Math.log(1 + (k - 1) * rho);
}

/**
 * Whole-minus-sum integrated information at lag 1 for a bipartition (A, B) of k variables, from the
 * 2k×2k covariance of (X_{t−1}, X_t) with past variables at indices 0..k−1 and present at k..2k−1:
 *   Φ = I(X_{t−1}; X_t) − I(A_{t−1}; A_t) − I(B_{t−1}; B_t)
 * (Barrett & Seth, PLoS Comput. Biol. 7:e1001052, 2011, Gaussian Φ_E flavour). Can be negative.
 */
export function wholeMinusSumPhi(joint: ArrayLike<number>, k: number, partA: readonly number[]): number {
  const n2 = 2 * k;
  const inA = new Set(partA);
  const partB: number[] = [];
  for (let i = 0; i < k; i++) if (!inA.has(i)) partB.push(i);
  const lagMI = (part: readonly number[]): number => gaussianMutualInformation(joint, n2, part, part.map((i) => i + k));
  const all = Array.from({ length: k }, (_, i) => i);
  return lagMI(all) - lagMI(partA) - lagMI(partB);
}

/** The textbook one-entry-at-a-time Crout Cholesky: the reference the blocked choleskyLogDiag is tested and benched against (same results, bit for bit). */
export function choleskyLogDiagReference(a: Float64Array, n: number, stride: number, logDiag: Float64Array): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * stride;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    logDiag[j] = Math.log(ljj);
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * stride;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s * inv;
    }
  }
  return true;
}
