/**
 * How the ledger's runNotebook calls are served: a runner pool (here in-process runners speaking the worker
 * protocol), the result cache (a cached run says so, with when and where it was measured), timing runs alone.
 */
import { describe, expect, it } from 'vitest';
import { NotebookHost } from '../../src/notebook/host';
import { parseNotebook } from '../../src/notebook/format';
import type { WorkerToMain } from '../../src/notebook/protocol';
import { ExperimentRunner } from '../../src/notebook/experimentRunner';
import { memoryRunCache } from '../../src/notebook/runCache';
import { RunnerPool, type MainToRunner, type RunnerPort } from '../../src/notebook/runnerPool';
import { serveRunner } from '../../src/notebook/runnerWorker';

const inner = `---\nid: inner\n---\n\`\`\`input\nname: k\ntype: number\nvalue: 2\n\`\`\`\n\`\`\`js id=v\nconst squared = k * k;\nconst judged = judge('buffer-10ns', { resolutionMs: squared * 1e-7 });\nif (k === 13) throw new Error('unlucky');\n\`\`\`\n\`\`\`view\ngroup(judged)\n\`\`\`\n`;
const notebookSource = async (id: string) => (id === 'inner' ? inner : Promise.reject(new Error(`no shipped notebook '${id}'`)));
const outer = parseNotebook("```input\nname: kk\ntype: number\nvalue: 3\n```\n```input\nname: alone\ntype: checkbox\nvalue: false\n```\n```input\nname: useCache\ntype: checkbox\nvalue: true\n```\n```js id=r\nconst run = await runNotebook('inner', { inputs: { k: kk }, alone, cache: useCache });\nconst sq = run.figures.squared;\nconst cached = run.cached;\nconst where = run.measured.where;\nconst errors = run.errors.length;\n```\n");

/** A runner "worker" in this thread: the real runner body behind the pool's message protocol. */
function inProcessRunner(source: (id: string) => Promise<string> = notebookSource): RunnerPort {
  let deliver: ((m: MainToRunner) => void) | null = null;
  const port: RunnerPort = { postMessage: (m) => queueMicrotask(() => deliver?.(m)), terminate: () => {}, onmessage: null, onerror: null };
  serveRunner(
    { notebookSource: source, now: () => 0, createHost: (post) => new NotebookHost({ fetchText: async () => '', now: () => 0, notebookSource: source, post }) },
    { postMessage: (m) => queueMicrotask(() => port.onmessage?.(m)), onMessage: (cb) => { deliver = cb; } },
  );
  return port;
}

function ledger(store = memoryRunCache()) {
  const pool = new RunnerPool(() => inProcessRunner(), 2);
  const experiments = new ExperimentRunner({ store, salt: 'salt', data: 'data', where: 'test runtime', pool: () => pool });
  const msgs: WorkerToMain[] = [];
  const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0, notebookSource, experiments });
  const figures = () => ([...msgs].reverse().find((m) => m.type === 'status' && m.id === 'r' && m.state === 'done') as Extract<WorkerToMain, { state: 'done' }>).display.figures;
  return { h, pool, store, figures, load: (inputs: Record<string, number | boolean> = {}) => h.handle({ type: 'load', cells: outer.cells, seed: 1, inputs, edits: {}, blocked: {} }) };
}

describe('experiment runner', () => {
  it('runs on the pool, stores the run, and a reopened ledger is served from the cache, marked cached', async () => {
    const a = ledger();
    a.load();
    await a.h.idle();
    expect(a.figures()).toMatchObject({ sq: 9, cached: false, where: 'test runtime, in a pool worker', errors: 0 });
    expect(a.pool.started).toBe(1);
    expect(a.store.size).toBe(1);
    // Reopened (a new host, the same store): cached, same figures, no runner started.
    const b = ledger(a.store);
    b.load();
    await b.h.idle();
    expect(b.figures()).toMatchObject({ sq: 9, cached: true, where: 'test runtime, in a pool worker' });
    expect(b.pool.started).toBe(0);
    // Another input is another key; cache off computes now.
    b.h.handle({ type: 'setInput', name: 'kk', value: 4 });
    await b.h.idle();
    expect(b.figures()).toMatchObject({ sq: 16, cached: false });
    b.h.handle({ type: 'setInput', name: 'useCache', value: false });
    b.h.handle({ type: 'setInput', name: 'kk', value: 3 });
    await b.h.idle();
    expect(b.figures()).toMatchObject({ sq: 9, cached: false });
  });

  it('a run that must be alone runs in this worker, not on the pool; a failed run is not stored', async () => {
    const a = ledger();
    a.load({ alone: true });
    await a.h.idle();
    expect(a.figures()).toMatchObject({ sq: 9, cached: false, where: 'test runtime, alone' });
    expect(a.pool.started).toBe(0);
    a.h.handle({ type: 'setInput', name: 'kk', value: 13 });
    await a.h.idle();
    expect(a.figures()).toMatchObject({ cached: false });
    expect(a.figures().errors).toBeGreaterThan(0); // the cell that threw, and the view waiting on it
    expect(a.store.size).toBe(1);
  });

  it('the gate keeps a timing run alone among parallel runs', async () => {
    const x = new ExperimentRunner({ where: 'w' });
    const order: string[] = [];
    const hold = async (name: string, alone: boolean, ms: number) => {
      const release = await x.gate.acquire(alone);
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`${name}-`);
      release();
    };
    await Promise.all([hold('a', false, 20), hold('t', true, 5), hold('b', false, 5)]);
    // t starts after a ends, b after t ends.
    expect(order).toEqual(['a+', 'a-', 't+', 't-', 'b+', 'b-']);
  });
});

