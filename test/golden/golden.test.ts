/** The golden-results comparison itself (the snapshots are checked in test/notebooks.test.ts). */
import { describe, it, expect } from 'vitest';
import { diffGolden, round3, snapshotOf, type GoldenSnapshot } from './golden';

const judgement = (verdict: string, readings: Record<string, string>) => ({
  claim: 'decision-1ms', title: 't', quote: 'q', section: 's', notebook: 'n', verdict, reading: 'stated-simulator', readingLabel: 'l', rule: 'r',
  readings: Object.entries(readings).map(([id, v]) => ({ id, label: id, verdict: v, rule: 'r', headline: id === 'stated-simulator' })), figures: [],
}) as never;

describe('golden results', () => {
  it('rounds to 3 significant digits and pins floating-point residues as one token', () => {
    expect(round3(0.123456)).toBe(0.123);
    expect(round3(123456)).toBe(123000);
    expect(round3(7.2e-16)).toBe('|x| < 1e-9');
    expect(round3(0)).toBe(0);
    expect(round3(NaN)).toBe('NaN');
    expect(round3('text')).toBe('text');
  });

  it('reports changed figures and verdicts, and ignores volatile ones (whole claims or one reading)', () => {
    const base = snapshotOf('nb', 1, [['c', { values: {}, figures: { a: 1.2345, b: 2, t: 5 }, verdicts: [judgement('supported', { 'stated-simulator': 'supported', 'hardware-trapped-ion': 'refuted' })] }]]);
    const want: GoldenSnapshot = { ...base, volatile: { figures: ['c.t'], verdicts: ['decision-1ms/stated-simulator'] } };
    const same = snapshotOf('nb', 1, [['c', { values: {}, figures: { a: 1.2349, b: 2, t: 9 }, verdicts: [judgement('partly supported', { 'stated-simulator': 'partly supported', 'hardware-trapped-ion': 'refuted' })] }]]);
    expect(diffGolden(want, same)).toEqual([]);
    const moved = snapshotOf('nb', 1, [['c', { values: {}, figures: { a: 1.3, c: 1 }, verdicts: [judgement('supported', { 'stated-simulator': 'supported', 'hardware-trapped-ion': 'supported' })] }]]);
    expect(diffGolden(want, moved)).toEqual([
      'figure c.a: 1.23 → 1.3',
      'figure c.b: was 2, now missing',
      'figure c.c: new, 1',
      'VERDICT decision-1ms, reading hardware-trapped-ion: refuted → supported',
    ]);
  });
});
