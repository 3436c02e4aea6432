/**
 * A pool of runner workers, sized to the machine's cores, that run experiment notebooks in parallel (the
 * claims ledger's `runNotebook` calls), plus the gate that lets timing experiments run alone.
 *
 * Each runner is a worker that runs one whole notebook per job (its own host, fresh per job) and answers
 * with the run's verdicts and figures; workers are started on demand and reused (warm JIT, loaded modules).
 * A job's main-thread probes (onMainThread) and progress are forwarded to the caller. No DOM, no Node API:
 * the environment supplies how to start a runner (a Web Worker in the page, a worker thread headless).
 */
import type { InputValue } from './format';
import type { NotebookRun } from './nestedNotebook';

export type { NotebookRun };

export interface UploadMessage { id: string; fileName: string; text: string; bytes?: Uint8Array; blob?: Blob; companions?: { name: string; text: string }[] }

export type MainToRunner =
  | { type: 'run'; job: number; id: string; inputs: Record<string, InputValue>; seed?: number; uploads: UploadMessage[]; callerInputs: Record<string, InputValue> }
  | { type: 'mainResult'; job: number; callId: number; ok: boolean; value?: unknown; error?: string };

export type RunnerToMain =
  | { type: 'progress'; job: number; fraction: number; message?: string }
  | { type: 'mainCall'; job: number; callId: number; fn: string; args: unknown[] }
  | { type: 'result'; job: number; run: NotebookRun }
  | { type: 'failed'; job: number; message: string };

export interface RunnerPort {
  postMessage(m: MainToRunner): void;
  onmessage: ((m: RunnerToMain) => void) | null;
  onerror?: ((message: string) => void) | null;
  terminate(): void;
}

export interface RunHooks {
  progress?(fraction: number, message?: string): void;
  onMainThread?(fn: string, ...args: unknown[]): Promise<unknown>;
}

/** One experiment: the notebook, its inputs and seed (default: its own), the caller's own files and inputs. */
export interface RunRequest { id: string; inputs: Record<string, InputValue>; seed?: number; uploads: UploadMessage[]; callerInputs: Record<string, InputValue> }

interface Job { n: number; req: RunRequest; hooks: RunHooks; resolve(r: NotebookRun): void; reject(e: Error): void }
interface Runner { port: RunnerPort; job: Job | null }

function cancelled(id: string): Error {
  const e = new Error(`the experiment '${id}' was cancelled`);
  e.name = 'AbortError';
  return e;
}

/** Pool size: the machine's cores (at least 1, at most `max`). */
export function poolSizeFor(cores: number | undefined, max = 8): number {
  const c = Math.floor(Number(cores));
  return Math.max(1, Math.min(max, Number.isFinite(c) && c > 0 ? c : 2));
}

export class RunnerPool {
  private runners: Runner[] = [];
  private queue: Job[] = [];
  private nextJob = 1;
  private disposed = false;

  constructor(private readonly start: () => RunnerPort, readonly size: number) {
    if (!(size >= 1)) throw new RangeError(`invalid pool size: ${size} (expected ≥ 1)`);
  }

  /** Jobs running now. */
  get active(): number {
    return this.runners.filter((r) => r.job).length;
  }

  /** Workers started so far (diagnostics). */
  get started(): number {
    return this.runners.length;
  }

  /**
   * Run one experiment. `signal` cancels this job alone: a queued job leaves the queue; a running one stops
   * with its worker (terminated: the only way to stop a computation in a worker), which is replaced for the
   * jobs after it. The other jobs run on. The promise then rejects with an AbortError.
   */
  run(req: RunRequest, hooks: RunHooks = {}, signal?: AbortSignal): Promise<NotebookRun> {
    if (this.disposed) return Promise.reject(new Error('the runner pool was stopped'));
    if (signal?.aborted) return Promise.reject(cancelled(req.id));
    return new Promise((resolve, reject) => {
      const job: Job = { n: this.nextJob++, req, hooks, resolve, reject };
      this.queue.push(job);
      signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.dispatch();
    });
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else {
      const runner = this.runners.find((r) => r.job === job);
      if (!runner) return; // already finished
      runner.port.terminate();
      this.runners = this.runners.filter((r) => r !== runner);
    }
    job.reject(cancelled(job.req.id));
    this.dispatch();
  }

  dispose(): void {
    this.disposed = true;
    for (const r of this.runners) r.port.terminate();
    for (const j of [...this.queue, ...this.runners.flatMap((r) => (r.job ? [r.job] : []))]) j.reject(new Error('the runner pool was stopped'));
    this.runners = [];
    this.queue = [];
  }

  private dispatch(): void {
    while (this.queue.length) {
      let r = this.runners.find((x) => !x.job);
      if (!r && this.runners.length < this.size) r = this.spawn();
      if (!r) return;
      const job = this.queue.shift()!;
      r.job = job;
      r.port.postMessage({ type: 'run', job: job.n, ...job.req });
    }
  }

  private spawn(): Runner {
    const runner: Runner = { port: this.start(), job: null };
    this.runners.push(runner);
    runner.port.onmessage = (m) => this.receive(runner, m);
    runner.port.onerror = (message) => {
      // A crashed runner is replaced; its job fails with the reason (the other jobs are unaffected).
      const job = runner.job;
      runner.port.terminate();
      this.runners = this.runners.filter((x) => x !== runner);
      job?.reject(new Error(`the experiment runner crashed: ${message}`));
      this.dispatch();
    };
    return runner;
  }

  private receive(runner: Runner, m: RunnerToMain): void {
    const job = runner.job;
    if (!job || m.job !== job.n) return;
    switch (m.type) {
      case 'progress':
        // The caller may have been superseded (its progress throws): the job finishes, its result is dropped there.
        try {
          job.hooks.progress?.(m.fraction, m.message);
        } catch {
          /* superseded caller */
        }
        break;
      case 'mainCall': {
        const call = job.hooks.onMainThread?.(m.fn, ...m.args) ?? Promise.reject(new Error(`no main-thread function '${m.fn}' here`));
        call.then(
          (value) => runner.port.postMessage({ type: 'mainResult', job: m.job, callId: m.callId, ok: true, value }),
          (e: Error) => runner.port.postMessage({ type: 'mainResult', job: m.job, callId: m.callId, ok: false, error: e.message }),
        );
        break;
      }
      case 'result':
      case 'failed':
        runner.job = null;
        if (m.type === 'result') job.resolve(m.run);
        else job.reject(new Error(m.message));
        this.dispatch();
        break;
    }
  }
}

/**
 * Shared/exclusive gate: ordinary runs share it (any number at once), a run that must be alone (a timing
 * experiment) waits until every running one has finished and holds back the ones asked for after it.
 * First come, first served.
 */
export class ExclusiveGate {
  private shared = 0;
  private exclusive = false;
  private waiting: { alone: boolean; go: () => void }[] = [];

  acquire(alone: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push({ alone, go: () => resolve(this.releaser(alone)) });
      this.pump();
    });
  }

  /** Runs holding the gate now (an exclusive holder counts 1). */
  get holders(): number {
    return this.exclusive ? 1 : this.shared;
  }

  private releaser(alone: boolean): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (alone) this.exclusive = false;
      else this.shared--;
      this.pump();
    };
  }

  private pump(): void {
    while (this.waiting.length && !this.exclusive) {
      const next = this.waiting[0];
      if (next.alone) {
        if (this.shared > 0) return;
        this.exclusive = true;
      } else this.shared++;
      this.waiting.shift();
      next.go();
    }
  }
}
