import { describe, it, expect } from 'vitest';
import { pidJitter } from '../../../src/engine/claims/rules/roadmap-missing';

const base = { ticks: 600, openLoopUs: 5000, pidUs: 3000, predictiveUs: 40, targetUs: 10, resolutionUs: 0.1, where: 'setTimeout 1 ms, chained' };
const rule = pidJitter.readings[0].rule;

describe('pid-jitter-control rule', () => {
  it('names an early stop and what it means next to the figures', () => {
    const r = rule({ ...base, ticks: 200, stoppedBy: 'p95 lateness ≥ 10 periods settled' });
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('over 200 ticks');
    expect(r.rule).toContain('stopped early (p95 lateness ≥ 10 periods settled)');
    expect(r.rule).toContain('mostly drift');
  });
  it('says nothing of a stop when every tick ran', () => {
    expect(rule({ ...base, stoppedBy: 'all ticks' }).rule).not.toContain('stopped early');
    expect(rule(base).rule).not.toContain('stopped early');
  });
});
