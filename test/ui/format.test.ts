import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { displayNumber, displayValue, withUnit, unitSpaces, MISSING } from '../../src/ui/format';

describe('on-screen number format', () => {
  it('never shows NaN, undefined or Infinity as words', () => {
    expect(displayNumber(NaN)).toBe(MISSING);
    expect(displayValue(undefined)).toBe(MISSING);
    expect(displayValue(null)).toBe(MISSING);
    expect(displayValue('NaN')).toBe(MISSING);
    expect(displayNumber(Infinity)).toBe('∞');
    expect(displayNumber(-Infinity)).toBe('−∞');
    fc.assert(fc.property(fc.double(), fc.integer({ min: 1, max: 10 }), (v, d) => !/NaN|undefined|Infinity/.test(displayNumber(v, d))));
  });

  it('groups digits with thin spaces, uses a real minus, and writes exponents as powers of ten', () => {
    expect(displayNumber(12000)).toBe('12\u2009000');
    expect(displayNumber(1234)).toBe('1234');
    expect(displayNumber(-1234567)).toBe('−1\u2009234\u2009567');
    expect(displayNumber(0.12345)).toBe('0.1235');
    expect(displayNumber(3.2e-7)).toBe('3.2×10⁻⁷');
  });

  it('joins units with a narrow no-break space (no glued "8003decisions/s"), percent signs directly', () => {
    expect(withUnit('8003', 'decisions/s')).toBe('8003\u202fdecisions/s');
    expect(withUnit('95', '%')).toBe('95%');
    expect(withUnit(MISSING, 'ms')).toBe(MISSING);
  });
});

describe('unitSpaces(text): units apart from numbers, never glued, never broken', () => {
  it('joins number and unit by a narrow no-break space, with or without a space before', () => {
    expect(unitSpaces('p95 12.3µs, mean 8 ms, 5 % of bars')).toBe('p95 12.3\u202fµs, mean 8\u202fms, 5\u202f% of bars');
    expect(unitSpaces('26 GB/s at 100 ns per gate')).toBe('26\u202fGB/s at 100\u202fns per gate');
  });
  it('leaves words that merely start like a unit, and numbers without units', () => {
    expect(unitSpaces('8003 decisions, 3 msgs, 14 members, 2 bps')).toBe('8003 decisions, 3 msgs, 14 members, 2\u202fbps');
    expect(unitSpaces('version 2 Hzzz')).toBe('version 2 Hzzz');
  });
});
