import { describe, it, expect } from 'vitest';
import { UNIT_SPACE, formatDurationNs, formatDurationUs, formatSci, formatSeconds } from '../../../src/engine/timing/index';

const u = (s: string) => s.replace(/ /g, UNIT_SPACE);

describe('duration and number text: units apart by a narrow no-break space, never glued', () => {
  it('picks the largest unit that keeps the number ≥ 1, 3 significant digits', () => {
    expect(formatDurationUs(0.25)).toBe(u('250 ns'));
    expect(formatDurationUs(12.345)).toBe(u('12.3 µs'));
    expect(formatDurationUs(50_000)).toBe(u('50 ms'));
    expect(formatDurationUs(3.2e7)).toBe(u('32 s'));
    expect(formatDurationUs(Infinity)).toBe('∞');
    expect(formatDurationNs(1500)).toBe(u('1.5 µs'));
    expect(formatSeconds(2 * 86400)).toBe(u('2 d'));
    expect(formatSeconds(0)).toBe(u('0 ns'));
  });
  it('every unit is separated by U+202F', () => {
    for (const us of [1e-4, 0.3, 7, 7e3, 7e6, 7e12]) {
      const t = formatDurationUs(us);
      expect(t).toMatch(/\u202f(ns|µs|ms|s|d)$/);
      expect(t).not.toMatch(/\d(ns|µs|ms|s|d)$/);
    }
  });
  it('writes powers of ten with superscripts, not a caret', () => {
    expect(formatSci(12345)).toBe('1.23×10⁴');
    expect(formatSci(0.00042)).toBe('4.20×10⁻⁴');
    expect(formatSci(3.5e18, 2)).toBe('3.5×10¹⁸');
    expect(formatSci(42.42)).toBe('42.4');
    expect(formatSci(0)).toBe('0');
    expect(formatSci(Number.NaN)).toBe('not a number');
  });
});
