/**
 * From P(up) per bar to positions, with the roadmap's risk rules (Task 4.2/4.3):
 * - trade only when confidence max(P, 1 − P) ≥ 0.8 (`quantum_confidence_threshold`) and P is more than
 *   NO_CALL_BAND (1e-9) away from 0.5 (an output of 0.5 ± 1e-16 is rounding, not a call);
 * - position at most 5 % of equity (`max_quantum_position`);
 * - staged sizing 1 % → 2 % → 5 %: stage k lasts at least `stageBars[k]` bars (default 1 week, then
 *   2 weeks, converted with the bars per week of the data's own calendar: 7 bars of a crypto 1d series,
 *   5 of an equity index) and advances only after "stable operation", which we define as at least one
 *   completed trade in the stage and non-negative cumulative PnL over it; otherwise the stage restarts
 *   (a strategy that never trades never leaves stage 1);
 * - no forecast (NaN P) means flat: the backtest's fallback is "do nothing".
 *
 * Timing: the position chosen at the close of bar t earns r[t+1] = close[t+1]/close[t] − 1. The
 * position is a constant fraction of equity (implicitly rebalanced each bar; the small rebalancing
 * cost is ignored); every change of target fraction Δ at the close of bar t costs |Δ|·(feeBps + slippageBps)/10⁴
 * of equity, booked in bar t's return, and any open position is closed at the last bar. Per-bar strategy
 * returns (pos[startBar − 1] = 0):
 *   ret[t] = pos[t−1]·r[t] − |pos[t] − pos[t−1]|·cost,   equity[t] = ∏_{s ≤ t}(1 + ret[s]).
 * A trade is a run of bars with the same non-zero side; its net PnL (fraction of equity, additive)
 * is Σ pos·r − all costs of entering, resizing and leaving it. Profitable means net PnL > 0.
 * Annualisation uses bars per year measured from the data's own calendar: (bars − 1) / elapsed years.
 */
import { medianSpacingMs } from '../market/validate';
import { NO_CALL_BAND } from '../stats/hitRate';

export interface BacktestConfig {
  /** 'roadmap': threshold + staged sizing; 'always-in': in at full size whenever P > 0.5. */
  readonly mode?: 'roadmap' | 'always-in';
  readonly confidenceThreshold?: number;
  readonly maxPositionFraction?: number;
  readonly stageFractions?: readonly number[];
  /** Minimum stable duration of each stage but the last, in weeks (default [1, 2]). */
  readonly stageWeeks?: readonly number[];
  /** Overrides stageWeeks with bar counts. */
  readonly stageBars?: readonly number[];
  /** Size in 'always-in' mode (default maxPositionFraction, so only the threshold differs). */
  readonly alwaysInFraction?: number;
  readonly feeBps?: number;
  readonly slippageBps?: number;
  readonly allowShort?: boolean;
  /** First bar to trade (default: first bar with a finite P). Buy and hold uses the same range. */
  readonly startBar?: number;
}

export interface BacktestMetrics {
  readonly totalReturn: number;
  /** Annualised with √(bars per year) from the data's own calendar (NaN when the return spread is 0). */
  readonly sharpe: number;
  readonly maxDrawdown: number;
  readonly nTrades: number;
  readonly nProfitable: number;
  /** nProfitable / nTrades (NaN without trades). */
  readonly profitableShare: number;
  /** Share of holding bars with a non-zero position. */
  readonly exposure: number;
  readonly feesPaid: number;
}

export interface BacktestRun extends BacktestMetrics {
  readonly position: Float64Array;
  /** Per-bar strategy returns (index t = return realised at the close of bar t). */
  readonly returns: Float64Array;
  readonly equity: Float64Array;
  /** Net PnL of each trade in order. */
  readonly tradePnl: Float64Array;
  /** Holding bars of each trade (bars whose return it earned), in order. */
  readonly tradeBars: Int32Array;
  /** Side of each trade (1 long, −1 short), in order. */
  readonly tradeSide: Int8Array;
}

