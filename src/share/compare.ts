/**
 * Comparing two runs of a notebook ("what changed?"): the differences between two experiment states
 * (inputs, seed, edited cells, data fingerprints), and between their results (every scalar figure and every
 * verdict that differs, with both values). Pure: the page and the headless `diff` command run the notebooks
 * and pass the results in.
 */
import type { ExperimentState } from './codec';

export type Change =
  | { kind: 'seed'; a: number; b: number }
  | { kind: 'input'; name: string; a: unknown; b: unknown }
  | { kind: 'edit'; cell: string; a: string | null; b: string | null }
  | { kind: 'file'; input: string; a: string | null; b: string | null };

/** What differs between two states of the same notebook (each change can be applied on its own). */
export function stateChanges(a: ExperimentState, b: ExperimentState, defaults: Record<string, unknown> = {}): Change[] {
  const out: Change[] = [];
  if (a.seed !== b.seed) out.push({ kind: 'seed', a: a.seed, b: b.seed });
  const inputNames = [...new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])].sort();
  for (const n of inputNames) {
    const va = n in a.inputs ? a.inputs[n] : defaults[n];
    const vb = n in b.inputs ? b.inputs[n] : defaults[n];
    if (JSON.stringify(va) !== JSON.stringify(vb)) out.push({ kind: 'input', name: n, a: va, b: vb });
  }
  const cells = [...new Set([...Object.keys(a.edits), ...Object.keys(b.edits)])].sort();
  for (const c of cells) if (a.edits[c] !== b.edits[c]) out.push({ kind: 'edit', cell: c, a: a.edits[c] ?? null, b: b.edits[c] ?? null });
  const fa = a.files ?? {}, fb = b.files ?? {};
  for (const i of [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort()) {
    const ha = fa[i]?.sha256 ?? null, hb = fb[i]?.sha256 ?? null;
    if (ha !== hb) out.push({ kind: 'file', input: i, a: ha, b: hb });
  }
  return out;
}

/** State `a` with one change of `b` applied (for "which change flipped this verdict"). */
export function applyChange(a: ExperimentState, c: Change): ExperimentState {
  const s: ExperimentState = { ...a, inputs: { ...a.inputs }, edits: { ...a.edits } };
  if (c.kind === 'seed') s.seed = c.b;
  else if (c.kind === 'input') {
    if (c.b === undefined) delete s.inputs[c.name];
    else s.inputs[c.name] = c.b as never;
  } else if (c.kind === 'edit') {
    if (c.b === null) delete s.edits[c.cell];
    else s.edits[c.cell] = c.b;
  }
  return s;
}

export function describeChange(c: Change): string {
  const v = (x: unknown) => (x === undefined || x === null ? '(default)' : JSON.stringify(x));
  switch (c.kind) {
    case 'seed':
      return `seed ${c.a} → ${c.b}`;
    case 'input':
      return `input ${c.name}: ${v(c.a)} → ${v(c.b)}`;
    case 'edit':
      return `cell ${c.cell}: ${c.a === null ? 'shipped code' : 'edited code'} → ${c.b === null ? 'shipped code' : 'edited code'}`;
    case 'file':
      return `own file for ${c.input}: ${c.a ? `sha256 ${c.a.slice(0, 12)}…` : 'none'} → ${c.b ? `sha256 ${c.b.slice(0, 12)}…` : 'none'}`;
  }
}

/** The results of one run, as the comparison needs them. */
export interface RunResult {
  /** Scalar figures per cell: cell id → name → value. */
  figures: Record<string, Record<string, number | string | boolean>>;
  /** Verdicts: claim → verdict text (from verdict views or the `verdicts` value). */
  verdicts: Record<string, string>;
  /** Cells that failed, with their message. */
  errors: Record<string, string>;
}

export interface ResultDiff {
  figures: { cell: string; name: string; a: unknown; b: unknown }[];
  verdicts: { claim: string; a: string | null; b: string | null }[];
  errors: { cell: string; a: string | null; b: string | null }[];
}

const same = (x: unknown, y: unknown) => (typeof x === 'number' && typeof y === 'number' ? Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)) : x === y);

export function resultDiff(a: RunResult, b: RunResult): ResultDiff {
  const out: ResultDiff = { figures: [], verdicts: [], errors: [] };
  for (const cell of [...new Set([...Object.keys(a.figures), ...Object.keys(b.figures)])]) {
    const fa = a.figures[cell] ?? {}, fb = b.figures[cell] ?? {};
    for (const name of [...new Set([...Object.keys(fa), ...Object.keys(fb)])]) if (!same(fa[name], fb[name])) out.figures.push({ cell, name, a: fa[name], b: fb[name] });
  }
  for (const claim of [...new Set([...Object.keys(a.verdicts), ...Object.keys(b.verdicts)])].sort()) {
    if (a.verdicts[claim] !== b.verdicts[claim]) out.verdicts.push({ claim, a: a.verdicts[claim] ?? null, b: b.verdicts[claim] ?? null });
  }
  for (const cell of [...new Set([...Object.keys(a.errors), ...Object.keys(b.errors)])]) if (a.errors[cell] !== b.errors[cell]) out.errors.push({ cell, a: a.errors[cell] ?? null, b: b.errors[cell] ?? null });
  return out;
}
