/**
 * How numbers appear on screen: never "NaN" or "undefined" (a dash, with the reason in the title), digit
 * groups and units separated by thin spaces (12 000 ms, not 12000ms), signs as real minus signs.
 */
import { formatNumber } from '../notebook/inspect';

const THIN = '\u2009'; // between digit groups
const NARROW_NBSP = '\u202f'; // between a number and its unit: thin, and never broken across lines

export const MISSING = '—';

/** A number for display; `digits` significant digits (4 by default). */
export function displayNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return MISSING;
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  const s = formatNumber(v, digits);
  if (/e/i.test(s)) {
    const [m, e] = s.split(/e/i);
    return `${m.replace('-', '−')}×10${superscript(String(Number(e)))}`;
  }
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '−' : '';
  const digitsOnly = int.replace('-', '');
  const grouped = digitsOnly.length > 4 ? digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, THIN) : digitsOnly;
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Any cell value for display: numbers formatted, null/undefined/NaN as a dash. */
export function displayValue(v: unknown, digits?: number): string {
  if (typeof v === 'number') return displayNumber(v, digits);
  if (v === null || v === undefined) return MISSING;
  const s = String(v);
  return s === 'NaN' || s === 'undefined' ? MISSING : unitSpaces(s);
}

/** A value with its unit, joined by a narrow no-break space. */
export function withUnit(text: string, unit?: string): string {
  if (!unit || text === MISSING) return text;
  return /^[%‰°]/.test(unit) ? `${text}${unit}` : `${text}${NARROW_NBSP}${unit}`;
}

function superscript(s: string): string {
  const map: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return [...s].map((c) => map[c] ?? c).join('');
}

/** Units that follow a number in captions and details ("12.3 µs", "5 %"): joined by a narrow no-break space. */
const UNIT_AFTER_NUMBER = /(\d)[ \u00a0]?(µs|ms|ns|ps|GB\/s|GB|MB|MiB|GiB|KiB|kB|Hz|kHz|MHz|GHz|bps|bp|%)(?![\p{L}\d])/gu;

/**
 * Text from a cell (captions, metric details) with every number–unit pair joined by a narrow no-break space:
 * "8003 decisions" stays, "12.3µs" or "12.3 µs" becomes "12.3 µs" that never breaks across lines.
 */
export function unitSpaces(text: string): string {
  return text.replace(UNIT_AFTER_NUMBER, (_, d: string, unit: string) => `${d}${NARROW_NBSP}${unit}`);
}
