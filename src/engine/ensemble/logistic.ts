/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS).
 * Minimises −Σ [y ln μ + (1−y) ln(1−μ)] + (λ/2)·Σ_{j≥1} βⱼ², μ = σ(xᵀβ); column 0 is the intercept
 * (not penalised). The objective is convex, so Newton from any start reaches the unique optimum.
 */
import { sigmoid } from './math';

export interface LogisticOptions {
  /** Ridge strength λ on the non-intercept weights (default 1). */
  readonly l2?: number;
  /** Newton iterations at most (default 50). */
  readonly maxIterations?: number;
  /** Stop when max |Δβ| falls below this (default 1e-9). */
  readonly tolerance?: number;
  /** Starting point (warm start); zeros by default. */
  readonly init?: Float64Array;
}

export interface LogisticFit {
  readonly beta: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * @param x row-major design matrix, nRows × nCols, column 0 all ones
 * @param y labels in {0, 1}
 */
export function fitLogistic(x: Float64Array, y: Float64Array, nRows: number, nCols: number, options: LogisticOptions = {}): LogisticFit {
  const { l2 = 1, maxIterations = 50, tolerance = 1e-9 } = options;
  if (!(l2 >= 0)) throw new RangeError(`invalid l2: ${l2} (expected ≥ 0)`);
  if (x.length < nRows * nCols) throw new RangeError(`invalid x.length: ${x.length} (expected ≥ ${nRows * nCols})`);
  const d = nCols;
  const beta = options.init ? Float64Array.from(options.init) : new Float64Array(d);
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const step = new Float64Array(d);
  let iterations = 0, converged = false;
  while (iterations < maxIterations) {
    iterations++;
    grad.fill(0); hess.fill(0);
    for (let r = 0, o = 0; r < nRows; r++, o += d) {
      let z = 0;
      for (let j = 0; j < d; j++) z += x[o + j] * beta[j];
      const mu = sigmoid(z);
      const resid = y[r] - mu;
      const w = Math.max(mu * (1 - mu), 1e-12);
      for (let j = 0; j < d; j++) {
        const xj = x[o + j];
        grad[j] += xj * resid;
        const wxj = w * xj, base = j * d;
        for (let k = j; k < d; k++) hess[base + k] += wxj * x[o + k]; // upper triangle only
      }
    }
    for (let j = 1; j < d; j++) { grad[j] -= l2 * beta[j]; hess[j * d + j] += l2; }
    hess[0] += 1e-10; // keeps the system positive definite when every label is equal
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hess[j * d + k] = hess[k * d + j];
    choleskySolveInPlace(hess, grad, step, d);
    let maxStep = 0;
    for (let j = 0; j < d; j++) { beta[j] += step[j]; maxStep = Math.max(maxStep, Math.abs(step[j])); }
    if (!(maxStep === maxStep)) break;
    if (maxStep < tolerance) { converged = true; break; }
  }
  return { beta, iterations, converged };
}

/** Solve A·s = b for symmetric positive definite A (destroyed: overwritten by its Cholesky factor). */
export function choleskySolveInPlace(a: Float64Array, b: Float64Array, s: Float64Array, d: number): void {
  for (let j = 0; j < d; j++) {
    let sum = a[j * d + j];
    for (let k = 0; k < j; k++) sum -= a[j * d + k] * a[j * d + k];
    if (!(sum > 0)) throw new RangeError(`invalid matrix: not positive definite at pivot ${j} (value ${sum})`);
    const ljj = Math.sqrt(sum);
    a[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let v = a[i * d + j];
      for (let k = 0; k < j; k++) v -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = v / ljj;
    }
  }
  for (let i = 0; i < d; i++) { // L·u = b
    let v = b[i];
    for (let k = 0; k < i; k++) v -= a[i * d + k] * s[k];
    s[i] = v / a[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) { // Lᵀ·s = u
    let v = s[i];
    for (let k = i + 1; k < d; k++) v -= a[k * d + i] * s[k];
    s[i] = v / a[i * d + i];
  }
}
