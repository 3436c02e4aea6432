import { describe, it, expect } from 'vitest';
import { NotebookSession, CANCELLED_REASON, COOPERATIVE_CANCEL_MS, type WorkerLike } from '../../src/workers/session';
import type { MainToWorker, WorkerToMain } from '../../src/notebook/protocol';
import { parseNotebook } from '../../src/notebook/format';

const nb = parseNotebook('```js id=fast\nconst a = 1;\n```\n```js id=loop timeout=500\nwhile (true) {}\n```\n');

/** A fake worker: records messages; the test plays the worker's replies. */
class FakeWorker implements WorkerLike {
  received: MainToWorker[] = [];
  terminated = false;
  onmessage: ((m: WorkerToMain) => void) | null = null;
  postMessage(m: MainToWorker) {
    this.received.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  emit(m: WorkerToMain) {
    this.onmessage?.(m);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const timers: { fn: () => void; ms: number; live: boolean }[] = [];
  const session = new NotebookSession({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => ((t as { live: boolean }).live = false),
    now: () => 0,
  });
  session.load(nb.cells, { seed: 1, inputs: {}, edits: {} });
  const fire = () => timers.filter((t) => t.live).forEach((t) => ((t.live = false), t.fn()));
  return { session, workers, timers, fire };
}

const done = { values: {}, figures: {} };

describe('NotebookSession', () => {
  it('loads every cell into a fresh worker, all pending', () => {
    const { session, workers } = setup();
    expect(workers).toHaveLength(1);
    expect(workers[0].received[0]).toMatchObject({ type: 'load', seed: 1, blocked: {} });
    expect([...session.states.values()].every((s) => s.state === 'pending')).toBe(true);
  });

  it('a cell running past its timeout without progress is stopped: worker replaced, cell held back, others recomputed', () => {
    const { session, workers, timers, fire } = setup();
    workers[0].emit({ type: 'status', id: 'fast', state: 'running', at: 0 });
    workers[0].emit({ type: 'status', id: 'fast', state: 'done', display: done, at: 1, ms: 1 });
    workers[0].emit({ type: 'status', id: 'loop', state: 'running', at: 1 });
    expect(timers.filter((t) => t.live).map((t) => t.ms)).toEqual([500]); // the cell's own timeout=500
    fire();
    // The busy worker is asked first; it cannot answer, so it is replaced once the wait is over.
    expect(workers[0].received.at(-1)).toMatchObject({ type: 'cancelCell', id: 'loop' });
    expect(workers[0].terminated).toBe(false);
    expect(timers.filter((t) => t.live).map((t) => t.ms)).toEqual([COOPERATIVE_CANCEL_MS]);
    fire();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const load = workers[1].received[0] as Extract<MainToWorker, { type: 'load' }>;
    expect(load.blocked.loop).toMatch(/Stopped after 500 ms without finishing or reporting progress \(timeout 500 ms\)/);
    expect(session.states.get('fast')?.state).toBe('pending');
  });

  it('progress re-arms the watchdog, so long cells that report progress keep running', () => {
    const { workers, timers } = setup();
    workers[0].emit({ type: 'status', id: 'loop', state: 'running', at: 0 });
    workers[0].emit({ type: 'progress', id: 'loop', fraction: 0.5 });
    expect(timers.filter((t) => t.live)).toHaveLength(1);
    expect(timers).toHaveLength(2);
  });

  it('Cancel replaces a worker that does not answer (a busy loop) and holds the cell back until Run again', () => {
    const { session, workers, fire } = setup();
    workers[0].emit({ type: 'status', id: 'loop', state: 'running', at: 0 });
    session.cancel('loop');
    expect(workers[0].received.at(-1)).toEqual({ type: 'cancelCell', id: 'loop', reason: CANCELLED_REASON });
    fire();
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].received[0]).toMatchObject({ type: 'load', blocked: { loop: CANCELLED_REASON } });
    session.unblock('loop');
    expect(workers[1].received.at(-1)).toMatchObject({ type: 'unblock', id: 'loop' });
  });

  it('Cancel that the worker can honour stops that cell alone: no new worker, the other cells keep their results', () => {
    const { session, workers, timers } = setup();
    workers[0].emit({ type: 'status', id: 'fast', state: 'done', display: done, at: 0, ms: 1 });
    workers[0].emit({ type: 'status', id: 'loop', state: 'running', at: 0 });
    session.cancel('loop');
    workers[0].emit({ type: 'cancelled', id: 'loop', stopped: true });
    workers[0].emit({ type: 'status', id: 'loop', state: 'blocked', reason: CANCELLED_REASON, at: 1 });
    expect(timers.filter((t) => t.live)).toEqual([]); // the fallback and the cell's watchdog are off
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(session.states.get('fast')?.state).toBe('done');
    expect(session.states.get('loop')).toEqual({ state: 'blocked', reason: CANCELLED_REASON });
    // Run again: the worker unblocks it.
    session.unblock('loop');
    expect(workers[0].received.at(-1)).toMatchObject({ type: 'unblock', id: 'loop' });
  });

  it('Cancel that the worker cannot honour replaces it at once', () => {
    const { session, workers, timers } = setup();
    workers[0].emit({ type: 'status', id: 'loop', state: 'running', at: 0 });
    session.cancel('loop');
    workers[0].emit({ type: 'cancelled', id: 'loop', stopped: false });
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].received[0]).toMatchObject({ type: 'load', blocked: { loop: CANCELLED_REASON } });
    expect(timers.filter((t) => t.live)).toEqual([]);
  });

  it('messages from a replaced worker are ignored', () => {
    const { session, workers, fire } = setup();
    session.cancel('loop');
    fire();
    workers[0].emit({ type: 'status', id: 'fast', state: 'done', display: done, at: 0, ms: 0 });
    expect(session.states.get('fast')?.state).toBe('pending');
  });

  it('main-thread calls are answered, and unknown ones refused with the list of known names', async () => {
    const workers: FakeWorker[] = [];
    const session = new NotebookSession({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), mainFunctions: { twice: (x) => Number(x) * 2 } });
    session.load(nb.cells, { seed: 1, inputs: {}, edits: {} });
    workers[0].emit({ type: 'mainCall', callId: 1, fn: 'twice', args: [21] });
    workers[0].emit({ type: 'mainCall', callId: 2, fn: 'nope', args: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(workers[0].received).toContainEqual({ type: 'mainResult', callId: 1, ok: true, value: 42 });
    expect(workers[0].received).toContainEqual({ type: 'mainResult', callId: 2, ok: false, error: "no main-thread function 'nope' (available: twice)" });
    session.dispose();
  });

  it('whenIdle resolves once every cell has settled', async () => {
    const { session, workers } = setup();
    let idle = false;
    void session.whenIdle().then(() => (idle = true));
    workers[0].emit({ type: 'status', id: 'fast', state: 'done', display: done, at: 0, ms: 0 });
    await Promise.resolve();
    expect(idle).toBe(false);
    workers[0].emit({ type: 'status', id: 'loop', state: 'error', error: { message: 'x' }, at: 0 });
    await Promise.resolve();
    expect(idle).toBe(true);
  });

  describe('latest wins', () => {
    const chainNb = parseNotebook('```input\nname: k\ntype: slider\nmin: 0\nmax: 10\nvalue: 0\n```\n```js id=slow\nconst y = k * 2;\n```\n```js id=view\nconst z = y + 1;\n```\n```js id=other\nconst o = 1;\n```\n');
    const ids = chainNb.cells.map((c) => c.id);
    function chain(lastMs: number) {
      const workers: FakeWorker[] = [];
      const timers: { fn: () => void; ms: number; live: boolean }[] = [];
      let clock = 0;
      const session = new NotebookSession({
        createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!),
        setTimer: (fn, ms) => (timers.push({ fn, ms, live: true }), timers.at(-1)),
        clearTimer: (t) => ((t as { live: boolean }).live = false),
        now: () => clock,
      });
      session.load(chainNb.cells, { seed: 1, inputs: {}, edits: {} });
      const w = workers[0];
      w.emit({ type: 'graph', deps: { [ids[0]]: [], slow: [ids[0]], view: ['slow'], other: [] } });
      for (const id of ids) w.emit({ type: 'status', id, state: 'done', display: done, at: 0, ms: id === 'slow' ? lastMs : 1, seq: 0 });
      const fire = () => timers.filter((t) => t.live).forEach((t) => ((t.live = false), t.fn()));
      const sent = () => w.received.filter((m) => m.type === 'setInput');
      return { session, w, workers, timers, fire, sent, tick: (ms: number) => (clock += ms) };
    }

    it('a cheap chain follows a drag live, one message per frame with the newest value', () => {
      const { session, fire, sent } = chain(5);
      for (let v = 1; v <= 5; v++) session.setInput('k', v, { settled: false });
      expect(sent()).toHaveLength(0);
      fire();
      expect(sent()).toEqual([{ type: 'setInput', name: 'k', value: 5, seq: 1 }]);
    });

    it('an expensive chain waits until the drag settles, then sends only the last value', () => {
      const { session, timers, fire, sent } = chain(2000);
      for (let v = 1; v <= 5; v++) session.setInput('k', v, { settled: false });
      expect(timers.filter((t) => t.live).map((t) => t.ms)).toEqual([300]);
      fire();
      expect(sent()).toEqual([{ type: 'setInput', name: 'k', value: 5, seq: 1 }]);
      session.setInput('k', 6); // the release (change event) sends at the next frame
      fire();
      expect(sent().map((m) => (m as { value: number }).value)).toEqual([5, 6]);
    });

    it('outputs downstream of a change are marked stale at once and a result computed before it stays stale', () => {
      const { session, w, fire } = chain(5);
      session.setInput('k', 3);
      expect(session.states.get('view')).toMatchObject({ state: 'done', stale: true });
      expect(session.states.get('other')).toEqual({ state: 'done', display: done, ms: 1 });
      expect(session.isIdle()).toBe(false);
      // The worker finishes an older run before it sees the change: still stale.
      w.emit({ type: 'status', id: 'view', state: 'done', display: done, at: 1, ms: 1, seq: 0 });
      expect(session.states.get('view')).toMatchObject({ stale: true });
      fire();
      w.emit({ type: 'status', id: 'view', state: 'running', at: 2, seq: 1 });
      expect(session.states.get('view')).toMatchObject({ state: 'running', previous: done }); // old output kept on screen
      for (const id of [ids[0], 'slow', 'view']) w.emit({ type: 'status', id, state: 'done', display: done, at: 3, ms: 1, seq: 1 });
      expect(session.states.get('view')).toEqual({ state: 'done', display: done, ms: 1 });
      expect(session.isIdle()).toBe(true);
    });

    it('a long run superseded by a change is stopped (worker restarted) when finishing it costs more than recomputing the rest', () => {
      const { session, w, workers, fire, tick } = chain(5000);
      session.setInput('k', 1);
      fire();
      w.emit({ type: 'status', id: 'slow', state: 'running', at: 0, seq: 1 });
      tick(100);
      session.setInput('k', 2);
      fire();
      expect(workers).toHaveLength(2);
      expect(workers[1].received[0]).toMatchObject({ type: 'load', inputs: { k: 2 } });
      expect(w.terminated).toBe(true);
    });
  });
});
