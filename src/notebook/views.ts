/**
 * What view cells return: plain, structured-cloneable descriptions that the page renders.
 * Cells run in a worker and Plot needs the DOM, so `Plot.lineY(data, opts)` inside a cell records a recipe
 * `{ __plot: 'lineY', args: [data, opts] }` that the page replays with the real Plot.
 */
import type { CircuitViewSpec } from '../engine/quantum/diagram/view';
import { judge as judgeClaim } from '../engine/claims/judge';
import type { JudgedReading, Judgement } from '../engine/claims/types';
import { VERDICTS, isVerdict, type Verdict } from '../engine/claims/verdict';
import { plotTableTwin } from './plotData';

export type { Verdict };
export interface PlotCall {
  __plot: string;
  args: unknown[];
}

export interface MetricItem {
  label: string;
  value: number | string | boolean | null;
  unit?: string;
  detail?: string;
  digits?: number;
}

/**
 * A verdict view. Claim verdicts come only from `judge(claimId, figures)` (a Judgement: one headline
 * verdict with its readings nested, marked `judged`); the page renders it and the host reports it to the
 * claims ledger. `verdict({...})` remains for checks that are not roadmap claims (e.g. a teaching
 * example); it takes a rule's result, and the ledger ignores it.
 */
export interface VerdictSpec {
  claim: string;
  title?: string;
  verdict: Verdict;
  /** The rule, with the measured figures substituted, so a reader can check it. */
  rule: string;
  figures?: MetricItem[];
  detail?: string;
  /** Set by judge(): the headline reading and every reading of the claim. */
  judged?: boolean;
  reading?: string;
  readingLabel?: string;
  readings?: readonly JudgedReading[];
  quote?: string;
  section?: string;
  notebook?: string;
}

/**
 * A chart's table twin. Generated from the plotted data unless the cell passes one; `totalRows` is the number
 * of plotted points when the generated twin is thinned (the CSV/JSON export always holds every point).
 */
export interface PlotTable {
  columns: string[];
  rows: unknown[][];
  totalRows?: number;
}

/**
 * A table column. `link`: the key of a row field holding an in-app address (`#/…`); the cell's text then links
 * there. `markdown: true` renders its text cells as inline Markdown (`code`, $math$).
 */
export interface TableColumn {
  key: string;
  label: string;
  digits?: number;
  link?: string;
  markdown?: boolean;
}

export type ViewSpec =
  | { kind: 'plot'; options: Record<string, unknown>; caption?: string; table?: PlotTable }
  | { kind: 'table'; columns: TableColumn[]; rows: Record<string, unknown>[]; caption?: string }
  | { kind: 'metrics'; items: MetricItem[] }
  | ({ kind: 'verdict' } & VerdictSpec)
  | { kind: 'text'; markdown: string }
  | { kind: 'group'; items: ViewSpec[] }
  /** A circuit diagram (see src/engine/quantum/diagram/view.ts); built by `circuit(c, options)`. */
  | CircuitViewSpec;

/** The `Plot` object inside cells: any mark or transform call becomes a recipe. */
export const PlotRecorder: Record<string, (...args: unknown[]) => PlotCall> = new Proxy(
  {},
  // 'then' must stay undefined: otherwise `await Plot` would treat the recorder as a promise and hang.
  { get: (_t, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => ({ __plot: name, args }) : undefined) },
) as Record<string, (...args: unknown[]) => PlotCall>;

export function isPlotCall(v: unknown): v is PlotCall {
  return !!v && typeof v === 'object' && typeof (v as PlotCall).__plot === 'string' && Array.isArray((v as PlotCall).args);
}

/** A judged claim verdict (from judge()), as the ledger collects it. */
export function isJudgedVerdict(v: unknown): v is { kind: 'verdict' } & VerdictSpec & Judgement {
  return !!v && typeof v === 'object' && (v as ViewSpec).kind === 'verdict' && (v as VerdictSpec).judged === true;
}

