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

export { plottedData } from '../../notebook/plotData';