export interface BacktestResult {
  readonly strategy: BacktestRun;
  readonly buyAndHold: BacktestRun;
  /** Buy and hold at the roadmap's maximum position (maxPositionFraction): the like-for-like benchmark. */
  readonly buyAndHoldCapped: BacktestRun;
  readonly startBar: number;
  readonly barsPerYear: number;
  readonly stageBars: readonly number[];
  /** Bars in range without a finite forecast (held flat). */
  readonly noForecastBars: number;
  /** Highest stage index reached (0 = first stage). */
  readonly maxStage: number;
  /** Stage windows that ended without a completed trade (so they could not advance). */
  readonly stagesWithoutTrades: number;
}

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;
const WEEKS_PER_YEAR = 365.25 / 7;

/**
 * Bars per year from the series' own calendar: (bars − 1) / elapsed years between the first and last
 * timestamps. Counts only the bars that exist, so an equity index with weekends and holidays gets ≈ 252
 * daily bars a year and a 24/7 crypto series 365.25; falls back to the median spacing when the span is 0.
 */
export function barsPerYearOf(time: ArrayLike<number>): number {
  const n = time.length;
  if (n < 2) throw new RangeError(`invalid time.length: ${n} (expected ≥ 2)`);
  const span = time[n - 1] - time[0];
  if (!(span > 0)) throw new RangeError(`invalid time: span ${span} ms from first to last bar (expected > 0, ascending)`);
  return ((n - 1) * MS_PER_YEAR) / span;
}

/** Median bar spacing (ms): the market loader's definition, so both engines agree on a dataset's interval. */
export const medianBarMs = medianSpacingMs;

/**
 * medianBarMs(time) > 0, in one pass without sorting: the sorted spacings are [≤ 0 …][> 0 …][NaN …], so the
 * median is positive iff its index (or, for an even count, both middle indices) falls in the positive run —
 * or, when the lower middle is the largest non-positive spacing and the upper one the smallest positive one,
 * iff their sum is positive (the mean of the two, as medianSpacingMs computes it). Tested against the sort.
 */
export function medianSpacingPositive(time: ArrayLike<number>): boolean {
  const n = time.length - 1;
  if (n < 1) return false;
  let nonPositive = 0, positive = 0, maxNonPositive = -Infinity, minPositive = Infinity;
  for (let i = 0; i < n; i++) {
    const d = time[i + 1] - time[i];
    if (d > 0) { positive++; if (d < minPositive) minPositive = d; } else if (d <= 0) { nonPositive++; if (d > maxNonPositive) maxNonPositive = d; }
  }
  const inPositive = (k: number) => k >= nonPositive && k < nonPositive + positive;
  if (n % 2) return inPositive((n - 1) / 2);
  const lo = n / 2 - 1, hi = n / 2;
  if (inPositive(lo) && inPositive(hi)) return true;
  if (lo === nonPositive - 1 && inPositive(hi)) return (maxNonPositive + minPositive) / 2 > 0;
  return false;
}

/** Equity, returns and metrics for given target positions. */
export function simulatePositions(
  position: Float64Array, close: Float64Array, startBar: number, costPerUnit: number, barsPerYear: number,
): BacktestRun {
  const nBars = close.length;
  const returns = new Float64Array(nBars);
  const equity = new Float64Array(nBars).fill(1);
  const trades: number[] = [], durations: number[] = [], sides: number[] = [];
  let prev = 0, eq = 1, peak = 1, maxDd = 0, fees = 0, exposed = 0, holding = 0;
  let tradeSide = 0, tradePnl = 0, tradeLen = 0;
  const closeTrade = (): void => {
    if (tradeSide !== 0) { trades.push(tradePnl); durations.push(tradeLen); sides.push(tradeSide); }
    tradeSide = 0; tradePnl = 0; tradeLen = 0;
  };
  for (let t = startBar; t < nBars; t++) {
    // the target at the close of t; forced flat on the last bar
    const pos = t === nBars - 1 ? 0 : position[t];
    const side = Math.sign(pos);
    const tradeCost = Math.abs(pos - prev) * costPerUnit;
    // the trade cost at the close of t is booked in bar t's return (it is paid now)
    returns[t] -= tradeCost;
    fees += tradeCost;
    if (side !== tradeSide) {
      // leaving: the exit part of the cost belongs to the old trade, entering part to the new one
      const exitCost = Math.abs(prev) * costPerUnit;
      tradePnl -= exitCost;
      closeTrade();
      tradeSide = side;
      tradePnl = -(tradeCost - exitCost);
    } else if (side !== 0) {
      tradePnl -= tradeCost;
    }
    if (t + 1 < nBars) {
      const r = close[t + 1] / close[t] - 1;
      returns[t + 1] += pos * r;
      if (side !== 0) { tradePnl += pos * r; exposed++; tradeLen++; }
      holding++;
    }
    eq *= 1 + returns[t];
    equity[t] = eq;
    if (eq > peak) peak = eq;
    const dd = 1 - eq / peak;
    if (dd > maxDd) maxDd = dd;
    prev = pos;
  }
  closeTrade();
  let s = 0, s2 = 0, m = 0;
  for (let t = startBar; t < nBars; t++) { s += returns[t]; m++; }
  const mean = m > 0 ? s / m : NaN;
  for (let t = startBar; t < nBars; t++) s2 += (returns[t] - mean) ** 2;
  const sd = m > 1 ? Math.sqrt(s2 / (m - 1)) : NaN;
  const tradePnlArr = Float64Array.from(trades);
  let wins = 0;
  for (const x of tradePnlArr) if (x > 0) wins++;
  return {
    position, returns, equity, tradePnl: tradePnlArr, tradeBars: Int32Array.from(durations), tradeSide: Int8Array.from(sides),
    totalReturn: eq - 1,
    sharpe: sd > 0 ? (mean / sd) * Math.sqrt(barsPerYear) : NaN,
    maxDrawdown: maxDd,
    nTrades: tradePnlArr.length,
    nProfitable: wins,
    profitableShare: tradePnlArr.length ? wins / tradePnlArr.length : NaN,
    exposure: holding ? exposed / holding : 0,
    feesPaid: fees,
  };
}

