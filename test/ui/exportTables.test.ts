import { describe, it, expect } from 'vitest';
import { viewBuilders } from '../../src/notebook/views';
import { tableOfView, tableToCsv, tableToJson, flattenViews } from '../../src/ui/export/tables';
import { toJson, jsonSafe } from '../../src/ui/export/json';
import { figuresDocument, collectVerdicts, currentInputs } from '../../src/ui/export/figures';
import { exportFileName, safeName } from '../../src/ui/export/names';
import type { CellState } from '../../src/workers/session';
import type { CellDef } from '../../src/notebook/format';

const { table, metrics, verdict, plot, group, text } = viewBuilders;

describe('tables behind figures', () => {
  it('a table view: column labels as the header, raw values in column order', () => {
    const t = tableOfView(table([{ n: 1, rate: 1 / 3, note: 'a,b' }], { columns: ['n', { key: 'rate', label: 'hit rate', digits: 2 }], caption: 'Rates' }))!;
    expect(t).toEqual({ caption: 'Rates', columns: ['n', 'hit rate'], rows: [[1, 1 / 3]] });
    expect(tableToCsv(t)).toBe('n,hit rate\r\n1,0.3333333333333333\r\n');
    expect(tableToJson(t)).toEqual({ caption: 'Rates', columns: ['n', 'hit rate'], rows: [{ n: 1, 'hit rate': 1 / 3 }] });
  });

  it('metrics: label, value, unit, detail', () => {
    const t = tableOfView(metrics([{ label: 'p99', value: 12.5, unit: 'µs', detail: 'over 1000 ticks' }, { label: 'ok', value: true }]))!;
    expect(tableToCsv(t)).toBe('label,value,unit,detail\r\np99,12.5,µs,over 1000 ticks\r\nok,true,,\r\n');
  });

  it('a verdict: one row per figure with the claim, verdict and rule', () => {
    const v = verdict({ claim: 'skill', verdict: 'refuted', rule: 'refuted iff upper < 0.5, "here" 0.49', figures: [{ label: 'wins', value: 230 }, { label: 'lower', value: 0.41, unit: '' }] });
    const t = tableOfView(v)!;
    expect(t.columns).toEqual(['claim', 'verdict', 'rule', 'figure', 'value', 'unit']);
    expect(t.rows).toEqual([
      ['skill', 'refuted', 'refuted iff upper < 0.5, "here" 0.49', 'wins', 230, ''],
      ['skill', 'refuted', 'refuted iff upper < 0.5, "here" 0.49', 'lower', 0.41, ''],
    ]);
    expect(tableToCsv(t).split('\r\n')[1]).toBe('skill,refuted,"refuted iff upper < 0.5, ""here"" 0.49",wins,230,');
    expect(tableOfView(verdict({ claim: 'c', verdict: 'supported', rule: 'r' }))!.rows).toEqual([['c', 'supported', 'r', '', '', '']]);
  });

  it("a chart's data twin; charts without one and prose have no table", () => {
    expect(tableOfView(plot({ marks: [] }, { caption: 'cap', table: { columns: ['x', 'y'], rows: [[1, 2]] } }))).toEqual({ caption: 'cap', columns: ['x', 'y'], rows: [[1, 2]] });
    expect(tableOfView(plot({ marks: [] }))).toBeNull();
    expect(tableOfView(text('hi'))).toBeNull();
  });

  it('groups flatten in render order', () => {
    const g = group(text('a'), group(metrics([]), plot({ marks: [] })));
    expect(flattenViews(g).map((v) => v.kind)).toEqual(['text', 'metrics', 'plot']);
    expect(flattenViews(undefined)).toEqual([]);
  });

  it('JSON keeps full precision and never turns NaN or Infinity into null; repeated columns stay apart', () => {
    const doc = tableToJson({ columns: ['a', 'a', 'b'], rows: [[0.1 + 0.2, NaN, -Infinity]] });
    expect(doc.columns).toEqual(['a', 'a_2', 'b']);
    expect(JSON.parse(toJson(doc)).rows[0]).toEqual({ a: 0.30000000000000004, a_2: 'NaN', b: '-Infinity' });
    expect(jsonSafe({ t: new Float32Array([0.5]), big: 2n, u: undefined, d: new Date(0) })).toEqual({ t: [0.5], big: '2', d: '1970-01-01T00:00:00.000Z' });
  });
});

