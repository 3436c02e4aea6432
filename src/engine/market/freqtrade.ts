/**
 * freqtrade's candle JSON: `[[timestamp_ms, open, high, low, close, volume], …]`.
 * A small dedicated scanner instead of JSON.parse, so every error names the candle (row k = k-th candle,
 * 1-based) and the value (column j = j-th value). Accepts any JSON number spelling (5.352e-05, 3478.0).
 */
import { MAX_FILE_CHARS, MAX_ROWS, MAX_TIME_MS, MIN_ROWS, OhlcvError, FIELDS, type OhlcvParseResult } from './ohlcv';
import { checkCandle, finishOhlcv, parseStrictNumber, type ColumnOf } from './validate';

const COLUMN: ColumnOf = (f) => FIELDS.indexOf(f) + 1;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function parseFreqtradeJson(text: string, options: { fileName?: string } = {}): OhlcvParseResult {
  const source = options.fileName ?? 'freqtrade json';
  if (text.length > MAX_FILE_CHARS) {
    throw new OhlcvError('too-large', null, null, null, `file too large: ${text.length} characters (limit ${MAX_FILE_CHARS}, MAX_FILE_CHARS)`);
  }
  return fastPath(text, source) ?? scanFreqtradeJson(text, source);
}

/**
 * The common case: JSON.parse (native, ~6× faster than the scanner) gives a list of 6 finite numbers per candle.
 * Anything else (syntax errors, strings, nulls, wrong lengths) goes to the scanner, which names the exact spot;
 * candle-rule violations (high < low, time order…) are reported here with the same row and column.
 */
function fastPath(text: string, source: string): OhlcvParseResult | null {
  let rows: unknown;
  try { rows = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); } catch { return null; }
  if (!Array.isArray(rows) || rows.length < MIN_ROWS || rows.length > MAX_ROWS) return null;
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== 6) return null;
    for (let k = 0; k < 6; k++) if (typeof r[k] !== 'number' || !Number.isFinite(r[k])) return null;
  }
  const n = rows.length;
  const cols = { time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let prevT = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number[];
    const t = r[0];
    if (!(t > 0 && t <= MAX_TIME_MS)) throw new OhlcvError('unparsable-time', i + 1, 1, 'time', `timestamp ${t} is not an epoch-ms value between 1970 and 9999`);
    checkCandle(i + 1, COLUMN, t, r[1], r[2], r[3], r[4], r[5], prevT);
    cols.time[i] = t; cols.open[i] = r[1]; cols.high[i] = r[2]; cols.low[i] = r[3]; cols.close[i] = r[4]; cols.volume[i] = r[5];
    prevT = t;
  }
  const { data, warnings } = finishOhlcv(cols, n, source, (j) => j + 1, true);
  return { data, warnings, format: { kind: 'freqtrade-json', timeFormat: 'epoch-ms' } };
}

/** The scanner alone (exported for the test that checks it agrees with the JSON.parse fast path). */
export function scanFreqtradeJson(text: string, source = 'freqtrade json'): OhlcvParseResult {
  const len = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skip = () => { while (i < len && isSpace(text.charCodeAt(i))) i++; };
  const found = () => (i < len ? `"${text.slice(i, i + 12)}${i + 12 < len ? '…' : ''}"` : 'the end of the file');

  skip();
  if (i >= len) throw new OhlcvError('empty-file', null, null, null, 'the file is empty');
  if (text[i] !== '[') throw new OhlcvError('syntax', null, null, null, `expected "[" (a list of candles) at character ${i + 1}, found ${found()}`);
  i++;

  let cap = Math.min(MAX_ROWS, Math.max(16, Math.ceil(len / 40)));
  const cols = { time: new Float64Array(cap), open: new Float64Array(cap), high: new Float64Array(cap), low: new Float64Array(cap), close: new Float64Array(cap), volume: new Float64Array(cap) };
  const grow = () => {
    cap = Math.min(MAX_ROWS, cap * 2);
    for (const k of FIELDS) { const b = new Float64Array(cap); b.set(cols[k]); cols[k] = b; }
  };
  const vals = new Float64Array(6);
  let n = 0, prevT = -Infinity;

  skip();
  if (text[i] === ']') {
    throw new OhlcvError('too-few-rows', null, null, null, `0 candles; at least ${MIN_ROWS} are needed`);
  }
  for (;;) {
    const row = n + 1;
    skip();
    if (text[i] !== '[') throw new OhlcvError('syntax', row, null, null, `expected "[" to open candle ${row}, found ${found()}`);
    i++;
    let k = 0;
    for (;;) {
      skip();
      if (text[i] === ']' && k === 0) break; // empty candle: reported as a field count below
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 93 || isSpace(c)) break; // , ]
        i++;
      }
      let token = text.slice(start, i);
      if (token.length > 1 && token[0] === '"' && token[token.length - 1] === '"') token = token.slice(1, -1);
      if (k < 6) {
        const x = parseStrictNumber(token);
        if (x !== x) {
          throw new OhlcvError('unparsable-number', row, k + 1, FIELDS[k],
            token === '' ? `missing ${FIELDS[k]} value` : `${FIELDS[k]} ${token.length > 40 ? token.slice(0, 40) + '…' : token} is not a number`);
        }
        vals[k] = x;
      }
      k++;
      skip();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') break;
      throw new OhlcvError('syntax', row, k, FIELDS[k - 1] ?? null, `expected "," or "]" after value ${k}, found ${found()}`);
    }
    i++; // ]
    if (k !== 6) {
      throw new OhlcvError('wrong-field-count', row, Math.min(k, 6) + 1, null,
        `${k} value${k === 1 ? '' : 's'}, expected 6 (timestamp_ms, open, high, low, close, volume)`);
    }
    if (n >= MAX_ROWS) throw new OhlcvError('too-many-rows', row, null, null, `more than ${MAX_ROWS} candles (MAX_ROWS)`);
    const t = vals[0];
    if (!(t > 0 && t <= MAX_TIME_MS)) throw new OhlcvError('unparsable-time', row, 1, 'time', `timestamp ${t} is not an epoch-ms value between 1970 and 9999`);
    checkCandle(row, COLUMN, t, vals[1], vals[2], vals[3], vals[4], vals[5], prevT);
    if (n >= cap) grow();
    cols.time[n] = t; cols.open[n] = vals[1]; cols.high[n] = vals[2]; cols.low[n] = vals[3]; cols.close[n] = vals[4]; cols.volume[n] = vals[5];
    n++; prevT = t;
    skip();
    if (text[i] === ',') { i++; continue; }
    if (text[i] === ']') { i++; break; }
    throw new OhlcvError('syntax', row, null, null, `expected "," or "]" after candle ${row}, found ${found()}`);
  }
  skip();
  if (i < len) throw new OhlcvError('syntax', n, null, null, `unexpected text after the closing "]": ${found()}`);
  if (n < MIN_ROWS) throw new OhlcvError('too-few-rows', null, null, null, `${n} candle${n === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed`);
  const { data, warnings } = finishOhlcv(cols, n, source, (j) => j + 1, true);
  return { data, warnings, format: { kind: 'freqtrade-json', timeFormat: 'epoch-ms' } };
}
