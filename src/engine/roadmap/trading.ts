/**
 * Trading-side sanity checks of the roadmap's Week-1 promises: trades at the 0.8 confidence threshold,
 * whether ">80% profitable" can be confirmed in a week (power), the Sharpe ratio an 80 % hit rate would
 * imply, the chance the Week-1 accuracy target is met, 0.50 values in logs, contrarian signals and regimes.
 */
import { binomialPmf } from '../stats/distributions';

export const WEEK_MS = 7 * 24 * 3600 * 1000;

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let s = 0;
  for (let j = k; j <= n; j++) s += binomialPmf(j, n, p);
  return Math.min(1, s);
}

export interface ConfirmationPower {
  readonly n: number;
  /** Smallest number of wins k with P(X ≥ k | p0) ≤ α (exact one-sided binomial test); NaN when none. */
  readonly criticalWins: number;
  /** P(X ≥ k | p1). */
  readonly power: number;
}

/** Upper tails P(X ≥ k), k = 0…n+1, of Binomial(n, p), in one O(n) pass. */
function upperTails(n: number, p: number): Float64Array {
  const tails = new Float64Array(n + 2);
  for (let k = n; k >= 0; k--) tails[k] = Math.min(1, tails[k + 1] + binomialPmf(k, n, p));
  return tails;
}

