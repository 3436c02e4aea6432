import { describe, it, expect } from 'vitest';
import { plottedData } from '../../src/ui/export/tables';
import { plotTableTwin } from '../../src/notebook/plotData';
import { viewBuilders } from '../../src/notebook/views';

describe('chart exports hold the plotted data', () => {
  it('reads every datum of every mark through its field channels', () => {
    const path = [{ n: 1, rate: 0.5, lower: 0.1, upper: 0.9 }, { n: 2, rate: 0.6, lower: 0.2, upper: 0.95 }];
    const t = plottedData({
      marks: [
        { __plot: 'areaY', args: [path, { x: 'n', y1: 'lower', y2: 'upper', fill: '#123' }] },
        { __plot: 'lineY', args: [path, { x: 'n', y: 'rate' }] },
        { __plot: 'ruleY', args: [[0.5]] },
      ],
    }, 'c')!;
    // Channel fields first, then the datum's other plain fields.
    expect(t.columns).toEqual(['mark', 'n', 'lower', 'upper', 'rate', 'index', 'value']);
    expect(t.rows).toEqual([
      ['areaY', 1, 0.1, 0.9, 0.5, '', ''],
      ['areaY', 2, 0.2, 0.95, 0.6, '', ''],
      ['lineY', 1, 0.1, 0.9, 0.5, '', ''],
      ['lineY', 2, 0.2, 0.95, 0.6, '', ''],
      ['ruleY', '', '', '', '', 0, 0.5],
    ]);
    expect(t.caption).toBe('c');
  });

  it('the generated table twin thins long series evenly, keeping the first and last point', () => {
    const pts = Array.from({ length: 2001 }, (_, i) => ({ t: i, y: i * i }));
    const twin = plotTableTwin({ marks: [{ __plot: 'lineY', args: [pts, { x: 't', y: 'y' }] }] }, 101)!;
    expect(twin.totalRows).toBe(2001);
    expect(twin.rows).toHaveLength(101);
    expect(twin.rows[0]).toEqual(['lineY', 0, 0]);
    expect(twin.rows[100]).toEqual(['lineY', 2000, 4000000]);
    expect(twin.rows[50]).toEqual(['lineY', 1000, 1000000]);
  });

  it('plot() attaches the generated twin unless the cell passes its own table', () => {
    const marks = [{ __plot: 'dot', args: [[{ a: 1, b: 2, note: 'x' }], { x: 'a', y: 'b' }] }];
    const auto = viewBuilders.plot({ marks });
    expect(auto.kind === 'plot' && auto.table).toEqual({ columns: ['mark', 'a', 'b', 'note'], rows: [['dot', 1, 2, 'x']], totalRows: 1 });
    const own = viewBuilders.plot({ marks }, { table: { columns: ['k'], rows: [[1]] } });
    expect(own.kind === 'plot' && own.table).toEqual({ columns: ['k'], rows: [[1]] });
    expect(viewBuilders.plot({ marks: [{ __plot: 'frame', args: [] }] })).not.toHaveProperty('table');
  });

  it('is null for a chart without readable data', () => {
    expect(plottedData({ marks: [{ __plot: 'frame', args: [] }] })).toBeNull();
  });
});
