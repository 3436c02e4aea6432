import { describe, it, expect } from 'vitest';
import { createRng, normalizeSeed, uniformStream } from '../../src/engine/random';

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    const a = createRng(42), b = createRng(42);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });
  it('gives different streams for different seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
  it('produces doubles in [0,1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const r = createRng(7); let s = 0, s2 = 0; const n = 200000;
    for (let i = 0; i < n; i++) { const x = r.next(); expect(x >= 0 && x < 1).toBe(true); s += x; s2 += x * x; }
    const m = s / n; expect(Math.abs(m - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - m * m - 1 / 12)).toBeLessThan(0.002);
  });
  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const r = createRng(9); let s = 0, s2 = 0; const n = 200000;
    for (let i = 0; i < n; i++) { const x = r.normal(); s += x; s2 += x * x; }
    expect(Math.abs(s / n)).toBeLessThan(0.01); expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
  it('fork is deterministic and independent of the parent stream position', () => {
    const a = createRng(5); a.next();
    expect(a.fork('x').next()).toBe(createRng(5).fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
  it('string seeds hash stably and bad seeds are refused', () => {
    expect(normalizeSeed('abc')).toBe(normalizeSeed('abc'));
    expect(() => normalizeSeed(NaN)).toThrow(/invalid seed/);
  });
});

describe('uniformStream', () => {
  it('is the stream of createRng(seed).next() (and of a fork), bit for bit, across fill calls of any size', () => {
    for (const [seed, label] of [[0, undefined], [5014, undefined], ['abc', undefined], [7, 'ece-bootstrap'], [0xffffffff, 3]] as const) {
      const rng = label === undefined ? createRng(seed) : createRng(seed).fork(label);
      const stream = uniformStream(seed, label), buf = new Float64Array(300);
      for (const count of [1, 2, 17, 300, 0, 299]) {
        stream.fill(buf, count);
        for (let i = 0; i < count; i++) expect(buf[i]).toBe(rng.next());
      }
    }
  });
});
