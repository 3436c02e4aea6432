import { describe, expect, it } from 'vitest';
import { ruleDecision1ms, type LatencyEntry } from '../../../src/engine/claims/rules/decision-1ms';

const agg = (id: string, p95Ms: number, quantum = false): LatencyEntry => ({ id, p95Ms, quantum });
const roadmapId = 'roadmap-circuit';

describe('ruleDecision1ms', () => {
  it('partly supported when the simulated circuit is below 1 ms (no quantum hardware)', () => {
    const r = ruleDecision1ms({ aggregators: [agg('majority', 0.001), agg(roadmapId, 0.4, true)], roadmapId, onQuantumHardware: false });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('achievable trivially, with no quantum element');
    expect(r.pass).toEqual(['majority', roadmapId]);
  });

  it('supported only on quantum hardware; the boundary p95 = 1 ms fails', () => {
    expect(ruleDecision1ms({ aggregators: [agg(roadmapId, 0.999, true)], roadmapId, onQuantumHardware: true }).verdict).toBe('supported');
    const r = ruleDecision1ms({ aggregators: [agg(roadmapId, 1, true)], roadmapId, onQuantumHardware: true });
    expect(r.verdict).toBe('refuted');
    expect(r.fail).toEqual([roadmapId]);
  });

  it('partly supported when only classical aggregators meet it', () => {
    const r = ruleDecision1ms({ aggregators: [agg('mean', 0.002), agg(roadmapId, 3, true)], roadmapId, onQuantumHardware: false });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('mean meet it, the circuit does not');
  });

  it('refuted when nothing meets it; a quantum non-roadmap entry does not rescue it', () => {
    expect(ruleDecision1ms({ aggregators: [agg('mean', 2), agg('vqc', 0.5, true), agg(roadmapId, 3, true)], roadmapId, onQuantumHardware: false }).verdict).toBe('refuted');
  });

  it('not measurable when the circuit figure is missing; invalid inputs throw', () => {
    expect(ruleDecision1ms({ aggregators: [agg(roadmapId, NaN, true)], roadmapId, onQuantumHardware: false }).verdict).toBe('not measurable here');
    expect(() => ruleDecision1ms({ aggregators: [agg('mean', 1)], roadmapId, onQuantumHardware: false })).toThrow(/roadmapId/);
    expect(() => ruleDecision1ms({ aggregators: [agg(roadmapId, 1, true)], roadmapId, onQuantumHardware: false, limitMs: 0 })).toThrow(/limitMs/);
  });
});
