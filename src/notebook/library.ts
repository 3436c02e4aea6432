/**
 * The names a cell can use without defining them: the engines (loaded on first use), the seeded generator,
 * progress reporting, datasets, and the view builders. Anything else a cell references must be defined by
 * another cell or be a plain JavaScript global.
 */
import { createRng, type Rng } from '../engine/random';
import { PlotRecorder, viewBuilders } from './views';

/** Engines are imported on demand so a notebook only pays for what it uses. */
export const LAZY_MODULES: Record<string, () => Promise<unknown>> = {
  quantum: () => import('../engine/quantum/index'),
  market: () => import('../engine/market/index'),
  ensemble: () => import('../engine/ensemble/index'),
  stats: () => import('../engine/stats/index'),
  timing: () => import('../engine/timing/index'),
  claims: () => import('../engine/claims/index'),
  trades: () => import('../engine/trades/index'),
  roadmap: () => import('../engine/roadmap/index'),
};

export interface CellContext {
  cellId: string;
  seed: number;
  /** Fires when a newer change supersedes this run (the `invalidation` library name resolves then). */
  signal?: AbortSignal;
  progress(fraction: number, message?: string): void;
  loadDataset(id: string): Promise<unknown>;
  /**
   * `alone`: no other experiment runs meanwhile (timing); `cache: false`: compute now instead of reusing a stored result;
   * `optionalInputs`: given only if the notebook declares an input of that name.
   */
  runNotebook(id: string, opts?: { inputs?: Record<string, number | string | boolean>; optionalInputs?: Record<string, number | string | boolean>; seed?: number; alone?: boolean; cache?: boolean }): Promise<unknown>;
  onMainThread(fn: string, ...args: unknown[]): Promise<unknown>;
}

const STATIC_NAMES = ['Plot', 'plot', 'table', 'metrics', 'metric', 'verdict', 'judge', 'judged', 'text', 'md', 'group', 'circuit', 'createRng', 'rng', 'seed', 'progress', 'loadDataset', 'runNotebook', 'onMainThread', 'sleep', 'invalidation'] as const;

export function isLibraryName(name: string): boolean {
  return name in LAZY_MODULES || (STATIC_NAMES as readonly string[]).includes(name);
}

export const LIBRARY_NAMES: readonly string[] = [...Object.keys(LAZY_MODULES), ...STATIC_NAMES];

const moduleCache = new Map<string, Promise<unknown>>();

/** Resolve a library name for one cell run. */
export async function resolveLibrary(name: string, ctx: CellContext): Promise<unknown> {
  if (name in LAZY_MODULES) {
    let p = moduleCache.get(name);
    if (!p) moduleCache.set(name, (p = LAZY_MODULES[name]()));
    return p;
  }
  switch (name) {
    case 'Plot':
      return PlotRecorder;
    case 'plot':
    case 'table':
    case 'metrics':
    case 'metric':
    case 'verdict':
    case 'judge':
    case 'judged':
    case 'text':
    case 'md':
    case 'group':
      return viewBuilders[name];
    case 'circuit':
      // Loaded on first use, like the engines: it simulates (the step view) and writes QASM.
      return (await import('../engine/quantum/diagram/view')).circuitView;
    case 'createRng':
      return createRng;
    case 'rng':
      return cellRng(ctx);
    case 'seed':
      return ctx.seed;
    case 'progress':
      return ctx.progress;
    case 'loadDataset':
      return ctx.loadDataset;
    case 'onMainThread':
      return ctx.onMainThread;
    case 'runNotebook':
      return ctx.runNotebook;
    case 'sleep':
      return (ms: number) => new Promise((r) => setTimeout(r, ms));
    case 'invalidation':
      // Observable's convention: a promise that resolves when this run is superseded (never, headless one-shot).
      return new Promise<void>((r) => {
        if (ctx.signal?.aborted) r();
        else ctx.signal?.addEventListener('abort', () => r(), { once: true });
      });
  }
  return undefined;
}

/** Each cell gets its own stream, derived from the notebook seed and the cell id: reordering cells changes nothing. */
function cellRng(ctx: CellContext): Rng {
  return createRng(ctx.seed).fork(ctx.cellId);
}
