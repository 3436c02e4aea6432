import type { Ohlcv } from './ohlcv';

export interface BarWindow<T extends Ohlcv> {
  /** The last `nBars` candles, every column cut alike; other fields (source, intervalMs, …) kept. */
  data: T;
  nBars: number;
  /** First and last candle's open time as a UTC date, YYYY-MM-DD. */
  fromDate: string;
  toDate: string;
}

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The most recent `bars` candles of a series (all of it when it is shorter): what the market notebooks analyse. */
export function lastBars<T extends Ohlcv>(series: T, bars: number): BarWindow<T> {
  if (!(bars >= 1)) throw new RangeError(`invalid bars: ${bars} (expected ≥ 1)`);
  const total = series.close.length;
  const nBars = Math.min(Math.floor(bars), total);
  if (nBars === 0) throw new RangeError('invalid series: no candles');
  const first = total - nBars;
  const cut = (a: Float64Array) => a.slice(first);
  const data = { ...series, time: cut(series.time), open: cut(series.open), high: cut(series.high), low: cut(series.low), close: cut(series.close), volume: cut(series.volume) };
  return { data, nBars, fromDate: utcDay(data.time[0]), toDate: utcDay(data.time[nBars - 1]) };
}
