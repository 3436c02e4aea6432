import { describe, it, expect } from 'vitest';
import { ruleGhzOperation } from '../../../src/engine/claims/rules/ghz-operation';

describe('ruleGhzOperation', () => {
  it('refutes a JS statevector (10^3–10^5 gates/s)', () => {
    const r = ruleGhzOperation({ gatesPerSecondN14: 2.2e4, gatesPerSecondN16: 6.1e3 });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('best measured 22000 gates/s');
    expect(r.rule).toContain('4.66 decades short of 1.0e+9');
  });
  it('switches to partly supported at exactly 10^9 and supported at exactly 10^10', () => {
    expect(ruleGhzOperation({ gatesPerSecondN14: 0.999999e9, gatesPerSecondN16: 1 }).verdict).toBe('refuted');
    expect(ruleGhzOperation({ gatesPerSecondN14: 1e9, gatesPerSecondN16: 1 }).verdict).toBe('partly supported');
    expect(ruleGhzOperation({ gatesPerSecondN14: 1, gatesPerSecondN16: 0.9999999e10 }).verdict).toBe('partly supported');
    expect(ruleGhzOperation({ gatesPerSecondN14: 1, gatesPerSecondN16: 1e10 }).verdict).toBe('supported');
  });
  it('uses the more favourable size and ignores a missing one', () => {
    expect(ruleGhzOperation({ gatesPerSecondN14: 2e9, gatesPerSecondN16: NaN }).verdict).toBe('partly supported');
  });
  it('is not measurable without any throughput', () => {
    expect(ruleGhzOperation({ gatesPerSecondN14: NaN, gatesPerSecondN16: 0 }).verdict).toBe('not measurable here');
  });
});
