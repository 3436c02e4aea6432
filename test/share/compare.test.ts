import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  applyChange, attributeFlips, attributionRuns, changeKey, codeDiff, compareHash, describeChange, describeFlip, diffHunks, isReplayable,
  affectedCells, fitToNotebook, readRunRef, resultDiff, runResultOf, runToken, stateChanges, type Change, type RunResult, type SettledCell,
} from '../../src/share/compare';
import { canonicalState, encodeExperiment, type ExperimentState } from '../../src/share/codec';
import { parseRoute } from '../../src/ui/routes';

const exec = promisify(execFile);
const base: ExperimentState = { v: 1, notebook: 'luck-or-skill', seed: 20261124, inputs: {}, edits: {} };
const notebooks = (id: string) => (id === 'luck-or-skill' ? { seed: 20261124 } : id === 'timing' ? { seed: 1 } : undefined);

describe('comparing two runs: what differs', () => {
  it('lists exactly the inputs, seed, edits and files that differ (defaults count as values)', () => {
    const b: ExperimentState = { ...base, seed: 7, inputs: { trueHitRate: 0.85, decisions: 500 }, edits: { simulate: 'const wins = 1;' } };
    const changes = stateChanges(base, b, { trueHitRate: 0.52, decisions: 500 });
    expect(changes).toEqual([
      { kind: 'seed', a: 20261124, b: 7 },
      { kind: 'input', name: 'trueHitRate', a: 0.52, b: 0.85 },
      { kind: 'edit', cell: 'simulate', a: null, b: 'const wins = 1;' },
    ]);
    expect(changes.map((c) => describeChange(c))).toEqual(['seed 20261124 → 7', 'input trueHitRate: 0.52 → 0.85', 'cell simulate: shipped code → edited code']);
    expect(describeChange(changes[1], { trueHitRate: 'True hit rate' })).toBe('input trueHitRate (True hit rate): 0.52 → 0.85');
    expect(applyChange(base, changes[1]).inputs).toEqual({ trueHitRate: 0.85 });
  });

  it('an edit that restores the shipped code is no edit; own files differ by fingerprint', () => {
    const f = { name: 'btc.csv', size: 10, sha256: 'a'.repeat(64) };
    const a: ExperimentState = { ...base, edits: { simulate: 'shipped' }, files: { candles: f } };
    const b: ExperimentState = { ...base, files: { candles: { ...f, sha256: 'b'.repeat(64) } } };
    const changes = stateChanges(a, b, {}, { simulate: 'shipped' });
    expect(changes).toEqual([{ kind: 'file', input: 'candles', a: f, b: b.files!.candles }]);
    expect(isReplayable(changes[0])).toBe(false);
    expect(describeChange(changes[0])).toMatch(/^own file for candles: btc\.csv \(10 bytes, sha256 aaaaaaaaaaaa…\) → btc\.csv/);
  });

  it('a code edit gets a readable line diff, hunks elide unchanged stretches', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h'].join('\n');
    const d = codeDiff(before, after);
    expect(d.filter((l) => l.op !== ' ')).toEqual([{ op: '-', text: 'd' }, { op: '+', text: 'D' }]);
    expect(diffHunks(d, 1)).toEqual([null, { op: ' ', text: 'c' }, { op: '-', text: 'd' }, { op: '+', text: 'D' }, { op: ' ', text: 'e' }, null]);
    expect(describeChange({ kind: 'edit', cell: 'x', a: before, b: after })).toBe('cell x: edited code → edited code (+1 −1 lines)');
  });

  it('reports every figure and verdict that changed with both values, and keeps the unchanged ones apart', () => {
    const d = resultDiff(
      { figures: { s: { wins: 1, same: 2, gone: 3, nan: NaN } }, verdicts: { c1: 'refuted', c2: 'supported' }, errors: {} },
      { figures: { s: { wins: 4, same: 2, nan: NaN } }, verdicts: { c1: 'supported', c2: 'supported' }, errors: { x: 'boom' } },
    );
    expect(d.figures).toEqual([{ cell: 's', name: 'wins', a: 1, b: 4 }, { cell: 's', name: 'gone', a: 3, b: undefined }]);
    expect(d.verdicts).toEqual([{ claim: 'c1', a: 'refuted', b: 'supported' }]);
    expect(d.errors).toEqual([{ cell: 'x', a: null, b: 'boom' }]);
    expect(d.unchanged).toEqual({ figures: [{ cell: 's', name: 'same', value: 2 }, { cell: 's', name: 'nan', value: NaN }], verdicts: [{ claim: 'c2', verdict: 'supported' }] });
  });

  it('the cells a change can reach come from the dependency graph; a seed change reaches every cell', () => {
    const reach = { hit: ['hit', 'sim', 'view'], sim: ['sim', 'view'], clock: ['clock'], view: ['view'] };
    const inputCell = (n: string) => (n === 'hitRate' ? 'hit' : undefined);
    expect([...affectedCells([{ kind: 'input', name: 'hitRate', a: 1, b: 2 }], reach, inputCell)!].sort()).toEqual(['hit', 'sim', 'view']);
    expect([...affectedCells([{ kind: 'edit', cell: 'sim', a: null, b: 'x' }], reach, inputCell)!].sort()).toEqual(['sim', 'view']);
    expect(affectedCells([{ kind: 'seed', a: 1, b: 2 }], reach, inputCell)).toBeNull();
    expect(affectedCells([{ kind: 'input', name: 'unknown', a: 1, b: 2 }], reach, inputCell)).toBeNull();
    expect(affectedCells([], undefined, inputCell)).toBeNull();
  });

  it('reads a run from settled cell states: figures, verdicts of verdict views and judge() (each reading too), errors and held-back cells', () => {
    const r = runResultOf(['a', 'b', 'c', 'd'], new Map<string, SettledCell>([
      ['a', { state: 'done', display: { figures: { x: 1 }, view: { kind: 'group', items: [{ kind: 'verdict', claim: 'k', verdict: 'refuted' } as never] } } }],
      ['b', { state: 'done', display: { figures: {}, verdicts: [{ claim: 'j', verdict: 'supported', readings: [{ label: 'stated stack', verdict: 'supported', headline: true }, { label: 'hardware', verdict: 'refuted', headline: false }] }] } }],
      ['c', { state: 'error', error: { message: 'bad' } }],
      ['d', { state: 'blocked', reason: 'timeout' }],
    ]));
    expect(r).toEqual({ figures: { a: { x: 1 } }, verdicts: { k: 'refuted', j: 'supported', 'j · hardware': 'refuted' }, errors: { c: 'bad', d: 'not run: timeout' } });
  });
});

