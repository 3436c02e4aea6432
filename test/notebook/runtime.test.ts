import { describe, it, expect } from 'vitest';
import { Runtime, type CellStatus, type RuntimeCellSpec } from '../../src/notebook/runtime';

/** A cell `id` defining `name` = fn(deps). */
function cell(id: string, defines: string[], references: string[], fn: (a: Record<string, any>) => any): RuntimeCellSpec {
  return { id, defines, references, run: async (a) => fn(a) };
}

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
    expect(rt.status('a')?.state === 'error' && (rt.status('a') as any).error.message).toBe('boom');
    expect((rt.status('b') as any).error.message).toMatch(/waiting for cell 'a', which failed/);
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
    expect((rt.status('one') as any).error.message).toMatch(/'x' is also defined by two/);
    expect((rt.status('two') as any).error.message).toMatch(/'x' is also defined by one/);
    expect((rt.status('use') as any).error.message).toMatch(/ambiguous name 'x'/);
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
    expect((rt.status('b') as any).values.b).toBeUndefined();
  });
});
