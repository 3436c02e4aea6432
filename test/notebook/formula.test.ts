import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFormulaEngine, FormulaError, MAX_FORMULA_LINE_CHARS } from '../../src/notebook/formula';
import { expectClose } from '../util/close';

const engine = createFormulaEngine({ seed: 7 });

function formulaError(f: () => unknown): FormulaError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error('expected a FormulaError');
}

describe('analyze', () => {
  it('lists defines in order and references not defined earlier, excluding builtins and function names', () => {
    const src = `# timing summary
p99Us = p99 * 1000

ok = p99Us < limitUs and resolved
spread = max(latency) - min(latency) + pi * e`;
    expect(engine.analyze(src)).toEqual({ defines: ['p99Us', 'ok', 'spread'], references: ['p99', 'limitUs', 'resolved', 'latency'] });
  });

  it('excludes function-assignment parameters and inline callback parameters', () => {
    expect(engine.analyze('f(x, y) = x^2 + y + k\nz = f(2, 3) + sum(map(v, g(t) = t * w))')).toEqual({ defines: ['f', 'z'], references: ['k', 'v', 'w'] });
  });

  it('treats an unknown function name as a reference (it may come from another cell)', () => {
    expect(engine.analyze('y = myFn(3)').references).toEqual(['myFn']);
  });

  it('does not count names inside strings, and a name redefined later reads the earlier value', () => {
    expect(engine.analyze('s = "x + y"\ns2 = concat(s, "!")\na = 1\na = a + 1')).toEqual({ defines: ['s', 's2', 'a'], references: [] });
  });

  it('refuses a name used before its definition in the same cell', () => {
    const e = formulaError(() => engine.analyze('b = a + 1\na = 2'));
    expect(e.message).toBe("line 1: 'a' is used before it is defined (on line 2); move its definition up");
    expect([e.line, e.column]).toEqual([1, 5]);
  });

  it('refuses lines that are not definitions', () => {
    expect(formulaError(() => engine.analyze('1 + 2')).message).toBe('line 1: expected a definition `name = expression`');
    expect(formulaError(() => engine.analyze('a = 1; b = 2')).message).toBe('line 1: expected a definition `name = expression`');
  });
});

describe('evaluate', () => {
  it('evaluates multi-line cells where later lines use earlier names', () => {
    const out = engine.evaluate('periodUs = periodMs * 1000\nticksPerS = 1e6 / periodUs\n# comment\nlabel = concat("every ", string(periodMs), " ms")\nfast = ticksPerS > 100', { periodMs: 4 });
    expect(out).toEqual({ periodUs: 4000, ticksPerS: 250, label: 'every 4 ms', fast: true });
  });

  it('accepts Float64Array columns (meanP = mean(p)) and returns plain arrays for matrices', () => {
    const p = new Float64Array([0.1, 0.2, 0.3, 0.4]);
    const out = engine.evaluate('meanP = mean(p)\nsd = std(p)\ntwice = p * 2\nm = [1, 2; 3, 4] * [1; 1]\nrows = size(m)', { p });
    expectClose(out.meanP as number, 0.25);
    expectClose(out.sd as number, Math.sqrt(((0.15 ** 2 + 0.05 ** 2) * 2) / 3));
    expect(Array.isArray(out.twice)).toBe(true);
    expectClose(out.twice as number[], [0.2, 0.4, 0.6, 0.8]);
    expect(out.m).toEqual([[3], [7]]);
    expect(out.rows).toEqual([2, 1]);
  });

  it('accepts nested arrays of typed arrays and booleans/strings', () => {
    const out = engine.evaluate('t = sum(rows[2, :])\nflag = not on\nn = size(name)', { rows: [new Float64Array([1, 2]), new Float64Array([3, 4])], on: false, name: 'abc' });
    expect(out).toEqual({ t: 7, flag: true, n: [3] });
    expect(engine.evaluate('last = v[end]\ntail = v[2:end]', { v: new Float64Array([5, 6, 7]) })).toEqual({ last: 7, tail: [6, 7] });
    expect(engine.analyze('last = v[end]').references).toEqual(['v']);
  });

  it('does not mutate the scope it is given', () => {
    const p = [1, 2, 3];
    engine.evaluate('q = p * 2', { p });
    expect(p).toEqual([1, 2, 3]);
  });

  it('user functions defined in a cell are callable values', () => {
    const out = engine.evaluate('sq(x) = x^2\ny = sq(3)', {});
    expect(out.y).toBe(9);
    expect((out.sq as (x: number) => number)(4)).toBe(16);
  });

  it('random() is seeded: the same engine seed and cell give the same numbers', () => {
    const a = createFormulaEngine({ seed: 3 }).evaluate('r = random()', {});
    const b = createFormulaEngine({ seed: 3 }).evaluate('r = random()', {});
    const c = createFormulaEngine({ seed: 4 }).evaluate('r = random()', {});
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(engine.evaluate('r = random()', {})).toEqual(engine.evaluate('r = random()', {}));
  });

  it('the lock leaves mathjs working: linear algebra and statistics built on guarded functions', () => {
    const out = createFormulaEngine({ seed: 1 }).evaluate(`a = inv([1, 2; 3, 4]) * [1; 2]
d = det([1, 2; 3, 4])
x = lusolve([1, 2; 3, 4], [1; 2])
ex = expm([0, 1; 0, 0])
pw = [1, 1; 0, 1]^3
k = kron([1, 2], [3, 4])
dg = diag([1, 2])
q = quantileSeq([1, 2, 3, 4], 0.5)
md = median([3, 1, 2])
n = norm([3, 4])
r = size(random([2, 3]))
c = cross([1, 0, 0], [0, 1, 0])
dt = dot([1, 2], [3, 4])`, {});
    expect(out).toMatchObject({ d: -2, ex: [[1, 1], [0, 1]], pw: [[1, 3], [0, 1]], k: [3, 4, 6, 8], dg: [[1, 0], [0, 2]], q: 2.5, md: 2, n: 5, r: [2, 3], c: [0, 0, 1], dt: 11 });
    expectClose((out.a as number[][]).flat(), [0, 0.5], { abs: 1e-12 });
    expectClose((out.x as number[][]).flat(), [0, 0.5], { abs: 1e-12 });
  });

  it('complex results leave as strings, never as mathjs objects', () => {
    expect(engine.evaluate('z = sqrt(-4)', {})).toEqual({ z: '2i' });
  });
});

