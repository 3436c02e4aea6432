import { describe, expect, it } from 'vitest';
import { createFormulaEngine, FormulaError, MAX_FORMULA_ELEMENTS } from '../../src/notebook/formula';

/**
 * Known escape attempts against formula cells, each with its exact refusal (mathjs's own
 * security suite is the model). A change in any message is a deliberate decision.
 */
const engine = createFormulaEngine({ seed: 1 });
const scope = { f: Math.cos, arr: [1, 2, 3], obj: { a: 1 } };

function refusal(source: string): string {
  try {
    engine.evaluate(source, scope);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return (e as Error).message;
  }
  throw new Error(`not refused: ${source}`);
}

describe('formula sandbox', () => {
  for (const fn of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver', 'chain', 'config', 'typed', 'parser', 'rationalize', 'help']) {
    it(`refuses ${fn}()`, () => {
      expect(refusal(`x = ${fn}("1")`)).toBe(`line 1: function '${fn}' is disabled in formula cells`);
    });
  }

  it('refuses naming a disabled function without calling it, and the stand-ins throw too', () => {
    expect(refusal('g = evaluate')).toBe("line 1: function 'evaluate' is disabled in formula cells");
    expect(refusal('a = 1\nb = map([1], evaluate)')).toBe("line 2: function 'evaluate' is disabled in formula cells");
  });

  it('function constructor through a builtin', () => {
    expect(refusal('x = cos.constructor("return process")()')).toBe('line 1, column 39: Value expected');
    expect(refusal('x = cos.constructor("return process")')).toBe("line 1: access to property 'constructor' is not allowed in formula cells");
    expect(refusal('x = [].map.constructor("return process")')).toBe("line 1: access to property 'constructor' is not allowed in formula cells");
  });

  it('constructor by string index, literal and computed', () => {
    expect(refusal('a = {}\nb = a["constructor"]')).toBe("line 2: access to property 'constructor' is not allowed in formula cells");
    expect(refusal('b = obj[concat("constr", "uctor")]')).toBe('line 1: No access to property "constructor"');
    expect(refusal('b = f[concat("constr", "uctor")]')).toBe('line 1: Cannot apply index: unsupported type of object');
  });

  it('call / apply / bind on functions', () => {
    expect(refusal('g = cos\nh = g.call')).toBe("line 2: access to property 'call' is not allowed in formula cells");
    expect(refusal('h = f.apply')).toBe("line 1: access to property 'apply' is not allowed in formula cells");
    expect(refusal('h = cos.bind(1)')).toBe("line 1: access to property 'bind' is not allowed in formula cells");
    expect(refusal('h = f[concat("ca", "ll")]')).toBe('line 1: Cannot apply index: unsupported type of object');
  });

  it('__proto__ and prototype', () => {
    expect(refusal('h = obj.__proto__')).toBe("line 1: access to property '__proto__' is not allowed in formula cells");
    expect(refusal('h = cos.prototype')).toBe("line 1: access to property 'prototype' is not allowed in formula cells");
    expect(refusal('h = obj[concat("__pro", "to__")]')).toBe('line 1: No access to property "__proto__"');
    expect(refusal('__proto__ = 1')).toBe("line 1: '__proto__' cannot be used as a name in formula cells");
  });

  it('toString / valueOf tricks', () => {
    expect(refusal('s = cos.toString()')).toBe("line 1: access to property 'toString' is not allowed in formula cells");
    expect(refusal('s = obj.valueOf')).toBe("line 1: access to property 'valueOf' is not allowed in formula cells");
    expect(refusal('s = obj[concat("toStr", "ing")]')).toBe('line 1: Cannot access method "toString" as a property');
  });

  it('eval and Function are not names', () => {
    expect(refusal('x = eval("1")')).toBe("line 1: 'eval' is not available in formula cells");
    expect(refusal('x = Function("return 1")')).toBe("line 1: 'Function' is not available in formula cells");
  });

  it('assignment to builtins is refused (nothing can leak out of the cell)', () => {
    expect(refusal('pi = 3')).toBe("line 1: 'pi' is a built-in and cannot be redefined in a formula cell");
    expect(refusal('cos(x) = 1')).toBe("line 1: 'cos' is a built-in and cannot be redefined in a formula cell");
    expect(refusal('y = map([1], cos(x) = 1)')).toBe("line 1: 'cos' is a built-in and cannot be redefined in a formula cell");
    expect(engine.evaluate('x = pi', {})).toEqual({ x: Math.PI });
  });

  it('assignments into objects and nested assignments are refused (they would mutate other cells)', () => {
    expect(refusal('obj.a = 2')).toBe('line 1: only plain names can be defined (`name = expression`); assigning into objects or matrices is not allowed');
    expect(refusal('arr[1] = 5')).toBe('line 1: only plain names can be defined (`name = expression`); assigning into objects or matrices is not allowed');
    expect(refusal('y = (arr = 2) + 1')).toBe('line 1: assignments are only allowed at the start of a line (`name = expression`)');
    expect(scope.obj).toEqual({ a: 1 });
    expect(scope.arr).toEqual([1, 2, 3]);
  });

  it('huge allocations are refused by the size guard before allocating', () => {
    expect(refusal('z = zeros(1e6, 1e6)')).toBe(`line 1: zeros(…) would create 1.00e+12 elements (at most 1e+7 in a formula cell)`);
    expect(refusal('z = ones([1e5, 1e5])')).toBe('line 1: ones(…) would create 1.00e+10 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = identity(1e4)')).toBe('line 1: identity(…) would create 1.00e+8 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = range(0, 1e9)')).toBe('line 1: range(…) would create 1.00e+9 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = 0:1e9')).toBe('line 1: range(…) would create 1.00e+9 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = random([1e4, 1e4])')).toBe('line 1: random(…) would create 1.00e+8 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = matrixFromFunction([1e4, 1e4], f(i) = 1)')).toBe('line 1: matrixFromFunction(…) would create 1.00e+8 elements (at most 1e+7 in a formula cell)');
    expect(refusal('v = ones(5000)\nz = kron(v, v)')).toBe('line 2: kron(…) would create 2.50e+7 elements (at most 1e+7 in a formula cell)');
    expect(refusal('v = ones(5000)\nz = diag(v)')).toBe('line 2: diag(…) would create 2.50e+7 elements (at most 1e+7 in a formula cell)');
    expect(refusal('a = ones(5000, 1)\nb = ones(1, 5000)\nz = a * b')).toBe('line 3: multiply(…) would create 2.50e+7 elements (at most 1e+7 in a formula cell)');
    expect(refusal('z = zeros(Infinity)')).toBe('line 1: zeros(…) would create Infinity elements (at most 1e+7 in a formula cell)');
    expect(MAX_FORMULA_ELEMENTS).toBe(10_000_000);
    // Small allocations still work, with mathjs's usual (inclusive, 1-based) expression semantics.
    expect(engine.evaluate('z = size(zeros(1000, 1000))\nr = 1:3\nq = range(1, 3)', {})).toEqual({ z: [1000, 1000], r: [1, 2, 3], q: [1, 2, 3] });
  });

  it('the engine instance is private: a disabled function stays disabled and pi stays pi across engines', () => {
    const other = createFormulaEngine({ seed: 1 });
    expect(other.evaluate('x = pi + 0 * e', {})).toEqual({ x: Math.PI });
  });
});
