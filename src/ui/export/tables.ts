/**
 * Every figure that is a table, as one shape for CSV and JSON downloads: table views, headline metrics,
 * verdicts (one row per measured figure, the claim, verdict and rule repeated) and the data twin of a chart.
 */
import type { MetricItem, VerdictSpec, ViewSpec } from '../../notebook/views';
import { toCsv } from './csv';
import { jsonSafe } from './json';

export interface ExportTable {
  caption?: string;
  columns: string[];
  rows: unknown[][];
}

type TableView = Extract<ViewSpec, { kind: 'table' }>;
type PlotView = Extract<ViewSpec, { kind: 'plot' }>;

export function tableOfTableView(view: Pick<TableView, 'columns' | 'rows' | 'caption'>): ExportTable {
  return { caption: view.caption, columns: view.columns.map((c) => c.label || c.key), rows: view.rows.map((r) => view.columns.map((c) => r[c.key])) };
}

export function tableOfMetrics(items: readonly MetricItem[], caption?: string): ExportTable {
  return { caption, columns: ['label', 'value', 'unit', 'detail'], rows: items.map((m) => [m.label, m.value, m.unit ?? '', m.detail ?? '']) };
}

export function tableOfVerdict(v: VerdictSpec): ExportTable {
  const head = [v.claim, v.verdict, v.rule];
  const figures = v.figures ?? [];
  return {
    caption: v.claim,
    columns: ['claim', 'verdict', 'rule', 'figure', 'value', 'unit'],
    rows: figures.length ? figures.map((f) => [...head, f.label, f.value, f.unit ?? '']) : [[...head, '', '', '']],
  };
}

export function tableOfPlot(view: Pick<PlotView, 'table' | 'caption'>): ExportTable | null {
  return view.table ? { caption: view.caption, columns: [...view.table.columns], rows: view.table.rows.map((r) => [...r]) } : null;
}

/** The table behind a single (non-group) view, or null for charts without a twin and prose. */
export function tableOfView(view: ViewSpec): ExportTable | null {
  switch (view.kind) {
    case 'table':
      return tableOfTableView(view);
    case 'metrics':
      return tableOfMetrics(view.items);
    case 'verdict':
      return tableOfVerdict(view);
    case 'plot':
      return tableOfPlot(view);
    default:
      return null;
  }
}

/** The views of a (possibly nested) group in render order. */
export function flattenViews(view: ViewSpec | undefined): ViewSpec[] {
  if (!view) return [];
  return view.kind === 'group' ? view.items.flatMap(flattenViews) : [view];
}

export function tableToCsv(t: ExportTable): string {
  return toCsv(t.columns, t.rows);
}

/** `{ caption, columns, rows: [{ column: value }] }`; repeated column names get a `_2`, `_3` suffix. */
export function tableToJson(t: ExportTable): { caption?: string; columns: string[]; rows: Record<string, unknown>[] } {
  const seen = new Map<string, number>();
  const keys = t.columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
  const rows = t.rows.map((r) => Object.fromEntries(keys.map((k, j) => [k, jsonSafe(r[j]) ?? null])));
  return { ...(t.caption ? { caption: t.caption } : {}), columns: keys, rows };
}

const CHANNELS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'z', 'fx', 'fy', 'stroke', 'fill', 'r', 'text', 'symbol', 'title'] as const;

/**
 * The data a chart actually plots, from its marks (`Plot.lineY(data, { x: 'tick', y: 'ms', stroke: 'who' })`):
 * one row per datum, one column per channel that names a field, plus the mark. Marks whose data is not a list
 * of records, or whose channels are computed, contribute what can be read. Null when nothing can.
 */
export function plottedData(options: Record<string, unknown>, caption?: string): ExportTable | null {
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
        for (const c of channels) row[opts![c] as string] = (d as Record<string, unknown>)[opts![c] as string];
        if (!channels.length) Object.assign(row, d);
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