describe('errors name line and column', () => {
  it('syntax errors map mathjs char index to line/column', () => {
    let e = formulaError(() => engine.evaluate('a = 1\n\n  b = (2 + 3', {}));
    expect(e.message).toBe('line 3, column 13: Parenthesis ) expected');
    expect([e.line, e.column]).toEqual([3, 13]);
    e = formulaError(() => engine.evaluate('x = 1 +', {}));
    expect(e.message).toBe('line 1, column 8: Unexpected end of expression');
  });

  it('unknown symbols and functions', () => {
    let e = formulaError(() => engine.evaluate('a = 1\nb = foo + a', {}));
    expect(e.message).toBe("line 2, column 5: undefined symbol 'foo'");
    expect(e.column).toBe(5);
    expect(e.line).toBe(2);
    e = formulaError(() => engine.evaluate('b = bar(1)', {}));
    expect(e.message).toBe("line 1, column 5: undefined function 'bar'");
  });

  it('units are not reachable through unknown names', () => {
    expect(formulaError(() => engine.evaluate('x = 5 cm', {})).message).toBe("line 1, column 7: undefined symbol 'cm'");
  });

  it('runtime errors from mathjs carry the line', () => {
    const e = formulaError(() => engine.evaluate('a = 1\nb = [1, 2] * [1, 2, 3]', {}));
    expect(e.message).toMatch(/^line 2: Dimension mismatch/);
    expect(e.line).toBe(2);
  });

  it('any source fails only with FormulaError (fast-check)', () => {
    const src = fc.string({ unit: fc.constantFrom(...'ab=+-*/^()[],;:.#"\n 1e2xyzpicos'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(src, (s) => {
        try {
          engine.evaluate(s, { x: 1, y: [1, 2], z: 'q' });
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe('formula limits and error positions', () => {
  it('a 2,000-term sum fails with an exact message at its line, not a stack overflow', () => {
    const f = createFormulaEngine({ seed: 1 });
    const src = `x = 1\ny = ${Array.from({ length: 2000 }, () => 'x').join(' + ')}`;
    expect(() => f.analyze(src)).toThrow(FormulaError);
    try {
      f.analyze(src);
    } catch (e) {
      const err = e as FormulaError;
      expect(err.line).toBe(2);
      expect(err.message).toMatch(/^line 2: the expression is nested 2,?\d{3} levels deep \(at most 400 in a formula cell/);
    }
  });

  it('a line over the length limit is refused before parsing, saying the limit', () => {
    const f = createFormulaEngine({ seed: 1 });
    const src = `y = ${'1'.repeat(MAX_FORMULA_LINE_CHARS)}`;
    expect(() => f.analyze(src)).toThrow(/characters long \(at most 10,000 in a formula cell\)/);
  });

  it('an undefined symbol is reported at its own column', async () => {
    const f = createFormulaEngine({ seed: 1 });
    try {
      await f.evaluate('y = 2 * nope + 1', {});
      expect.unreachable();
    } catch (e) {
      expect((e as FormulaError).column).toBe(9);
      expect((e as FormulaError).message).toBe("line 1, column 9: undefined symbol 'nope'");
    }
  });
});
