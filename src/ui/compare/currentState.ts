/**
 * "The current state of the open notebook" for a comparison: what the notebook page autosaved in this browser
 * (its seed, inputs, run edits and own-file fingerprints), as a share state. Drafts (typed, never run) are
 * not part of it. Falls back to the notebook's defaults when nothing is saved or storage is unavailable.
 */
import type { Notebook } from '../../notebook/format';
import type { ExperimentState } from '../../share/codec';
import type { FileFingerprint } from '../../share/schema';
import { storageKey } from '../state/notebookState.svelte';

export function currentStateOf(nb: Notebook): ExperimentState {
  const base: ExperimentState = { v: 1, notebook: nb.meta.id, seed: nb.meta.seed, inputs: {}, edits: {} };
  type Saved = { seed?: unknown; inputs?: Record<string, unknown>; edits?: Record<string, unknown>; files?: Record<string, FileFingerprint> };
  let saved: Saved | null;
  try {
    saved = JSON.parse(localStorage.getItem(storageKey(nb.meta.id)) ?? 'null') as Saved | null;
  } catch {
    return base;
  }
  if (!saved || typeof saved !== 'object') return base;
  const seed = Number(saved.seed);
  if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) base.seed = seed;
  const files = saved.files && typeof saved.files === 'object' ? saved.files : {};
  for (const c of nb.cells) {
    const v = saved.inputs?.[c.input?.name ?? ''];
    if (c.input && v !== undefined && v !== c.input.value && !files[c.input.name] && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') && !(typeof v === 'string' && v.startsWith('upload:'))) base.inputs[c.input.name] = v;
    const e = saved.edits?.[c.id];
    if (typeof e === 'string' && e !== c.source) base.edits[c.id] = e;
  }
  if (Object.keys(files).length) base.files = files;
  return base;
}
