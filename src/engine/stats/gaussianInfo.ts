/**
 * Gaussian information quantities from covariance matrices (row-major Float64Array, size n×n).
 * All in nats. These are closed forms for jointly Gaussian variables, the usual proxy for time series.
 */

/**
 * In-place Cholesky A = L·Lᵀ of the leading `n`×`n` block of a row-major matrix with row stride `stride`,
 * writing ln(L_ii) into `logDiag[i]`. Returns false (and stops) if the matrix is not positive definite.
 * Prefix sums of 2·logDiag give ln det of every leading principal submatrix at no extra cost.
 */
export function choleskyLogDiag(a: Float64Array, n: number, stride: number, logDiag: Float64Array): boolean {
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
