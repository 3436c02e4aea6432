import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { applyChange, describeChange, resultDiff, stateChanges } from '../../src/share/compare';
import { encodeExperiment, type ExperimentState } from '../../src/share/codec';

const exec = promisify(execFile);
const base: ExperimentState = { v: 1, notebook: 'luck-or-skill', seed: 20261124, inputs: {}, edits: {} };

describe('comparing two runs', () => {
  it('lists exactly the inputs, seed, edits and files that differ (defaults count as values)', () => {
    const b: ExperimentState = { ...base, seed: 7, inputs: { trueHitRate: 0.85, decisions: 500 }, edits: { simulate: 'const wins = 1;' } };
    const changes = stateChanges(base, b, { trueHitRate: 0.52, decisions: 500 });
    expect(changes).toEqual([
      { kind: 'seed', a: 20261124, b: 7 },
      { kind: 'input', name: 'trueHitRate', a: 0.52, b: 0.85 },
      { kind: 'edit', cell: 'simulate', a: null, b: 'const wins = 1;' },
    ]);
    expect(changes.map(describeChange)).toEqual(['seed 20261124 → 7', 'input trueHitRate: 0.52 → 0.85', 'cell simulate: shipped code → edited code']);
    expect(applyChange(base, changes[1]).inputs).toEqual({ trueHitRate: 0.85 });
  });

  it('reports every figure and verdict that changed with both values, nothing that did not', () => {
    const d = resultDiff(
      { figures: { s: { wins: 1, same: 2, gone: 3 } }, verdicts: { c1: 'refuted', c2: 'supported' }, errors: {} },
      { figures: { s: { wins: 4, same: 2 } }, verdicts: { c1: 'supported', c2: 'supported' }, errors: { x: 'boom' } },
    );
    expect(d.figures).toEqual([{ cell: 's', name: 'wins', a: 1, b: 4 }, { cell: 's', name: 'gone', a: 3, b: undefined }]);
    expect(d.verdicts).toEqual([{ claim: 'c1', a: 'refuted', b: 'supported' }]);
    expect(d.errors).toEqual([{ cell: 'x', a: null, b: 'boom' }]);
  });

  it('headless: two links differing in one input show exactly that input and the figures it changed', { timeout: 240_000 }, async () => {
    const a = encodeExperiment(base);
    const b = encodeExperiment({ ...base, inputs: { trueHitRate: 0.85 } });
    const { stdout } = await exec('npx', ['tsx', 'scripts/notebook.ts', 'diff', a, b, '--json'], { timeout: 230_000 });
    const r = JSON.parse(stdout) as { changes: { kind: string; name?: string }[]; figures: { cell: string; name: string; a: unknown; b: unknown }[] };
    expect(r.changes).toEqual([{ kind: 'input', name: 'trueHitRate', a: 0.52, b: 0.85 }]);
    const names = r.figures.map((f) => f.name);
    expect(names).toContain('wins');
    expect(names).toContain('decisionsNeeded');
    // Only what depends on the hit rate changed: the number of decisions did not.
    expect(names).not.toContain('decisions');
    for (const f of r.figures) expect(f.a).not.toEqual(f.b);
  });
});
