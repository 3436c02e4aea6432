import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { displayNumber, displayValue, withUnit, MISSING } from '../../src/ui/format';

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
