/**
 * OHLCV from delimited text. Detects the delimiter (, ; tab |), a header line (with column aliases), and the
 * timestamp format (epoch s / ms / µs or ISO 8601). Without a header the column order is
 * time, open, high, low, close[, volume] (freqtrade's and Binance's kline order).
 * Own line scanner rather than papaparse: it keeps exact file line numbers for errors and is faster on numbers.
 */
import {
  MAX_FILE_CHARS, MAX_ROWS, MAX_TIME_MS, MIN_ROWS, OhlcvError, type OhlcvField, type OhlcvParseResult, type TimeFormat,
} from './ohlcv';
import { detectTimeFormat, parseTimeMs } from './timeFormat';
import { checkCandle, finishOhlcv, parseStrictNumber, type ColumnOf } from './validate';

/** Header names accepted for each field, after lower-casing and dropping everything but letters and digits. */
export const COLUMN_ALIASES: Readonly<Record<OhlcvField, readonly string[]>> = {
  time: ['timestamp', 'time', 'date', 'datetime', 'opentime', 'ts', 'unix', 'unixtime', 'timestampms', 'dateutc', 'timeutc', 't'],
  open: ['open', 'o', 'openprice', 'opening'],
  high: ['high', 'h', 'highprice', 'max'],
  low: ['low', 'l', 'lowprice', 'min'],
  close: ['close', 'c', 'closeprice', 'last', 'closing'],
  volume: ['volume', 'v', 'vol', 'basevolume', 'volumebase', 'volumefrom'],
};

const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvOptions {
  /** Shown in `source` and error messages. */
  readonly fileName?: string;
}

function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Splits one line; quote-aware only when the line has a quote (numbers rarely do). Fields are trimmed. */
function splitLine(line: string, delim: string): string[] {
  if (line.indexOf('"') < 0) {
    const parts = line.split(delim);
    for (let i = 0; i < parts.length; i++) parts[i] = parts[i].trim();
    return parts;
  }
  const out: string[] = [];
  let cur = '', inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') { if (line[i + 1] === '"') { cur += '"'; i++; } else inQuotes = false; } else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delim) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The value of line[start, end) if it is a plain unsigned decimal (digits with at most one '.', at least one
 * digit: "4261.48", "12.", ".5"), else NaN. Up to 15 digits it is computed as N / 10^k (N the digits as an
 * integer, k the digits after the point): N < 2⁵³ and 10^k are exact doubles and division rounds correctly, so
 * this is the correctly rounded value, bit-identical to Number() (Clinger's fast path; tested). Longer
 * numbers go through Number(). A plain decimal always passes parseStrictNumber's grammar.
 */
export function parsePlainDecimal(line: string, start: number, end: number): number {
  let n = 0, digits = 0, point = -1;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) { n = n * 10 + (c - 48); digits++; } else if (c === 46 && point < 0) point = i; else return NaN;
  }
  if (digits === 0) return NaN;
  if (digits > 15) { const x = Number(line.slice(start, end)); return Number.isFinite(x) ? x : NaN; }
  return point < 0 ? n : n / POW10[end - point - 1];
}

/**
 * Fast path of one data line: every one of `nFields` fields (separated by the one-character `delim`) a plain
 * decimal, written to `out`. Returns false for anything else (spaces, signs, exponents, quotes, ISO times,
 * another field count), which then takes the general path with its checks and messages.
 */
function plainFields(line: string, delimCode: number, nFields: number, out: Float64Array): boolean {
  let start = 0, f = 0;
  const len = line.length;
  for (let i = 0; i <= len; i++) {
    if (i === len || line.charCodeAt(i) === delimCode) {
      if (f >= nFields) return false;
      const x = parsePlainDecimal(line, start, i);
      if (x !== x) return false;
      out[f++] = x;
      start = i + 1;
    }
  }
  return f === nFields;
}

