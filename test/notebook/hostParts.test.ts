/** The host's parts, each on its own (host.test.ts drives them together through NotebookHost). */
import { describe, it, expect } from 'vitest';
import { DatasetStore } from '../../src/notebook/datasets';
import { MainThreadCalls } from '../../src/notebook/mainThreadCalls';
import { errorInfo, judgedVerdicts, toDisplay } from '../../src/notebook/cellDisplay';
import { CellRunError, VIEW_KEY, compileCell, type CompileEnv } from '../../src/notebook/compileCell';
import { parseNotebook } from '../../src/notebook/format';
import { createFormulaEngine, FormulaError } from '../../src/notebook/formula';
import { RuntimeError } from '../../src/notebook/runtime';
import { viewBuilders } from '../../src/notebook/views';
import type { CellContext } from '../../src/notebook/library';
import type { Ohlcv } from '../../src/engine/market/index';
import type { WorkerToMain } from '../../src/notebook/protocol';

const CSV = 'timestamp,open,high,low,close,volume\n1313625600000,10,11,9,10.5,1\n1313712000000,10.5,12,10,11.5,2\n1313798400000,11.5,12,11,11,3\n';
const MANIFEST = JSON.stringify({ datasets: [{ id: 'tiny', file: 'tiny.csv' }], runs: [] });

function store(files: Record<string, string>) {
  const reads: string[] = [];
  const s = new DatasetStore(
    async (path) => {
      reads.push(path);
      if (!(path in files)) throw new Error(`404 ${path}`);
      return files[path];
    },
    () => import('../../src/engine/market/index'),
  );
  return { s, reads };
}

describe('DatasetStore', () => {
  it('loads a shipped dataset by id once, as its candle series', async () => {
    const { s, reads } = store({ 'data/index.json': MANIFEST, 'data/tiny.csv': CSV });
    const a = (await s.load('tiny')) as Ohlcv;
    expect(Array.from(a.close)).toEqual([10.5, 11.5, 11]);
    expect(await s.load('tiny')).toBe(a);
    expect(reads).toEqual(['data/index.json', 'data/tiny.csv']);
  });

  it('an unknown id names the ones available', async () => {
    const { s } = store({ 'data/index.json': MANIFEST });
    await expect(s.load('nope')).rejects.toThrow("unknown dataset 'nope' (available: tiny)");
  });

  it('a failed load is forgotten, so the next call retries', async () => {
    const files: Record<string, string> = { 'data/index.json': MANIFEST };
    const { s } = store(files);
    await expect(s.load('tiny')).rejects.toThrow('404 data/tiny.csv');
    files['data/tiny.csv'] = CSV;
    expect(((await s.load('tiny')) as Ohlcv).close.length).toBe(3);
  });

  it('a dropped file is read from the upload; replacing it re-parses; a missing one says to drop it again', async () => {
    const { s, reads } = store({});
    await expect(s.load('upload:mine')).rejects.toThrow(/Drop the file again/);
    s.addUpload('upload:mine', { fileName: 'mine.csv', text: CSV });
    expect(((await s.load('upload:mine')) as Ohlcv).close.length).toBe(3);
    s.addUpload('upload:mine', { fileName: 'mine.csv', text: CSV.split('\n').slice(0, 3).join('\n') });
    expect(((await s.load('upload:mine')) as Ohlcv).close.length).toBe(2);
    expect([...s.uploads()].map(([id]) => id)).toEqual(['upload:mine']);
    expect(reads).toEqual([]); // uploads never touch the shipped files
  });
});

describe('MainThreadCalls', () => {
  it('numbers calls, settles each with its own answer, and ignores unknown or repeated answers', async () => {
    const posted: WorkerToMain[] = [];
    const calls = new MainThreadCalls((m) => posted.push(m));
    const a = calls.call('twice', [21]);
    const b = calls.call('fail', []);
    expect(posted).toEqual([
      { type: 'mainCall', callId: 1, fn: 'twice', args: [21] },
      { type: 'mainCall', callId: 2, fn: 'fail', args: [] },
    ]);
    calls.settle({ type: 'mainResult', callId: 99, ok: true, value: 'stray' });
    calls.settle({ type: 'mainResult', callId: 2, ok: false });
    calls.settle({ type: 'mainResult', callId: 1, ok: true, value: 42 });
    calls.settle({ type: 'mainResult', callId: 1, ok: true, value: 'again' });
    await expect(a).resolves.toBe(42);
    await expect(b).rejects.toThrow('main-thread call failed');
  });
});