describe('figures document', () => {
  const cells = [
    { id: 'trueHitRate', type: 'input', input: { name: 'trueHitRate', type: 'slider', label: 'True hit rate', value: 0.52 } },
    { id: 'decisions', type: 'input', input: { name: 'decisions', type: 'slider', label: 'Decisions', value: 500 } },
    { id: 'simulate', type: 'code' },
    { id: 'v', type: 'view' },
    { id: 'ledger', type: 'code' },
    { id: 'slow', type: 'code' },
  ] as unknown as CellDef[];
  const v = verdict({ claim: 'skill', verdict: 'not measurable here', rule: 'lower > 0.5', figures: [{ label: 'wins', value: 262 }] });
  const states: Record<string, CellState> = {
    simulate: { state: 'done', ms: 3, display: { values: {}, figures: { wins: 262, observedHitRate: 0.524, ratio: Infinity } } },
    v: { state: 'done', ms: 1, display: { values: {}, figures: {}, view: group(text('x'), v) } },
    ledger: { state: 'done', ms: 1, display: { values: {}, figures: {}, verdicts: [{ claim: 'skill', verdict: 'not measurable here', rule: 'lower > 0.5' }, { claim: 'other', title: 'Other', verdict: 'refuted', rule: 'r2', figures: [{ label: 'x', value: 1, unit: 'ms' }] }] as never } },
    slow: { state: 'running', since: 0 },
  };
  const meta = {
    notebook: { id: 'luck-or-skill', title: 'Luck' },
    seed: 7,
    shareLink: 'http://127.0.0.1/#/nb/luck-or-skill/x1.abc',
    generatedAt: '2026-01-02T03:04:05.000Z',
    playgroundVersion: '0.1.0',
    inputs: currentInputs(cells, { decisions: 1000 }),
  };

  it('current inputs: the user value, else the default', () => {
    expect(meta.inputs).toEqual({ trueHitRate: 0.52, decisions: 1000 });
  });

  it('verdicts from views and from `verdicts` values, each once', () => {
    expect(collectVerdicts(cells, states)).toEqual([
      { cell: 'v', claim: 'skill', verdict: 'not measurable here', rule: 'lower > 0.5', figures: [{ label: 'wins', value: 262 }] },
      { cell: 'ledger', claim: 'other', title: 'Other', verdict: 'refuted', rule: 'r2', figures: [{ label: 'x', value: 1, unit: 'ms' }] },
    ]);
  });

  it('has every cell, its figures, the verdicts, inputs, seed and share link, and is valid JSON', () => {
    const doc = JSON.parse(toJson(figuresDocument(meta, cells, states)));
    expect(doc).toMatchObject({ format: 'sema-playground/figures', formatVersion: 1, seed: 7, shareLink: meta.shareLink, inputs: { decisions: 1000 }, generatedAt: meta.generatedAt, playgroundVersion: '0.1.0' });
    expect(doc.cells.map((c: { id: string }) => c.id)).toEqual(cells.map((c) => c.id));
    expect(doc.cells[2]).toEqual({ id: 'simulate', type: 'code', state: 'done', figures: { wins: 262, observedHitRate: 0.524, ratio: 'Infinity' } });
    expect(doc.verdicts).toHaveLength(2);
    expect(doc.incomplete).toEqual(['slow']);
  });
});

describe('file names', () => {
  it('notebook id, cell id, position, extension; nothing unsafe', () => {
    expect(exportFileName('luck-or-skill', 'cell-8', 0, 'svg')).toBe('luck-or-skill-cell-8.svg');
    expect(exportFileName('luck-or-skill', 'cell-8', 2, 'csv', 'data')).toBe('luck-or-skill-cell-8-3-data.csv');
    expect(exportFileName('nb', undefined, 0, 'json')).toBe('nb.json');
    expect(safeName('../../etc/pass wd')).toBe('etc-pass-wd');
    expect(safeName('')).toBe('export');
  });
});
