import { describe, it, expect } from 'vitest';
import { ruleQuantumOp100ns } from '../../../src/engine/claims/rules/quantum-op-100ns';

describe('ruleQuantumOp100ns', () => {
  it('is supported at exactly 100 ns and refuted just above', () => {
    expect(ruleQuantumOp100ns({ nsPerGateN16: 100 }).verdict).toBe('supported');
    expect(ruleQuantumOp100ns({ nsPerGateN16: 100.0001 }).verdict).toBe('refuted');
  });
  it('states the ratio to the target', () => {
    const r = ruleQuantumOp100ns({ nsPerGateN16: 164e3 });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('measured 164000 ns per gate, 1640× the target');
  });
  it('honours another target', () => {
    expect(ruleQuantumOp100ns({ nsPerGateN16: 500, claimNs: 1000 }).verdict).toBe('supported');
  });
  it('is not measurable without a measurement', () => {
    expect(ruleQuantumOp100ns({ nsPerGateN16: NaN }).verdict).toBe('not measurable here');
    expect(ruleQuantumOp100ns({ nsPerGateN16: 0 }).verdict).toBe('not measurable here');
  });
});
