/**
 * OHLCV from delimited text. Detects the delimiter (, ; tab |), a header line (with column aliases), and the
 * timestamp format (epoch s / ms / µs or ISO 8601). Without a header the column order is
 * time, open, high, low, close[, volume] (freqtrade's and Binance's kline order).
 * Own line scanner rather than papaparse: it keeps exact file line numbers for errors and is faster on numbers.
 */
import {
  MAX_FILE_CHARS, MAX_ROWS, MIN_ROWS, OhlcvError, type OhlcvField, type OhlcvParseResult, type TimeFormat,
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
  while (line !== null) {
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
      checkCandle(row, col, t, o, h, l, c, v, prevT);
      if (n >= cap) grow();
      time[n] = t; open[n] = o; high[n] = h; low[n] = l; close[n] = c; volume[n] = v; rowNo[n] = row;
      n++; prevT = t;
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
