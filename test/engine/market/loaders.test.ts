import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOhlcvCsv, parsePlainDecimal } from '../../../src/engine/market/csv';
import { parseFreqtradeJson, scanFreqtradeJson } from '../../../src/engine/market/freqtrade';
import { parseOhlcv } from '../../../src/engine/market/parse';
import { OhlcvError, type OhlcvErrorReason } from '../../../src/engine/market/ohlcv';
import { randomWalkOhlcv, toCsv, toFreqtradeJson } from './synthetic';

const H = 'timestamp,open,high,low,close,volume';
const ROWS = [
  '1700000000000,10,11,9,10.5,100',
  '1700003600000,10.5,12,10,11,200',
  '1700007200000,11,11.5,10.2,10.8,0',
  '1700010800000,10.8,11,10.1,10.9,50',
];
const csv = (rows: string[], header = H) => [header, ...rows].join('\n') + '\n';

function errorOf(f: () => unknown): OhlcvError {
  try { f(); } catch (e) { if (e instanceof OhlcvError) return e; throw e; }
  throw new Error('expected an OhlcvError');
}

function expectCsvError(text: string, reason: OhlcvErrorReason, row: number | null, column: number | null, message?: string | RegExp) {
  const e = errorOf(() => parseOhlcvCsv(text));
  expect(e.reason).toBe(reason);
  expect(e.row).toBe(row);
  expect(e.column).toBe(column);
  if (message) expect(e.message).toMatch(message);
  return e;
}

