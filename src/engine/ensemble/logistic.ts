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
  /**
   * Warm-start curvature: `sum` holds Σ w·x·xᵀ (no ridge) over the FIRST `rows` rows of x, from an
   * earlier fit on those rows (LogisticFit.hessian). The first Newton matrix is that sum plus the new
   * rows' terms at `init`, so an expanding window only pays curvature for its new rows; steps then
   * reuse its factor (chord steps) unless a step exceeds 0.05, which triggers full Newton again. The
   * optimum is the same (convex objective, same gradient tolerance); only the path to it changes.
   */
  readonly initHessian?: { readonly sum: Float64Array; readonly rows: number };
}

export interface LogisticFit {
  readonly beta: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** The last Newton matrix without its ridge (Σ w·x·xᵀ over all rows), for FitOptions-style warm starts. */
  readonly hessian: { readonly sum: Float64Array; readonly rows: number };
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
  const chol = new Float64Array(d * d);
  let iterations = 0, converged = false, haveFactor = false, lastStep = Infinity;
  const sum = new Float64Array(d * d); // Σ w·x·xᵀ of the last Newton matrix (upper triangle, no ridge)
  const warm = options.initHessian;
  let partialFrom = -1; // first pass: curvature only for rows ≥ partialFrom, the rest from `warm`
  if (warm && warm.sum.length === d * d && warm.rows >= 0 && warm.rows <= nRows) { hess.set(warm.sum); partialFrom = warm.rows; }
  while (iterations < maxIterations) {
    iterations++;
    // Full Newton steps until the step is small, then chord steps (old Hessian factor, new gradient):
    // near the optimum they converge just as surely at an eighth of the cost per pass.
    const partial = partialFrom >= 0;
    const refresh = partial || !haveFactor || lastStep > 0.05;
    grad.fill(0);
    if (refresh && !partial) hess.fill(0);
    for (let r = 0, o = 0; r < nRows; r++, o += d) {
      let z = 0;
      for (let j = 0; j < d; j++) z += x[o + j] * beta[j];
      const mu = sigmoid(z);
      const resid = y[r] - mu;
      for (let j = 0; j < d; j++) grad[j] += x[o + j] * resid;
      if (!refresh || r < partialFrom) continue;
      const w = Math.max(mu * (1 - mu), 1e-12);
      for (let j = 0; j < d; j++) {
        const wxj = w * x[o + j], base = j * d;
        for (let k = j; k < d; k++) hess[base + k] += wxj * x[o + k]; // upper triangle only
      }
    }
    for (let j = 1; j < d; j++) grad[j] -= l2 * beta[j];
    if (refresh) {
      partialFrom = -1;
      sum.set(hess);
      for (let j = 1; j < d; j++) hess[j * d + j] += l2;
      hess[0] += 1e-10; // keeps the system positive definite when every label is equal
      for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hess[j * d + k] = hess[k * d + j];
      chol.set(hess);
      choleskyFactorInPlace(chol, d);
      haveFactor = true;
    }
    choleskySolveFactored(chol, grad, step, d);
    let maxStep = 0;
    for (let j = 0; j < d; j++) { beta[j] += step[j]; maxStep = Math.max(maxStep, Math.abs(step[j])); }
    if (!(maxStep === maxStep)) break;
    lastStep = maxStep;
    if (maxStep < tolerance) { converged = true; break; }
  }
  return { beta, iterations, converged, hessian: { sum, rows: nRows } };
}

/** Overwrite the lower triangle of symmetric positive definite A with its Cholesky factor L (A = L·Lᵀ). */
/**
 * What a walk-forward logistic fit hands to the next split's fit (FitOptions.warmStart): its coefficients
 * and Newton matrix, the bar index of each training row (to check they are a prefix of the next fit's
 * rows) and the member matrix it was fitted on (a warm start from other data is ignored).
 */
export interface LogisticWarmStart {
  readonly beta: Float64Array;
  readonly hessian: LogisticFit['hessian'];
  readonly bars: Int32Array;
  readonly probs: readonly Float64Array[];
}

/** The warm start if `w` is one for `d` coefficients fitted on `probs`, else null (start cold). */
export function asLogisticWarmStart(w: unknown, d: number, probs: readonly Float64Array[]): LogisticWarmStart | null {
  if (w === null || typeof w !== 'object') return null;
  const s = w as Partial<LogisticWarmStart>;
  return s.probs === probs && s.beta instanceof Float64Array && s.beta.length === d && s.bars instanceof Int32Array && s.hessian ? (s as LogisticWarmStart) : null;
}

export function choleskyFactorInPlace(a: Float64Array, d: number): void {
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
}

/** Solve L·Lᵀ·s = b with the factor from choleskyFactorInPlace. */
export function choleskySolveFactored(l: Float64Array, b: Float64Array, s: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) { // L·u = b
    let v = b[i];
    for (let k = 0; k < i; k++) v -= l[i * d + k] * s[k];
    s[i] = v / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) { // Lᵀ·s = u
    let v = s[i];
    for (let k = i + 1; k < d; k++) v -= l[k * d + i] * s[k];
    s[i] = v / l[i * d + i];
  }
}
