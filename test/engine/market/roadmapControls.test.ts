import { describe, expect, it } from 'vitest';
import { literalReplacement, pinDefaults } from '../../../src/engine/market/roadmapControls';

const cols = Array.from({ length: 14 }, (_, i) => Float64Array.from([0.1 + i / 20, 0.2, 0.9]));

describe('pinDefaults (qar.py: factor_probabilities.get(f, 0.5))', () => {
  it('pins the first k columns in registry order to exactly 0.5, copying the rest', () => {
    const r = pinDefaults(cols, 3);
    expect(r.pinned).toEqual([0, 1, 2]);
    for (let i = 0; i < 14; i++) {
      expect(Array.from(r.probs[i])).toEqual(i < 3 ? [0.5, 0.5, 0.5] : Array.from(cols[i]));
      expect(r.probs[i]).not.toBe(cols[i]);
    }
    expect(cols[0][0]).toBeCloseTo(0.1); // inputs untouched
  });
  it('a seed chooses k distinct columns, reproducibly', () => {
    const a = pinDefaults(cols, 5, 7), b = pinDefaults(cols, 5, 7), c = pinDefaults(cols, 5, 8);
    expect(a.pinned).toEqual(b.pinned);
    expect(new Set(a.pinned).size).toBe(5);
    expect(a.pinned).not.toEqual(c.pinned);
    for (const i of a.pinned) expect(Array.from(a.probs[i])).toEqual([0.5, 0.5, 0.5]);
    expect(pinDefaults(cols, 14, 1).pinned).toEqual([...Array(14).keys()]);
    expect(pinDefaults(cols, 0).probs.map((x) => Array.from(x))).toEqual(cols.map((x) => Array.from(x)));
  });
  it('rejects k outside 0–14', () => {
    expect(() => pinDefaults(cols, 15)).toThrow('invalid k: 15 (expected an integer 0–14)');
    expect(() => pinDefaults(cols, -1)).toThrow(RangeError);
  });
});

describe('literalReplacement ([confidence] * len(factor_names_list))', () => {
  it('a number becomes 14 equal inputs', () => {
    expect(Array.from(literalReplacement(0.73))).toEqual(new Array(14).fill(0.73));
    expect(literalReplacement(0.6, 3).length).toBe(3);
  });
  it('a per-bar confidence column becomes 14 identical columns (copies)', () => {
    const c = Float64Array.from([0.6, 0.95]);
    const r = literalReplacement(c);
    expect(r.length).toBe(14);
    for (const col of r) { expect(Array.from(col)).toEqual([0.6, 0.95]); expect(col).not.toBe(c); }
  });
  it('rejects bad input', () => {
    expect(() => literalReplacement(1.5)).toThrow('invalid confidence: 1.5 (expected 0–1)');
    expect(() => literalReplacement(0.5, 0)).toThrow('invalid nMembers: 0');
  });
});
