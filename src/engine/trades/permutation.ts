/**
 * Entry-time permutation test against the market: keep every trade's holding time, side and fees, but enter at a
 * uniformly random bar of the same backtest window on the same candles. If the strategy's entries carry no
 * information, its mean trade return is a typical draw from these random-entry means; the p-value is the share
 * of random-entry runs at least as good (with the +1 correction). The random-entry mean itself is the fair
 * baseline ("what trading at random times, same holding times, earns on this market"), and buy-and-hold over
 * the window is the other.
 *
 * Assumptions (stated in the notebook): entries and exits at bar opens; the strategy's position limits and
 * overlapping trades are not re-simulated (each trade is re-drawn on its own).
 */
import type { Ohlcv } from '../market/ohlcv';
import type { Rng } from '../random';
import type { TradeLike } from './series';

export interface BarTrade {
  /** Bar index of the entry (the bar whose open is the entry price). */
  entry: number;
  /** Holding time in bars (≥ 1). */
  bars: number;
  short: boolean;
  feeOpen: number;
  feeClose: number;
  observed: number;
}

/** Index of the first bar whose open time is ≥ t (binary search). */
export function barAtOrAfter(time: Float64Array, t: number): number {
  let lo = 0, hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Net return of a trade entered at bar `e`'s open and left at bar `e + h`'s open, freqtrade's fee convention. */
export function tradeReturnAt(c: Ohlcv, e: number, h: number, short: boolean, feeOpen: number, feeClose: number): number {
  const p0 = c.open[e], p1 = c.open[e + h];
  return short ? 1 - (p1 * (1 + feeClose)) / (p0 * (1 - feeOpen)) : (p1 * (1 - feeClose)) / (p0 * (1 + feeOpen)) - 1;
}

/** Put trades on the candles' bars; trades outside the candles (or too close to their end) are counted, not used. */
export function tradesOnBars(trades: readonly TradeLike[], c: Ohlcv): { mapped: BarTrade[]; outside: number } {
  const n = c.time.length;
  const mapped: BarTrade[] = [];
  let outside = 0;
  for (const t of trades) {
    const e = barAtOrAfter(c.time, t.openTime);
    const x = barAtOrAfter(c.time, t.closeTime);
    if (e >= n - 1 || t.openTime < c.time[0]) { outside++; continue; }
    const bars = Math.max(1, Math.min(n - 1, x) - e);
    if (e + bars >= n) { outside++; continue; }
    mapped.push({ entry: e, bars, short: t.isShort === true, feeOpen: t.feeOpen ?? 0, feeClose: t.feeClose ?? 0, observed: t.profitRatio });
  }
  return { mapped, outside };
}

export interface PermutationResult {
  trades: number;
  observedMean: number;
  /** Mean trade return of each random-entry run. */
  nullMeans: Float64Array;
  /** One-sided p-value: share of random-entry runs with a mean ≥ the observed one, (1 + k)/(1 + P). */
  p: number;
  randomEntryMean: number;
  randomEntry05: number;
  randomEntry95: number;
  /** Same trades re-priced at their own entry bars (the model's view of the observed trades; checks the model). */
  modelledMean: number;
  /** Buy and hold over the window: open of the first bar to open of the last. */
  buyAndHold: number;
  windowBars: [number, number];
}

export function entryTimePermutationTest(
  trades: readonly TradeLike[], c: Ohlcv,
  opts: { rng: Rng; permutations?: number; startMs?: number; endMs?: number; onProgress?: (f: number) => void },
): PermutationResult {
  const P = opts.permutations ?? 2000;
  const { mapped } = tradesOnBars(trades, c);
  const n = c.time.length;
  const lo = opts.startMs !== undefined ? Math.min(n - 2, barAtOrAfter(c.time, opts.startMs)) : 0;
  const hi = opts.endMs !== undefined ? Math.max(lo + 1, Math.min(n - 1, barAtOrAfter(c.time, opts.endMs))) : n - 1;
  const m = mapped.length;
  const observedMean = m ? mapped.reduce((a, t) => a + t.observed, 0) / m : NaN;
  let modelled = 0;
  for (const t of mapped) modelled += tradeReturnAt(c, t.entry, t.bars, t.short, t.feeOpen, t.feeClose);
  const nullMeans = new Float64Array(P);
  let exceed = 0;
  for (let k = 0; k < P; k++) {
    let s = 0;
    for (const t of mapped) {
      const h = Math.min(t.bars, hi - lo);
      const e = lo + opts.rng.int(Math.max(1, hi - lo - h + 1));
      s += tradeReturnAt(c, e, h, t.short, t.feeOpen, t.feeClose);
    }
    nullMeans[k] = m ? s / m : NaN;
    if (nullMeans[k] >= observedMean) exceed++;
    if (opts.onProgress && (k & 63) === 63) opts.onProgress((k + 1) / P);
  }
  const sorted = Float64Array.from(nullMeans).sort();
  return {
    trades: m, observedMean, nullMeans,
    p: m ? (1 + exceed) / (1 + P) : NaN,
    randomEntryMean: sorted.reduce((a, v) => a + v, 0) / P,
    randomEntry05: sorted[Math.floor(0.05 * (P - 1))],
    randomEntry95: sorted[Math.ceil(0.95 * (P - 1))],
    modelledMean: m ? modelled / m : NaN,
    buyAndHold: c.open[hi] / c.open[lo] - 1,
    windowBars: [lo, hi],
  };
}
