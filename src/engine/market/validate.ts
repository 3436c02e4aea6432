/**
 * The checks every loader shares: one candle at a time while parsing (so the first bad row stops the parse with
 * its file position), then interval detection and warnings (gaps, zero volume) once the columns are complete.
 */
import { OhlcvError, formatUtc, type Ohlcv, type OhlcvField, type OhlcvWarning } from './ohlcv';

/** Where each field sits in the file (1-based column), for error messages. */
export type ColumnOf = (field: OhlcvField) => number | null;

/**
 * Throws the first rule the candle breaks. Order: prices positive, then the OHLC envelope, then volume,
 * then time against the previous candle (so a swapped high/low is reported as such, not as a time problem).
 */
export function checkCandle(
  row: number, col: ColumnOf,
  timeMs: number, open: number, high: number, low: number, close: number, volume: number,
  prevTimeMs: number,
): void {
  if (!(open > 0)) throw new OhlcvError('non-positive-price', row, col('open'), 'open', `open ${open} is not > 0`);
  if (!(high > 0)) throw new OhlcvError('non-positive-price', row, col('high'), 'high', `high ${high} is not > 0`);
  if (!(low > 0)) throw new OhlcvError('non-positive-price', row, col('low'), 'low', `low ${low} is not > 0`);
  if (!(close > 0)) throw new OhlcvError('non-positive-price', row, col('close'), 'close', `close ${close} is not > 0`);
  if (high < low) throw new OhlcvError('high-below-low', row, col('high'), 'high', `high ${high} < low ${low}`);
  if (high < open || high < close) {
    throw new OhlcvError('high-below-open-close', row, col('high'), 'high',
      `high ${high} < max(open, close) ${Math.max(open, close)}`);
  }
  if (low > open || low > close) {
    throw new OhlcvError('low-above-open-close', row, col('low'), 'low',
      `low ${low} > min(open, close) ${Math.min(open, close)}`);
  }
  if (volume < 0) throw new OhlcvError('negative-volume', row, col('volume'), 'volume', `volume ${volume} is negative`);
  if (timeMs === prevTimeMs) {
    throw new OhlcvError('duplicate-timestamp', row, col('time'), 'time',
      `duplicate timestamp ${formatUtc(timeMs)} (same as the previous row)`);
  }
  if (timeMs < prevTimeMs) {
    throw new OhlcvError('non-monotonic-time', row, col('time'), 'time',
      `time ${formatUtc(timeMs)} is before the previous row's ${formatUtc(prevTimeMs)} (rows must be sorted oldest first)`);
  }
}

/** Median of consecutive spacings (ms); O(T log T) on a copy. */
export function medianSpacingMs(time: Float64Array): number {
  const n = time.length - 1;
  if (n < 1) return NaN;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = time[i + 1] - time[i];
  d.sort();
  return n % 2 ? d[(n - 1) / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
}

export interface Columns {
  time: Float64Array; open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array; volume: Float64Array;
}

/**
 * Trims the columns to n rows, detects the interval and lists warnings.
 * @param rowOf file row number of candle i (for warnings that point into the file)
 */
export function finishOhlcv(
  cols: Columns, n: number, source: string, rowOf: (i: number) => number, hasVolume: boolean,
): { data: Ohlcv; warnings: OhlcvWarning[] } {
  const cut = (a: Float64Array) => (a.length === n ? a : a.slice(0, n));
  const time = cut(cols.time);
  const data: Ohlcv = {
    time, open: cut(cols.open), high: cut(cols.high), low: cut(cols.low), close: cut(cols.close),
    volume: cut(cols.volume), intervalMs: medianSpacingMs(time), source,
  };
  const warnings: OhlcvWarning[] = [];
  if (!hasVolume) {
    warnings.push({ kind: 'no-volume', message: 'no volume column found; volume is set to 0 (volume-based members then say nothing). Add a "volume" column to use them.' });
  }
  const interval = data.intervalMs;
  let gaps = 0, missing = 0, bestMissing = 0, bestFrom = 0, bestTo = 0, irregular = 0, firstIrregular = -1;
  for (let i = 1; i < n; i++) {
    const d = time[i] - time[i - 1];
    if (d > interval) {
      const ratio = d / interval;
      const m = Math.round(ratio) - 1;
      if (Math.abs(ratio - Math.round(ratio)) > 1e-9) { irregular++; if (firstIrregular < 0) firstIrregular = i; }
      if (m >= 1) {
        gaps++; missing += m;
        if (m > bestMissing) { bestMissing = m; bestFrom = time[i - 1]; bestTo = time[i]; }
      }
    } else if (d < interval) {
      irregular++; if (firstIrregular < 0) firstIrregular = i;
    }
  }
  if (gaps > 0) {
    warnings.push({
      kind: 'gaps', count: gaps, missingBars: missing,
      largest: { fromTimeMs: bestFrom, toTimeMs: bestTo, missingBars: bestMissing },
      message: `${gaps} gap${gaps === 1 ? '' : 's'} (${missing} missing candle${missing === 1 ? '' : 's'}); the largest: ${bestMissing} missing between ${formatUtc(bestFrom)} and ${formatUtc(bestTo)} UTC. Gaps are kept as gaps (nothing is filled); returns across a gap span more than one interval.`,
    });
  }
  if (irregular > 0) {
    warnings.push({
      kind: 'irregular-spacing', count: irregular, firstRow: rowOf(firstIrregular),
      message: `${irregular} spacing${irregular === 1 ? '' : 's'} not a whole multiple of the ${interval} ms interval (first at row ${rowOf(firstIrregular)}); check the file's timestamps.`,
    });
  }
  if (hasVolume) {
    let zero = 0, first = -1;
    for (let i = 0; i < n; i++) if (data.volume[i] === 0) { zero++; if (first < 0) first = i; }
    if (zero > 0) {
      warnings.push({
        kind: 'zero-volume', count: zero, firstRow: rowOf(first),
        message: `${zero} candle${zero === 1 ? '' : 's'} with zero volume (first at row ${rowOf(first)}); exchanges emit them during halts. They are kept.`,
      });
    }
  }
  return { data, warnings };
}

/** Strict decimal number: rejects empty text, hex, "Infinity" and the other things Number() quietly accepts. */
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseStrictNumber(s: string): number {
  if (!NUMBER_RE.test(s)) return NaN;
  const x = Number(s);
  return Number.isFinite(x) ? x : NaN; // "1e999" overflows to Infinity

}
