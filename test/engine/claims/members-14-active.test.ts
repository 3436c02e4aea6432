import { describe, it, expect } from 'vitest';
import { ruleMembers14Active, type MembersActiveFigures } from '../../../src/engine/claims/rules/members-14-active';

const base: MembersActiveFigures = { nMembers: 14, activeMembers: 14, participationRatio: 4.0, varianceEffective: 2.7, literalParticipationRatio: 1 };

describe('ruleMembers14Active', () => {
  it('partly supported: 14 active data-driven members, but the literal replacement collapses them to one', () => {
    const r = ruleMembers14Active(base);
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('N_PR = 4');
    expect(r.rule).toContain('literal replacement N_PR = 1');
  });
  it('supported only when members and literal inputs both reach N_PR ≥ 7', () => {
    expect(ruleMembers14Active({ ...base, participationRatio: 7, literalParticipationRatio: 7 }).verdict).toBe('supported');
    expect(ruleMembers14Active({ ...base, participationRatio: 7, literalParticipationRatio: 6.99 }).verdict).toBe('partly supported');
    expect(ruleMembers14Active({ ...base, participationRatio: 6.99, literalParticipationRatio: 7 }).verdict).toBe('partly supported');
  });
  it('refuted at N_PR ≤ 2 (the roadmap\'s own "2/14") or with pinned members', () => {
    expect(ruleMembers14Active({ ...base, participationRatio: 2 }).verdict).toBe('refuted');
    expect(ruleMembers14Active({ ...base, participationRatio: 2.01 }).verdict).toBe('partly supported');
    const r = ruleMembers14Active({ ...base, activeMembers: 2 });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('only 2 of 14');
  });
  it('treats a NaN N_PR (nothing varies) as zero effective members', () => {
    expect(ruleMembers14Active({ ...base, participationRatio: NaN }).verdict).toBe('refuted');
  });
  it('rejects invalid counts', () => {
    expect(() => ruleMembers14Active({ ...base, activeMembers: 15 })).toThrow(/activeMembers/);
    expect(() => ruleMembers14Active({ ...base, nMembers: 0 })).toThrow(/nMembers/);
  });
});
