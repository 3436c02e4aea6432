/**
 * "Timing Jitter: PID control and predictive adjustment systems deployed" (roadmap, Risk mitigation §3).
 * A controller can cancel the *predictable* part of a scheduler's lateness (a constant offset, a drift, an
 * autocorrelated component) but not its innovations: the best achievable jitter is the one-step prediction
 * error. These functions apply a PID correction and a causal AR(p) predictor to a lateness series and report
 * what remains.
 */
import type { Rng } from '../random';

/** Sample standard deviation (n − 1). */
export function sampleStd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Root mean square (jitter around the schedule, offset included). */
export function rms(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, x.length));
}

export interface LatenessModel {
  readonly n: number;
  /** Constant offset, μs. */
  readonly offsetUs?: number;
  /** Linear drift per tick, μs. */
  readonly driftPerTickUs?: number;
  /** AR(1) coefficient of the noise. */
  readonly phi?: number;
  /** Innovation standard deviation, μs. */
  readonly sigmaUs: number;
}

/** A synthetic lateness series: offset + drift·t + AR(1) noise. For tests and for the notebook's what-if. */
export function simulateLateness(model: LatenessModel, rng: Rng): Float64Array {
  const { n, offsetUs = 0, driftPerTickUs = 0, phi = 0, sigmaUs } = model;
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 2)`);
  if (!(Math.abs(phi) < 1)) throw new RangeError(`invalid phi: ${phi} (expected |phi| < 1)`);
  const out = new Float64Array(n);
  let a = 0;
  for (let t = 0; t < n; t++) {
    a = phi * a + sigmaUs * rng.normal();
    out[t] = offsetUs + driftPerTickUs * t + a;
  }
  return out;
}

export interface PidGains { readonly kp: number; readonly ki: number; readonly kd: number }

/**
 * Closed-loop residual when tick t is advanced by u_t computed from past errors only:
 * e_t = l_t + u_t, u_t = −(kp·e_{t−1} + ki·Σ_{s<t} e_s + kd·(e_{t−1} − e_{t−2})).
 * Assumes the correction adds to the lateness (the scheduler fires u_t earlier), which is the controller's
 * best case.
 */
export function pidResidual(lateness: ArrayLike<number>, { kp, ki, kd }: PidGains): Float64Array {
  const n = lateness.length;
  const e = new Float64Array(n);
  let integral = 0, prev = 0, prev2 = 0;
  for (let t = 0; t < n; t++) {
    const u = t === 0 ? 0 : -(kp * prev + ki * integral + kd * (prev - prev2));
    e[t] = lateness[t] + u;
    integral += e[t];
    prev2 = prev; prev = e[t];
  }
  return e;
}

/** Solve a small dense system A x = b (Gaussian elimination with partial pivoting); null if singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (Math.abs(M[piv][c]) < 1e-12) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/**
 * One-step-ahead errors of a causal AR(p) predictor with intercept and trend, refitted by least squares on
 * all earlier ticks (expanding window) every `refitEvery` ticks. Errors are reported from tick `minTrain` on.
 * This is "predictive adjustment" at its best: it can only remove what the past predicts.
 */
export function predictiveResidual(lateness: ArrayLike<number>, { order = 2, minTrain = 50, refitEvery = 10 }: { order?: number; minTrain?: number; refitEvery?: number } = {}): Float64Array {
  const n = lateness.length;
  if (!(Number.isInteger(order) && order >= 0 && order <= 10)) throw new RangeError(`invalid order: ${order} (expected 0–10)`);
  if (!(minTrain > order + 3 && minTrain < n)) throw new RangeError(`invalid minTrain: ${minTrain} (expected ${order + 4}…${n - 1})`);
  const k = order + 2; // intercept, trend, lags
  const features = (t: number): number[] => { const f = [1, t / n]; for (let j = 1; j <= order; j++) f.push(lateness[t - j]); return f; };
  const out: number[] = [];
  let beta: number[] | null = null;
  for (let t = minTrain; t < n; t++) {
    if (beta === null || (t - minTrain) % refitEvery === 0) {
      const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
      const b = new Array<number>(k).fill(0);
      for (let s = order; s < t; s++) {
        const f = features(s);
        for (let i = 0; i < k; i++) { b[i] += f[i] * lateness[s]; for (let j = 0; j < k; j++) A[i][j] += f[i] * f[j]; }
      }
      beta = solve(A, b) ?? beta ?? new Array<number>(k).fill(0);
    }
    const f = features(t);
    let pred = 0;
    for (let i = 0; i < k; i++) pred += beta[i] * f[i];
    out.push(lateness[t] - pred);
  }
  return Float64Array.from(out);
}