describe('parseOhlcvCsv: each error reason, with the row and column the user sees', () => {
  it('high < low (the documented message form)', () => {
    const e = expectCsvError(csv([ROWS[0], '1700003600000,9.5,9.1,9.4,9.3,1']), 'high-below-low', 3, 3);
    expect(e.message).toBe('row 3, column 3 (high): high 9.1 < low 9.4');
    expect(e.field).toBe('high');
  });
  it('high < max(open, close) and low > min(open, close)', () => {
    expectCsvError(csv([ROWS[0], '1700003600000,10,10.5,9,11,1']), 'high-below-open-close', 3, 3, /high 10.5 < max\(open, close\) 11/);
    expectCsvError(csv([ROWS[0], '1700003600000,10,12,10.2,11,1']), 'low-above-open-close', 3, 4, /low 10.2 > min\(open, close\) 10/);
  });
  it('non-positive price and negative volume', () => {
    expectCsvError(csv([ROWS[0], '1700003600000,0,12,0,11,1']), 'non-positive-price', 3, 2, /open 0 is not > 0/);
    expectCsvError(csv([ROWS[0], '1700003600000,10,12,9,11,-1']), 'negative-volume', 3, 6);
  });
  it('non-monotonic time and duplicate timestamp', () => {
    expectCsvError(csv([ROWS[1], ROWS[0]]), 'non-monotonic-time', 3, 1, /before the previous row's/);
    expectCsvError(csv([ROWS[0], ROWS[0]]), 'duplicate-timestamp', 3, 1, /duplicate timestamp 2023-11-14 22:13:20/);
  });
  it('unparsable numbers (garbage, empty, hex, Infinity)', () => {
    expectCsvError(csv([ROWS[0], '1700003600000,10.5,abc,10,11,200']), 'unparsable-number', 3, 3, /high "abc" is not a number/);
    expectCsvError(csv([ROWS[0], '1700003600000,10.5,12,,11,200']), 'unparsable-number', 3, 4, /empty low value/);
    expectCsvError(csv([ROWS[0], '1700003600000,0x10,12,10,11,200']), 'unparsable-number', 3, 2);
    expectCsvError(csv([ROWS[0], '1700003600000,10.5,Infinity,10,11,200']), 'unparsable-number', 3, 3);
    expectCsvError(csv([ROWS[0], 'yesterday,10.5,12,10,11,200']), 'unparsable-time', 3, 1);
  });
  it('missing column (header names it and lists accepted names)', () => {
    const e = expectCsvError(csv(['1700000000000,10,9,10.5,100'], 'timestamp,open,low,close,volume'), 'missing-column', 1, null, /missing column "high"/);
    expect(e.field).toBe('high');
    expect(e.message).toMatch(/accepted names: high, h/);
  });
  it('wrong field count (too few and too many), counting blank lines in row numbers', () => {
    expectCsvError(csv([ROWS[0], '', '1700003600000,10.5,12,10,11']), 'wrong-field-count', 4, 6, /5 fields, expected 6/);
    expectCsvError(csv([ROWS[0], '1700003600000,10.5,12,10,11,200,7']), 'wrong-field-count', 3, 7);
  });
  it('file-level errors: empty, too few rows, JSON object', () => {
    expectCsvError('', 'empty-file', null, null);
    expectCsvError('\n\n  \n', 'empty-file', null, null);
    expectCsvError(csv([ROWS[0]]), 'too-few-rows', null, null, /1 candle; at least 2/);
    expect(errorOf(() => parseOhlcv('{"a":1}')).reason).toBe('unsupported-format');
    expect(errorOf(() => parseOhlcv('', 'x.feather')).reason).toBe('unsupported-format');
  });
});

describe('parseOhlcvCsv: formats', () => {
  const ms = [1704067200000, 1704070800000, 1704074400000];
  it('epoch milliseconds, seconds and microseconds give the same times and say which', () => {
    const body = (ts: string[]) => csv(ts.map((t, i) => `${t},10,11,9,10,${i}`));
    const a = parseOhlcvCsv(body(ms.map(String)));
    const b = parseOhlcvCsv(body(ms.map((x) => String(x / 1000))));
    const c = parseOhlcvCsv(body(ms.map((x) => String(x * 1000))));
    expect(a.format.timeFormat).toBe('epoch-ms');
    expect(b.format.timeFormat).toBe('epoch-s');
    expect(c.format.timeFormat).toBe('epoch-us');
    expect(Array.from(b.data.time)).toEqual(ms);
    expect(Array.from(c.data.time)).toEqual(ms);
    expect(a.data.intervalMs).toBe(3_600_000);
  });
  it('ISO 8601 with Z, with offsets, with a space, and naive (read as UTC)', () => {
    for (const ts of [
      ['2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T02:00:00.000Z'],
      ['2024-01-01T02:00:00+02:00', '2024-01-01T03:00:00+0200', '2024-01-01T01:00-01:00'],
      ['2024-01-01 00:00:00', '2024-01-01 01:00:00', '2024-01-01 02:00'],
    ]) {
      const r = parseOhlcvCsv(csv(ts.map((t) => `${t},10,11,9,10,1`), 'date,open,high,low,close,volume'));
      expect(r.format.timeFormat).toBe('iso-8601');
      expect(Array.from(r.data.time)).toEqual(ms);
    }
    const daily = parseOhlcvCsv(csv(['2024-01-01,1,2,1,2,3', '2024-01-02,2,3,2,3,4']));
    expect(daily.data.intervalMs).toBe(86_400_000);
    expectCsvError(csv(['2023-02-28,1,2,1,2,3', '2023-02-30,2,3,2,3,4']), 'unparsable-time', 3, 1);
  });
  it('delimiters , ; tab | and quoted fields, with CRLF and a BOM', () => {
    for (const d of [',', ';', '\t', '|']) {
      const text = '\uFEFF' + [H.split(',').join(d), ...ROWS.map((r) => r.split(',').map((x) => (d === ';' ? `"${x}"` : x)).join(d))].join('\r\n');
      const r = parseOhlcvCsv(text);
      expect(r.format.delimiter).toBe(d);
      expect(Array.from(r.data.close)).toEqual([10.5, 11, 10.8, 10.9]);
    }
  });
  it('header aliases, any column order, extra columns ignored; no header means time,o,h,l,c,v', () => {
    const text = 'Close Price;Open Time;V;O;H;L;Trades\n10.5;1700000000000;100;10;11;9;3\n11;1700003600000;200;10.5;12;10;4\n';
    const r = parseOhlcvCsv(text);
    expect(r.format.columns).toEqual({ time: 2, open: 4, high: 5, low: 6, close: 1, volume: 3 });
    expect(Array.from(r.data.open)).toEqual([10, 10.5]);
    const n = parseOhlcvCsv(ROWS.join('\n'));
    expect(n.format.header).toBe(false);
    expect(n.data.time.length).toBe(4);
    // Binance's 12-column kline CSV without a header.
    const binance = parseOhlcvCsv('1700000000000,10,11,9,10.5,100,1700003599999,1000,5,50,500,0\n1700003600000,10.5,12,10,11,200,1700007199999,2000,6,60,600,0\n');
    expect(Array.from(binance.data.volume)).toEqual([100, 200]);
  });
  it('without a volume column: volume 0 and a no-volume warning', () => {
    const r = parseOhlcvCsv('time,open,high,low,close\n1700000000000,10,11,9,10.5\n1700003600000,10.5,12,10,11\n');
    expect(r.format.columns?.volume).toBe(null);
    expect(r.warnings.map((w) => w.kind)).toContain('no-volume');
  });
  it('warns (does not fail) on gaps and zero-volume bars, naming the largest gap', () => {
    const rows = ['1700000000000,10,11,9,10.5,100', '1700003600000,10.5,12,10,11,0', '1700014400000,11,11.5,10.2,10.8,5', '1700018000000,10.8,11,10.1,10.9,5', '1700028800000,10.9,11,10.1,10.9,5', '1700032400000,10.9,11,10.1,10.9,5'];
    const r = parseOhlcvCsv(csv(rows));
    const gaps = r.warnings.find((w) => w.kind === 'gaps');
    expect(gaps).toMatchObject({ count: 2, missingBars: 4, largest: { missingBars: 2, fromTimeMs: 1700003600000, toTimeMs: 1700014400000 } });
    expect(r.warnings.find((w) => w.kind === 'zero-volume')).toMatchObject({ count: 1, firstRow: 3 });
  });
});

describe('parseFreqtradeJson', () => {
  it('reads spaced, compact and exponent-notation files', () => {
    const r = parseFreqtradeJson('[[1516424100000, 5.352e-05, 5.4e-05, 5.348e-05, 5.4e-05, 100380.6], [1516424160000,5.399e-05,5.41e-05,5.337e-05,5.345e-05,3478.0]]');
    expect(Array.from(r.data.open)).toEqual([5.352e-5, 5.399e-5]);
    expect(r.data.intervalMs).toBe(60_000);
    expect(parseOhlcv(' \n[[1,2,3,1,2,0],[2,2,3,1,2,0]]', 'x.json').format.kind).toBe('freqtrade-json');
  });
  it('names candle and value in every error', () => {
    const base = '[[1700000000000,10,11,9,10.5,100],';
    const cases: [string, OhlcvErrorReason, number | null, number | null][] = [
      [base + '[1700003600000,10,9,11,10,1]]', 'high-below-low', 2, 3],
      [base + '[1700003600000,10,12,9,11]]', 'wrong-field-count', 2, 6],
      [base + '[1700003600000,10,12,9,11,1,2]]', 'wrong-field-count', 2, 7],
      [base + '[1700003600000,10,null,9,11,1]]', 'unparsable-number', 2, 3],
      [base + '[1700003600000,10,12,9,11,1]', 'syntax', 2, null],
      [base + '[1700000000000,10,12,9,11,1]]', 'duplicate-timestamp', 2, 1],
      [base + '[1600000000000,10,12,9,11,1]]', 'non-monotonic-time', 2, 1],
      ['{"a": 1}', 'syntax', null, null],
      ['[]', 'too-few-rows', null, null],
    ];
    for (const [text, reason, row, column] of cases) {
      const e = errorOf(() => parseFreqtradeJson(text));
      expect([e.reason, e.row, e.column], text).toEqual([reason, row, column]);
    }
  });
});

describe('round trips', () => {
  it('write CSV → parse gives the same columns (and the same via freqtrade JSON)', () => {
    const d = randomWalkOhlcv(500, 'roundtrip');
    for (const [text, parse] of [[toCsv(d), parseOhlcvCsv], [toCsv(d, '\t'), parseOhlcvCsv], [toFreqtradeJson(d), parseFreqtradeJson]] as const) {
      const r = parse(text).data;
      for (const k of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) expect(Array.from(r[k]), k).toEqual(Array.from(d[k]));
    }
  });
});

/** Random mutations of a valid file: each either parses or fails with an OhlcvError that names its row (and column when row-level). */
describe('malformed files (property)', () => {
  const valid = randomWalkOhlcv(12, 'fuzz');
  const lines = toCsv(valid).trimEnd().split('\n');
  const garbage = fc.constantFrom('', 'NaN', 'abc', '1e999', '-5', '0', '1,2', '"', '0x1F', ' 7 ', '+3', '.5', '9'.repeat(30), '2024-13-01');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop-field' as const), row: fc.nat(), col: fc.nat() }),
    fc.record({ kind: fc.constant('swap-cols' as const), row: fc.nat(), col: fc.nat(), col2: fc.nat() }),
    fc.record({ kind: fc.constant('garbage' as const), row: fc.nat(), col: fc.nat(), text: garbage }),
    fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-row' as const), row: fc.nat() }),
    fc.record({ kind: fc.constant('high-below-low' as const), row: fc.nat() }),
    fc.record({ kind: fc.constant('drop-row' as const), row: fc.nat() }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
  function mutate(rows: string[][], m: Mutation): void {
    const n = rows.length, r = 1 + ('row' in m ? m.row : 0) % (n - 1); // data rows only (header stays)
    if (m.kind === 'drop-field') rows[r].splice(m.col % rows[r].length, 1);
    else if (m.kind === 'swap-cols') { const a = m.col % 6, b = m.col2 % 6; [rows[r][a], rows[r][b]] = [rows[r][b], rows[r][a]]; }
    else if (m.kind === 'garbage') rows[r][m.col % rows[r].length] = m.text;
    else if (m.kind === 'shuffle') { let s = m.seed; for (let i = n - 1; i > 1; i--) { s = (s * 1103515245 + 12345) % 2 ** 31; const j = 1 + (s % i); [rows[i], rows[j]] = [rows[j], rows[i]]; } }
    else if (m.kind === 'duplicate-row') rows.splice(r, 0, [...rows[r]]);
    else if (m.kind === 'high-below-low') { [rows[r][2], rows[r][3]] = [rows[r][3], rows[r][2]]; }
    else if (m.kind === 'drop-row' && n > 3) rows.splice(r, 1);
  }
  const FILE_LEVEL: OhlcvErrorReason[] = ['empty-file', 'too-few-rows', 'too-large'];

  it('CSV: succeed, or fail only with OhlcvError naming row and column', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const rows = lines.map((l) => l.split(','));
      for (const m of ms) mutate(rows, m);
      const text = rows.map((r) => r.join(',')).join('\n');
      try { parseOhlcvCsv(text); return true; } catch (e) {
        if (!(e instanceof OhlcvError)) throw e;
        if (FILE_LEVEL.includes(e.reason)) return e.row === null;
        if (!(Number.isInteger(e.row) && e.row! >= 1 && e.row! <= rows.length)) return false;
        if (e.reason === 'missing-column' || e.reason === 'too-many-rows') return true;
        return Number.isInteger(e.column) && e.column! >= 1 && e.column! <= 8 && e.message.startsWith(`row ${e.row}, column ${e.column}`);
      }
    }), { seed: 42, numRuns: 400 });
  });

  it('CSV: the plain-decimal fast path and the general path give the same columns or the same error', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 0, maxLength: 4 }), fc.constantFrom(',', ';', '\t'), (ms, delim) => {
      const rows = lines.map((l) => l.split(','));
      for (const m of ms) mutate(rows, m);
      // A space after each delimiter sends every row down the general path (fields are trimmed there).
      const fast = rows.map((r) => r.join(delim)).join('\n'), general = rows.map((r) => r.join(`${delim} `)).join('\n');
      const outcome = (text: string) => {
        try { const d = parseOhlcvCsv(text).data; return JSON.stringify(['time', 'open', 'high', 'low', 'close', 'volume'].map((k) => Array.from(d[k as 'time']))); } catch (e) { return e instanceof OhlcvError ? `${e.reason}@${e.row}:${e.column} ${e.message}` : String(e); }
      };
      expect(outcome(fast)).toBe(outcome(general));
    }), { seed: 43, numRuns: 400 });
  });

  it('plain decimals parse bit-identically to Number() (Clinger fast path up to 15 digits, Number beyond)', () => {
    const decimal = fc.tuple(fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 0, maxLength: 12 }),
      fc.option(fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 0, maxLength: 14 }))).map(([a, b]) => (b === null ? a : `${a}.${b}`));
    fc.assert(fc.property(decimal, fc.string({ maxLength: 3 }), (s, pad) => {
      const line = `${pad}${s}${pad}`, x = parsePlainDecimal(line, pad.length, pad.length + s.length);
      if (/\d/.test(s)) expect(Object.is(x, Number(s))).toBe(true);
      else expect(x).toBeNaN();
    }), { seed: 44, numRuns: 3000 });
    for (const s of ['4261.48', '0.1', '0.3', '123456789012345', '1234567890123456', '0.000000000000001', '9007199254740993', '12.', '.5', '1502942400000']) {
      expect(Object.is(parsePlainDecimal(s, 0, s.length), Number(s)), s).toBe(true);
    }
    for (const s of ['', '.', '-1', '+1', '1e5', '1.2.3', ' 1', '0x1F']) expect(parsePlainDecimal(s, 0, s.length), s).toBeNaN();
  });

  it('freqtrade JSON: succeed, or fail only with OhlcvError naming the candle', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const rows = lines.map((l) => l.split(','));
      for (const m of ms) mutate(rows, m);
      const text = '[' + rows.slice(1).map((r) => `[${r.join(', ')}]`).join(', ') + ']';
      // The JSON.parse fast path and the scanner must agree: same columns, or the same error at the same place.
      const outcome = (f: () => { data: { close: Float64Array } }) => { try { return Array.from(f().data.close).join(); } catch (e) { return e instanceof OhlcvError ? `${e.reason}@${e.row}:${e.column}` : String(e); } };
      expect(outcome(() => parseFreqtradeJson(text))).toBe(outcome(() => scanFreqtradeJson(text)));
      try { parseFreqtradeJson(text); return true; } catch (e) {
        if (!(e instanceof OhlcvError)) throw e;
        if (FILE_LEVEL.includes(e.reason)) return e.row === null;
        return Number.isInteger(e.row) && e.row! >= 1 && e.row! <= rows.length && e.message.startsWith(`row ${e.row}`);
      }
    }), { seed: 42, numRuns: 400 });
  });

  it('arbitrary text never throws anything but OhlcvError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('a.csv', 'a.json', ''), (s, name) => {
      try { parseOhlcv(s, name); } catch (e) { if (!(e instanceof OhlcvError)) throw e; }
      return true;
    }), { seed: 42, numRuns: 500 });
  });
});
