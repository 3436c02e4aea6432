/**
 * Every shipped notebook runs headless with every cell done, and states its verdicts in the shared shape.
 * Slow by nature (each notebook is a real experiment); the budget per notebook is generous for CI.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadCatalog } from '../scripts/nodeCatalog';
import { runNotebookHeadless } from '../scripts/nodeSession';
import { CLAIMS } from '../src/engine/claims/registry';
import { VERDICTS } from '../src/engine/claims/verdict';
import type { ViewSpec } from '../src/notebook/views';
import type { CellDisplay } from '../src/notebook/protocol';
import { checkGolden } from './golden/golden';

const catalog = loadCatalog();
/** Notebooks whose tables and metrics must never show a raw NaN. */
const NAN_FREE = ['aggregators', 'confidence-calibration'];
const claimIds = new Set(CLAIMS.map((c) => c.id));

describe('shipped notebooks (headless)', () => {
  it('front matter names only known roadmap claims, and ids are unique', () => {
    for (const nb of catalog) for (const c of nb.meta.claims) expect(claimIds.has(c), `${nb.meta.id}: unknown claim '${c}'`).toBe(true);
  });

  it.each(catalog.map((nb) => [nb.meta.id, nb] as const))('%s runs with every cell done', { timeout: 240_000 }, async (_id, nb) => {
    const { states } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: {}, edits: {} }, { defaultTimeoutMs: 120_000 });
    const notDone = [...states].filter(([, s]) => s.state !== 'done').map(([id, s]) => `${id}: ${s.state === 'error' ? s.error.message : s.state}`);
    expect(notDone).toEqual([]);
    const verdicts = [...states.values()].flatMap((s) => (s.state === 'done' ? (s.display.verdicts ?? []) : []));
    for (const v of verdicts) {
      expect(claimIds.has(v.claim), `unknown claim id ${v.claim}`).toBe(true);
      expect(VERDICTS).toContain(v.verdict);
      expect(v.rule.length).toBeGreaterThan(20);
      expect(v.readings.filter((r) => r.headline), `${v.claim}: one headline reading`).toHaveLength(1);
    }
    // Accessibility: every chart carries a text twin (a data table shown on demand).
    const plotsWithoutTwin: string[] = [];
    const walk = (id: string, v: ViewSpec | undefined): void => {
      if (!v) return;
      if (v.kind === 'plot' && !(v.table && v.table.rows.length)) plotsWithoutTwin.push(id);
      if (v.kind === 'group') for (const item of v.items) walk(id, item);
    };
    for (const [id, s] of states) if (s.state === 'done') walk(id, s.display.view);
    expect(plotsWithoutTwin, 'charts without a table twin').toEqual([]);
    // Regression: never a raw NaN on screen in the market notebooks (a dash and the reason instead).
    if (NAN_FREE.includes(nb.meta.id)) {
      const rawNaN: string[] = [];
      const scan = (id: string, v: ViewSpec | undefined): void => {
        if (!v) return;
        if (v.kind === 'table') v.rows.forEach((row, r) => v.columns.forEach((c) => { const x = row[c.key]; if (typeof x === 'number' && Number.isNaN(x)) rawNaN.push(`${id} row ${r} column ${c.label}`); }));
        if (v.kind === 'metrics') for (const m of v.items) if (typeof m.value === 'number' && Number.isNaN(m.value)) rawNaN.push(`${id} metric ${m.label}`);
        if (v.kind === 'group') for (const item of v.items) scan(id, item);
      };
      for (const [id, s] of states) if (s.state === 'done') scan(id, s.display.view);
      expect(rawNaN, 'raw NaN shown').toEqual([]);
    }
    // Golden results: named figures (3 significant digits) and verdicts; a change writes <id>-changed.json
    // beside test/golden/snapshots/<id>.json. After an intended change: npm run golden:update.
    const displays = [...states].flatMap(([id, s]) => (s.state === 'done' ? [[id, s.display] as [string, CellDisplay]] : []));
    expect(checkGolden(nb.meta.id, nb.meta.seed, displays), `golden results of ${nb.meta.id} changed (npm run golden:update if intended)`).toEqual([]);
    // Each claim the registry says this notebook tests gets a verdict from it (notebooks that only illustrate a
    // claim, listed in the record's alsoIn, need not judge it); a claim judged in several cells is the same judgement.
    const stated = new Set(verdicts.map((v) => v.claim));
    for (const c of CLAIMS.filter((x) => x.notebook === nb.meta.id)) expect(stated.has(c.id), `${nb.meta.id} states no verdict for ${c.id}`).toBe(true);
    for (const id of stated) {
      const distinct = new Set(verdicts.filter((v) => v.claim === id).map((v) => JSON.stringify(v)));
      expect(distinct.size, `${nb.meta.id} judges ${id} in ${distinct.size} different ways`).toBe(1);
    }
  });
});

describe('notebook files', () => {
  it('each file is named after its id (runNotebook finds notebooks by file name)', () => {
    for (const nb of catalog) expect(nb.meta.id).toMatch(/^[a-z0-9-]+$/);
    const files = readdirSync('notebooks').filter((f: string) => f.endsWith('.md')).map((f: string) => f.replace(/\.md$/, '')).sort();
    expect(files).toEqual(catalog.map((n) => n.meta.id).sort());
  });
});
