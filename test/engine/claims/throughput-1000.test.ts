import { describe, expect, it } from 'vitest';
import { ruleThroughput1000, type ThroughputEntry } from '../../../src/engine/claims/rules/throughput-1000';
import { expectClose } from '../../util/close';

const agg = (id: string, decisionsPerSec: number, quantum = false): ThroughputEntry => ({ id, decisionsPerSec, quantum });
const roadmapId = 'roadmap-circuit';

describe('ruleThroughput1000', () => {
  it('partly supported when the simulated circuit exceeds 1000/s; states the data-rate ratio', () => {
    const r = ruleThroughput1000({ aggregators: [agg('majority', 1e6), agg(roadmapId, 3000, true)], roadmapId, onQuantumHardware: false, barSeconds: 3600 });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('achievable trivially, with no quantum element');
    expectClose(r.targetOverDataRate, 3.6e6);
    expect(r.rule).toContain('3.600e+6×');
  });

  it('boundary: exactly 1000/s is not above 1000/s', () => {
    expect(ruleThroughput1000({ aggregators: [agg(roadmapId, 1000, true)], roadmapId, onQuantumHardware: true, barSeconds: 3600 }).verdict).toBe('refuted');
    expect(ruleThroughput1000({ aggregators: [agg(roadmapId, 1000.001, true)], roadmapId, onQuantumHardware: true, barSeconds: 3600 }).verdict).toBe('supported');
  });

  it('partly supported when only classical aggregators exceed it; refuted when none does', () => {
    const r = ruleThroughput1000({ aggregators: [agg('mean', 5e5), agg(roadmapId, 800, true)], roadmapId, onQuantumHardware: false, barSeconds: 3600 });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('mean exceed it, the circuit does not');
    expect(ruleThroughput1000({ aggregators: [agg('mean', 900), agg(roadmapId, 800, true)], roadmapId, onQuantumHardware: false, barSeconds: 3600 }).verdict).toBe('refuted');
  });

  it('not measurable when the circuit figure is missing; invalid inputs throw', () => {
    expect(ruleThroughput1000({ aggregators: [agg(roadmapId, NaN, true)], roadmapId, onQuantumHardware: false, barSeconds: 3600 }).verdict).toBe('not measurable here');
    expect(() => ruleThroughput1000({ aggregators: [agg(roadmapId, 1, true)], roadmapId, onQuantumHardware: false, barSeconds: 0 })).toThrow(/barSeconds/);
    expect(() => ruleThroughput1000({ aggregators: [agg('x', 1)], roadmapId, onQuantumHardware: false, barSeconds: 60 })).toThrow(/roadmapId/);
  });
});
