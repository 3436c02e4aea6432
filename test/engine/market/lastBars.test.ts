import { describe, it, expect } from 'vitest';
import { lastBars } from '../../../src/engine/market';
import type { Ohlcv } from '../../../src/engine/market';

const HOUR = 3_600_000;
function series(n: number): Ohlcv & { extra: string } {
  const col = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    time: col((i) => Date.UTC(2024, 0, 1) + i * HOUR), open: col((i) => 100 + i), high: col((i) => 101 + i), low: col((i) => 99 + i),
    close: col((i) => 100.5 + i), volume: col((i) => i), intervalMs: HOUR, source: 'test', extra: 'kept',
  };
}

describe('lastBars(series, bars): the most recent bars of a dataset', () => {
  it('cuts every column alike to the last bars and keeps other fields', () => {
    const w = lastBars(series(100), 30);
    expect(w.nBars).toBe(30);
    for (const k of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) expect(w.data[k]).toHaveLength(30);
    expect(w.data.close[0]).toBe(100.5 + 70);
    expect(w.data.volume[29]).toBe(99);
    expect(w.data.extra).toBe('kept');
    expect(w.data.intervalMs).toBe(HOUR);
  });
  it('returns all of a shorter series, with UTC dates of the first and last bar', () => {
    const w = lastBars(series(50), 20000);
    expect(w.nBars).toBe(50);
    expect(w.fromDate).toBe('2024-01-01');
    expect(w.toDate).toBe('2024-01-03'); // bar 49 opens at 01:00 on Jan 3
  });
  it('copies (the window does not alias the dataset)', () => {
    const s = series(10);
    const w = lastBars(s, 5);
    w.data.close[0] = -1;
    expect(s.close[5]).toBe(105.5);
  });
  it('rejects a window below one bar', () => {
    expect(() => lastBars(series(10), 0)).toThrow(/invalid bars/);
    expect(() => lastBars(series(10), Number.NaN)).toThrow(/invalid bars/);
  });
});