export const viewBuilders = {
  /**
   * plot({ marks: [Plot.lineY(…)], y: { type: 'log' }, … }, { caption }) — Observable Plot options. The table twin
   * (for screen readers and "Show data table") is generated from the marks' data unless `table` is given.
   */
  plot(options: Record<string, unknown>, extra: { caption?: string; table?: PlotTable } = {}): ViewSpec {
    if (!options || typeof options !== 'object') throw new TypeError('plot(options): options must be an object with marks');
    const table = extra.table ?? plotTableTwin(options) ?? undefined;
    return { kind: 'plot', options, ...extra, ...(table ? { table } : {}) };
  },
  /** table(rows, { columns: ['a', { key: 'b', label: 'B', digits: 3 }, { key: 'c', link: 'href' }, { key: 'note', markdown: true }], caption }) */
  table(rows: ArrayLike<Record<string, unknown>>, opts: { columns?: (string | { key: string; label?: string; digits?: number; link?: string; markdown?: boolean })[]; caption?: string } = {}): ViewSpec {
    const list = Array.from(rows ?? []);
    const keys = opts.columns ?? Object.keys(list[0] ?? {});
    const columns = keys.map((c): TableColumn => (typeof c === 'string' ? { key: c, label: c } : { key: c.key, label: c.label ?? c.key, digits: c.digits, ...(c.link ? { link: c.link } : {}), ...(c.markdown ? { markdown: true } : {}) }));
    return { kind: 'table', columns, rows: list, caption: opts.caption };
  },
  metrics(items: MetricItem[]): ViewSpec {
    return { kind: 'metrics', items };
  },
  metric(label: string, value: MetricItem['value'], opts: Omit<MetricItem, 'label' | 'value'> = {}): ViewSpec {
    return { kind: 'metrics', items: [{ label, value, ...opts }] };
  },
  /**
   * judge(claimId, figures, { detail }): judge a registered roadmap claim under every reading of its rule
   * (src/engine/claims/registry.ts) and show it; the claims ledger collects it from here.
   */
  judge(claimId: string, figures: unknown, opts: { detail?: string } = {}): ViewSpec {
    const j = judgeClaim(claimId, figures);
    return { kind: 'verdict', ...j, figures: j.figures.map((f) => ({ ...f })), judged: true, ...(opts.detail ? { detail: opts.detail } : {}) };
  },
  /**
   * judged(judgement, { detail }): show a judgement judge() already made, e.g. one another notebook returned
   * through runNotebook (the claims ledger). It is checked, not recomputed.
   */
  judged(j: Judgement, opts: { detail?: string } = {}): ViewSpec {
    if (!j || typeof j !== 'object' || typeof j.claim !== 'string' || !isVerdict(j.verdict) || !Array.isArray(j.readings) || typeof j.rule !== 'string') {
      throw new TypeError('judged(judgement): expected what judge(claimId, figures) returned');
    }
    return { kind: 'verdict', ...j, figures: (j.figures ?? []).map((f) => ({ ...f })), judged: true, ...(opts.detail ? { detail: opts.detail } : {}) };
  },
  verdict(spec: VerdictSpec): ViewSpec {
    if (!VERDICTS.includes(spec.verdict)) throw new RangeError(`invalid verdict: ${JSON.stringify(spec.verdict)} (expected one of ${VERDICTS.join(', ')})`);
    if (!spec.rule) throw new TypeError('verdict: state the rule that produced it (rule: "…")');
    if (spec.judged) throw new TypeError('verdict: claim verdicts come from judge(claimId, figures), not verdict({...})');
    return { kind: 'verdict', ...spec };
  },
  text(markdown: string): ViewSpec {
    return { kind: 'text', markdown: String(markdown) };
  },
  /** md`…` template tag for computed prose. */
  md(strings: TemplateStringsArray, ...values: unknown[]): ViewSpec {
    return { kind: 'text', markdown: strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '') };
  },
  group(...items: ViewSpec[]): ViewSpec {
    return { kind: 'group', items: items.flat() };
  },
};

export function isViewSpec(v: unknown): v is ViewSpec {
  return !!v && typeof v === 'object' && typeof (v as ViewSpec).kind === 'string' && ['plot', 'table', 'metrics', 'verdict', 'text', 'group', 'circuit'].includes((v as ViewSpec).kind);
}