describe('comparing two runs: reading the links', () => {
  const link = encodeExperiment({ ...base, inputs: { trueHitRate: 0.85 } });
  it('accepts every form a user pastes and names the side in every error', () => {
    for (const form of [link, link.slice(1), `#/nb/luck-or-skill/${link.slice(1)}`, `https://example.org/app/#/nb/luck-or-skill/${link.slice(1)}?present`]) {
      const r = readRunRef(form, 'A', notebooks);
      expect(r.ok && r.state.inputs).toEqual({ trueHitRate: 0.85 });
    }
    const d = readRunRef('https://example.org/#/nb/luck-or-skill', 'B', notebooks);
    expect(d.ok && d.isDefaults && d.state).toEqual({ ...base });
    expect(readRunRef('luck-or-skill', 'B', notebooks).ok).toBe(true);
    const bad = (t: string) => {
      const r = readRunRef(t, 'B', notebooks);
      return r.ok ? '' : r.message;
    };
    expect(bad('')).toMatch(/^Link B is empty/);
    expect(bad('no-such-notebook')).toMatch(/^Link B names a notebook 'no-such-notebook'/);
    expect(bad('hello world')).toMatch(/^Link B is not a share link/);
    // One character flipped in the payload: the checksum says so.
    const body = link.slice(4);
    const flipped = `x1.${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(bad(flipped)).toMatch(/^Link B could not be read: /);
    expect(bad(`#/nb/timing/${link.slice(1)}`)).toMatch(/address names 'timing' but its contents are for 'luck-or-skill'/);
    expect(bad(encodeExperiment({ ...base, notebook: 'gone' }))).toMatch(/notebook 'gone' that this version/);
  });

  it('a link is fitted to the notebook as the page would run it: unknown inputs, invalid values and missing cells are dropped, with a warning', () => {
    const nb = { cells: [
      { id: 'hit', source: '', input: { name: 'hit', type: 'slider', label: 'Hit', value: 0.5, min: 0, max: 1 } },
      { id: 'sim', source: 'x = 1' },
    ] } as unknown as Parameters<typeof fitToNotebook>[0];
    const r = fitToNotebook(nb, { ...base, inputs: { hit: 2, ghost: 1 }, edits: { sim: 'x = 2', gone: 'y' } }, 'B');
    expect(r.state.inputs).toEqual({});
    expect(r.state.edits).toEqual({ sim: 'x = 2' });
    expect(r.warnings).toEqual([
      "Link B's inputs.hit is invalid (2 is above the maximum 1); the default 0.5 is used.",
      'Link B sets inputs.ghost, which this notebook does not have; it was ignored.',
      "Link B edits a cell 'gone' that this notebook does not have; the edit was ignored.",
    ]);
    expect(fitToNotebook(nb, { ...base, inputs: { hit: 0.7 } }, 'A')).toEqual({ state: { ...base, inputs: { hit: 0.7 } }, warnings: [] });
  });

  it('a comparison is a route: tokens survive the trip through the address', () => {
    const ta = runToken(base, 20261124), tb = runToken({ ...base, seed: 3 }, 20261124);
    expect(ta).toBe('luck-or-skill');
    expect(tb).toMatch(/^x1\./);
    expect(parseRoute(compareHash(ta, tb))).toEqual({ page: 'compare', a: ta, b: tb });
    expect(parseRoute('#/compare')).toEqual({ page: 'compare', a: '', b: '' });
  });
});

