import { describe, it, expect } from 'vitest';
import { ruleBuffer10ns } from '../../../src/engine/claims/rules/buffer-10ns';

describe('ruleBuffer10ns', () => {
  it('is not measurable with a browser clock (5 µs isolated, 100 µs not)', () => {
    expect(ruleBuffer10ns({ resolutionMs: 0.005 })).toEqual({ verdict: 'not measurable here', rule: expect.stringContaining('20τ = 100000 ns, so 10 ns is 10000× too short') });
    expect(ruleBuffer10ns({ resolutionMs: 0.1 }).verdict).toBe('not measurable here');
  });
  it('switches at 20τ = 10 ns exactly (τ = 0.5 ns)', () => {
    expect(ruleBuffer10ns({ resolutionMs: 0.5e-6 }).verdict).toBe('untestable as stated');
    expect(ruleBuffer10ns({ resolutionMs: 0.5000001e-6 }).verdict).toBe('not measurable here');
  });
  it('refuses an unmeasured clock', () => {
    expect(ruleBuffer10ns({ resolutionMs: Infinity }).verdict).toBe('not measurable here');
    expect(ruleBuffer10ns({ resolutionMs: 0 }).verdict).toBe('not measurable here');
  });
});
