import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalState, decodeExperiment, encodeExperiment, ShareError, tryDecodeExperiment, type ExperimentState } from '../../src/share/index';
import { jsonErrorPosition } from '../../src/share/jsonErrorPosition';
import { decodeBase64url, encodeBase64url } from '../../src/share/base64url';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,20}$/).filter((s) => !['constructor', 'prototype'].includes(s));
const inputValue = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ maxLength: 30 }), fc.boolean());
const stateArb: fc.Arbitrary<ExperimentState> = fc.record(
  {
    v: fc.constant(1 as const),
    notebook: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    seed: fc.nat({ max: 0xffffffff }),
    inputs: fc.dictionary(name, inputValue, { maxKeys: 8 }),
    edits: fc.dictionary(name, fc.string({ maxLength: 200, unit: 'grapheme' }), { maxKeys: 4 }),
    dataset: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20)),
    step: fc.nat({ max: 10_000 }),
    hide: fc.array(fc.constantFrom('code', 'controls', 'prose', 'notes'), { maxLength: 4 }),
  },
  { requiredKeys: ['v', 'notebook', 'seed', 'inputs', 'edits'] },
);

describe('share codec properties', () => {
  it('decode(encode(s)) equals canonical(s), and the link is stable', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const link = encodeExperiment(s);
        const back = decodeExperiment(link);
        expect(back).toEqual(canonicalState(s));
        expect(encodeExperiment(back)).toBe(link);
        // Reordering keys does not change the link.
        const shuffled = { ...s, inputs: Object.fromEntries(Object.entries(s.inputs).reverse()), edits: Object.fromEntries(Object.entries(s.edits).reverse()) };
        expect(encodeExperiment(shuffled)).toBe(link);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  const onlyShareErrors = (input: string) => {
    const r = tryDecodeExperiment(input);
    if (!r.ok) expect(r.error).toBeInstanceOf(ShareError);
    try {
      decodeExperiment(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ShareError);
    }
  };

  it('decoding any string fails only with ShareError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), onlyShareErrors), { seed: 42, numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 300 }), (s) => onlyShareErrors(`x1.${s}`)), { seed: 42, numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => onlyShareErrors(`x1.${encodeBase64url(b)}`)), { seed: 42, numRuns: 500 });
  });

  it('mutated valid links (truncated, bit flips, appended junk) fail only with ShareError', () => {
    const mutated = stateArb.chain((s) => {
      const link = encodeExperiment(s);
      return fc.oneof(
        fc.nat({ max: link.length }).map((n) => link.slice(0, n)),
        fc.tuple(fc.nat({ max: link.length - 5 }), fc.integer({ min: 0, max: 5 })).map(([i, bit]) => {
          const [body, check] = link.slice(4).split('.');
          const bytes = decodeBase64url(body);
          const j = Math.min(i, bytes.length - 1);
          bytes[j] ^= 1 << bit;
          return `#x1.${encodeBase64url(bytes)}.${check}`;
        }),
        fc.string({ maxLength: 20 }).map((junk) => link + junk),
      );
    });
    fc.assert(fc.property(mutated, onlyShareErrors), { seed: 42, numRuns: 500 });
  });
});

describe('base64url', () => {
  it('round-trips bytes and matches Node\'s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        const s = encodeBase64url(b);
        expect(s).toBe(Buffer.from(b).toString('base64url'));
        expect(decodeBase64url(s)).toEqual(b);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('jsonErrorPosition', () => {
  it('agrees with JSON.parse on validity, and the position is within the text', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((j) => j.slice(0, Math.floor(j.length / 2))),
      fc.string({ unit: fc.constantFrom(...'{}[],:"0123456789.-e truefalsn\\u'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(jsonish, (t) => {
        let valid = true;
        try { JSON.parse(t); } catch { valid = false; }
        const pos = jsonErrorPosition(t);
        if (valid) expect(pos).toBe(-1);
        else {
          expect(pos).toBeGreaterThanOrEqual(0);
          expect(pos).toBeLessThanOrEqual(t.length);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('points at the offending character and survives deep nesting', () => {
    expect(jsonErrorPosition('{"a":1,}')).toBe(7);
    expect(jsonErrorPosition('[1 2]')).toBe(3);
    expect(jsonErrorPosition('[' .repeat(1e6))).toBe(1e6);
    expect(jsonErrorPosition('['.repeat(1e5) + ']'.repeat(1e5))).toBe(-1);
  });
});
