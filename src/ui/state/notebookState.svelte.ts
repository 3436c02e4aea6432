/**
 * One open notebook: its inputs, edits and seed, the worker session computing it, local autosave,
 * the share link mirrored into the URL, and the trust gate for code that arrives from a link.
 *
 * Saving (localStorage, the share link, the URL) is debounced: a slider drag writes once when it pauses.
 * Text typed but not run is saved as a draft: it comes back in the editor after a reload, and never runs
 * until the user presses Run. While cells compute, a crash sentinel sits in localStorage; a clean exit
 * removes it, so finding it on open means the last run crashed the page: edited cells are then held back.
 */
import type { Notebook, InputValue, CellDef } from '../../notebook/format';
import { validateInputValue } from '../../notebook/format';
import { NotebookSession, type CellState, type WorkerLike } from '../../workers/session';
import type { WorkerToMain } from '../../notebook/protocol';
import { encodeExperiment, linkSizeStatus, type ExperimentState } from '../../share/codec';
import type { FileFingerprint } from '../../share/schema';
import NotebookWorker from '../../workers/notebook.worker?worker';
import { mainThreadFunctions } from '../mainThread';
import DataFileWorker from '../../workers/dataFile.worker?worker';
import type { DataFileReply, DataFileRequest } from '../../workers/dataFile.worker';

export interface Banner {
  kind: 'error' | 'warning' | 'info';
  message: string;
  detail?: string;
}

interface Saved {
  seed: number;
  inputs: Record<string, InputValue>;
  /** Edits the user ran. */
  edits: Record<string, string>;
  /** Text typed in an editor but not run yet. */
  drafts: Record<string, string>;
  files?: Record<string, FileFingerprint>;
}

/** The banner shown while an input's own file is missing (after a reload, or from a link). */
export function missingFileMessage(f: FileFingerprint): string {
  return `Drop \`${f.name}\` (sha256 ${f.sha256.slice(0, 12)}…, ${f.size.toLocaleString('en')} bytes) to reproduce; showing the shipped default meanwhile.`;
}

const STORAGE_PREFIX = 'sema.notebook.';
/** How long saving waits for more changes (a slider drag) before writing storage, the link and the URL. */
export const SAVE_DEBOUNCE_MS = 250;

export function storageKey(id: string): string {
  return `${STORAGE_PREFIX}${id}.v1`;
}

/** Present while this notebook computes; left behind only if the page died mid-run. */
export function sentinelKey(id: string): string {
  return `sema.running.${id}`;
}

export const CRASH_REASON = 'The last run of this notebook crashed the page, so your edited cells are held back. Run again, or Reset to the original.';

function readSaved(id: string): Saved | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    if (!raw) return null;
    const s = JSON.parse(raw) as Saved;
    return s && typeof s === 'object' ? { seed: Number(s.seed) || 0, inputs: s.inputs ?? {}, edits: s.edits ?? {}, drafts: s.drafts ?? {}, files: s.files ?? {} } : null;
  } catch {
    return null;
  }
}

function readSentinel(id: string): { since: number; cells: string[] } | null {
  try {
    const raw = localStorage.getItem(sentinelKey(id));
    return raw ? (JSON.parse(raw) as { since: number; cells: string[] }) : null;
  } catch {
    return null;
  }
}

export class NotebookState {
  readonly nb: Notebook;
  cellStates = $state<Record<string, CellState>>({});
  inputs = $state<Record<string, InputValue>>({});
  edits = $state<Record<string, string>>({});
  /** Typed, not run: restored into the editor after a reload, run only by the user's Run. */
  drafts = $state<Record<string, string>>({});
  /** The last visit crashed the page mid-run: edited cells are held back until the user chooses. */
  crashed = $state<{ cells: string[] } | null>(null);
  /** Saving is waiting for a pause (the URL and the share link lag behind until then). */
  savePending = $state(false);
  /** How many times each cell started running in this page (data-runs on the cell, for tests). */
  runs = $state<Record<string, number>>({});
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private sentinelUp = false;
  private readonly onPageHide = () => this.flushSave(true);
  seed = $state(1);
  banners = $state<Banner[]>([]);
  /** Code cells whose source came from a link and differs from the shipped notebook: not run until accepted. */
  untrusted = $state<Record<string, { shipped: string; proposed: string }>>({});
  /** Own files in use, by input name (fingerprints only; the bytes stay in the worker). */
  files = $state<Record<string, FileFingerprint>>({});
  /** Files a link or an earlier visit used that are not here yet, by input name. */
  missingFiles = $state<Record<string, FileFingerprint>>({});
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
    this.drafts = { ...(saved?.drafts ?? {}) };
    const crash = readSentinel(nb.meta.id);

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
    if (crash) {
      const held = nb.cells.filter((c) => (c.type === 'code' || c.type === 'view' || c.type === 'formula') && edits[c.id] !== undefined && edits[c.id] !== c.source).map((c) => c.id);
      for (const id of held) blocked[id] ??= CRASH_REASON;
      this.crashed = { cells: held };
      try {
        localStorage.removeItem(sentinelKey(nb.meta.id));
      } catch {
        // storage unavailable: nothing to clear
      }
    }
    // Own files never travel: an input that used one falls back to its shipped default until the file is dropped again.
    const wanted: Record<string, FileFingerprint> = { ...(fromLink ? fromLink.files ?? {} : saved?.files ?? {}) };
    for (const [name, f] of Object.entries(wanted)) {
      const spec = nb.cells.find((c) => c.input?.name === name)?.input;
      if (!spec) continue;
      delete inputs[name];
      banners.push({ kind: 'info', message: missingFileMessage(f), detail: `input: ${spec.label}` });
    }
    for (const [name, v] of Object.entries(inputs)) if (typeof v === 'string' && v.startsWith('upload:') && !wanted[name]) delete inputs[name];
    this.missingFiles = wanted;
    this.seed = seed;
    this.inputs = inputs;
    this.edits = edits;
    this.banners = banners;

