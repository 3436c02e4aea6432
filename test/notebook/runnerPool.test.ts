/** The runner pool (parallel experiment runs) and the gate that lets timing experiments run alone. */
import { describe, expect, it } from 'vitest';
import { ExclusiveGate, RunnerPool, poolSizeFor, type MainToRunner, type NotebookRun, type RunnerPort, type RunnerToMain } from '../../src/notebook/runnerPool';

/** A fake runner: records jobs; the test finishes them by hand. */
function fakeRunners() {
  const ports: (RunnerPort & { jobs: Extract<MainToRunner, { type: 'run' }>[]; sent: MainToRunner[]; emit(m: RunnerToMain): void; terminated: boolean })[] = [];
  const start = () => {
    const p = {
      jobs: [] as Extract<MainToRunner, { type: 'run' }>[], sent: [] as MainToRunner[], terminated: false,
      onmessage: null as ((m: RunnerToMain) => void) | null, onerror: null as ((m: string) => void) | null,
      postMessage(m: MainToRunner) { this.sent.push(m); if (m.type === 'run') this.jobs.push(m); },
      terminate() { this.terminated = true; },
      emit(m: RunnerToMain) { this.onmessage?.(m); },
    };
    ports.push(p);
    return p;
  };
  return { ports, start };
}
const run = (id: string): NotebookRun => ({ id, title: id, inputs: {}, seed: 1, verdicts: [], figures: { x: 1 }, errors: [], ms: 1 });
const req = (id: string) => ({ id, inputs: {}, seed: 1, uploads: [], callerInputs: {} });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RunnerPool', () => {
  it('runs up to `size` jobs at once, queues the rest, reuses idle workers', async () => {
    const { ports, start } = fakeRunners();
    const pool = new RunnerPool(start, 2);
    const done: string[] = [];
    const ps = ['a', 'b', 'c'].map((id) => pool.run(req(id)).then((r) => done.push(r.id)));
    expect(ports.length).toBe(2);
    expect(pool.active).toBe(2);
    expect(ports.map((p) => p.jobs.map((j) => j.id))).toEqual([['a'], ['b']]);
    ports[1].emit({ type: 'result', job: ports[1].jobs[0].job, run: run('b') });
    await tick();
    expect(done).toEqual(['b']);
    // c goes to the worker that became free: no third worker
    expect(ports.length).toBe(2);
    expect(ports[1].jobs.map((j) => j.id)).toEqual(['b', 'c']);
    ports[0].emit({ type: 'result', job: ports[0].jobs[0].job, run: run('a') });
    ports[1].emit({ type: 'result', job: ports[1].jobs[1].job, run: run('c') });
    await Promise.all(ps);
    expect(done).toEqual(['b', 'a', 'c']);
    expect(pool.active).toBe(0);
  });

  it('cancels one job without touching the others: a running one stops with its worker (replaced for the queue), a queued one leaves the queue', async () => {
    const { ports, start } = fakeRunners();
    const pool = new RunnerPool(start, 2);
    const a = new AbortController(), c = new AbortController();
    const outcome: string[] = [];
    const settle = (p: Promise<NotebookRun>, id: string) => p.then((r) => outcome.push(`${r.id} done`), (e: Error) => outcome.push(`${id} ${e.name}: ${e.message}`));
    const ps = [settle(pool.run(req('a'), {}, a.signal), 'a'), settle(pool.run(req('b')), 'b'), settle(pool.run(req('c'), {}, c.signal), 'c'), settle(pool.run(req('d')), 'd')];
    expect(ports.map((p) => p.jobs.map((j) => j.id))).toEqual([['a'], ['b']]);
    // c is queued: cancelling it removes it; nothing is terminated.
    c.abort();
    await tick();
    expect(outcome).toEqual(["c AbortError: the experiment 'c' was cancelled"]);
    expect(ports.some((p) => p.terminated)).toBe(false);
    // a is running: its worker is terminated and a fresh one takes d (the next in the queue); b runs on.
    a.abort();
    await tick();
    expect(ports[0].terminated).toBe(true);
    expect(ports[1].terminated).toBe(false);
    expect(ports.length).toBe(3);
    expect(ports[2].jobs.map((j) => j.id)).toEqual(['d']);
    // A late message from the cancelled job is ignored.
    ports[0].emit({ type: 'result', job: ports[0].jobs[0].job, run: run('a') });
    ports[1].emit({ type: 'result', job: ports[1].jobs[0].job, run: run('b') });
    ports[2].emit({ type: 'result', job: ports[2].jobs[0].job, run: run('d') });
    await Promise.all(ps);
    expect(outcome).toEqual(["c AbortError: the experiment 'c' was cancelled", "a AbortError: the experiment 'a' was cancelled", 'b done', 'd done']);
    expect(pool.active).toBe(0);
    // Already aborted: rejected at once; aborting a finished job changes nothing.
    await expect(pool.run(req('e'), {}, AbortSignal.abort())).rejects.toThrow("the experiment 'e' was cancelled");
    const f = new AbortController();
    const pf = pool.run(req('f'), {}, f.signal);
    const fp = ports.find((p) => p.jobs.some((j) => j.id === 'f'))!;
    fp.emit({ type: 'result', job: fp.jobs.at(-1)!.job, run: run('f') });
    expect((await pf).id).toBe('f');
    f.abort();
    expect(fp.terminated).toBe(false);
  });

  it('forwards progress and main-thread calls of a job, and answers the call', async () => {
    const { ports, start } = fakeRunners();
    const pool = new RunnerPool(start, 1);
    const progress: string[] = [];
    const p = pool.run(req('t'), { progress: (f, m) => progress.push(`${f} ${m}`), onMainThread: (fn, ...args) => Promise.resolve(`${fn}(${args.join(',')})`) });
    const job = ports[0].jobs[0].job;
    ports[0].emit({ type: 'progress', job, fraction: 0.5, message: 'half' });
    ports[0].emit({ type: 'mainCall', job, callId: 7, fn: 'probe', args: [1, 2] });
    await tick();
    expect(progress).toEqual(['0.5 half']);
    expect(ports[0].sent.at(-1)).toEqual({ type: 'mainResult', job, callId: 7, ok: true, value: 'probe(1,2)' });
    // A caller whose progress throws (superseded) does not break the pool.
    const q = pool.run(req('u'), { progress: () => { throw new Error('superseded'); } });
    expect(() => ports[0].emit({ type: 'progress', job, fraction: 0.6 })).not.toThrow();
    ports[0].emit({ type: 'failed', job, message: 'boom' });
    await expect(p).rejects.toThrow('boom');
    const job2 = ports[0].jobs[1].job;
    expect(() => ports[0].emit({ type: 'progress', job: job2, fraction: 0.1 })).not.toThrow();
    ports[0].emit({ type: 'result', job: job2, run: run('u') });
    expect((await q).id).toBe('u');
  });

  it('a crashed runner fails its job only; the next job gets a fresh worker', async () => {
    const { ports, start } = fakeRunners();
    const pool = new RunnerPool(start, 1);
    const a = pool.run(req('a'));
    const b = pool.run(req('b'));
    ports[0].onerror?.('out of memory');
    await expect(a).rejects.toThrow('crashed: out of memory');
    expect(ports[0].terminated).toBe(true);
    expect(ports.length).toBe(2);
    ports[1].emit({ type: 'result', job: ports[1].jobs[0].job, run: run('b') });
    expect((await b).id).toBe('b');
  });

  it('dispose stops the workers and rejects pending jobs', async () => {
    const { ports, start } = fakeRunners();
    const pool = new RunnerPool(start, 1);
    const a = pool.run(req('a')), b = pool.run(req('b'));
    pool.dispose();
    await expect(a).rejects.toThrow('stopped');
    await expect(b).rejects.toThrow('stopped');
    expect(ports[0].terminated).toBe(true);
  });

  it('pool size follows the cores, at least 1', () => {
    expect(poolSizeFor(2)).toBe(2);
    expect(poolSizeFor(64)).toBe(8);
    expect(poolSizeFor(0)).toBe(2);
    expect(poolSizeFor(undefined)).toBe(2);
    expect(poolSizeFor(1)).toBe(1);
  });
});

describe('ExclusiveGate', () => {
  it('ordinary runs share; a run that must be alone waits for them and holds back later ones', async () => {
    const gate = new ExclusiveGate();
    const log: string[] = [];
    const r1 = await gate.acquire(false);
    const r2 = await gate.acquire(false);
    expect(gate.holders).toBe(2);
    const alone = gate.acquire(true).then((rel) => { log.push('alone'); return rel; });
    const later = gate.acquire(false).then((rel) => { log.push('later'); return rel; });
    await tick();
    expect(log).toEqual([]); // the timing run waits for both, the later one waits behind it
    r1();
    await tick();
    expect(log).toEqual([]);
    r2();
    const relAlone = await alone;
    await tick();
    expect(log).toEqual(['alone']);
    expect(gate.holders).toBe(1);
    relAlone();
    relAlone(); // releasing twice is harmless
    (await later)();
    expect(log).toEqual(['alone', 'later']);
    expect(gate.holders).toBe(0);
  });
});
