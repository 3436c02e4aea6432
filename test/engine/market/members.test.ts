import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { MEMBERS, MEMBER_IDS, getMember } from '../../../src/engine/market/members/index';
import { computeMemberProbabilities, toProbabilitiesDetailed } from '../../../src/engine/market/probabilities';
import { upLabels } from '../../../src/engine/market/returns';
import { parseOhlcvCsv } from '../../../src/engine/market/csv';
import type { Ohlcv } from '../../../src/engine/market/ohlcv';
import { headOf, randomWalkOhlcv, sliceOhlcv, withRandomFuture } from './synthetic';

const MAPPING = { refitEvery: 37, minHistory: 300, window: 400 };

function sameBits(a: Float64Array, b: Float64Array, upTo: number): number {
  // Returns the first index ≤ upTo where the two differ bit for bit (NaN equals NaN), or −1.
  const da = new DataView(a.buffer, a.byteOffset), db = new DataView(b.buffer, b.byteOffset);
  for (let i = 0; i <= upTo; i++) if (da.getBigUint64(i * 8, true) !== db.getBigUint64(i * 8, true)) return i;
  return -1;
}

function probsOf(d: Ohlcv, raw: Float64Array): Float64Array {
  return toProbabilitiesDetailed(raw, upLabels(d.close), MAPPING).prob;
}

const synthetic = randomWalkOhlcv(1500, 'members-causality');
const real = sliceOhlcv(parseOhlcvCsv(readFileSync('public/data/BTC_USDT-1h.csv', 'utf8')).data, 20_000, 21_500);

describe('board member registry', () => {
  it('has 14 members with unique stable ids, documented params and 2–4 sentence rationales', () => {
    expect(MEMBERS.length).toBe(14);
    expect(new Set(MEMBER_IDS).size).toBe(14);
    expect(MEMBER_IDS.slice(0, 4)).toEqual(['qar', 'narrative_forecaster', 'qstar', 'antifragility']);
    for (const m of MEMBERS) {
      expect(m.id).toMatch(/^[a-z][a-z_]*$/);
      const sentences = m.rationale.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, m.id).toBeGreaterThanOrEqual(2);
      expect(sentences, m.id).toBeLessThanOrEqual(4);
      expect(Object.keys(m.paramDocs).sort(), m.id).toEqual(Object.keys(m.params).sort());
    }
    expect(() => getMember('nope')).toThrow(/invalid member id: "nope"/);
  });

  it('every member is deterministic, of length T, finite after its warm-up and NaN only in a leading warm-up', () => {
    for (const m of MEMBERS) {
      const a = m.signal(synthetic, m.params), b = m.signal(synthetic, m.params);
      expect(a.length).toBe(synthetic.time.length);
      expect(sameBits(a, b, a.length - 1), m.id).toBe(-1);
      let firstFinite = a.findIndex((x) => Number.isFinite(x));
      expect(firstFinite, m.id).toBeGreaterThanOrEqual(0);
      expect(firstFinite, m.id).toBeLessThan(600);
      for (let t = firstFinite; t < a.length; t++) if (!Number.isFinite(a[t])) { firstFinite = -t; break; }
      expect(firstFinite, `${m.id}: NaN after warm-up at bar ${-firstFinite}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects out-of-range parameters with a message naming member, field and range', () => {
    expect(() => getMember('momentum').signal(synthetic, { lookbackBars: 0, volSpanBars: 168 })).toThrow('invalid momentum.lookbackBars: 0 (expected an integer 1–10080)');
    expect(() => getMember('macd').signal(synthetic, { fastBars: 30, slowBars: 26, signalBars: 9 })).toThrow(/fastBars/);
    expect(() => computeMemberProbabilities(synthetic, { params: { rsi: { period: 3 } } })).toThrow(/invalid rsi parameter: "period"/);
  });
});

describe('no look-ahead (property): outputs at bars ≤ t ignore every bar after t', () => {
  for (const [name, series] of [['synthetic random walk', synthetic], ['BTC_USDT-1h slice', real]] as const) {
    for (const m of MEMBERS) {
      it(`${m.id} on ${name}: raw and mapped probability`, () => {
        const fullRaw = m.signal(series, m.params);
        const fullProb = probsOf(series, fullRaw);
        const T = series.time.length;
        fc.assert(
          fc.property(fc.integer({ min: 1, max: T - 2 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (t, seed) => {
            const cut = headOf(series, t + 1);
            const rawCut = m.signal(cut, m.params);
            const alt = withRandomFuture(series, t, seed);
            const rawAlt = m.signal(alt, m.params);
            return sameBits(fullRaw, rawCut, t) === -1 && sameBits(fullRaw, rawAlt, t) === -1
              && sameBits(fullProb, probsOf(cut, rawCut), t) === -1 && sameBits(fullProb, probsOf(alt, rawAlt), t) === -1;
          }),
          { seed: 42, numRuns: 12 },
        );
      });
    }
  }
});

describe('the look-ahead check itself', () => {
  it('catches a deliberately leaky signal (reads close[t+1])', () => {
    const leaky = (d: Ohlcv) => { const o = new Float64Array(d.close.length); for (let t = 0; t + 1 < o.length; t++) o[t] = d.close[t + 1] / d.close[t]; return o; };
    const t = 700, full = leaky(synthetic), alt = leaky(withRandomFuture(synthetic, t, 7));
    expect(sameBits(full, alt, t)).toBe(t);
  });
});

describe('computeMemberProbabilities', () => {
  it('returns one column per member, 0.5 flagged before minHistory and inside (0, 1) after', () => {
    let calls = 0;
    const res = computeMemberProbabilities(synthetic, { mapping: MAPPING }, () => calls++);
    expect(calls).toBe(14);
    expect(res.ids).toEqual([...MEMBER_IDS]);
    for (let i = 0; i < 14; i++) {
      const p = res.probs[i], flag = res.isDefault[i];
      for (let t = 0; t < MAPPING.minHistory; t++) { expect(p[t]).toBe(0.5); expect(flag[t]).toBe(1); }
      for (let t = MAPPING.minHistory; t < p.length; t++) {
        if (res.raw[i][t] === res.raw[i][t]) { expect(p[t]).toBeGreaterThan(0); expect(p[t]).toBeLessThan(1); expect(flag[t]).toBe(0); }
        else { expect(p[t]).toBe(0.5); expect(flag[t]).toBe(1); }
      }
    }
  });

  it('honours a member subset, its order and parameter overrides', () => {
    const res = computeMemberProbabilities(synthetic, { members: ['rsi', 'qar'], params: { rsi: { periodBars: 5 } }, mapping: MAPPING });
    expect(res.ids).toEqual(['rsi', 'qar']);
    const direct = getMember('rsi').signal(synthetic, { periodBars: 5 });
    expect(sameBits(res.raw[0], direct, direct.length - 1)).toBe(-1);
  });
});
