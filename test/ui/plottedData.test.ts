import { describe, it, expect } from 'vitest';
import { plottedData } from '../../src/ui/export/tables';

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
    expect(t.columns).toEqual(['mark', 'n', 'lower', 'upper', 'rate', 'index', 'value']);
    expect(t.rows).toEqual([
      ['areaY', 1, 0.1, 0.9, '', '', ''],
      ['areaY', 2, 0.2, 0.95, '', '', ''],
      ['lineY', 1, '', '', 0.5, '', ''],
      ['lineY', 2, '', '', 0.6, '', ''],
      ['ruleY', '', '', '', '', 0, 0.5],
    ]);
    expect(t.caption).toBe('c');
  });

  it('is null for a chart without readable data', () => {
    expect(plottedData({ marks: [{ __plot: 'frame', args: [] }] })).toBeNull();
  });
});
