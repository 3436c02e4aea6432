import { describe, it, expect, vi } from 'vitest';
import { Runtime, type CellStatus, type CellValues, type RuntimeCellSpec } from '../../src/notebook/runtime';

/** A cell `id` defining `name` = fn(deps). The values in these tests are numbers (or a string passed through). */
function cell(id: string, defines: string[], references: string[], fn: (a: Record<string, number>) => CellValues): RuntimeCellSpec {
  return { id, defines, references, run: async (a) => fn(a as Record<string, number>) };
}

/** The error message of a failed cell, or undefined if it did not fail. */
const errorOf = (s: CellStatus | undefined) => (s?.state === 'error' ? s.error.message : undefined);
/** The values of a finished cell, or undefined if it has not finished. */
const valuesOf = (s: CellStatus | undefined) => (s?.state === 'done' ? s.values : undefined);

function harness() {
  const log: [string, CellStatus['state']][] = [];
  const rt = new Runtime((id, s) => log.push([id, s.state]));
  return { rt, log };
}

describe('Runtime (spec)', () => {
  it('define(cell) computes a value from the values it references', async () => {
    const { rt } = harness();
    rt.define(cell('a', ['a'], [], () => ({ a: 2 })));
    rt.define(cell('b', ['b'], ['a'], ({ a }) => ({ b: a * 10 })));
    expect(await rt.value('b')).toBe(20);
  });

  it('changing a cell re-runs exactly its transitive dependents, once each', async () => {
    const { rt } = harness();
    rt.define(cell('x', ['x'], [], () => ({ x: 1 })));
    rt.define(cell('y', ['y'], ['x'], ({ x }) => ({ y: x + 1 })));
    rt.define(cell('z', ['z'], ['x', 'y'], ({ x, y }) => ({ z: x + y })));
    rt.define(cell('other', ['other'], [], () => ({ other: 0 })));
    await rt.idle();
    rt.runCounts.clear();
    rt.define(cell('x', ['x'], [], () => ({ x: 5 })));
    await rt.idle();
    expect(Object.fromEntries(rt.runCounts)).toEqual({ x: 1, y: 1, z: 1 });
    expect(await rt.value('z')).toBe(11);
  });

  it('cells that become ready together start in the notebook\'s order, first load and re-runs alike (the ledger asks for its timing experiments first)', async () => {
    const { rt, log } = harness();
    rt.define(cell('early', ['early'], [], () => ({ early: 1 })));
    rt.define({ id: 'shared', defines: ['shared'], references: [], run: async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { shared: 1 };
    } });
    // 'first' also reads an input-like cell that settled long before: it must not fall behind the others.
    rt.define(cell('first', ['first'], ['shared', 'early'], ({ shared }) => ({ first: shared })));
    for (const id of ['second', 'third', 'fourth']) rt.define(cell(id, [id], ['shared'], ({ shared }) => ({ [id]: shared })));
    await rt.idle();
    const started = () => log.filter(([id, s]) => s === 'running' && !['shared', 'early'].includes(id)).map(([id]) => id);
    expect(started()).toEqual(['first', 'second', 'third', 'fourth']);
    log.length = 0;
    rt.define(cell('shared', ['shared'], [], () => ({ shared: 2 })));
    await rt.idle();
    expect(started()).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('several changes in one tick give one pass (a diamond runs its join once)', async () => {
    const { rt } = harness();
    rt.define(cell('a', ['a'], [], () => ({ a: 1 })));
    rt.define(cell('b', ['b'], ['a'], ({ a }) => ({ b: a })));
    rt.define(cell('c', ['c'], ['a'], ({ a }) => ({ c: a })));
    rt.define(cell('d', ['d'], ['b', 'c'], ({ b, c }) => ({ d: b + c })));
    await rt.idle();
    expect(rt.runCounts.get('d')).toBe(1);
    expect(await rt.value('d')).toBe(2);
  });

  it('a cycle errors only on its cells and their dependents; the rest keeps working', async () => {
    const { rt } = harness();
    rt.define(cell('p', ['p'], ['q'], ({ q }) => ({ p: q })));
    rt.define(cell('q', ['q'], ['p'], ({ p }) => ({ q: p })));
    rt.define(cell('r', ['r'], ['p'], ({ p }) => ({ r: p })));
    rt.define(cell('ok', ['ok'], [], () => ({ ok: 1 })));
    await rt.idle();
    const p = rt.status('p')!, r = rt.status('r')!;
    expect(p.state).toBe('error');
    expect(p.state === 'error' && p.error.message).toMatch(/circular definition: (p → q → p|q → p → q)/);
    expect(r.state === 'error' && r.error.message).toMatch(/waiting for cell 'p'/);
    expect(rt.status('ok')).toEqual({ state: 'done', values: { ok: 1 } });
  });

  it('an error marks its cell and dependents, not siblings', async () => {
    const { rt } = harness();
    rt.define(cell('a', ['a'], [], () => { throw new Error('boom'); }));
    rt.define(cell('b', ['b'], ['a'], () => ({ b: 1 })));
    rt.define(cell('c', ['c'], [], () => ({ c: 1 })));
    await rt.idle();
    expect(errorOf(rt.status('a'))).toBe('boom');
    expect(errorOf(rt.status('b'))).toMatch(/waiting for cell 'a', which failed/);
    expect(rt.status('c')?.state).toBe('done');
  });

  it('fixing a failing cell heals its dependents', async () => {
    const { rt } = harness();
    rt.define(cell('a', ['a'], [], () => { throw new Error('boom'); }));
    rt.define(cell('b', ['b'], ['a'], ({ a }) => ({ b: a + 1 })));
    await rt.idle();
    rt.define(cell('a', ['a'], [], () => ({ a: 1 })));
    expect(await rt.value('b')).toBe(2);
  });

  it('a stale result is dropped: a slow old run finishing after a new one never overwrites it', async () => {
    const { rt } = harness();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    rt.define({ id: 's', defines: ['s'], references: [], run: async () => { await gate; return { s: 'old' }; } });
    await Promise.resolve();
    await Promise.resolve();
    rt.define(cell('s', ['s'], [], () => ({ s: 'new' })));
    rt.define(cell('t', ['t'], ['s'], ({ s }) => ({ t: s })));
    await new Promise((r) => setTimeout(r, 0));
    release();
    await rt.idle();
    expect(rt.status('s')).toEqual({ state: 'done', values: { s: 'new' } });
    expect(await rt.value('t')).toBe('new');
  });

  it('two cells defining the same name both error, naming each other', async () => {
    const { rt } = harness();
    rt.define(cell('one', ['x'], [], () => ({ x: 1 })));
    rt.define(cell('two', ['x'], [], () => ({ x: 2 })));
    rt.define(cell('use', ['u'], ['x'], ({ x }) => ({ u: x })));
    await rt.idle();
    expect(errorOf(rt.status('one'))).toMatch(/'x' is also defined by two/);
    expect(errorOf(rt.status('two'))).toMatch(/'x' is also defined by one/);
    expect(errorOf(rt.status('use'))).toMatch(/ambiguous name 'x'/);
  });

  it('a blocked cell reports its reason and its dependents wait', async () => {
    const { rt } = harness();
    rt.define({ ...cell('b', ['b'], [], () => ({ b: 1 })), blocked: 'edited code from a link: review it first' });
    rt.define(cell('c', ['c'], ['b'], () => ({ c: 1 })));
    await rt.idle();
    expect(rt.status('b')).toEqual({ state: 'blocked', reason: 'edited code from a link: review it first' });
    expect(rt.status('c')?.state).toBe('error');
  });

  it('reports pending → running → done for each run', async () => {
    const { rt, log } = harness();
    rt.define(cell('a', ['a'], [], () => ({ a: 1 })));
    await rt.idle();
    expect(log.filter(([id]) => id === 'a').map(([, s]) => s)).toEqual(['pending', 'running', 'done']);
  });

  it('renaming a defined name re-runs cells that read the old and the new name', async () => {
    const { rt } = harness();
    rt.define(cell('a', ['a'], [], () => ({ a: 1 })));
    rt.define(cell('b', ['b'], ['a'], ({ a }) => ({ b: a })));
    await rt.idle();
    rt.define(cell('a', ['a2'], [], () => ({ a2: 1 })));
    await rt.idle();
    expect(rt.status('b')?.state).toBe('done'); // 'a' is now an unresolved global, passed as undefined
    expect(valuesOf(rt.status('b'))?.b).toBeUndefined();
  });
});

describe('Runtime: latest wins', () => {
  const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

  it('a burst of changes before the scheduled pass runs the expensive chain once', async () => {
    const rt = new Runtime(() => {}, { schedule: (f) => void setTimeout(f, 16) });
    const input = (v: number) => rt.define(cell('in', ['x'], [], () => ({ x: v })));
    input(0);
    rt.define(cell('slow', ['y'], ['x'], ({ x }) => ({ y: x * 2 })));
    rt.define(cell('after', ['z'], ['y'], ({ y }) => ({ z: y + 1 })));
    await rt.idle();
    rt.runCounts.clear();
    for (let v = 1; v <= 5; v++) input(v);
    expect(rt.isStale('after')).toBe(true); // marked at once, recomputed a frame later
    await rt.idle();
    expect(Object.fromEntries(rt.runCounts)).toEqual({ in: 1, slow: 1, after: 1 });
    expect(await rt.value('z')).toBe(11);
    expect(rt.isStale('after')).toBe(false);
  });

  it('queued changes while a long cell runs: the running one is superseded (its signal fires), the chain runs once more with the newest value', async () => {
    const rt = new Runtime(() => {}, { schedule: (f) => void setTimeout(f, 1), beforeRun: () => tick(0) });
    const input = (v: number) => rt.define(cell('in', ['x'], [], () => ({ x: v })));
    const stoppedEarly: number[] = [];
    input(0);
    rt.define({
      id: 'slow', defines: ['y'], references: ['x'],
      // Every value but the newest spins until it is superseded, so the test does not depend on timer speed.
      run: async ({ x }, signal) => {
        for (;;) {
          if (signal.aborted) {
            stoppedEarly.push(x as number);
            throw new Error('stopped');
          }
          if (x === 5) return { y: (x as number) * 2 };
          await tick(1);
        }
      },
    });
    rt.define(cell('after', ['z'], ['y'], ({ y }) => ({ z: y + 1 })));
    await vi.waitFor(() => expect(rt.runCounts.get('slow')).toBe(1)); // slow is now running with x = 0
    for (let v = 1; v <= 5; v++) {
      input(v);
      await tick(3); // changes arrive spread out, as queued messages do
    }
    await rt.idle();
    // x = 0 was stopped early; each later value either never started or was stopped; the newest finished.
    expect(stoppedEarly[0]).toBe(0);
    expect(rt.runCounts.get('slow')!).toBeLessThanOrEqual(1 + 5);
    expect(rt.runCounts.get('after')).toBe(1); // dependents of superseded runs never ran
    expect(await rt.value('z')).toBe(11);
    expect(rt.status('slow')).toEqual({ state: 'done', values: { y: 10 } });
  });

  it('a superseded run never reports its result, even if it finishes', async () => {
    const log: [string, string][] = [];
    const rt = new Runtime((id, s) => log.push([id, s.state === 'done' ? JSON.stringify(s.values) : s.state]), { schedule: (f) => void setTimeout(f, 5) });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    rt.define(cell('in', ['x'], [], () => ({ x: 1 })));
    rt.define({ id: 'slow', defines: ['y'], references: ['x'], run: async ({ x }) => { await gate; return { y: x }; } });
    await tick(20);
    rt.define(cell('in', ['x'], [], () => ({ x: 2 })));
    release(); // the old run (x = 1) finishes now, before the scheduled pass
    await rt.idle();
    expect(log.filter(([id, s]) => id === 'slow' && s.startsWith('{'))).toEqual([['slow', '{"y":2}']]);
  });
});