function detectDelimiter(line: string): string {
  let best: string = ',', bestCount = 0;
  for (const d of DELIMITERS) {
    const c = splitLine(line, d).length - 1;
    if (c > bestCount) { best = d; bestCount = c; }
  }
  return best;
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

export function parseOhlcvCsv(text: string, options: CsvOptions = {}): OhlcvParseResult {
  const source = options.fileName ?? 'csv';
  if (text.length > MAX_FILE_CHARS) {
    throw new OhlcvError('too-large', null, null, null,
      `file too large: ${text.length} characters (limit ${MAX_FILE_CHARS}, MAX_FILE_CHARS); split it or use a coarser interval`);
  }
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  let lineNo = 0;
  const nextLine = (): string | null => {
    if (pos >= text.length) return null;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = end + 1;
    lineNo++;
    return line;
  };

  // First non-blank line: delimiter and header.
  let first: string | null;
  do first = nextLine(); while (first !== null && first.trim() === '');
  if (first === null) throw new OhlcvError('empty-file', null, null, null, 'the file is empty (no rows)');
  const firstLineNo = lineNo;
  const delim = detectDelimiter(first);
  const firstFields = splitLine(first, delim);
  const nFields = firstFields.length;

  const colIdx: Record<OhlcvField, number> = { time: -1, open: -1, high: -1, low: -1, close: -1, volume: -1 };
  const looksLikeData = firstFields.length >= 5
    && detectTimeFormat(firstFields[0]) !== null
    && firstFields.slice(1, 5).every((f) => parseStrictNumber(f) === parseStrictNumber(f));
  const header = !looksLikeData;
  if (header) {
    const names = firstFields.map(normaliseName);
    for (const field of Object.keys(COLUMN_ALIASES) as OhlcvField[]) {
      // First alias wins over later ones, so "close" beats "last" when both exist.
      for (const alias of COLUMN_ALIASES[field]) {
        const j = names.indexOf(alias);
        if (j >= 0 && !Object.values(colIdx).includes(j)) { colIdx[field] = j; break; }
      }
    }
    for (const field of ['time', 'open', 'high', 'low', 'close'] as const) {
      if (colIdx[field] < 0) {
        throw new OhlcvError('missing-column', firstLineNo, null, field,
          `missing column "${field}" (header: ${firstFields.join(delim === '\t' ? ' ⇥ ' : delim)}; accepted names: ${COLUMN_ALIASES[field].join(', ')}; delimiter ${delimiterName(delim)})`);
      }
    }
  } else {
    colIdx.time = 0; colIdx.open = 1; colIdx.high = 2; colIdx.low = 3; colIdx.close = 4;
    colIdx.volume = nFields >= 6 ? 5 : -1;
  }
  const hasVolume = colIdx.volume >= 0;
  const col: ColumnOf = (f) => (colIdx[f] >= 0 ? colIdx[f] + 1 : null);

  // Rough capacity from the text length; grown by doubling if short.
  let cap = Math.min(MAX_ROWS, Math.max(16, Math.ceil(text.length / 24)));
  let time = new Float64Array(cap), open = new Float64Array(cap), high = new Float64Array(cap);
  let low = new Float64Array(cap), close = new Float64Array(cap), volume = new Float64Array(cap);
  let rowNo = new Int32Array(cap);
  const grow = () => {
    cap = Math.min(MAX_ROWS, cap * 2);
    const g = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    time = g(time); open = g(open); high = g(high); low = g(low); close = g(close); volume = g(volume);
    const r = new Int32Array(cap); r.set(rowNo); rowNo = r;
  };

  let timeFormat: TimeFormat | null = null;
  let n = 0, prevT = -Infinity;
  /** Checks one candle (order, OHLC consistency) and appends it; both the fast and the general row path end here. */
  const pushCandle = (row: number, t: number, o: number, h: number, l: number, c: number, v: number) => {
    checkCandle(row, col, t, o, h, l, c, v, prevT);
    if (n >= cap) grow();
    time[n] = t; open[n] = o; high[n] = h; low[n] = l; close[n] = c; volume[n] = v; rowNo[n] = row;
    n++; prevT = t;
  };
  const num = (fields: string[], f: OhlcvField, row: number): number => {
    const s = fields[colIdx[f]];
    const x = parseStrictNumber(s);
    if (x !== x) {
      throw new OhlcvError('unparsable-number', row, colIdx[f] + 1, f,
        s === '' ? `empty ${f} value` : `${f} "${s.length > 40 ? s.slice(0, 40) + '…' : s}" is not a number`);
    }
    return x;
  };

  let line: string | null = header ? nextLine() : first;
  let row = header ? lineNo : firstLineNo;
  // Plain-decimal rows with an epoch time skip splitting and the number grammar (same values, tested).
  const plain = new Float64Array(nFields), delimCode = delim.charCodeAt(0);
  const iTime = colIdx.time, iOpen = colIdx.open, iHigh = colIdx.high, iLow = colIdx.low, iClose = colIdx.close, iVol = colIdx.volume;
  while (line !== null) {
    if (timeFormat !== null && timeFormat !== 'iso-8601' && plainFields(line, delimCode, nFields, plain)) {
      if (n >= MAX_ROWS) {
        throw new OhlcvError('too-many-rows', row, null, null, `more than ${MAX_ROWS} candles (MAX_ROWS); trim the file or use a coarser interval`);
      }
      const x = plain[iTime];
      const tRaw = timeFormat === 'epoch-ms' ? x : timeFormat === 'epoch-s' ? x * 1000 : x / 1000; // as parseTimeMs
      const t = tRaw > 0 && tRaw <= MAX_TIME_MS ? tRaw : NaN;
      if (t === t) {
        const o = plain[iOpen], h = plain[iHigh], l = plain[iLow], c = plain[iClose], v = hasVolume ? plain[iVol] : 0;
        pushCandle(row, t, o, h, l, c, v);
        line = nextLine();
        row = lineNo;
        continue;
      }
      // a time out of range: the general path below reports it
    }
    if (line.trim() !== '') {
      const fields = splitLine(line, delim);
      if (fields.length !== nFields) {
        throw new OhlcvError('wrong-field-count', row, Math.min(fields.length, nFields) + 1, null,
          `${fields.length} field${fields.length === 1 ? '' : 's'}, expected ${nFields} like ${header ? 'the header' : 'the first row'} (delimiter ${delimiterName(delim)})`);
      }
      if (n >= MAX_ROWS) {
        throw new OhlcvError('too-many-rows', row, null, null, `more than ${MAX_ROWS} candles (MAX_ROWS); trim the file or use a coarser interval`);
      }
      const ts = fields[colIdx.time];
      if (timeFormat === null) {
        timeFormat = detectTimeFormat(ts);
        if (timeFormat === null) {
          throw new OhlcvError('unparsable-time', row, colIdx.time + 1, 'time',
            `time "${ts.slice(0, 40)}" is neither epoch seconds/milliseconds nor ISO 8601 (e.g. 2024-01-31T13:00:00Z)`);
        }
      }
      const t = parseTimeMs(ts, timeFormat);
      if (t !== t) {
        throw new OhlcvError('unparsable-time', row, colIdx.time + 1, 'time',
          `time "${ts.slice(0, 40)}" does not match the file's time format (${timeFormat}, detected on the first row)`);
      }
      const o = num(fields, 'open', row), h = num(fields, 'high', row), l = num(fields, 'low', row), c = num(fields, 'close', row);
      const v = hasVolume ? num(fields, 'volume', row) : 0;
      pushCandle(row, t, o, h, l, c, v);
    }
    line = nextLine();
    row = lineNo;
  }
  if (n < MIN_ROWS) {
    throw new OhlcvError('too-few-rows', null, null, null, `${n} candle${n === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed`);
  }
  const { data, warnings } = finishOhlcv({ time, open, high, low, close, volume }, n, source, (i) => rowNo[i], hasVolume);
  return {
    data, warnings,
    format: {
      kind: 'csv', timeFormat: timeFormat as TimeFormat, delimiter: delim, header,
      columns: { time: colIdx.time + 1, open: colIdx.open + 1, high: colIdx.high + 1, low: colIdx.low + 1, close: colIdx.close + 1, volume: hasVolume ? colIdx.volume + 1 : null },
    },
  };
}
