/**
 * One open notebook: its inputs, edits and seed, the worker session computing it, local autosave,
 * the share link mirrored into the URL, and the trust gate for code that arrives from a link.
 */
import type { Notebook, InputValue, CellDef } from '../../notebook/format';
import { validateInputValue } from '../../notebook/format';
import { NotebookSession, type CellState } from '../../workers/session';
import { encodeExperiment, linkSizeStatus, type ExperimentState } from '../../share/codec';
import NotebookWorker from '../../workers/notebook.worker?worker';
import { mainThreadFunctions } from '../mainThread';

export interface Banner {
  kind: 'error' | 'warning' | 'info';
  message: string;
  detail?: string;
}

interface Saved {
  seed: number;
  inputs: Record<string, InputValue>;
  edits: Record<string, string>;
}

const STORAGE_PREFIX = 'sema.notebook.';

export function storageKey(id: string): string {
  return `${STORAGE_PREFIX}${id}.v1`;
}

function readSaved(id: string): Saved | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    if (!raw) return null;
    const s = JSON.parse(raw) as Saved;
    return s && typeof s === 'object' ? { seed: Number(s.seed) || 0, inputs: s.inputs ?? {}, edits: s.edits ?? {} } : null;
  } catch {
    return null;
  }
}

export class NotebookState {
  readonly nb: Notebook;
  cellStates = $state<Record<string, CellState>>({});
  inputs = $state<Record<string, InputValue>>({});
  edits = $state<Record<string, string>>({});
  seed = $state(1);
  banners = $state<Banner[]>([]);
  /** Code cells whose source came from a link and differs from the shipped notebook: not run until accepted. */
  untrusted = $state<Record<string, { shipped: string; proposed: string }>>({});
  shareLink = $state('');
  linkStatus = $state<{ level: 'ok' | 'warn' | 'too-large'; bytes: number; message?: string }>({ level: 'ok', bytes: 0 });
  private session: NotebookSession;
  /** Presentation query (`?present&step=…`) kept on the URL when the state is mirrored into it. */
  viewQuery = '';

  constructor(nb: Notebook, fromLink?: ExperimentState, linkBanner?: Banner) {
    this.nb = nb;
    const saved = readSaved(nb.meta.id);
    const blocked: Record<string, string> = {};
    let seed = saved?.seed ?? nb.meta.seed;
    let inputs: Record<string, InputValue> = { ...(saved?.inputs ?? {}) };
    let edits: Record<string, string> = { ...(saved?.edits ?? {}) };
    const banners: Banner[] = linkBanner ? [linkBanner] : [];

    if (fromLink) {
      seed = fromLink.seed;
      inputs = {};
      for (const [name, value] of Object.entries(fromLink.inputs ?? {})) {
        const spec = nb.cells.find((c) => c.input?.name === name)?.input;
        if (!spec) {
          banners.push({ kind: 'warning', message: `The link sets inputs.${name}, which this notebook does not have; it was ignored.` });
          continue;
        }
        const problem = validateInputValue(spec, value);
        if (problem) banners.push({ kind: 'warning', message: `The link's inputs.${name} is invalid (${problem}); the default ${JSON.stringify(spec.value)} is used.` });
        else inputs[name] = value;
      }
      edits = {};
      for (const [id, source] of Object.entries(fromLink.edits ?? {})) {
        const cell = nb.cells.find((c) => c.id === id);
        if (!cell) {
          banners.push({ kind: 'warning', message: `The link edits a cell '${id}' that this notebook does not have; the edit was ignored.` });
          continue;
        }
        edits[id] = source;
        const isCode = cell.type === 'code' || cell.type === 'view';
        const alreadyMine = saved?.edits[id] === source;
        if (isCode && source !== cell.source && !alreadyMine) {
          blocked[id] = 'This code came from a link and differs from the shipped notebook. Review the change, then run it.';
          this.untrusted[id] = { shipped: cell.source, proposed: source };
        }
      }
    }
    this.seed = seed;
    this.inputs = inputs;
    this.edits = edits;
    this.banners = banners;

    this.session = new NotebookSession({
      createWorker: () => {
        const w = new NotebookWorker();
        const like = {
          postMessage: (m: unknown) => w.postMessage(m),
          terminate: () => w.terminate(),
          onmessage: null as ((m: any) => void) | null,
          onerror: null as ((m: string) => void) | null,
        };
        w.onmessage = (e) => like.onmessage?.(e.data);
        w.onerror = (e) => like.onerror?.(e.message || 'unknown error');
        return like;
      },
      mainFunctions: mainThreadFunctions,
      onChange: (id, s) => {
        this.cellStates[id] = s;
      },
    });
    this.session.load($state.snapshot(nb.cells) as CellDef[], { seed, inputs, edits, blocked });
    this.persist(false);
  }

  dispose(): void {
    this.session.dispose();
  }

  setInput(name: string, value: InputValue): void {
    this.inputs[name] = value;
    this.session.setInput(name, value);
    this.persist();
  }

  editCell(id: string, source: string): void {
    this.edits[id] = source;
    delete this.untrusted[id];
    this.session.editCell(id, source);
    this.persist();
  }