    this.session = new NotebookSession({
      createWorker: () => {
        const w = new NotebookWorker();
        const like: WorkerLike = {
          postMessage: (m) => w.postMessage(m),
          terminate: () => w.terminate(),
          onmessage: null,
          onerror: null,
        };
        w.onmessage = (e: MessageEvent<WorkerToMain>) => like.onmessage?.(e.data);
        w.onerror = (e) => like.onerror?.(e.message || 'unknown error');
        return like;
      },
      mainFunctions: mainThreadFunctions,
      scheduleFrame: (fn) => requestAnimationFrame(fn),
      onChange: (id, s) => {
        this.cellStates[id] = s;
        if (s.state === 'running' && this.session) this.runs[id] = this.session.runs.get(id) ?? 0;
        this.updateSentinel();
      },
    });
    this.session.load($state.snapshot(nb.cells) as CellDef[], { seed, inputs, edits, blocked });
    this.persist(false);
    addEventListener('pagehide', this.onPageHide);
  }

  dispose(): void {
    this.flushSave(true);
    removeEventListener('pagehide', this.onPageHide);
    this.session.dispose();
  }

  /** The crash sentinel follows the session: up while anything computes, removed once all is settled. */
  private updateSentinel(): void {
    const busy = !this.session?.isIdle();
    if (busy === this.sentinelUp) return;
    this.sentinelUp = busy;
    try {
      if (busy) localStorage.setItem(sentinelKey(this.nb.meta.id), JSON.stringify({ since: Date.now(), cells: Object.keys(this.edits) }));
      else localStorage.removeItem(sentinelKey(this.nb.meta.id));
    } catch {
      // storage unavailable: no crash protection, nothing else breaks
    }
  }

  /** `settled: false` while a slider is being dragged (an expensive chain then waits for the drag to pause). */
  setInput(name: string, value: InputValue, settled = true): void {
    if (!(typeof value === 'string' && value.startsWith('upload:'))) delete this.files[name];
    this.inputs[name] = value;
    this.session.setInput(name, value, { settled });
    this.persist();
  }

  editCell(id: string, source: string): void {
    this.edits[id] = source;
    delete this.drafts[id];
    delete this.untrusted[id];
    this.persist();
    this.flushSave(); // saved before it runs: if this code kills the page, it is not lost
    this.session.editCell(id, source);
  }

  /** Keep what the user typed (autosave) without running it: a draft, restored but not run on reload. */
  saveDraft(id: string, source: string): void {
    if (source === this.sourceOf(this.nb.cells.find((c) => c.id === id)!)) delete this.drafts[id];
    else this.drafts[id] = source;
    this.persist();
  }

  /** Throw away a draft (the editor's Done without Run keeps it; this discards it). */
  discardDraft(id: string): void {
    delete this.drafts[id];
    this.persist();
  }

  /** After a crash: run the held-back edited cells again. */
  runCrashedAgain(): void {
    for (const id of this.crashed?.cells ?? []) this.session.unblock(id);
    this.crashed = null;
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

  /**
   * Use a data file the user dropped: parsed and validated here first (the same reader the worker and the
   * headless runner use), then handed to the worker (never uploaded). `companions` are files dropped with it
   * (a backtest's `.meta.json`).
   */
  async useDataFile(inputName: string, file: File, companions: File[] = []): Promise<{ ok: true; id: string; label: string } | { ok: false; message: string }> {
    const spec = this.nb.cells.find((c) => c.input?.name === inputName)?.input;
    const extra = await Promise.all(companions.map(async (f) => ({ name: f.name, text: await f.text() })));
    // Read and checked in a worker of its own, so a big file never blocks the page.
    const checker = new DataFileWorker();
    const reply = await new Promise<DataFileReply>((resolve) => {
      checker.onmessage = (e: MessageEvent<DataFileReply>) => resolve(e.data);
      checker.onerror = (e) => resolve({ ok: false, message: `${file.name}: the file could not be read (${e.message || 'worker error'})` });
      const req: DataFileRequest = { file, fileName: file.name, accept: spec?.accept ?? 'candles', minRows: spec?.minRows, label: spec?.label ?? inputName, companions: extra };
      checker.postMessage(req);
    });
    checker.terminate();
    if (!reply.ok) return { ok: false, message: reply.message };
    const fp: FileFingerprint = { name: file.name, size: file.size, sha256: reply.sha256 };
    const expected = this.missingFiles[inputName];
    if (expected && expected.sha256 !== reply.sha256) {
      this.banners.push({ kind: 'warning', message: `${file.name} is not the file this experiment was made with (sha256 ${reply.sha256.slice(0, 12)}… instead of ${expected.sha256.slice(0, 12)}…): the numbers will differ.` });
    }
    this.banners = this.banners.filter((b) => !expected || b.message !== missingFileMessage(expected));
    delete this.missingFiles[inputName];
    this.files[inputName] = fp;
    const id = `upload:${file.name}`;
    this.session.addDataset(id, file.name, '', undefined, extra, file);
    this.setInput(inputName, id);
    return { ok: true, id, label: `your file: ${file.name} (${reply.summary}; sha256 ${reply.sha256.slice(0, 12)}…)` };
  }

  cancel(id: string): void {
    this.session.cancel(id);
  }

  rerun(id: string): void {
    if (this.crashed) this.crashed = { cells: this.crashed.cells.filter((c) => c !== id) };
    if (this.crashed && !this.crashed.cells.length) this.crashed = null;
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
    this.drafts = {};
    this.crashed = null;
    this.inputs = {};
    this.untrusted = {};
    this.files = {};
    this.missingFiles = {};
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
    const files: Record<string, FileFingerprint> = { ...$state.snapshot(this.missingFiles), ...$state.snapshot(this.files) };
    for (const k of Object.keys(files)) delete inputs[k]; // the upload id means nothing elsewhere; the fingerprint says what to drop
    return { v: 1, notebook: this.nb.meta.id, seed: this.seed, inputs, edits, ...(Object.keys(files).length ? { files } : {}) };
  }

  /** Distinct configurations run in this browser session (sessionStorage), for the deflated Sharpe ratio. */
  configurationsTried = $state(1);

  private countWhenSent(exp: ExperimentState): void {
    if (this.session.hasPendingInputs()) setTimeout(() => this.countWhenSent(this.experiment()), SAVE_DEBOUNCE_MS);
    else this.countConfiguration(exp);
  }

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

  /** Save soon: storage, link and URL are written once changes pause for SAVE_DEBOUNCE_MS. */
  private persist(save = true): void {
    this.pendingSave ||= save;
    this.savePending = true;
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), SAVE_DEBOUNCE_MS);
  }

  private pendingSave = false;

  /** Write now what persist() scheduled (before copying the link, exporting, or leaving the page). */
  flushSave(leaving = false): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (leaving) {
      // A clean exit is not a crash; and inputs still waiting for a frame are part of the state saved below.
      this.session.flushInputs();
      try {
        localStorage.removeItem(sentinelKey(this.nb.meta.id));
      } catch {
        // storage unavailable
      }
      this.sentinelUp = false;
    }
    if (!this.savePending) return;
    const save = this.pendingSave;
    this.pendingSave = false;
    this.savePending = false;
    this.write(save);
  }

  private write(save: boolean): void {
    const exp = this.experiment();
    // The trials count is an input too: sending it now would also send a slider value that is waiting for the
    // drag to pause. Count once the inputs have gone out.
    this.countWhenSent(exp);
    const isDefault = exp.seed === this.nb.meta.seed && !Object.keys(exp.inputs).length && !Object.keys(exp.edits).length && !exp.files;
    if (save) {
      try {
        const saved: Saved = { seed: this.seed, inputs: $state.snapshot(this.inputs), edits: $state.snapshot(this.edits), drafts: $state.snapshot(this.drafts), files: exp.files ?? {} };
        localStorage.setItem(storageKey(this.nb.meta.id), JSON.stringify(saved));
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