function checkFraction(name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`invalid ${name}: ${v} (expected 0–1)`);
}

export function backtest(pUp: Float64Array, close: Float64Array, time: Float64Array, config: BacktestConfig = {}): BacktestResult {
  const nBars = close.length;
  if (pUp.length !== nBars || time.length !== nBars) {
    throw new RangeError(`invalid lengths: pUp ${pUp.length}, close ${nBars}, time ${time.length} (expected equal)`);
  }
  if (nBars < 2) throw new RangeError(`invalid close.length: ${nBars} (expected ≥ 2)`);
  for (let t = 0; t < nBars; t++) if (!(close[t] > 0)) throw new RangeError(`invalid close[${t}]: ${close[t]} (expected > 0)`);
  const {
    mode = 'roadmap', confidenceThreshold = 0.8, maxPositionFraction = 0.05,
    stageFractions = [0.01, 0.02, 0.05], stageWeeks = [1, 2], feeBps = 10, slippageBps = 0, allowShort = false,
  } = config;
  if (mode !== 'roadmap' && mode !== 'always-in') throw new RangeError(`invalid mode: ${String(mode)} (expected 'roadmap' or 'always-in')`);
  if (!(confidenceThreshold >= 0.5 && confidenceThreshold <= 1)) throw new RangeError(`invalid confidenceThreshold: ${confidenceThreshold} (expected 0.5–1)`);
  checkFraction('maxPositionFraction', maxPositionFraction);
  stageFractions.forEach((f, i) => checkFraction(`stageFractions[${i}]`, f));
  if (stageFractions.length < 1) throw new RangeError('invalid stageFractions: empty (expected ≥ 1 stage)');
  if (!(feeBps >= 0)) throw new RangeError(`invalid feeBps: ${feeBps} (expected ≥ 0)`);
  if (!(slippageBps >= 0)) throw new RangeError(`invalid slippageBps: ${slippageBps} (expected ≥ 0)`);
  const alwaysInFraction = config.alwaysInFraction ?? maxPositionFraction;
  checkFraction('alwaysInFraction', alwaysInFraction);
  if (!medianSpacingPositive(time)) throw new RangeError(`invalid time: median bar interval ${medianBarMs(time)} ms (expected > 0)`);
  const barsPerYear = barsPerYearOf(time);
  const barsPerWeek = barsPerYear / WEEKS_PER_YEAR;
  const stageBars = config.stageBars ?? stageWeeks.map((w) => Math.max(1, Math.round(w * barsPerWeek)));
  let startBar = config.startBar ?? -1;
  if (startBar < 0) { startBar = 0; while (startBar < nBars - 1 && !(pUp[startBar] === pUp[startBar])) startBar++; }
  if (!Number.isInteger(startBar) || startBar >= nBars) throw new RangeError(`invalid startBar: ${startBar} (expected 0–${nBars - 1})`);
  const costPerUnit = (feeBps + slippageBps) / 1e4;

  const position = new Float64Array(nBars);
  let noForecast = 0, stage = 0, maxStage = 0, stageStart = startBar, stageEquity = 1, eq = 1, prev = 0;
  let closedInStage = 0, stagesWithoutTrades = 0;
  for (let t = startBar; t < nBars - 1; t++) {
    // running equity up to the close of t (same arithmetic as simulatePositions) for the stage rule
    if (t > startBar) eq *= 1 + prev * (close[t] / close[t - 1] - 1);
    const p = pUp[t];
    let target = 0;
    if (!(p >= 0 && p <= 1)) noForecast++;
    else if (mode === 'always-in') target = p > 0.5 + NO_CALL_BAND ? alwaysInFraction : p < 0.5 - NO_CALL_BAND && allowShort ? -alwaysInFraction : 0;
    else {
      if (stage < stageFractions.length - 1 && t - stageStart >= stageBars[Math.min(stage, stageBars.length - 1)]) {
        // "stable operation": at least one completed trade in the stage and no loss over it
        if (closedInStage === 0) stagesWithoutTrades++;
        if (closedInStage > 0 && eq >= stageEquity) { stage++; maxStage = Math.max(maxStage, stage); }
        stageStart = t; stageEquity = eq; closedInStage = 0; // advance, or restart the stage window
      }
      const size = Math.min(stageFractions[stage], maxPositionFraction);
      const conf = p >= 0.5 ? p : 1 - p;
      if (conf >= confidenceThreshold && Math.abs(p - 0.5) > NO_CALL_BAND) target = p > 0.5 ? size : allowShort ? -size : 0;
    }
    if (prev !== 0 && Math.sign(target) !== Math.sign(prev)) closedInStage++; // a trade ends at this close
    eq *= 1 - Math.abs(target - prev) * costPerUnit;
    position[t] = target;
    prev = target;
  }
  const strategy = simulatePositions(position, close, startBar, costPerUnit, barsPerYear);
  // The two buy-and-hold benchmarks are simulated when first read (sweeps read neither), then kept.
  let hold: BacktestRun | null = null, capped: BacktestRun | null = null;
  return {
    strategy,
    get buyAndHold() { return (hold ??= simulatePositions(new Float64Array(nBars).fill(1), close, startBar, costPerUnit, barsPerYear)); },
    get buyAndHoldCapped() { return (capped ??= simulatePositions(new Float64Array(nBars).fill(maxPositionFraction), close, startBar, costPerUnit, barsPerYear)); },
    startBar, barsPerYear, stageBars, noForecastBars: noForecast, maxStage, stagesWithoutTrades,
  };
}

