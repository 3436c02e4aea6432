import { describe, expect, it } from 'vitest';
import { ruleConsciousnessIndex, type ConsciousnessCellFigures, type ConsciousnessFigures } from '../../../src/engine/claims/rules/consciousness-index';

const cell = (over: Partial<ConsciousnessCellFigures> = {}): ConsciousnessCellFigures => ({
  threshold: 0.7, horizon: 1, nEvents: 40, difference: 1e-4, pValue: 0.5, holmAdjusted: 1, holmReject: false, bhAdjusted: 0.8, bhReject: false, ...over,
});
const base: ConsciousnessFigures = {
  cells: [cell(), cell({ horizon: 4 }), cell({ horizon: 24 })],
  alpha: 0.05, q: 0.1, barSeconds: 3600, measuredEventsPerSecond: 5.6e-7,
  rawShares: [{ window: 32, above07: 0, above01: 0.946 }, { window: 128, above07: 0, above01: 0.0001 }],
};

describe('ruleConsciousnessIndex', () => {
  it('the literal claim is always untestable as stated, naming what is undefined', () => {
    const r = ruleConsciousnessIndex(base);
    expect(r.verdict).toBe('untestable as stated');
    expect(r.rule).toContain('freq_factor');
    expect(r.rule).toContain('above 0.7 is 0 % at W = 32');
    expect(r.rule).toContain('above 0.1 it is 94.6 % at W = 32, 0.01 % at W = 128');
  });

  it('operationalisation: no detectable effect when no cell survives Holm or BH, with the smallest detectable effect', () => {
    const r = ruleConsciousnessIndex(base);
    expect(r.operationalisation.verdict).toBe('no detectable effect');
    expect(r.operationalisation.rule).toContain('strongest cell is threshold 0.7, h = 1');
  });

  it('operationalisation: the strongest cell breaks Holm ties on the raw p', () => {
    const r = ruleConsciousnessIndex({ ...base, cells: [cell(), cell({ horizon: 4, pValue: 0.17 })] });
    expect(r.operationalisation.rule).toContain('strongest cell is threshold 0.7, h = 4');
  });

  it('operationalisation: supported when one cell survives Holm, partly when only BH', () => {
    const holm = ruleConsciousnessIndex({ ...base, cells: [cell(), cell({ horizon: 4, pValue: 0.001, holmAdjusted: 0.003, holmReject: true, bhAdjusted: 0.003, bhReject: true })] });
    expect(holm.operationalisation.verdict).toBe('supported');
    expect(holm.operationalisation.rule).toContain('h = 4');
    const bh = ruleConsciousnessIndex({ ...base, cells: [cell(), cell({ horizon: 4, pValue: 0.03, holmAdjusted: 0.06, bhAdjusted: 0.06, bhReject: true })] });
    expect(bh.operationalisation.verdict).toBe('partly supported');
  });

  it('operationalisation: not measurable below minEvents (boundary at exactly minEvents is tested)', () => {
    expect(ruleConsciousnessIndex({ ...base, cells: [cell({ nEvents: 9 })] }).operationalisation.verdict).toBe('not measurable here');
    expect(ruleConsciousnessIndex({ ...base, cells: [cell({ nEvents: 10 })] }).operationalisation.verdict).toBe('no detectable effect');
    expect(ruleConsciousnessIndex({ ...base, minEvents: 50, cells: [cell({ nEvents: 49 })] }).operationalisation.verdict).toBe('not measurable here');
  });

  it('event rate: refuted by the sampling ceiling for hourly bars, with the numbers', () => {
    const r = ruleConsciousnessIndex(base).eventRate;
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('1.389e-4'); // 1/(2·3600)
    expect(r.rule).toContain('340560×'); // 47.3 · 7200
  });

  it('event rate: at the ceiling boundary the claim is possible and the measured rate decides', () => {
    const barSeconds = 1 / (2 * 47.3); // ceiling exactly 47.3/s
    expect(ruleConsciousnessIndex({ ...base, barSeconds, measuredEventsPerSecond: 47.3 }).eventRate.verdict).toBe('supported');
    expect(ruleConsciousnessIndex({ ...base, barSeconds, measuredEventsPerSecond: 47.2 }).eventRate.verdict).toBe('refuted');
    expect(ruleConsciousnessIndex({ ...base, barSeconds: barSeconds * 1.001, measuredEventsPerSecond: 47.3 }).eventRate.verdict).toBe('refuted');
  });

  it('rejects invalid figures', () => {
    expect(() => ruleConsciousnessIndex({ ...base, barSeconds: 0 })).toThrow(/barSeconds/);
    expect(() => ruleConsciousnessIndex({ ...base, alpha: 1 })).toThrow(/alpha/);
    expect(() => ruleConsciousnessIndex({ ...base, q: 0 })).toThrow(/q/);
    expect(() => ruleConsciousnessIndex({ ...base, cells: [] })).toThrow(/cells/);
    expect(() => ruleConsciousnessIndex({ ...base, measuredEventsPerSecond: NaN })).toThrow(/measuredEventsPerSecond/);
  });
});

describe('consciousness-index: detectable effect and the 1 ms cycle', () => {
  it('states the smallest detectable effect of the best-powered cell', async () => {
    const { detectableDifference } = await import('../../../src/engine/claims/rules/consciousness-index');
    // (1.95996 + 0.84162) × 0.01 / √100 = 0.0028016
    expect(detectableDifference(0.01, 100)).toBeCloseTo(0.0028016, 6);
    const r = ruleConsciousnessIndex({ ...base, cells: [cell({ detectable: 0.003 }), cell({ horizon: 4, detectable: 0.002 })] });
    expect(r.operationalisation.rule).toContain('smallest detectable effect = 20 bp');
  });
  it('at a 1 ms cycle 47.3/s is a possible count, nearly all recomputations', async () => {
    const { ruleEventRateAtCycle } = await import('../../../src/engine/claims/rules/consciousness-index');
    const r = ruleEventRateAtCycle(base);
    expect(r.verdict).toBe('partly supported');
    expect(r.rule).toContain('at most 500 upcrossings/s');
    expect(ruleEventRateAtCycle({ ...base, claimedEventsPerSecond: 501 }).verdict).toBe('refuted');
  });
});
