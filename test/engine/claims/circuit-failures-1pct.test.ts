import { describe, it, expect } from 'vitest';
import { ruleCircuitFailures1pct } from '../../../src/engine/claims/rules/circuit-failures-1pct';

describe('ruleCircuitFailures1pct', () => {
  it('refuted when the fallback fires on almost every bar', () => {
    const r = ruleCircuitFailures1pct({ calls: 8000, failures: 8000, lower: 0.9995, upper: 1, invalidOutputs: 0 });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('numerically invalid outputs: 0');
  });
  it('switches at 1 % on the Wilson bounds', () => {
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 50, lower: 0.0037, upper: 0.0099, invalidOutputs: 0 }).verdict).toBe('supported');
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 60, lower: 0.0046, upper: 0.01, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 140, lower: 0.01, upper: 0.0165, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(ruleCircuitFailures1pct({ calls: 10000, failures: 141, lower: 0.0101, upper: 0.0166, invalidOutputs: 0 }).verdict).toBe('refuted');
  });
  it('not measurable without calls; rejects inconsistent counts', () => {
    expect(ruleCircuitFailures1pct({ calls: 0, failures: 0, lower: NaN, upper: NaN, invalidOutputs: 0 }).verdict).toBe('not measurable here');
    expect(() => ruleCircuitFailures1pct({ calls: 10, failures: 11, lower: 0, upper: 1, invalidOutputs: 0 })).toThrow(/failures/);
    expect(() => ruleCircuitFailures1pct({ calls: 10, failures: 1, lower: 0, upper: 1, invalidOutputs: 2 })).toThrow(/invalidOutputs/);
  });
});