/**
 * The drift baseline for "share of profitable trades": the share of profitable trades a strategy would get
 * by entering at random bars with the same trade lengths and sides, under the same cost. For each trade of
 * length d and side s, the share of all d-bar windows from `startBar` on with s·Σr − 2·cost > 0 (additive
 * per-bar returns, cost per unit of position per side, as in the trade PnL); averaged over the trades.
 * In a bull market long trades are profitable by drift alone: this is the number to beat. NaN without trades.
 */
export function randomTimingProfitableShare(run: Pick<BacktestRun, 'tradeBars' | 'tradeSide'>, close: Float64Array, startBar: number, costPerUnit: number): number {
  const n = close.length, m = run.tradeBars.length;
  if (m === 0) return NaN;
  const cum = new Float64Array(n); // cum[t] = Σ_{k ≤ t} r[k], r[k] = close[k]/close[k−1] − 1
  for (let t = 1; t < n; t++) cum[t] = cum[t - 1] + close[t] / close[t - 1] - 1;
  const cache = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < m; i++) {
    const d = run.tradeBars[i], side = run.tradeSide[i], key = d * side;
    let share = cache.get(key);
    if (share === undefined) {
      let wins = 0, windows = 0;
      for (let s = startBar; s + d < n; s++) { windows++; if (side * (cum[s + d] - cum[s]) - 2 * costPerUnit > 0) wins++; }
      share = windows ? wins / windows : NaN;
      cache.set(key, share);
    }
    total += share;
  }
  return total / m;
}
