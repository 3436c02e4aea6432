/**
 * "Figures (JSON)": every cell's scalar figures (`display.figures`), every verdict with its rule, and what
 * reproduces them (inputs, seed, share link). Verdicts come from verdict views and from cells that define
 * a `verdicts` value; the same verdict stated both ways is listed once.
 */
import type { CellDef, InputValue } from '../../notebook/format';
import type { CellState } from '../../workers/session';
import { flattenViews } from './tables';
import { jsonSafe } from './json';

export interface ExportMeta {
  notebook: { id: string; title: string; summary?: string; claims?: string[] };
  seed: number;
  shareLink: string;
  /** ISO 8601. */
  generatedAt: string;
  playgroundVersion: string;
  /** Current value of every input (defaults included). */
  inputs: Record<string, InputValue>;
}

export interface ExportedVerdict {
  cell: string;
  claim: string;
  title?: string;
  verdict: string;
  rule: string;
  figures: { label: string; value: unknown; unit?: string }[];
}

export function collectVerdicts(cells: readonly Pick<CellDef, 'id'>[], states: Record<string, CellState | undefined>): ExportedVerdict[] {
  const out: ExportedVerdict[] = [];
  const seen = new Set<string>();
  const add = (v: ExportedVerdict) => {
    const key = JSON.stringify([v.claim, v.verdict, v.rule]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(v);
  };
  for (const c of cells) {
    const s = states[c.id];
    if (s?.state !== 'done') continue;
    for (const v of flattenViews(s.display.view)) {
      if (v.kind === 'verdict') add({ cell: c.id, claim: v.claim, verdict: v.verdict, rule: v.rule, figures: (v.figures ?? []).map((f) => ({ label: f.label, value: f.value, ...(f.unit ? { unit: f.unit } : {}) })) });
    }
    for (const v of s.display.verdicts ?? []) {
      add({ cell: c.id, claim: v.claim, ...(v.title ? { title: v.title } : {}), verdict: v.verdict, rule: v.rule, figures: (v.figures ?? []).map((f) => ({ ...f })) });
    }
  }
  return out;
}

/** Current input values: the user's, else the notebook defaults. */
export function currentInputs(cells: readonly Pick<CellDef, 'input'>[], inputs: Record<string, InputValue>): Record<string, InputValue> {
  const out: Record<string, InputValue> = {};
  for (const c of cells) if (c.input) out[c.input.name] = inputs[c.input.name] ?? c.input.value;
  return out;
}

export function figuresDocument(meta: ExportMeta, cells: readonly Pick<CellDef, 'id' | 'type'>[], states: Record<string, CellState | undefined>) {
  const cellEntries = cells.map((c) => {
    const s = states[c.id] ?? { state: 'pending' as const };
    return {
      id: c.id,
      type: c.type,
      state: s.state,
      ...(s.state === 'done' ? { figures: jsonSafe(s.display.figures) as Record<string, unknown> } : {}),
      ...(s.state === 'error' ? { error: s.error.message } : {}),
      ...(s.state === 'blocked' ? { reason: s.reason } : {}),
    };
  });
  return {
    format: 'sema-playground/figures',
    formatVersion: 1,
    notebook: meta.notebook,
    generatedAt: meta.generatedAt,
    playgroundVersion: meta.playgroundVersion,
    seed: meta.seed,
    shareLink: meta.shareLink,
    inputs: meta.inputs,
    /** Cells that had not finished when the file was written: their figures are missing. */
    incomplete: cellEntries.filter((c) => c.state !== 'done' && c.type !== 'input').map((c) => c.id),
    verdicts: jsonSafe(collectVerdicts(cells, states)) as ExportedVerdict[],
    cells: cellEntries,
  };
}
