/**
 * Normalising results for the page: a finished cell's values become a CellDisplay (inspected values, scalar
 * figures, its view, the claim verdicts it judged), and a failure becomes a CellErrorInfo with its kind and,
 * where known, line and column within the cell. Everything here must survive postMessage (plain data).
 */
import { CellSyntaxError } from './analyze';
import { RuntimeError, type CellValues } from './runtime';
import { inspect, scalarFigures } from './inspect';
import { isJudgedVerdict, isViewSpec, type ViewSpec } from './views';
import { FormulaError } from './formulaTypes';
import { CellRunError, VIEW_KEY } from './compileCell';
import type { CellDisplay, CellErrorInfo, NotebookVerdict } from './protocol';

export function toDisplay(values: CellValues): CellDisplay {
  const named: Record<string, unknown> = {};
  let view: ViewSpec | undefined;
  for (const [k, v] of Object.entries(values)) {
    if (k === VIEW_KEY) {
      // A view that returns a plain value (not plot/table/…) shows it in the inspector.
      if (isViewSpec(v)) view = v;
      else named.value = v;
    } else named[k] = v;
  }
  const inspected: Record<string, ReturnType<typeof inspect>> = {};
  for (const [k, v] of Object.entries(named)) inspected[k] = inspect(v);
  const display: CellDisplay = { values: inspected, figures: scalarFigures(named), view };
  const verdicts = judgedVerdicts([...Object.values(named), view]);
  if (verdicts.length) display.verdicts = verdicts;
  return display;
}

/**
 * The claim verdicts a cell produced with judge(): found in its named values and its view (inside groups
 * and arrays), one per claim (the same judgement shown twice is reported once).
 */
export function judgedVerdicts(roots: unknown[]): NotebookVerdict[] {
  const byClaim = new Map<string, NotebookVerdict>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (isJudgedVerdict(v)) {
      const { claim, title, quote, section, notebook, verdict, reading, readingLabel, rule, readings, figures } = v;
      byClaim.set(claim, {
        claim, title, quote, section, notebook, verdict, reading, readingLabel, rule, readings,
        figures: (figures ?? []).map((f) => ({ label: f.label, value: f.value, ...(f.unit ? { unit: f.unit } : {}) })),
      });
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if ((v as ViewSpec).kind === 'group') for (const x of (v as { items: unknown[] }).items) walk(x, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return [...byClaim.values()];
}

export function errorInfo(e: Error): CellErrorInfo {
  if (e instanceof CellSyntaxError) return { message: e.reason, line: e.line, column: e.column, kind: 'syntax' };
  if (e instanceof FormulaError) return { message: e.message, line: e.line, column: e.column, kind: 'formula' };
  if (e instanceof CellRunError) return { message: e.message, line: e.line, column: e.column, kind: e.kind, ...(e.frame ? { frame: e.frame } : {}) };
  if (e instanceof RuntimeError) return { message: e.message, kind: e.kind };
  return { message: e.message || String(e) };
}
