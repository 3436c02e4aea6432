import { describe, expect, it } from 'vitest';
import { ruleCoherence9550ms, type CoherencePresetFigures } from '../../../src/engine/claims/rules/coherence-95-50ms';

const sc = (id: string, f14: number, fSingle: number): CoherencePresetFigures => ({ id, platform: 'superconducting', f14, fSingle });
const ion = (id: string, f14: number, fSingle: number): CoherencePresetFigures => ({ id, platform: 'trapped-ion', f14, fSingle });

describe('ruleCoherence9550ms', () => {
  it('refuted when nothing reaches the threshold', () => {
    const r = ruleCoherence9550ms({ holdMs: 50, presets: [sc('ibm', 6e-5, 0.5), ion('ion', 0.7, 0.9499)] });
    expect(r.verdict).toBe('refuted');
    expect(r.pass14).toEqual([]);
    expect(r.passSingle).toEqual([]);
    expect(r.rule).toContain('ibm F14 = 6.000e-5');
  });

  it('partly supported when only a single qubit on a long-T2 platform passes (boundary: F = threshold passes)', () => {
    const r = ruleCoherence9550ms({ holdMs: 50, presets: [sc('ibm', 6e-5, 0.5), ion('ion', 0.7, 0.95)] });
    expect(r.verdict).toBe('partly supported');
    expect(r.passSingle).toEqual(['ion']);
    expect(r.rule).toContain('refuted on superconducting ibm');
    expect(r.rule).toContain('no platform holds the 14-qubit state');
    expect(r.rule).toContain('a single qubit holds on ion');
  });

  it('partly supported and names the platform that holds the 14-qubit state', () => {
    const r = ruleCoherence9550ms({ holdMs: 50, presets: [sc('ibm', 0.9499999, 0.99), { id: 'atom', platform: 'neutral-atom', f14: 0.991, fSingle: 0.9994 }] });
    expect(r.verdict).toBe('partly supported');
    expect(r.pass14).toEqual(['atom']);
    expect(r.rule).toContain('the 14-qubit state holds on atom');
  });

  it('supported as soon as one superconducting preset holds the 14-qubit state at the threshold', () => {
    const r = ruleCoherence9550ms({ holdMs: 50, presets: [sc('a', 0.95, 0.99), sc('b', 0.1, 0.5)] });
    expect(r.verdict).toBe('supported');
    expect(r.rule).toContain('passes on superconducting a');
  });

  it('uses a custom threshold and mentions the noiseless simulator', () => {
    const r = ruleCoherence9550ms({ holdMs: 0.01, threshold: 0.99, presets: [sc('a', 0.985, 0.995)], noiselessFidelity: 1 });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('F = 1.000000');
    expect(ruleCoherence9550ms({ holdMs: 0.01, threshold: 0.98, presets: [sc('a', 0.985, 0.995)] }).verdict).toBe('supported');
  });

  it('rejects invalid figures', () => {
    expect(() => ruleCoherence9550ms({ holdMs: 50, presets: [] })).toThrow(/presets/);
    expect(() => ruleCoherence9550ms({ holdMs: -1, presets: [sc('a', 1, 1)] })).toThrow(/holdMs/);
    expect(() => ruleCoherence9550ms({ holdMs: 50, threshold: 1, presets: [sc('a', 1, 1)] })).toThrow(/threshold/);
    expect(() => ruleCoherence9550ms({ holdMs: 50, presets: [sc('a', Number.NaN, 1)] })).toThrow(/f14 of a/);
  });
});
