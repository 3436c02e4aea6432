/**
 * The data a chart plots, read from its recorded marks: the chart's table twin (generated for every
 * `plot(...)` without a hand-made `table`) and its CSV/JSON export. Pure: runs in the worker and on the page.
 */

export interface PlottedTable {
  caption?: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

const isPlain = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const CHANNELS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'z', 'fx', 'fy', 'stroke', 'fill', 'r', 'text', 'symbol', 'title'] as const;

/**
 * The data a chart actually plots, from its marks (`Plot.lineY(data, { x: 'tick', y: 'ms', stroke: 'who' })`):
 * one row per datum, one column per channel that names a field, then the datum's other plain fields, plus the mark. Marks whose data is not a list
 * of records, or whose channels are computed, contribute what can be read. Null when nothing can.
 */
export function plottedData(options: Record<string, unknown>, caption?: string): PlottedTable | null {
  const marks = Array.isArray(options.marks) ? options.marks : [];
  const fields: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const m of marks) {
    const call = m as { __plot?: string; args?: unknown[] };
    if (!call || typeof call.__plot !== 'string' || !Array.isArray(call.args)) continue;
    const [data, opts] = call.args as [unknown, Record<string, unknown> | undefined];
    if (!Array.isArray(data) && !ArrayBuffer.isView(data)) continue;
    const list = Array.from(data as ArrayLike<unknown>);
    // A string channel names a field only if the data has it ('#1f5fbf' as fill is a constant colour).
    const first = list.find((d) => d && typeof d === 'object') as Record<string, unknown> | undefined;
    const channels = CHANNELS.filter((c) => typeof opts?.[c] === 'string' && !!first && (opts![c] as string) in first);
    for (const [i, d] of list.entries()) {
      const row: Record<string, unknown> = { mark: call.__plot };
      if (d && typeof d === 'object' && !Array.isArray(d)) {
        // Channel fields first, then the datum's other plain fields (a date, a count), so the twin keeps what the chart describes.
        for (const c of channels) row[opts![c] as string] = (d as Record<string, unknown>)[opts![c] as string];
        for (const [k, v] of Object.entries(d)) if (!(k in row) && isPlain(v)) row[k] = v;
      } else {
        // A bare array of numbers: Plot uses the value as y (lineY, dot…) or x, and the index as the other.
        row.index = i;
        row.value = d;
      }
      for (const k of Object.keys(row)) if (!fields.includes(k)) fields.push(k);
      rows.push(row);
    }
  }
  if (!rows.length) return null;
  return { caption, columns: fields, rows: rows.map((r) => fields.map((f) => (r[f] === undefined ? '' : r[f]) as string | number | boolean | null)) };
}

/** Most rows a generated table twin carries; longer series are thinned evenly (the export holds every point). */
export const TWIN_MAX_ROWS = 500;

/**
 * The table twin of a chart: its plotted data, thinned to at most `maxRows` evenly spaced rows (first and last
 * kept) so that a 20,000-point series stays readable. Null when no mark's data can be read.
 */
export function plotTableTwin(options: Record<string, unknown>, maxRows = TWIN_MAX_ROWS): { columns: string[]; rows: unknown[][]; totalRows: number } | null {
  const t = plottedData(options);
  if (!t) return null;
  const n = t.rows.length;
  if (n <= maxRows) return { columns: t.columns, rows: t.rows, totalRows: n };
  const rows: unknown[][] = [];
  for (let k = 0; k < maxRows; k++) rows.push(t.rows[Math.round((k * (n - 1)) / (maxRows - 1))]);
  return { columns: t.columns, rows, totalRows: n };
}
