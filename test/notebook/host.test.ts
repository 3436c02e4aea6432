import { describe, it, expect } from 'vitest';
import { NotebookHost, type HostEnv } from '../../src/notebook/host';
import { parseNotebook, type CellDef } from '../../src/notebook/format';
import type { CellDisplay, CellErrorInfo, WorkerToMain } from '../../src/notebook/protocol';

type Status = Extract<WorkerToMain, { type: 'status' }>;
const isDone = (m: WorkerToMain): m is Extract<Status, { state: 'done' }> => m.type === 'status' && m.state === 'done';
const isError = (m: WorkerToMain): m is Extract<Status, { state: 'error' }> => m.type === 'status' && m.state === 'error';
/** The display of a finished cell's status; fails the test if the cell did not finish. */
function displayOf(m: WorkerToMain | undefined): CellDisplay {
  if (!m || !isDone(m)) throw new Error(`expected a finished cell, got ${JSON.stringify(m)}`);
  return m.display;
}
/** The error of a failed cell's status; fails the test if the cell did not fail. */
function errorOf(m: WorkerToMain | undefined): CellErrorInfo {
  if (!m || !isError(m)) throw new Error(`expected a failed cell, got ${JSON.stringify(m)}`);
  return m.error;
}
/** A host with the given cells loaded, recording every message it posts. */
function startHost(cells: CellDef[], { seed = 1, ...env }: Partial<HostEnv> & { seed?: number } = {}) {
  const msgs: WorkerToMain[] = [];
  const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0, ...env });
  h.handle({ type: 'load', cells, seed, inputs: {}, edits: {}, blocked: {} });
  return { h, msgs };
}

const NB = parseNotebook(`
\`\`\`input
name: n
type: number
value: 3
\`\`\`
\`\`\`js id=gen
const xs = Array.from({ length: n }, () => rng.next());
const total = xs.reduce((a, b) => a + b, 0);
\`\`\`
\`\`\`formula
avg = total / n
\`\`\`
\`\`\`view
metric("avg", avg)
\`\`\`
\`\`\`js id=broken
const bad = total.nope.deeper;
\`\`\`
\`\`\`js id=usesBroken
const z = bad + 1;
\`\`\`
\`\`\`ts id=typed
const typedDouble: number = (total as number) * 2;
\`\`\`
`);

function host(seed = 1) {
  const { h, msgs } = startHost(NB.cells, { seed });
  const last = (id: string) => [...msgs].reverse().find((m) => m.type === 'status' && m.id === id) as Extract<WorkerToMain, { type: 'status' }>;
  return { h, msgs, last };
}

describe('NotebookHost', () => {
  it('runs code, formula, input and view cells and reports figures', async () => {
    const { h, last } = host();
    await h.idle();
    const gen = last('gen');
    expect(gen.state).toBe('done');
    const total = gen.state === 'done' ? (gen.display.figures.total as number) : NaN;
    const f = last('cell-3');
    expect(f.state === 'done' && f.display.figures.avg).toBeCloseTo(total / 3, 12);
    const v = last('cell-4');
    expect(v.state === 'done' && v.display.view).toMatchObject({ kind: 'metrics', items: [{ label: "avg" }] });
    const t = last('typed');
    expect(t.state === 'done' && t.display.figures.typedDouble).toBeCloseTo(2 * total, 12);
  });

  it('messages sent while the formula engine loads are applied after the load, in order', async () => {
    // A notebook with a formula cell imports mathjs on load; an input set at once must not be lost or reordered.
    const { h, msgs } = startHost(NB.cells);
    h.handle({ type: 'setInput', name: 'n', value: 5 });
    await h.idle();
    const avg = [...msgs].reverse().find((m) => m.type === 'status' && m.id === 'cell-3');
    const gen = [...msgs].reverse().find((m) => m.type === 'status' && m.id === 'gen');
    const total = displayOf(gen).figures.total as number;
    expect(displayOf(avg).figures.avg).toBeCloseTo(total / 5, 12);
  });

  it('the same seed gives identical figures; another seed different ones', async () => {
    const a = host(7), b = host(7), c = host(8);
    await Promise.all([a.h.idle(), b.h.idle(), c.h.idle()]);
    const fig = (x: ReturnType<typeof host>) => displayOf(x.last('gen')).figures.total;
    expect(fig(a)).toBe(fig(b));
    expect(fig(a)).not.toBe(fig(c));
  });

  it('a throwing cell reports its message with line and column; dependents wait; others are fine', async () => {
    const { h, last } = host();
    await h.idle();
    const broken = last('broken');
    expect(broken.state).toBe('error');
    if (broken.state === 'error') {
      expect(broken.error.message).toMatch(/TypeError: Cannot read properties of undefined \(reading 'deeper'\)/);
      expect(broken.error.line).toBe(1);
      expect(broken.error.column).toBeGreaterThan(1);
    }
    const dep = last('usesBroken');
    expect(dep.state === 'error' && dep.error.message).toMatch(/waiting for cell 'broken'/);
    expect(last('typed').state).toBe('done');
  });

  it('setInput re-runs exactly the dependent cells', async () => {
    const { h, msgs } = host();
    await h.idle();
    msgs.length = 0;
    h.handle({ type: 'setInput', name: 'n', value: 5 });
    await h.idle();
    const ran = new Set(msgs.filter((m) => m.type === 'status' && m.state === 'running').map((m) => (m as Status).id));
    expect([...ran].sort()).toEqual(['broken', 'cell-3', 'cell-4', 'gen', 'n', 'typed', 'usesBroken'].filter((id) => id !== 'usesBroken').sort());
  });

  it('editing a cell to a syntax error reports line and column and heals when fixed', async () => {
    const { h, last } = host();
    await h.idle();
    h.handle({ type: 'editCell', id: 'gen', source: 'const xs = [1, 2;\nconst total = 1;' });
    await h.idle();
    const s = last('gen');
    expect(s.state === 'error' && [s.error.line, s.error.column]).toEqual([1, 17]);
    h.handle({ type: 'editCell', id: 'gen', source: 'const total = 6;' });
    await h.idle();
    expect(displayOf(last('cell-3')).figures.avg).toBe(2);
  });

  it('an unknown name is reported clearly', async () => {
    const { h, last } = host();
    h.handle({ type: 'editCell', id: 'typed', source: 'const q = notDefinedAnywhere + 1;' });
    await h.idle();
    const s = last('typed');
    expect(s.state === 'error' && s.error.message).toBe("'notDefinedAnywhere' is not defined by any cell, input or library name");
  });

  it('blocked cells do not run until unblocked', async () => {
    const msgs: WorkerToMain[] = [];
    const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0 });
    h.handle({ type: 'load', cells: NB.cells, seed: 1, inputs: {}, edits: {}, blocked: { gen: 'review first' } });
    await h.idle();
    expect(msgs.some((m) => m.type === 'status' && m.id === 'gen' && m.state === 'running')).toBe(false);
    h.handle({ type: 'unblock', id: 'gen' });
    await h.idle();
    expect(msgs.some((m) => m.type === 'status' && m.id === 'gen' && m.state === 'done')).toBe(true);
  });
});