describe('optional inputs (the ledger\'s robustness-sweep switch)', () => {
  const twoNotebooks = async (id: string) => (id === 'inner' ? inner : id === 'plain' ? '---\nid: plain\n---\n```js id=v\nconst one = 1;\n```\n' : Promise.reject(new Error(`no shipped notebook '${id}'`)));
  const caller = parseNotebook("```input\nname: sweep\ntype: number\nvalue: 5\n```\n```js id=r\nconst a = await runNotebook('inner', { optionalInputs: { k: sweep, notDeclared: true } });\nconst b = await runNotebook('plain', { optionalInputs: { k: sweep } });\nconst c = await runNotebook('inner', { inputs: { k: 7 }, optionalInputs: { k: sweep } });\nconst aSq = a.figures.squared, aInputs = JSON.stringify(a.inputs), bInputs = JSON.stringify(b.inputs), bCached = b.cached, cSq = c.figures.squared;\n```\n");
  function host(store = memoryRunCache(), pooled = true) {
    const pool = new RunnerPool(() => inProcessRunner(twoNotebooks), 2);
    const experiments = new ExperimentRunner({ store, salt: 'salt', data: 'data', where: 'w', pool: () => (pooled ? pool : null) });
    const msgs: WorkerToMain[] = [];
    const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0, notebookSource: twoNotebooks, experiments });
    const figures = () => ([...msgs].reverse().find((m) => m.type === 'status' && m.id === 'r' && m.state === 'done') as Extract<WorkerToMain, { state: 'done' }> | undefined)?.display.figures;
    return { h, store, figures };
  }

  it('reach only the notebooks that declare them, explicit inputs win, and a notebook without them keeps its cache key', async () => {
    const a = host();
    a.h.handle({ type: 'load', cells: caller.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await a.h.idle();
    expect(a.figures()).toMatchObject({ aSq: 25, aInputs: '{"k":5}', bInputs: '{}', bCached: false, cSq: 49 });
    // Another value: 'plain' (no such input) is served from the cache, the one that declares it re-runs.
    a.h.handle({ type: 'setInput', name: 'sweep', value: 6 });
    await a.h.idle();
    expect(a.figures()).toMatchObject({ aSq: 36, aInputs: '{"k":6}', bCached: true, cSq: 49 });
  });

  it('work the same without a pool (the run in this worker) and without an experiment runner', async () => {
    const a = host(memoryRunCache(), false);
    a.h.handle({ type: 'load', cells: caller.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await a.h.idle();
    expect(a.figures()).toMatchObject({ aSq: 25, bInputs: '{}', cSq: 49 });
    const msgs: WorkerToMain[] = [];
    const bare = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0, notebookSource: twoNotebooks });
    bare.handle({ type: 'load', cells: caller.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await bare.idle();
    const done = msgs.find((m) => m.type === 'status' && m.id === 'r' && m.state === 'done') as Extract<WorkerToMain, { state: 'done' }>;
    expect(done.display.figures).toMatchObject({ aSq: 25, aInputs: '{"k":5}', bInputs: '{}', cSq: 49 });
  });
});

/** A host whose experiments run on a 2-worker in-process pool ('slow' sleeps 60 ms), recording terminated workers. */
function slowPoolHost() {
  const slow = `---\nid: slow\n---\n\`\`\`input\nname: k\ntype: number\nvalue: 1\n\`\`\`\n\`\`\`js id=v\nawait sleep(60);\nconst twice = 2 * k;\n\`\`\`\n`;
  const source = async (id: string) => (id === 'slow' ? slow : Promise.reject(new Error(`no shipped notebook '${id}'`)));
  const terminated: number[] = [];
  let started = 0;
  const pool = new RunnerPool(() => {
    const n = started++;
    const port = inProcessRunner(source);
    return { ...port, postMessage: (m: MainToRunner) => port.postMessage(m), terminate: () => terminated.push(n), set onmessage(f) { port.onmessage = f; }, get onmessage() { return port.onmessage; } } as RunnerPort;
  }, 2);
  const experiments = new ExperimentRunner({ where: 'w', pool: () => pool });
  const msgs: WorkerToMain[] = [];
  const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0, notebookSource: source, experiments });
  return { pool, terminated, msgs, h };
}