/** Power of the exact one-sided binomial test of H0: h ≤ p0 against the alternative h = p1, with n trades. */
export function confirmationPower(n: number, p0: number, p1: number, alpha = 0.05): ConfirmationPower {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 0)`);
  const t0 = upperTails(n, p0);
  for (let k = 0; k <= n; k++) {
    if (t0[k] <= alpha) return { n, criticalWins: k, power: upperTails(n, p1)[k] };
  }
  return { n, criticalWins: Number.NaN, power: 0 };
}

/** Smallest n (≤ maxN) whose exact test reaches the power; NaN if none. */
export function tradesNeeded(p0: number, p1: number, { alpha = 0.05, power = 0.8, maxN = 5000 }: { alpha?: number; power?: number; maxN?: number } = {}): number {
  if (!(p1 > p0)) return Number.NaN;
  // The exact test's power is not monotone in n (sawtooth); report the first n that reaches it.
  for (let n = 1; n <= maxN; n++) if (confirmationPower(n, p0, p1, alpha).power >= power) return n;
  return Number.NaN;
}

export interface ThresholdTrades {
  readonly trades: number;
  readonly weeks: number;
  readonly perWeek: number;
}

/**
 * Bars whose confidence reaches the threshold, per week of data. Confidence is max(p, 1 − p), the
 * probability of the side a decision would take (the roadmap trades `confidence > 0.8`).
 */
export function tradesAtThreshold(p: ArrayLike<number>, timesMs: ArrayLike<number>, threshold = 0.8): ThresholdTrades {
  if (p.length !== timesMs.length || p.length < 2) throw new RangeError(`invalid series: ${p.length} forecasts and ${timesMs.length} times (expected equal lengths ≥ 2)`);
  let trades = 0;
  for (let i = 0; i < p.length; i++) if (p[i] === p[i] && Math.max(p[i], 1 - p[i]) > threshold) trades++;
  const weeks = (timesMs[timesMs.length - 1] - timesMs[0]) / WEEK_MS;
  return { trades, weeks, perWeek: weeks > 0 ? trades / weeks : Number.NaN };
}

export interface ImpliedSharpe {
  /** Mean return per trade, after the fee. */
  readonly meanPerTrade: number;
  readonly stdPerTrade: number;
  readonly sharpePerTrade: number;
  readonly sharpeAnnual: number;
}

/**
 * Sharpe ratio of a strategy that trades every bar with hit rate h, its sign independent of the move's size:
 * each trade earns s·|r| − fee, s = +1 with probability h. Mean (2h − 1)·E|r| − fee, variance E[r²] − ((2h − 1)E|r|)².
 * Annualised with √(trades per year).
 */
export function impliedSharpe(returns: ArrayLike<number>, hitRate: number, tradesPerYear: number, feePerTrade = 0): ImpliedSharpe {
  if (!(hitRate >= 0 && hitRate <= 1)) throw new RangeError(`invalid hitRate: ${hitRate} (expected 0–1)`);
  let sAbs = 0, s2 = 0, n = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i];
    if (r === r) { sAbs += Math.abs(r); s2 += r * r; n++; }
  }
  if (n < 2) throw new RangeError(`invalid returns: ${n} finite values (expected ≥ 2)`);
  const eAbs = sAbs / n, e2 = s2 / n;
  const gross = (2 * hitRate - 1) * eAbs;
  const std = Math.sqrt(Math.max(0, e2 - gross * gross));
  const mean = gross - feePerTrade;
  const sr = mean / std;
  return { meanPerTrade: mean, stdPerTrade: std, sharpePerTrade: sr, sharpeAnnual: sr * Math.sqrt(tradesPerYear) };
}

/** Share of values a log printing two decimals shows as "0.50". */
export function shareLoggedAsHalf(p: ArrayLike<number>, decimals = 2): number {
  let k = 0, n = 0;
  const half = (0.5).toFixed(decimals);
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== p[i]) continue;
    n++;
    if (p[i].toFixed(decimals) === half) k++;
  }
  return n ? k / n : Number.NaN;
}

/**
 * Correlation between a signal's lean (p_t − 0.5) and the bar's own return r_t = ln(c_t / c_{t−1}), both known
 * at t. Negative: the signal bets against the last move (contrarian); positive: it follows it (momentum).
 */
export function leanVsLastMove(p: ArrayLike<number>, closes: ArrayLike<number>): { correlation: number; n: number } {
  if (p.length !== closes.length) throw new RangeError(`invalid series: ${p.length} forecasts and ${closes.length} closes (expected equal lengths)`);
  const xs: number[] = [], ys: number[] = [];
  for (let t = 1; t < p.length; t++) {
    const x = p[t] - 0.5, y = Math.log(closes[t] / closes[t - 1]);
    if (Number.isFinite(x) && Number.isFinite(y)) { xs.push(x); ys.push(y); }
  }
  const n = xs.length;
  if (n < 3) return { correlation: Number.NaN, n };
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
  return { correlation: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN, n };
}

/**
 * Volatility regime of each bar: terciles (0 calm, 1 normal, 2 turbulent) of the trailing `window`-bar
 * standard deviation of log returns, which uses data up to t only. The tercile cut points are taken over the
 * whole series: this labels bars for an after-the-fact comparison, it is not a trading signal.
 */
export function volatilityRegimes(closes: ArrayLike<number>, window = 168): Int8Array {
  const n = closes.length;
  if (!(Number.isInteger(window) && window >= 2 && window < n)) throw new RangeError(`invalid window: ${window} (expected 2…${n - 1})`);
  const vol = new Float64Array(n).fill(Number.NaN);
  const r = new Float64Array(n).fill(Number.NaN);
  for (let t = 1; t < n; t++) r[t] = Math.log(closes[t] / closes[t - 1]);
  let s = 0, s2 = 0;
  for (let t = 1; t < n; t++) {
    s += r[t]; s2 += r[t] * r[t];
    if (t > window) { s -= r[t - window]; s2 -= r[t - window] * r[t - window]; }
    if (t >= window) vol[t] = Math.sqrt(Math.max(0, (s2 - s * s / window) / (window - 1)));
  }
  const sorted = Array.from(vol).filter((v) => v === v).sort((a, b) => a - b);
  const q1 = sorted[Math.floor(sorted.length / 3)], q2 = sorted[Math.floor((2 * sorted.length) / 3)];
  const out = new Int8Array(n).fill(-1);
  for (let t = 0; t < n; t++) if (vol[t] === vol[t]) out[t] = vol[t] < q1 ? 0 : vol[t] < q2 ? 1 : 2;
  return out;
}
