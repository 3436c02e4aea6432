/** The experiment result cache: keys name everything a run depends on; values read back exactly. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCacheValue, encodeCacheValue, memoryRunCache, runCacheKey, type RunCacheKeyParts } from '../../src/notebook/runCache';

const base: RunCacheKeyParts = { salt: 's1', data: 'd1', notebookId: 'aggregators', notebookSource: '# A\n', inputs: { bars: 100, includeVqc: true }, seed: 1 };

describe('runCacheKey', () => {
  it('is stable, ignores input order, and changes with every part', async () => {
    const k = await runCacheKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await runCacheKey({ ...base, inputs: { includeVqc: true, bars: 100 } })).toBe(k);
    const variants: Partial<RunCacheKeyParts>[] = [
      { salt: 's2' }, { data: 'd2' }, { notebookId: 'other' }, { notebookSource: '# A \n' }, { inputs: { bars: 101, includeVqc: true } },
      { seed: 2 }, { uploads: { 'upload:1': 'abc' } },
    ];
    const keys = await Promise.all(variants.map((v) => runCacheKey({ ...base, ...v })));
    for (const other of keys) expect(other).not.toBe(k);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('cache value encoding', () => {
  it('round-trips NaN, ±Infinity, −0 and typed arrays that JSON alone loses', () => {
    const v = { a: NaN, b: Infinity, c: -Infinity, d: -0, e: [1, NaN], f: Float64Array.from([1.5, NaN]), g: 'x', h: null, i: { $num: 'not special', other: 1 } };
    const back = decodeCacheValue(encodeCacheValue(v)) as typeof v;
    expect(back.a).toBeNaN();
    expect(back.b).toBe(Infinity);
    expect(back.c).toBe(-Infinity);
    expect(Object.is(back.d, -0)).toBe(true);
    expect(back.e[1]).toBeNaN();
    expect(back.f).toBeInstanceOf(Float64Array);
    expect(Array.from(back.f)[1]).toBeNaN();
    expect(back.i).toEqual({ $num: 'not special', other: 1 });
  });

  it('property: any JSON-ish value with special numbers reads back equal', () => {
    const num = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0));
    const val = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, num, fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => !k.startsWith('$') && k !== '__proto__'), tie('v'), { maxKeys: 4, noNullPrototype: true })),
    })).v;
    fc.assert(fc.property(val, (v) => {
      expect(decodeCacheValue(encodeCacheValue(v))).toStrictEqual(v);
    }));
  });

  it('memory store keeps what it is given', async () => {
    const m = memoryRunCache();
    await m.set('k', { x: 1 });
    expect(await m.get('k')).toEqual({ x: 1 });
    expect(await m.get('nope')).toBeUndefined();
    expect(m.size).toBe(1);
  });
});
