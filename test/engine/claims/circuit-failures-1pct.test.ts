import { describe, it, expect } from 'vitest';
import { ruleCircuitCrashes, ruleCircuitFailures1pct, ruleCircuitFallbacks } from '../../../src/engine/claims/rules/circuit-failures-1pct';

describe('circuit failures: crash rate and fallback rate, two figures with two rules', () => {
  it('never crashes but always falls back: crash supported, fallback refuted, headline partly supported', () => {
    const f = { calls: 8000, failures: 8000, lower: 0.9995, upper: 1, invalidOutputs: 0 };
    expect(ruleCircuitCrashes(f).verdict).toBe('supported');
    expect(ruleCircuitFallbacks(f).verdict).toBe('refuted');
    const r = ruleCircuitFailures1pct(f);
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('crash rate');
    expect(r.rule).toContain('fallback decides');
  });
  it('switches at 1 % on the Wilson bounds (fallback reading)', () => {
    expect(ruleCircuitFallbacks({ calls: 10000, failures: 50, lower: 0.0037, upper: 0.0099, invalidOutputs: 0 }).verdict).toBe('supported');
    expect(ruleCircuitFallbacks({ calls: 10000, failures: 60, lower: 0.0046, upper: 0.01, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(ruleCircuitFallbacks({ calls: 10000, failures: 140, lower: 0.01, upper: 0.0165, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(ruleCircuitFallbacks({ calls: 10000, failures: 141, lower: 0.0101, upper: 0.0166, invalidOutputs: 0 }).verdict).toBe('refuted');
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 50, lower: 0.0037, upper: 0.0099, invalidOutputs: 0 }).verdict).toBe('supported');
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 500, lower: 0.045, upper: 0.055, invalidOutputs: 500 }).verdict).toBe('refuted');
  });
  it('not measurable without calls; rejects inconsistent counts', () => {
    expect(ruleCircuitFailures1pct({ calls: 0, failures: 0, lower: NaN, upper: NaN, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(() => ruleCircuitFailures1pct({ calls: 10, failures: 11, lower: 0, upper: 1, invalidOutputs: 0 })).toThrow(/failures/);
    expect(() => ruleCircuitFailures1pct({ calls: 10, failures: 1, lower: 0, upper: 1, invalidOutputs: 2 })).toThrow(/invalidOutputs/);
  });
});