// Properties of the link diff over random states of one notebook.
const name = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'eps');
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('x', 'y'), fc.boolean());
const fp = fc.record({ name: fc.constantFrom('a.csv', 'b.csv'), size: fc.nat({ max: 99 }), sha256: fc.constantFrom('1'.repeat(64), '2'.repeat(64), '3'.repeat(64)) });
const stateArb: fc.Arbitrary<ExperimentState> = fc.record({
  v: fc.constant(1 as const),
  notebook: fc.constant('luck-or-skill'),
  seed: fc.constantFrom(1, 2, 20261124),
  inputs: fc.dictionary(name, value, { maxKeys: 4 }),
  edits: fc.dictionary(fc.constantFrom('c1', 'c2', 'c3'), fc.constantFrom('x = 1', 'x = 2', 'shipped'), { maxKeys: 3 }),
  files: fc.dictionary(fc.constantFrom('candles', 'trades'), fp, { maxKeys: 2 }),
}).map((s) => canonicalState(s));
const defaults = { alpha: 0, beta: 'x', gamma: true };
const shipped = { c1: 'shipped', c2: 'shipped', c3: 'shipped' };
const changesOf = (a: ExperimentState, b: ExperimentState) => stateChanges(a, b, defaults, shipped);

describe('link diff properties (fast-check)', () => {
  it('a state does not differ from itself, and A→B mirrors B→A', () => {
    fc.assert(fc.property(stateArb, stateArb, (a, b) => {
      expect(changesOf(a, a)).toEqual([]);
      const mirror = (c: Change) => ({ ...c, a: c.b, b: c.a }) as Change;
      expect(changesOf(b, a)).toEqual(changesOf(a, b).map(mirror));
    }), { seed: 11, numRuns: 300 });
  });

  it('applying every change to A gives B; each change alone removes exactly itself', () => {
    fc.assert(fc.property(stateArb, stateArb, (a, b) => {
      const all = changesOf(a, b);
      expect(changesOf(all.reduce(applyChange, a), b)).toEqual([]);
      for (const c of all) expect(changesOf(applyChange(a, c), b).map(changeKey)).toEqual(all.filter((x) => x !== c).map(changeKey));
    }), { seed: 12, numRuns: 300 });
  });

  it('the diff is the same through share links (encode, decode, every pasted form)', () => {
    fc.assert(fc.property(stateArb, stateArb, fc.constantFrom('', '#', '#/nb/luck-or-skill/', 'http://h/#/nb/luck-or-skill/'), (a, b, prefix) => {
      const read = (s: ExperimentState) => {
        const r = readRunRef(prefix + encodeExperiment(s).slice(1), 'A', notebooks);
        if (!r.ok) throw new Error(r.message);
        return r.state;
      };
      expect(changesOf(read(a), read(b))).toEqual(changesOf(a, b));
      const t = runToken(a, 20261124);
      const back = readRunRef(t, 'A', notebooks);
      expect(back.ok && changesOf(back.state, a)).toEqual([]);
    }), { seed: 13, numRuns: 200 });
  });

  it('a damaged link never reads as a different experiment: it is refused, or reads as the same one', () => {
    fc.assert(fc.property(stateArb, fc.nat(), fc.nat({ max: 63 }), (s, at, ch) => {
      const link = encodeExperiment(s).slice(1);
      const i = 3 + (at % (link.length - 3));
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const damaged = link.slice(0, i) + alphabet[ch] + link.slice(i + 1);
      const r = readRunRef(damaged, 'B', notebooks);
      if (r.ok) expect(changesOf(r.state, s)).toEqual([]);
      else expect(r.message).toMatch(/^Link B /);
    }), { seed: 14, numRuns: 300 });
  });
});