  /** Keep what the user typed (autosave) without running it yet. */
  saveDraft(id: string, source: string): void {
    this.edits[id] = source;
    this.persist();
  }

  acceptUntrusted(id: string): void {
    delete this.untrusted[id];
    this.session.unblock(id);
    this.persist();
  }

  rejectUntrusted(id: string): void {
    const cell = this.nb.cells.find((c) => c.id === id);
    delete this.untrusted[id];
    delete this.edits[id];
    if (cell) this.session.editCell(id, cell.source);
    this.persist();
  }

  /** Use a data file the user dropped: parsed and validated here first, then handed to the worker (never uploaded). */
  async useDataFile(inputName: string, file: File): Promise<{ ok: true; id: string; label: string } | { ok: false; message: string }> {
    const text = await file.text();
    const { parseOhlcv } = await import('../../engine/market/index');
    try {
      const { data, warnings } = parseOhlcv(text, file.name);
      const id = `upload:${file.name}`;
      this.session.addDataset(id, file.name, text);
      this.setInput(inputName, id);
      const note = warnings.length ? `; ${warnings.length} warning${warnings.length > 1 ? 's' : ''}: ${warnings.map((w) => w.message).join('; ')}` : '';
      return { ok: true, id, label: `your file: ${file.name} (${data.close.length.toLocaleString('en')} bars${note})` };
    } catch (e) {
      return { ok: false, message: `${file.name}: ${(e as Error).message}` };
    }
  }

  cancel(id: string): void {
    this.session.cancel(id);
  }

  rerun(id: string): void {
    this.session.unblock(id);
  }

  setSeed(seed: number): void {
    this.seed = seed >>> 0;
    this.session.setSeed(this.seed);
    this.persist();
  }

  /** Drop every edit and input change: back to the shipped notebook. */
  resetToOriginal(): void {
    localStorage.removeItem(storageKey(this.nb.meta.id));
    this.edits = {};
    this.inputs = {};
    this.untrusted = {};
    this.seed = this.nb.meta.seed;
    this.banners = [];
    this.session.load($state.snapshot(this.nb.cells) as CellDef[], { seed: this.seed, inputs: {}, edits: {} });
    this.persist();
  }

  setViewQuery(q: string): void {
    this.viewQuery = q;
    this.persist(false);
  }

  dismissBanner(i: number): void {
    this.banners.splice(i, 1);
  }

  sourceOf(cell: CellDef): string {
    return this.edits[cell.id] ?? cell.source;
  }

  isEdited(cell: CellDef): boolean {
    return this.edits[cell.id] !== undefined && this.edits[cell.id] !== cell.source;
  }

  /** The experiment as a share payload: only what differs from the shipped notebook. */
  experiment(): ExperimentState {
    const inputs: Record<string, InputValue> = {};
    for (const [k, v] of Object.entries(this.inputs)) {
      const spec = this.nb.cells.find((c) => c.input?.name === k)?.input;
      if (spec && v !== spec.value) inputs[k] = v;
    }
    const edits: Record<string, string> = {};
    for (const c of this.nb.cells) if (this.isEdited(c)) edits[c.id] = this.edits[c.id];
    return { v: 1, notebook: this.nb.meta.id, seed: this.seed, inputs, edits };
  }

  /** Distinct configurations run in this browser session (sessionStorage), for the deflated Sharpe ratio. */
  configurationsTried = $state(1);

  private countConfiguration(exp: ExperimentState): void {
    const key = `sema.trials.${this.nb.meta.id}`;
    try {
      const seen = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
      const config = JSON.stringify([exp.seed, exp.inputs, exp.edits]);
      if (!seen.includes(config)) seen.push(config);
      sessionStorage.setItem(key, JSON.stringify(seen));
      if (seen.length !== this.configurationsTried) {
        this.configurationsTried = seen.length;
        this.session.setInput('configurationsTried', seen.length);
      }
    } catch {
      // sessionStorage unavailable: the count stays where it is
    }
  }

  private persist(save = true): void {
    const exp = this.experiment();
    this.countConfiguration(exp);
    const isDefault = exp.seed === this.nb.meta.seed && !Object.keys(exp.inputs).length && !Object.keys(exp.edits).length;
    if (save) {
      try {
        localStorage.setItem(storageKey(this.nb.meta.id), JSON.stringify({ seed: this.seed, inputs: $state.snapshot(this.inputs), edits: $state.snapshot(this.edits) }));
      } catch (e) {
        this.banners.push({ kind: 'warning', message: `Could not save your edits locally: ${(e as Error).message}` });
      }
    }
    const hash = isDefault ? `/nb/${this.nb.meta.id}` : `/nb/${this.nb.meta.id}/${encodeExperiment(exp).replace(/^#/, '')}`;
    this.shareLink = `${location.origin}${location.pathname}#${hash}${this.viewQuery}`;
    this.linkStatus = linkSizeStatus(this.shareLink);
    history.replaceState(history.state, '', `#${hash}${this.viewQuery}`);
  }
}
