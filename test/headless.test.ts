import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tryDecodeExperiment } from '../src/share/codec';
import { loadCatalog } from '../scripts/nodeCatalog';
import { runNotebookHeadless } from '../scripts/nodeSession';

const exec = promisify(execFile);
const golden = JSON.parse(readFileSync('test/fixtures/golden/figures.json', 'utf8')) as { link: string; figures: Record<string, string> }[];

describe('golden links (headless)', () => {
  it.each(golden.map((g, i) => [i, g] as const))('link %i decodes and reproduces its figures bit for bit', async (_i, g) => {
    const payload = g.link.replace(/^#\/nb\/[a-z0-9-]+\//, '');
    const res = tryDecodeExperiment(payload);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const nb = loadCatalog().find((n) => n.meta.id === res.state.notebook)!;
    const { states } = await runNotebookHeadless(nb, { seed: res.state.seed, inputs: res.state.inputs, edits: res.state.edits });
    const figures: Record<string, string> = {};
    for (const s of states.values()) if (s.state === 'done') for (const [k, v] of Object.entries(s.display.figures)) figures[k] = String(v);
    for (const [k, v] of Object.entries(g.figures)) expect(figures[k], k).toBe(v);
  });
});

describe('npm run notebook (CLI)', () => {
  const cli = (...args: string[]) => exec('npx', ['tsx', 'scripts/notebook.ts', ...args], { timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

  it('prints every named value as JSON with --json', async () => {
    const r = await cli('notebooks/luck-or-skill.md', '--json', '--set', 'decisions=100', '--seed', '3');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { seed: number; cells: { id: string; state: string; figures: Record<string, number> }[] };
    expect(out.seed).toBe(3);
    expect(out.cells.find((c) => c.id === 'simulate')?.figures.wins).toBeGreaterThan(0);
    expect(out.cells.every((c) => c.state === 'done')).toBe(true);
  });

  it('exits 1 with a clear message for a malformed link, an unknown notebook or a bad input', async () => {
    const bad = await cli('#/nb/luck-or-skill/x1.@@@');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/notebook: the share link could not be read: .*position/i);
    const unknown = await cli('no-such-notebook');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no notebook 'no-such-notebook' \(have: .*luck-or-skill/);
    const input = await cli('luck-or-skill', '--set', 'decisions=99999999');
    expect(input.code).toBe(1);
    expect(input.stderr).toMatch(/--set decisions: 99999999 is above the maximum 20000/);
  });

  it('exits 2 and names the failing cells when a cell fails', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/nb-');
    writeFileSync(`${dir}/bad.md`, '```js id=boom\nconst x = null.y;\n```\n');
    const r = await cli(`${dir}/bad.md`);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\[boom\] code — error\n {2}error \(line 1, column \d+\): TypeError: Cannot read properties of null/);
    expect(r.stderr).toMatch(/1 cell\(s\) did not finish: boom/);
  });
});