describe('NotebookHost views', () => {
  it('a view using Plot settles (the recorder is not mistaken for a promise when awaited)', async () => {
    const nb = parseNotebook("```view\nplot({ marks: [Plot.lineY([1, 2, 3]), Plot.ruleY([0])] })\n```\n");
    const { h, msgs } = startHost(nb.cells);
    await h.idle();
    expect(displayOf(msgs.find(isDone)).view).toEqual({
      kind: 'plot',
      options: { marks: [{ __plot: 'lineY', args: [[1, 2, 3]] }, { __plot: 'ruleY', args: [[0]] }] },
      // The table twin, generated from the plotted data (bare numbers: index and value).
      table: { columns: ['mark', 'index', 'value'], rows: [['lineY', 0, 1], ['lineY', 1, 2], ['lineY', 2, 3], ['ruleY', 0, 0]], totalRows: 4 },
    });
  });
});

describe('judge() in cells', () => {
  it('renders a judged verdict and reports it once per claim, from a value or a view', async () => {
    const nb = parseNotebook("```js id=c\nconst j = judge('buffer-10ns', { resolutionMs: 0.005 });\n```\n```view\ngroup(text('x'), j)\n```\n```js id=bad\nconst k = judge('no-such-claim', {});\n```\n");
    const { h, msgs } = startHost(nb.cells);
    await h.idle();
    const done = msgs.filter(isDone);
    const fromValue = displayOf(done.find((m) => m.id === 'c')).verdicts;
    expect(fromValue).toHaveLength(1);
    expect(fromValue?.[0]).toMatchObject({ claim: 'buffer-10ns', verdict: 'not measurable here', reading: 'as-stated', notebook: 'timers-and-jitter' });
    const view = displayOf(done.find((m) => m.id !== 'c'));
    expect(view.verdicts?.map((v) => v.claim)).toEqual(['buffer-10ns']);
    expect(view.view?.kind === 'group' && view.view.items[1]).toMatchObject({ kind: 'verdict', judged: true, claim: 'buffer-10ns' });
    expect(errorOf(msgs.find((m) => isError(m) && m.id === 'bad')).message).toMatch(/unknown claim 'no-such-claim' \(registered: /);
  });
  it('a hand-made verdict() is shown but never reported to the ledger, and cannot pose as judged', async () => {
    const nb = parseNotebook("```view\nverdict({ claim: 'x', ...claims.ruleHitRateAbove({ wins: 60, decisions: 100, lower: 0.5, upper: 0.7 }) })\n```\n```view\nverdict({ claim: 'x', verdict: claims.VERDICTS[0], rule: 'r', judged: true })\n```\n");
    const { h, msgs } = startHost(nb.cells);
    await h.idle();
    const done = displayOf(msgs.find(isDone));
    expect(done.view?.kind).toBe('verdict');
    expect(done.verdicts).toBeUndefined();
    expect(errorOf(msgs.find(isError)).message).toMatch(/claim verdicts come from judge/);
  });
});

describe('runNotebook', () => {
  const inner = `---\nid: inner\n---\n\`\`\`input\nname: k\ntype: number\nvalue: 2\n\`\`\`\n\`\`\`js id=v\nconst squared = k * k;\nconst judged = judge('buffer-10ns', { resolutionMs: squared * 1e-7 });\n\`\`\`\n\`\`\`view\ngroup(judged)\n\`\`\`\n`;
  const outer = parseNotebook("```input\nname: kk\ntype: number\nvalue: 3\n```\n```js id=r\nconst run = await runNotebook('inner', { inputs: { k: kk } });\nconst verdict = run.verdicts[0].verdict;\nconst sq = run.figures.squared;\n```\n");
  function host() {
    const { h, msgs } = startHost(outer.cells, { notebookSource: async (id) => (id === 'inner' ? inner : Promise.reject(new Error(`no shipped notebook '${id}'`))) });
    const last = (id: string) => [...msgs].reverse().find((m) => m.type === 'status' && m.id === id);
    return { h, msgs, last };
  }
  it('runs another notebook with overridden inputs and returns its verdicts and figures', async () => {
    const { h, last, msgs } = host();
    await h.idle();
    // k² = 9: 20τ = 18 ns > 10 ns, so the clock cannot show 10 ns; k² = 4: 8 ns, it could.
    expect(displayOf(last('r')).figures).toMatchObject({ verdict: 'not measurable here', sq: 9 });
    expect(msgs.some((m) => m.type === 'progress' && m.id === 'r')).toBe(true);
    h.handle({ type: 'setInput', name: 'kk', value: 2 });
    await h.idle();
    expect(displayOf(last('r')).figures).toMatchObject({ verdict: 'untestable as stated', sq: 4 });
  });
  it('refuses unknown inputs with the list of valid ones', async () => {
    const { h, last } = host();
    h.handle({ type: 'editCell', id: 'r', source: "const run = await runNotebook('inner', { inputs: { nope: 1 } });" });
    await h.idle();
    expect(errorOf(last('r')).message).toMatch(/runNotebook\('inner'\): it has no input 'nope' \(inputs: k\)/);
  });
});

describe('formatNumber', () => {
  it('accepts any digits value: 0 or less rounds to an integer, large values clamp', async () => {
    const { formatNumber } = await import('../../src/notebook/inspect');
    expect(formatNumber(1234.567, 0)).toBe('1235');
    expect(formatNumber(0.123456, 3)).toBe('0.123');
    expect(formatNumber(Math.PI, 500)).toBe(String(Number(Math.PI.toPrecision(21))));
    expect(formatNumber(NaN, 0)).toBe('NaN');
  });
});

describe('NotebookHost: latest wins under queued inputs', () => {
  const SLOW = parseNotebook(`
\`\`\`input
name: k
type: number
value: 0
\`\`\`
\`\`\`js id=expensive
const chain = [];
for (let i = 0; i < 10; i++) { progress(i / 10); await sleep(5); }
const result = k * 10;
\`\`\`
\`\`\`js id=downstream
const shown = result + 1;
\`\`\`
`);
  const runs = (msgs: WorkerToMain[], id: string) => msgs.filter((m) => m.type === 'status' && m.id === id && m.state === 'running').length;

  it('five inputs queued at once: the expensive chain runs once more, with the last value', async () => {
    const { h, msgs } = startHost(SLOW.cells);
    await h.idle();
    expect(runs(msgs, 'expensive')).toBe(1);
    for (let v = 1; v <= 5; v++) h.handle({ type: 'setInput', name: 'k', value: v, seq: v });
    await h.idle();
    expect(runs(msgs, 'expensive')).toBe(2);
    expect(runs(msgs, 'downstream')).toBe(2);
    const last = [...msgs].reverse().find((m) => m.type === 'status' && m.id === 'downstream' && m.state === 'done');
    expect(last?.type === 'status' && last.state === 'done' && last.display.figures.shown).toBe(51);
    expect(last?.type === 'status' && last.seq).toBe(5);
  });

  it('inputs arriving while it runs: superseded runs stop at their next progress() and never reach downstream', async () => {
    const { h, msgs } = startHost(SLOW.cells);
    await h.idle();
    for (let v = 1; v <= 5; v++) {
      h.handle({ type: 'setInput', name: 'k', value: v, seq: v });
      await new Promise((r) => setTimeout(r, 25)); // long enough for the previous value's run to start
    }
    await h.idle();
    expect(runs(msgs, 'downstream')).toBe(2); // once at load, once for the final value
    const done = msgs.filter((m) => m.type === 'status' && m.id === 'expensive' && m.state === 'done');
    expect(done).toHaveLength(2); // no superseded run reported a result
    const errors = msgs.filter((m) => m.type === 'status' && m.state === 'error');
    expect(errors).toEqual([]);
    const last = done.at(-1);
    expect(last?.type === 'status' && last.state === 'done' && last.display.figures.result).toBe(50);
  });
});