describe('cellDisplay', () => {
  it('a view cell shows its view; a plain value returned by a view goes to the inspector', () => {
    const view = { kind: 'text', text: 'hi' };
    expect(toDisplay({ [VIEW_KEY]: view, n: 2 })).toMatchObject({ view, figures: { n: 2 } });
    const plain = toDisplay({ [VIEW_KEY]: 7 });
    expect(plain.view).toBeUndefined();
    expect(Object.keys(plain.values)).toEqual(['value']);
  });

  it('judged verdicts are found in values, arrays and groups, once per claim', () => {
    const j = viewBuilders.judge('buffer-10ns', { resolutionMs: 0.005 });
    const found = judgedVerdicts([j, [j], { kind: 'group', items: [{ kind: 'text', text: 'x' }, j] }, 3, null]);
    expect(found.map((v) => v.claim)).toEqual(['buffer-10ns']);
    expect(toDisplay({ j }).verdicts).toHaveLength(1);
    expect(toDisplay({ x: 1 }).verdicts).toBeUndefined();
  });

  it('errors keep their kind and position', () => {
    expect(errorInfo(new CellRunError('boom', 3, 4))).toEqual({ message: 'boom', line: 3, column: 4, kind: 'runtime' });
    expect(errorInfo(new FormulaError('bad', 2, 1))).toMatchObject({ message: 'bad', line: 2, column: 1, kind: 'formula' });
    expect(errorInfo(new RuntimeError('loop', 'cycle'))).toEqual({ message: 'loop', kind: 'cycle' });
    expect(errorInfo(new Error(''))).toEqual({ message: 'Error' });
  });
});

describe('compileCell', () => {
  const nb = parseNotebook('```input\nname: n\ntype: number\nvalue: 3\n```\n```js id=c\nconst y = n * 2;\n```\n```js id=bad\nconst z = (;\n```\n```js id=free\nconst w = nowhere + 1;\n```\n```formula\nf = n + 1\n```\n');
  const nope = (): never => {
    throw new Error('no library names in these cells');
  };
  const env = (source: string, inputs = {}): CompileEnv => ({
    source, inputs, formulas: () => createFormulaEngine({ seed: 1 }),
    // These cells use no library names: a context whose every call fails says so if one is reached.
    context: (cellId) => ({ cellId, seed: 1, progress: nope, loadDataset: nope, runNotebook: nope, onMainThread: nope }) satisfies CellContext,
  });
  const cell = (id: string) => nb.cells.find((c) => c.id === id) ?? nb.cells.find((c) => c.type === id)!;
  const signal = new AbortController().signal;

  it('an input cell defines its name with the current value, else the notebook value', async () => {
    const input = cell('input');
    expect(await compileCell(input, env('')).run!({}, signal)).toEqual({ n: 3 });
    expect(await compileCell(input, env('', { n: 5 })).run!({}, signal)).toEqual({ n: 5 });
  });

  it('a code cell defines and references names and runs on its arguments', async () => {
    const spec = compileCell(cell('c'), env(cell('c').source));
    expect([spec.defines, spec.references]).toEqual([['y'], ['n']]);
    expect(await spec.run!({ n: 4 }, signal)).toEqual({ y: 8 });
  });

  it('a formula cell evaluates with the formula engine', async () => {
    const f = cell('formula');
    const spec = compileCell(f, env(f.source));
    expect(spec.defines).toEqual(['f']);
    expect(await spec.run!({ n: 1 }, signal)).toEqual({ f: 2 });
  });

  it('a syntax error becomes a spec carrying the error; an undefined name fails at run time, by name', async () => {
    expect(compileCell(cell('bad'), env(cell('bad').source)).error).toBeInstanceOf(Error);
    const free = compileCell(cell('free'), env(cell('free').source));
    await expect(free.run!({}, signal)).rejects.toThrow("'nowhere' is not defined by any cell, input or library name");
  });
});
