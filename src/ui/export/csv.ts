/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, a field is quoted when it holds a comma, a quote,
 * CR or LF (quotes doubled inside). Numbers are written in full precision (the shortest text that reads
 * back to the same double), never rounded for display.
 */

/** One value as CSV field text (unquoted). */
export function csvText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v); // String(n): round-trips exactly; ±Infinity stay words
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return JSON.stringify(Array.from(v as unknown as ArrayLike<number>));
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(v: unknown): string {
  const s = csvText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header row and data rows; every record (the last one too) ends with CRLF. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((_, j) => csvField(r[j])).join(','));
  return lines.join('\r\n') + '\r\n';
}
