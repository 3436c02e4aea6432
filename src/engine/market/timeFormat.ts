/**
 * Timestamp formats the loaders accept, detected once from the first data row and then required of every row:
 * epoch seconds, milliseconds or microseconds (told apart by magnitude), or ISO 8601 text.
 */
import { MAX_TIME_MS, type TimeFormat } from './ohlcv';
import { parseStrictNumber } from './validate';

/** Epoch values at or above this are milliseconds (1e11 ms is 1973; 1e11 s would be the year 5138). */
const MS_THRESHOLD = 1e11;
/** …and at or above this, microseconds (1e14 µs is 1973; Binance spot returns µs since 2025). */
const US_THRESHOLD = 1e14;

/** ISO 8601 date or date-time; a missing zone is read as UTC (stated in the format report). */
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

export function detectTimeFormat(s: string): TimeFormat | null {
  const x = parseStrictNumber(s);
  if (x === x) {
    if (!(x > 0) || x / 1e3 > MAX_TIME_MS) return null;
    return x >= US_THRESHOLD ? 'epoch-us' : x >= MS_THRESHOLD ? 'epoch-ms' : 'epoch-s';
  }
  const t = parseIsoMs(s);
  return t > 0 && t <= MAX_TIME_MS ? 'iso-8601' : null;
}

/** Epoch ms from ISO 8601 text, or NaN. Uses Date.UTC on the parts, never the host's time zone. */
export function parseIsoMs(s: string): number {
  const m = ISO_RE.exec(s);
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3];
  const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, sec = m[6] ? +m[6] : 0;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return NaN;
  let t = Date.UTC(y, mo - 1, d, h, mi, sec) + frac;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return NaN; // 2023-02-30
  const z = m[8];
  if (z && z.toUpperCase() !== 'Z' && z.toUpperCase() !== 'UTC') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const offMin = +digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0);
    t -= sign * offMin * 60_000;
  }
  return t;
}

/** Epoch ms from a field in the given format, or NaN when the field does not fit it. */
export function parseTimeMs(s: string, format: TimeFormat): number {
  let t: number;
  if (format === 'iso-8601') t = parseIsoMs(s);
  else {
    const x = parseStrictNumber(s);
    t = format === 'epoch-ms' ? x : format === 'epoch-s' ? x * 1000 : x / 1000;
  }
  return t > 0 && t <= MAX_TIME_MS ? t : NaN;
}
