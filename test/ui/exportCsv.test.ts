import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvField, csvText, toCsv } from '../../src/ui/export/csv';

describe('CSV (RFC 4180)', () => {
  it('quotes exactly the fields that need it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
    expect(csvField(' spaced ')).toBe(' spaced ');
  });

  it('writes numbers in full precision, not as displayed', () => {
    expect(csvText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvText(1 / 3)).toBe('0.3333333333333333');
    expect(csvText(1e-12)).toBe('1e-12');
    expect(csvText(123456789012345680000)).toBe('123456789012345680000');
    expect(csvText(-0.5)).toBe('-0.5');
    expect(csvText(NaN)).toBe('NaN');
    expect(csvText(Infinity)).toBe('Infinity');
    expect(csvText(-Infinity)).toBe('-Infinity');
    expect(csvText(null)).toBe('');
    expect(csvText(undefined)).toBe('');
    expect(csvText(true)).toBe('true');
    expect(csvText(10n)).toBe('10');
    expect(csvText(new Float64Array([1.5, 2]))).toBe('[1.5,2]');
    expect(csvField({ a: 1, b: 'x' })).toBe('"{""a"":1,""b"":""x""}"');
  });

  it('has a header row and CRLF record ends; short rows are padded, long rows cut to the header', () => {
    expect(toCsv(['n', 'rate'], [[1, 0.5], [2]])).toBe('n,rate\r\n1,0.5\r\n2,\r\n');
    expect(toCsv(['a'], [[1, 2]])).toBe('a\r\n1\r\n');
    expect(toCsv(['only header'], [])).toBe('only header\r\n');
  });

  it('round-trips any table of strings and numbers through an independent parser (papaparse)', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '∞', '0', '-') }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (nCols, raw) => {
        const columns = Array.from({ length: nCols }, (_, j) => `c${j}`);
        const rows = raw.map((r) => r.slice(0, nCols));
        const text = toCsv(columns, rows);
        const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: false });
        const data = parsed.data.slice(0, -1); // the final CRLF ends the last record: papaparse reports one empty line after it
        expect(data[0]).toEqual(columns);
        expect(data.slice(1)).toEqual(rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v))));
        // Numbers read back to the identical double.
        rows.forEach((r, i) => r.forEach((v, j) => typeof v === 'number' && expect(Number(data[i + 1][j]) === v).toBe(true)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
