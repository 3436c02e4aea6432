/**
 * The body of a runner worker (the ledger's pool): runs one whole notebook per job with a fresh host and
 * answers with its verdicts and figures; progress and main-thread calls go to the pool. Wired to a Web
 * Worker (src/workers/runner.worker.ts) or a Node worker thread (scripts/nodeWorker.ts, role 'runner').
 */
import { runNestedNotebook, type NestedHost } from './nestedNotebook';
import type { WorkerToMain } from './protocol';
import type { MainToRunner, RunnerToMain } from './runnerPool';

export interface RunnerWorkerEnv {
  notebookSource(id: string): Promise<string>;
  now(): number;
  createHost(post: (msg: WorkerToMain) => void): NestedHost;
}

export function serveRunner(env: RunnerWorkerEnv, port: { postMessage(m: RunnerToMain): void; onMessage(cb: (m: MainToRunner) => void): void }): void {
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextCall = 1;
  port.onMessage((m) => {
    if (m.type === 'mainResult') {
      const c = calls.get(m.callId);
      calls.delete(m.callId);
      if (m.ok) c?.resolve(m.value);
      else c?.reject(new Error(m.error ?? 'main-thread call failed'));
      return;
    }
    const { job } = m;
    const uploads = new Map(m.uploads.map(({ id, ...u }) => [id, u]));
    runNestedNotebook(m.id, { inputs: m.inputs, seed: m.seed }, {
      notebookSource: (id) => env.notebookSource(id),
      now: () => env.now(),
      callerInputs: m.callerInputs,
      uploads: () => uploads.entries(),
      outer: {
        progress: (fraction, message) => port.postMessage({ type: 'progress', job, fraction, message }),
        onMainThread: (fn, ...args) => new Promise((resolve, reject) => {
          const callId = nextCall++;
          calls.set(callId, { resolve, reject });
          port.postMessage({ type: 'mainCall', job, callId, fn, args });
        }),
      },
      createHost: (post) => env.createHost(post),
    }).then(
      (run) => port.postMessage({ type: 'result', job, run }),
      (e: Error) => port.postMessage({ type: 'failed', job, message: e?.message ?? String(e) }),
    );
  });
}
