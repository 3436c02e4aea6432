import { describe, it, expect } from 'vitest';
import { analyzeCodeCell, analyzeViewCell, CellSyntaxError } from '../../src/notebook/analyze';

describe('analyzeCodeCell', () => {
  it('defines top-level declarations and references free names only', () => {
    const a = analyzeCodeCell('const x = y.x + z;\nfunction f(q) { return q + w; }\nclass K {}\nconst { p, r: [s] } = obj;', 'js');
    expect(a.defines.sort()).toEqual(['K', 'f', 'p', 's', 'x'].sort());
    expect(a.references).toEqual(['obj', 'w', 'y', 'z']);
  });
  it('ignores names inside strings, comments and inner scopes', () => {
    const a = analyzeCodeCell('// uses hidden\nconst s = "not a ref: other";\nconst g = (k) => { const inner = 1; return k + inner; };', 'js');
    expect(a.references).toEqual([]);
  });
  it('strips TypeScript types without moving lines', () => {
    const a = analyzeCodeCell('const n: number = m as number;\ninterface T { a: string }\nconst t: T = { a: "x" };', 'ts');
    expect(a.defines.sort()).toEqual(['n', 't']);
    expect(a.references).toEqual(['m']);
  });
  it('reports syntax errors with line and column', () => {
    try {
      analyzeCodeCell('const a = 1;\nconst b = ;', 'js');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CellSyntaxError);
      expect((e as CellSyntaxError).line).toBe(2);
      expect((e as CellSyntaxError).column).toBe(11);
    }
  });
  it('refuses imports with a hint, and top-level return', () => {
    expect(() => analyzeCodeCell('import x from "y";', 'js')).toThrow(/use the provided libraries/);
    expect(() => analyzeCodeCell('return 1;', 'js')).toThrow(CellSyntaxError);
  });
  it('supports top-level await', () => {
    expect(analyzeCodeCell('const d = await load(1);', 'js').references).toEqual(['load']);
  });
});

describe('analyzeViewCell', () => {
  it('returns the final expression and references its free names', () => {
    const a = analyzeViewCell('const k = 2;\nplot({ marks: [Plot.dot(data, { x: "a" })] , k })');
    expect(a.defines).toEqual([]);
    expect(a.references).toEqual(['Plot', 'data', 'plot']);
    expect(a.body).toContain('return (plot(');
  });
  it('requires a final expression', () => {
    expect(() => analyzeViewCell('const a = 1;')).toThrow(/must end with an expression/);
  });
});
