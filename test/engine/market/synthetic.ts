/** Seeded synthetic OHLCV for tests: a geometric random walk with a consistent OHLC envelope. */
import { createRng, type Rng } from '../../../src/engine/random';
import type { Ohlcv } from '../../../src/engine/market/ohlcv';

export const HOUR_MS = 3_600_000;
export const START_MS = Date.UTC(2021, 0, 1);

export function randomWalkOhlcv(T: number, seed: number | string, volPerBar = 0.01): Ohlcv {
  return fillBars(emptyOhlcv(T), 0, createRng(seed), volPerBar, 100, START_MS);
}

export function emptyOhlcv(T: number): Ohlcv & Record<'time' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array> {
  return { time: new Float64Array(T), open: new Float64Array(T), high: new Float64Array(T), low: new Float64Array(T), close: new Float64Array(T), volume: new Float64Array(T), intervalMs: HOUR_MS, source: 'synthetic' };
}

/** Fills bars [from, T) continuing from a previous close and time; occasionally zero volume, equal closes, gaps. */
export function fillBars(d: Ohlcv, from: number, rng: Rng, volPerBar: number, prevClose: number, prevTimeMs: number): Ohlcv {
  const o = d as ReturnType<typeof emptyOhlcv>;
  let c = from > 0 ? d.close[from - 1] : prevClose;
  let time = from > 0 ? d.time[from - 1] : prevTimeMs - HOUR_MS;
  for (let t = from; t < d.time.length; t++) {
    time += rng.next() < 0.02 ? HOUR_MS * (2 + rng.int(3)) : HOUR_MS;
    const open = c;
    const close = rng.next() < 0.03 ? open : open * Math.exp(volPerBar * rng.normal());
    const high = Math.max(open, close) * (1 + Math.abs(volPerBar * 0.5 * rng.normal()));
    const low = Math.min(open, close) * (1 - Math.abs(volPerBar * 0.5 * rng.normal()));
    o.time[t] = time; o.open[t] = open; o.high[t] = high; o.low[t] = low; o.close[t] = close;
    o.volume[t] = rng.next() < 0.02 ? 0 : 10 + 100 * rng.next();
    c = close;
  }
  return d;
}

/** Bars [0, end) as a new series (copies). */
export function headOf(d: Ohlcv, end: number): Ohlcv {
  return { time: d.time.slice(0, end), open: d.open.slice(0, end), high: d.high.slice(0, end), low: d.low.slice(0, end), close: d.close.slice(0, end), volume: d.volume.slice(0, end), intervalMs: d.intervalMs, source: d.source };
}

/** Bars [0, t] kept, bars after t replaced by a fresh random continuation (any seed). */
export function withRandomFuture(d: Ohlcv, t: number, seed: number): Ohlcv {
  const copy = headOf(d, d.time.length);
  return fillBars(copy, t + 1, createRng(seed), 0.05, d.close[t], d.time[t]);
}

/** Bars [from, to) of a series (copies). */
export function sliceOhlcv(d: Ohlcv, from: number, to: number): Ohlcv {
  return { time: d.time.slice(from, to), open: d.open.slice(from, to), high: d.high.slice(from, to), low: d.low.slice(from, to), close: d.close.slice(from, to), volume: d.volume.slice(from, to), intervalMs: d.intervalMs, source: d.source };
}

/** Serialises columns as the shipped CSV format (shortest round-trip numbers). */
export function toCsv(d: Ohlcv, delimiter = ','): string {
  const lines = [['timestamp', 'open', 'high', 'low', 'close', 'volume'].join(delimiter)];
  for (let t = 0; t < d.time.length; t++) {
    lines.push([d.time[t], d.open[t], d.high[t], d.low[t], d.close[t], d.volume[t]].map(String).join(delimiter));
  }
  return lines.join('\n') + '\n';
}

export function toFreqtradeJson(d: Ohlcv): string {
  const rows: string[] = [];
  for (let t = 0; t < d.time.length; t++) rows.push(`[${d.time[t]}, ${d.open[t]}, ${d.high[t]}, ${d.low[t]}, ${d.close[t]}, ${d.volume[t]}]`);
  return `[${rows.join(', ')}]`;
}