describe('cancelling one experiment', () => {
  it('a superseded caller stops its pooled experiment (its worker terminated); the other experiment runs on', async () => {
    const { pool, terminated, msgs, h } = slowPoolHost();
    const nb = parseNotebook("```input\nname: kk\ntype: number\nvalue: 3\n```\n```js id=r1\nconst a = (await runNotebook('slow', { inputs: { k: kk } })).figures.twice;\n```\n```js id=r2\nconst b = (await runNotebook('slow', { inputs: { k: 100 } })).figures.twice;\n```\n");
    h.handle({ type: 'load', cells: nb.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await new Promise((r) => setTimeout(r, 25)); // both experiments running
    expect(pool.active).toBe(2);
    h.handle({ type: 'setInput', name: 'kk', value: 4 });
    await h.idle();
    const done = (id: string) => ([...msgs].reverse().find((m) => m.type === 'status' && m.id === id && m.state === 'done') as Extract<WorkerToMain, { state: 'done' }>).display.figures;
    expect(done('r1')).toMatchObject({ a: 8 });
    expect(done('r2')).toMatchObject({ b: 200 });
    expect(terminated).toHaveLength(1); // r1's first run's worker; r2's worker untouched (r2 finished on it)
    expect(msgs.some((m) => m.type === 'status' && m.id === 'r2' && m.state === 'error')).toBe(false);
  });

  it('Cancel on a cell waiting for a pooled experiment stops that one alone (held back, worker terminated); a cell running here says it cannot be stopped', async () => {
    const { terminated, msgs, h } = slowPoolHost();
    const nb = parseNotebook("```js id=r1\nconst a = (await runNotebook('slow', { inputs: { k: 3 } })).figures.twice;\n```\n```js id=r2\nconst b = (await runNotebook('slow', { inputs: { k: 100 } })).figures.twice;\n```\n```js id=here\nawait sleep(80);\nconst c = 1;\n```\n");
    h.handle({ type: 'load', cells: nb.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await new Promise((r) => setTimeout(r, 25)); // both experiments on the pool, 'here' sleeping in this thread
    h.handle({ type: 'cancelCell', id: 'r1', reason: 'Cancelled by you.' });
    h.handle({ type: 'cancelCell', id: 'here', reason: 'Cancelled by you.' });
    expect(msgs.filter((m) => m.type === 'cancelled')).toEqual([{ type: 'cancelled', id: 'r1', stopped: true }, { type: 'cancelled', id: 'here', stopped: false }]);
    await h.idle();
    const last = (id: string) => [...msgs].reverse().find((m) => m.type === 'status' && m.id === id && m.state !== 'pending' && m.state !== 'running') as Extract<WorkerToMain, { type: 'status' }>;
    expect(last('r1')).toMatchObject({ state: 'blocked', reason: 'Cancelled by you.' });
    expect(terminated).toHaveLength(1);
    expect(last('r2')).toMatchObject({ state: 'done' });
    expect((last('r2') as Extract<WorkerToMain, { state: 'done' }>).display.figures).toMatchObject({ b: 200 });
    expect(last('here')).toMatchObject({ state: 'done' }); // not stopped here: the page replaces the worker instead
    // Run again: it computes.
    h.handle({ type: 'unblock', id: 'r1' });
    await h.idle();
    expect((last('r1') as Extract<WorkerToMain, { state: 'done' }>).display.figures).toMatchObject({ a: 6 });
  });
});

describe('claims ledger notebook', () => {
  it('has one experiment cell per notebook of the claims registry', async () => {
    const { readFileSync } = await import('node:fs');
    const { ledgerNotebooks } = await import('../../src/engine/claims/registry');
    const src = readFileSync(new URL('../../notebooks/claims-ledger.md', import.meta.url), 'utf8');
    const called = [...src.matchAll(/runExperiment\('([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(called.sort()).toEqual(ledgerNotebooks().map((n) => n.id).sort());
  });

  it('passes its robustness-sweep box to every experiment that declares a robustnessSweep input (a checkbox in each)', async () => {
    const { readFileSync } = await import('node:fs');
    const { ledgerNotebooks } = await import('../../src/engine/claims/registry');
    const src = readFileSync(new URL('../../notebooks/claims-ledger.md', import.meta.url), 'utf8');
    const ledgerInputs = parseNotebook(src, 'claims-ledger').cells.flatMap((c) => (c.input ? [c.input] : []));
    expect(ledgerInputs.find((i) => i.name === 'robustnessSweeps')).toMatchObject({ type: 'checkbox', value: true });
    expect(src).toContain('const sweepInputs = { robustnessSweep: robustnessSweeps };');
    expect(src).toContain('optionalInputs: sweepInputs');
    const swept = ledgerNotebooks().filter((n) => {
      const spec = parseNotebook(readFileSync(new URL(`../../notebooks/${n.id}.md`, import.meta.url), 'utf8'), n.id).cells.find((c) => c.input?.name === 'robustnessSweep')?.input;
      if (spec) expect(spec.type, n.id).toBe('checkbox');
      return !!spec;
    });
    expect(swept.map((n) => n.id)).toEqual(expect.arrayContaining(['aggregators', 'confidence-calibration'])); // today's two; a new one is found the same way
  });
});
