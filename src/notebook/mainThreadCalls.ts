/**
 * Main-thread calls: a cell's `onMainThread(fn, ...args)` (a clock probe that needs the page, say) posts a
 * numbered `mainCall` and waits for the page's `mainResult` with the same number.
 */
import type { MainToWorker, WorkerToMain } from './protocol';

type MainResult = Extract<MainToWorker, { type: 'mainResult' }>;

export class MainThreadCalls {
  private nextCallId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: (msg: WorkerToMain) => void) {}

  call(fn: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const callId = this.nextCallId++;
      this.pending.set(callId, { resolve, reject });
      this.post({ type: 'mainCall', callId, fn, args });
    });
  }

  /** Settle the call the page answered (an unknown or already settled id is ignored). */
  settle(msg: MainResult): void {
    const p = this.pending.get(msg.callId);
    if (!p) return;
    this.pending.delete(msg.callId);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new Error(msg.error ?? 'main-thread call failed'));
  }
}
