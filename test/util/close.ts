import { expect } from 'vitest';

/** Tolerance comparison for numbers and numeric arrays; reports the first bad index and both values. */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  { abs = 1e-12, rel = 1e-9 }: { abs?: number; rel?: number } = {},
): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  expect(a.length, 'length').toBe(e.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = e[i];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    const tol = abs + rel * Math.max(Math.abs(x), Math.abs(y));
    if (!(Math.abs(x - y) <= tol)) {
      throw new Error(`not close at index ${i}: actual ${x}, expected ${y}, |diff| ${Math.abs(x - y)} > tol ${tol}`);
    }
  }
}