describe('which change flipped this verdict', () => {
  // A toy "notebook": the verdict is supported when x > 1 and (y is set or the seed is 2).
  const toyRun = (s: ExperimentState): RunResult => {
    const x = Number(s.inputs.x ?? 0), y = Boolean(s.inputs.y ?? false);
    const v1 = x > 1 ? 'supported' : 'refuted';
    const v2 = x > 1 && (y || s.seed === 2) ? 'supported' : 'refuted';
    const v3 = x > 1 || y ? 'supported' : 'refuted';
    return { figures: { c: { x } }, verdicts: { v1, v2, v3 }, errors: {} };
  };
  const a: ExperimentState = { ...base, seed: 1, inputs: {} };
  const b: ExperimentState = { ...base, seed: 2, inputs: { x: 2, y: true } };

  it('names the single change, several that each suffice, and an interaction with the change that completes it', async () => {
    const changes = stateChanges(a, b, { x: 0, y: false });
    expect(changes.map(changeKey)).toEqual(['seed', 'input x', 'input y']);
    const d = resultDiff(toyRun(a), toyRun(b));
    expect(d.verdicts.map((v) => v.claim)).toEqual(['v1', 'v2', 'v3']);
    const ran: ExperimentState[] = [];
    const progress: string[] = [];
    const flips = await attributeFlips(a, changes, d.verdicts, async (s) => (ran.push(s), toyRun(s)), { onProgress: (_d, _t, what) => progress.push(what) });
    const byClaim = Object.fromEntries(flips.map((f) => [f.claim, f]));
    expect(byClaim.v1.kind).toBe('single');
    expect(byClaim.v1.flippedBy.map(changeKey)).toEqual(['input x']);
    expect(byClaim.v3.kind).toBe('several');
    expect(byClaim.v3.flippedBy.map(changeKey)).toEqual(['input x', 'input y']);
    expect(byClaim.v2.kind).toBe('interaction');
    expect(byClaim.v2.flippedBy).toEqual([]);
    // In order (seed, x, y): seed+x already gives B's verdict, so x completes it after 2 changes.
    expect(byClaim.v2.completedBy).toEqual({ change: changes[1], after: 2 });
    expect(describeFlip(byClaim.v2)).toMatch(/^no single change flips it: it takes several together .*turns to B's verdict once input x is added, change 2 in that order/);
    expect(describeFlip(byClaim.v1)).toMatch(/^flipped by input x: applied alone to A/);
    // A again (control) + 3 singles + the prefix of 2 (the prefix of 3 is B itself, already known).
    expect(ran.length).toBe(5);
    expect(flips.every((f) => !f.noisy)).toBe(true);
    expect(ran.length).toBeLessThanOrEqual(attributionRuns(changes, 3));
    expect(progress.at(-1)).toBe('done');
  });

  it('running re-runs in parallel gives the same attribution as one at a time', async () => {
    const changes = stateChanges(a, b, { x: 0, y: false });
    const d = resultDiff(toyRun(a), toyRun(b));
    // Later runs finish first, so results arrive out of order.
    const slow = async (s: ExperimentState) => (await new Promise((r) => setTimeout(r, 8 - 2 * Object.keys(s.inputs).length - s.seed)), toyRun(s));
    expect(await attributeFlips(a, changes, d.verdicts, slow, { concurrency: 3 })).toEqual(await attributeFlips(a, changes, d.verdicts, slow));
  });

  it('a verdict that changes when A is simply run again is marked noisy (a measurement of this machine)', async () => {
    let calls = 0;
    // The first run is the control: it gives another verdict for v1, as a timing would.
    const jittery = async (s: ExperimentState) => {
      const r = toyRun(s);
      return calls++ === 0 ? { ...r, verdicts: { ...r.verdicts, v1: 'supported' } } : r;
    };
    const changes = stateChanges(a, b, { x: 0, y: false });
    let control: RunResult | null = null;
    const flips = await attributeFlips(a, changes, [{ claim: 'v1', a: 'refuted', b: 'supported' }], jittery, { onControl: (r) => (control = r) });
    expect(flips[0]).toMatchObject({ noisy: true, controlVerdict: 'supported', kind: 'single' });
    expect(describeFlip(flips[0])).toMatch(/^A run again, unchanged, gives supported: .* not reliable \(flipped by input x/);
    expect(control).not.toBeNull();
  });

  it('one change: it is the cause without a re-run; no changed verdict: nothing to run', async () => {
    const one = stateChanges(a, { ...a, inputs: { x: 5 } }, { x: 0 });
    let runs = 0;
    const f = await attributeFlips(a, one, [{ claim: 'v1', a: 'refuted', b: 'supported' }], async (s) => (runs++, toyRun(s)));
    expect(f).toEqual([{ claim: 'v1', a: 'refuted', b: 'supported', kind: 'only-change', flippedBy: one, alone: [] }]);
    expect(await attributeFlips(a, one, [], async (s) => (runs++, toyRun(s)))).toEqual([]);
    expect(runs).toBe(0);
  });

  it('stops when cancelled', async () => {
    const ctl = new AbortController();
    const changes = stateChanges(a, b, { x: 0, y: false });
    const p = attributeFlips(a, changes, [{ claim: 'v1', a: 'refuted', b: 'supported' }], async (s) => (ctl.abort(), toyRun(s)), { signal: ctl.signal });
    await expect(p).rejects.toThrow('cancelled');
  });
});

describe('headless diff', () => {
  it('two links differing in one input show exactly that input and the figures it changed, and name it as the cause of the verdict flip', { timeout: 240_000 }, async () => {
    const a = encodeExperiment({ ...base, inputs: { trueHitRate: 0.4 } });
    const b = encodeExperiment({ ...base, inputs: { trueHitRate: 0.85 } });
    const { stdout } = await exec('npx', ['tsx', 'scripts/notebook.ts', 'diff', a, b, '--json', '--explain'], { timeout: 230_000 });
    const r = JSON.parse(stdout) as { changes: Change[]; figures: { cell: string; name: string; a: unknown; b: unknown }[]; verdicts: { claim: string }[]; flippedBy: { kind: string; flippedBy: Change[]; explanation: string }[] };
    expect(r.changes).toEqual([{ kind: 'input', name: 'trueHitRate', a: 0.4, b: 0.85 }]);
    const names = r.figures.map((f) => f.name);
    expect(names).toContain('wins');
    expect(names).toContain('decisionsNeeded');
    // Only what depends on the hit rate changed: the number of decisions did not.
    expect(names).not.toContain('decisions');
    for (const f of r.figures) expect(f.a).not.toEqual(f.b);
    expect(r.verdicts.length).toBe(1);
    expect(r.flippedBy[0].kind).toBe('only-change');
    expect(r.flippedBy[0].explanation).toMatch(/^flipped by input trueHitRate/);
  });

  it('a damaged link is refused with which link and what is wrong', { timeout: 120_000 }, async () => {
    const a = encodeExperiment(base).slice(1);
    const err = await exec('npx', ['tsx', 'scripts/notebook.ts', 'diff', a, `${a.slice(0, -3)}zzz`], { timeout: 110_000 }).then(() => null, (e: { stderr: string; code: number }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/Link B could not be read: the link is damaged/);
  });
});
