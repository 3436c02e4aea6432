import { describe, it, expect } from 'vitest';
import { coincidingSeries, describeCoincidence, maxSeriesGap } from '../../../src/engine/stats';

describe('coincidingSeries(series, tolerance): series a chart would draw on top of each other', () => {
  it('groups identical series and leaves distinct ones out', () => {
    const flat = [1, 1, 1, 1];
    const groups = coincidingSeries([
      { id: 'majority', values: flat }, { id: 'stacking', values: [1, 1.1, 1.2, 1.3] }, { id: 'circuit', values: Float64Array.from(flat) }, { id: 'vote', values: flat },
    ], 0);
    expect(groups).toEqual([['majority', 'circuit', 'vote']]);
  });
  it('links within the tolerance, transitively (single linkage)', () => {
    const s = [{ id: 'a', values: [0, 0] }, { id: 'b', values: [0.008, 0] }, { id: 'c', values: [0.016, 0] }, { id: 'd', values: [0.5, 0] }];
    expect(coincidingSeries(s, 0.01)).toEqual([['a', 'b', 'c']]);
    expect(coincidingSeries(s, 0.001)).toEqual([]);
  });
  it('treats a non-finite value against a finite one as different, two NaNs as equal', () => {
    expect(maxSeriesGap([Number.NaN, 1], [Number.NaN, 1])).toBe(0);
    expect(maxSeriesGap([Number.NaN, 1], [0, 1])).toBe(Infinity);
    expect(maxSeriesGap([Infinity], [-Infinity])).toBe(Infinity);
  });
  it('rejects a negative tolerance', () => {
    expect(() => coincidingSeries([], -1)).toThrow(/invalid tolerance/);
  });
  it('describes groups for a caption', () => {
    expect(describeCoincidence([['a', 'b'], ['c', 'd', 'e']])).toBe('a and b coincide; c, d and e coincide');
    expect(describeCoincidence([])).toBe('');
  });
});
