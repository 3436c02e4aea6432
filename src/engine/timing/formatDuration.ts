/**
 * Durations and large numbers as text for prose, captions and tables: 3 significant digits, the unit joined
 * by a narrow no-break space (U+202F: thin, never broken from its number), powers of ten as superscripts.
 */

/** U+202F NARROW NO-BREAK SPACE: between a number and its unit. */
export const UNIT_SPACE = '\u202f';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

const sig = (x: number, digits: number): string => String(+x.toPrecision(digits));

/** A duration in seconds, in the largest unit (d, s, ms, µs, ns) that keeps it ≥ 1; "∞" when infinite. */
export function formatSeconds(s: number, digits = 3): string {
  if (Number.isNaN(s)) return 'not a number';
  if (!Number.isFinite(s)) return s > 0 ? '∞' : '−∞';
  const a = Math.abs(s);
  if (a >= 86400) return `${sig(s / 86400, digits)}${UNIT_SPACE}d`;
  if (a >= 1) return `${sig(s, digits)}${UNIT_SPACE}s`;
  if (a >= 1e-3) return `${sig(s * 1e3, digits)}${UNIT_SPACE}ms`;
  if (a >= 1e-6) return `${sig(s * 1e6, digits)}${UNIT_SPACE}µs`;
  if (a >= 1e-9 || a === 0) return `${sig(s * 1e9, digits)}${UNIT_SPACE}ns`;
  return `${formatSci(s, digits)}${UNIT_SPACE}s`;
}

/** A duration given in µs (see formatSeconds); days are not used below 1e6 s so hold times read in s. */
export function formatDurationUs(us: number, digits = 3): string {
  if (Number.isFinite(us) && Math.abs(us) >= 1e6 && Math.abs(us) < 86400e6) return `${sig(us / 1e6, digits)}${UNIT_SPACE}s`;
  return formatSeconds(us / 1e6, digits);
}

/** A duration given in ns (see formatSeconds). */
export function formatDurationNs(ns: number, digits = 3): string {
  return formatDurationUs(ns / 1e3, digits);
}

/** x with `digits` significant digits; |x| ≥ 1e4 or < 1e-2 as m×10ⁿ with a superscript exponent. */
export function formatSci(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'not a number';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0 || (Math.abs(x) < 1e4 && Math.abs(x) >= 1e-2)) return sig(x, digits);
  const [m, e] = x.toExponential(digits - 1).split('e');
  return `${m}×10${[...e].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}
