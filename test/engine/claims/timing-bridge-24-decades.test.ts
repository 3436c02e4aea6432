import { describe, it, expect } from 'vitest';
import { decadesSpan, ruleTimingBridge24Decades } from '../../../src/engine/claims/rules/timing-bridge-24-decades';
import { expectClose } from '../../util/close';

describe('decadesSpan', () => {
  it('matches the oracles: EHz→µHz is 24 decades, 1 µs…1 s is 6', () => {
    expectClose(decadesSpan([1e-18, 1e6]), 24);
    expectClose(decadesSpan([1e-6, 1e-3, 0.1, 1]), 6);
  });
  it('ignores non-positive and non-finite entries, NaN below two', () => {
    expect(decadesSpan([1, 0, -1, NaN])).toBeNaN();
    expectClose(decadesSpan([10, 0, 1000, Infinity]), 2);
  });
});

describe('ruleTimingBridge24Decades', () => {
  const config = [
    { label: 'QUANTUM_GATE', seconds: 1e-6 },
    { label: 'STRATEGIC', seconds: 1 },
  ];
  it('refutes the roadmap config (6 decades) and names the extremes', () => {
    const r = ruleTimingBridge24Decades({ timescales: [...config, { label: 'IBM sx gate', seconds: 32e-9 }] });
    expect(r.verdict).toBe('refuted');
    expectClose(r.spanDecades, Math.log10(1 / 32e-9));
    expect(r.fastest?.label).toBe('IBM sx gate');
    expect(r.slowest?.label).toBe('STRATEGIC');
    expect(r.rule).toContain('7.49 decades');
  });
  it('switches at exactly 24 decades', () => {
    expect(ruleTimingBridge24Decades({ timescales: [{ label: 'a', seconds: 1e-18 }, { label: 'b', seconds: 0.99e6 }] }).verdict).toBe('refuted');
    expect(ruleTimingBridge24Decades({ timescales: [{ label: 'a', seconds: 1e-18 }, { label: 'b', seconds: 1e6 }] }).verdict).toBe('untestable as stated');
  });
  it('is not measurable with fewer than two timescales', () => {
    expect(ruleTimingBridge24Decades({ timescales: [{ label: 'a', seconds: 1 }, { label: 'b', seconds: NaN }] }).verdict).toBe('not measurable here');
  });
});
