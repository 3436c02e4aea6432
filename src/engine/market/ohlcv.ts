/**
 * The columnar candle series every market engine reads, its limits, and the one error and warning shape
 * the loaders produce. Times are candle OPEN times in epoch milliseconds, UTC.
 */

export interface Ohlcv {
  /** Candle open time, epoch ms UTC, strictly increasing. */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  /** Base-currency volume (0 when the file had no volume column; a warning says so). */
  readonly volume: Float64Array;
  /**
   * Median spacing between consecutive candles (ms). It is computed from the WHOLE file, so board members must
   * not read it (it would leak the future into a causal signal); it is for display, gaps and annualisation.
   */
  readonly intervalMs: number;
  /** File name or a short description of where the series came from. */
  readonly source: string;
}

/** Largest text a loader accepts: 64 MiB of characters (the shipped files are ≤ 4 MB; more would stall a tab). */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;
/** Most candles a loader accepts: one million (≈ 114 years of hourly bars, ≈ 2 years of 1-minute bars). */
export const MAX_ROWS = 1_000_000;
/** Latest accepted candle time: 9999-12-31T23:59:59.999Z (beyond it a date cannot be printed). */
export const MAX_TIME_MS = 253_402_300_799_999;
/** Fewest candles: two, so that a spacing (interval) exists. */
export const MIN_ROWS = 2;

export type OhlcvErrorReason =
  | 'empty-file'
  | 'too-large'
  | 'too-many-rows'
  | 'too-few-rows'
  | 'unsupported-format'
  | 'syntax'
  | 'missing-column'
  | 'wrong-field-count'
  | 'unparsable-number'
  | 'unparsable-time'
  | 'non-positive-price'
  | 'negative-volume'
  | 'high-below-low'
  | 'high-below-open-close'
  | 'low-above-open-close'
  | 'non-monotonic-time'
  | 'duplicate-timestamp';

/**
 * A rejected file. `row` and `column` are what the user sees in the file: 1-based, the header line counts as row 1
 * (for freqtrade JSON, row k is the k-th candle and column j its j-th value). Both are null only for file-level
 * problems (empty, too large, too few rows); `column` is also null for a missing column.
 */
export class OhlcvError extends Error {
  override name = 'OhlcvError';
  constructor(
    readonly reason: OhlcvErrorReason,
    readonly row: number | null,
    readonly column: number | null,
    readonly field: string | null,
    detail: string,
  ) {
    super(OhlcvError.format(row, column, field, detail));
  }

  static format(row: number | null, column: number | null, field: string | null, detail: string): string {
    const where: string[] = [];
    if (row !== null) where.push(`row ${row}`);
    if (column !== null) where.push(`column ${column}${field ? ` (${field})` : ''}`);
    else if (field) where.push(`(${field})`);
    return where.length ? `${where.join(', ')}: ${detail}` : detail;
  }
}

export type OhlcvWarning =
  | {
      readonly kind: 'gaps';
      /** Runs of one or more missing candles. */
      readonly count: number;
      /** Missing candles in total (spacing / interval − 1, summed). */
      readonly missingBars: number;
      /** The largest gap: the candles on either side of it and how many candles are missing. */
      readonly largest: { readonly fromTimeMs: number; readonly toTimeMs: number; readonly missingBars: number };
      readonly message: string;
    }
  | { readonly kind: 'zero-volume'; readonly count: number; readonly firstRow: number; readonly message: string }
  | { readonly kind: 'no-volume'; readonly message: string }
  | { readonly kind: 'irregular-spacing'; readonly count: number; readonly firstRow: number; readonly message: string };

export interface OhlcvParseResult {
  readonly data: Ohlcv;
  readonly warnings: OhlcvWarning[];
  /** What the loader detected, stated so the UI can show it. */
  readonly format: OhlcvFormat;
}

export type TimeFormat = 'epoch-ms' | 'epoch-s' | 'epoch-us' | 'iso-8601';

export interface OhlcvFormat {
  readonly kind: 'csv' | 'freqtrade-json' | 'feather';
  readonly timeFormat: TimeFormat;
  /** CSV only: the delimiter and whether a header line was found. */
  readonly delimiter?: string;
  readonly header?: boolean;
  /** CSV only: the 1-based file column of each field (volume null when absent). */
  readonly columns?: Readonly<Record<'time' | 'open' | 'high' | 'low' | 'close', number> & { volume: number | null }>;
}

export const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
export type OhlcvField = (typeof FIELDS)[number];

/** Shortest human form of an epoch-ms instant, UTC ("2018-02-08 01:00"; seconds only when non-zero). */
export function formatUtc(timeMs: number): string {
  if (!(timeMs >= -MAX_TIME_MS && timeMs <= MAX_TIME_MS)) return `${timeMs} ms`;
  const iso = new Date(timeMs).toISOString();
  const s = iso.slice(17, 19) === '00' && iso.slice(20, 23) === '000' ? iso.slice(0, 16) : iso.slice(0, 19);
  return s.replace('T', ' ');
}
