import { describe, expect, it } from 'vitest';
import { breakEvenHitRate, sampleSizeForHitRate } from '../../../src/engine/stats/index.ts';

describe('sampleSizeForHitRate', () => {
  it('one-sided α = 0.05, power 0.8: h = 0.52 → ≈3,860, 0.55 → ≈620, 0.80 → 15 (CLAIMS-REFERENCE §5)', () => {
    expect(sampleSizeForHitRate(0.52)).toBe(3863);
    expect(sampleSizeForHitRate(0.55)).toBe(617);
    expect(sampleSizeForHitRate(0.8)).toBe(15);
  });
  it('needs more data for stricter α or higher power, and rejects h ≤ ½', () => {
    expect(sampleSizeForHitRate(0.55, { alpha: 0.01 })).toBeGreaterThan(617);
    expect(sampleSizeForHitRate(0.55, { power: 0.95 })).toBeGreaterThan(617);
    expect(() => sampleSizeForHitRate(0.5)).toThrow(/invalid h: 0.5/);
  });
});

describe('breakEvenHitRate', () => {
  it('h* = ½ + f/(2m): f = 0.1 %, m = 0.5 % → 0.60; no fees → ½', () => {
    expect(breakEvenHitRate(0.001, 0.005)).toBeCloseTo(0.6, 15);
    expect(breakEvenHitRate(0, 0.005)).toBe(0.5);
    expect(() => breakEvenHitRate(0.001, 0)).toThrow(/meanAbsMove/);
  });
});
