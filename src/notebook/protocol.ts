/**
 * The host's contract: messages between the page (or the headless runner) and the notebook host running in a worker.
 * Lives in notebook/ because the host defines it; workers/ and the page import it (notebook/ never imports workers/).
 */
import type { CellDef, InputValue } from './format';
import type { Inspected } from './inspect';
import type { ViewSpec } from './views';
import type { Judgement } from '../engine/claims/types';

export type MainToWorker =
  | {
      type: 'load';
      cells: CellDef[];
      seed: number;
      inputs: Record<string, InputValue>;
      edits: Record<string, string>;
      /** Cells that must not run yet, with the reason shown to the user. */
      blocked: Record<string, string>;
    }
  /** `seq` numbers the page's changes; the worker echoes the newest it has handled on every status. */
  | { type: 'setInput'; name: string; value: InputValue; seq?: number }
  | { type: 'editCell'; id: string; source: string; seq?: number }
  | { type: 'unblock'; id: string; seq?: number }
  | { type: 'setSeed'; seed: number; seq?: number }
  /** A data file the user dropped on the page: it stays in this browser (page → local worker only). */
  | { type: 'addDataset'; id: string; fileName: string; text: string; bytes?: Uint8Array; blob?: Blob; companions?: { name: string; text: string }[] }
  | { type: 'mainResult'; callId: number; ok: boolean; value?: unknown; error?: string }
  /**
   * Cancel one cell without replacing the worker, where that can stop it: a cell waiting on experiments of the
   * runner pool (the claims ledger) is held back (`reason`) and its pooled runs are cancelled; the worker
   * answers `cancelled`, with `stopped: false` when it cannot stop the cell from here (then the page replaces it).
   */
  | { type: 'cancelCell'; id: string; reason: string };

export interface CellErrorInfo {
  message: string;
  /** Line and column within the cell, when known. */
  line?: number;
  column?: number;
  kind?: string;
  /** The offending line of the text that failed (QASM) with a caret under the column, shown under the message. */
  frame?: string;
}

/**
 * A verdict a notebook states about a roadmap claim: what `judge(claimId, figures)` returned (one headline
 * verdict, its readings nested), collected by the host from the cell's view and values for the claims ledger.
 */
export type NotebookVerdict = Judgement;

export interface CellDisplay {
  values: Record<string, Inspected>;
  figures: Record<string, number | string | boolean>;
  view?: ViewSpec;
  /** Present when the cell judged roadmap claims with judge(): one entry per claim. */
  verdicts?: NotebookVerdict[];
}

/**
 * A function a cell may run on the page's main thread with `onMainThread(name, ...args)` (timer probes).
 * Its arguments come from cell code through postMessage, so they are `unknown` until the function checks them.
 */
export type MainThreadFunction = (...args: unknown[]) => Promise<unknown> | unknown;

export type WorkerToMain =
  | { type: 'ready' }
  | { type: 'status'; id: string; state: 'pending' | 'running'; at: number; seq?: number }
  | { type: 'status'; id: string; state: 'done'; display: CellDisplay; at: number; ms: number; seq?: number }
  | { type: 'status'; id: string; state: 'error'; error: CellErrorInfo; at: number; seq?: number }
  | { type: 'status'; id: string; state: 'blocked'; reason: string; at: number; seq?: number }
  /** Each cell's direct dependencies (cell ids), after load and edits: the page marks stale cells from it. */
  | { type: 'graph'; deps: Record<string, string[]> }
  | { type: 'progress'; id: string; fraction: number; message?: string }
  | { type: 'log'; id: string; level: 'log' | 'warn' | 'error'; text: string }
  | { type: 'mainCall'; callId: number; fn: string; args: unknown[] }
  /** The answer to `cancelCell`: whether the cell was stopped here (else the page replaces the worker). */
  | { type: 'cancelled'; id: string; stopped: boolean };
