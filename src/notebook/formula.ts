/**
 * Formula cells: lines of `name = expression` evaluated by a private, locked-down mathjs instance.
 *
 * Sandbox (mathjs docs/expressions/security.md, STYLE.md §4):
 *  - one `create(all)` instance per engine; the functions that parse or alter the instance
 *    (import, createUnit, evaluate, parse, compile, simplify, derivative, resolve, config, typed, …)
 *    are replaced with throwing stand-ins, and refused before evaluation by an AST check, so the
 *    error names the line; our own parse/config are private references kept before the lock;
 *  - property access goes through mathjs's own guards (no constructor, __proto__, call/apply/bind);
 *    in addition the AST check refuses those names, and toString/valueOf, when written literally;
 *  - each line must be exactly `name = expression` (or `f(x) = …`); nested assignments, assigning
 *    into objects (`a.b = 1`, which would mutate another cell's value) and redefining built-ins
 *    (`pi = 3`) are refused, so nothing a formula does leaks outside its own outputs;
 *  - functions that allocate from a size argument (zeros, ones, range, kron, diag, multiply, …)
 *    check the element count first (MAX_FORMULA_ELEMENTS);
 *  - every free symbol must come from the scope the runtime passes in: mathjs's fallback that
 *    turns unknown names into units (`5 cm`) is therefore never reached.
 * CPU-heavy formulas (inv of a large matrix) are not bounded here: cells run in a worker that the
 * notebook can terminate.
 */
import { all, create } from 'mathjs';

/** Largest array or matrix a formula may create: 10 M doubles = 80 MB. */
export const MAX_FORMULA_ELEMENTS = 10_000_000;
/** Longest formula line read (characters): a longer one is refused with this limit, before parsing. */
export const MAX_FORMULA_LINE_CHARS = 10_000;
/** Deepest expression tree compiled (nesting of operators and calls): mathjs compiles recursively, so a
 *  2,000-term sum would otherwise end in "Maximum call stack size exceeded" with no location. */
export const MAX_FORMULA_DEPTH = 400;

export { FormulaError, type FormulaAnalysis, type FormulaEngine } from './formulaTypes';
import { FormulaError, type FormulaAnalysis, type FormulaEngine } from './formulaTypes';

/** Replaced in the namespace by throwing stand-ins (mathjs's security docs list, plus relatives). */
const REPLACED = [
  'import', 'createUnit', 'reviver', 'replacer', 'evaluate', 'parse', 'compile', 'parser', 'simplify',
  'simplifyCore', 'simplifyConstant', 'symbolicEqual', 'rationalize', 'derivative', 'resolve', 'chain',
] as const;
/** Functions a formula may not call or even name (refused by the AST check, and stand-ins in the
 * expression namespace). mathjs itself already hides on/off/emit/import/chain from expressions. */
const DISABLED_SET = new Set<string>([...REPLACED, 'config', 'typed', 'help']);

/** Property names refused when written literally (mathjs blocks most of them again at run time). */
const FORBIDDEN_PROPERTIES = new Set([
  'constructor', '__proto__', 'prototype', 'call', 'apply', 'bind', 'toString', 'valueOf', 'toLocaleString',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'caller', 'callee', 'arguments',
]);

// Minimal structural view of mathjs nodes (its own typings are loose and version-dependent).
interface MNode {
  type: string;
  name?: string;
  params?: string[];
  fn?: MNode;
  object?: MNode;
  index?: (MNode & { isObjectProperty(): boolean; getObjectProperty(): string }) | null;
  forEach(cb: (child: MNode, path: string, parent: MNode) => void): void;
  compile(): { evaluate(scope: Map<string, unknown>): unknown };
}

/**
 * The part of a mathjs instance this engine uses. mathjs's own typings do not describe `expression` (the
 * namespace expressions resolve names in) and type parse/config more loosely, so the instance is viewed
 * through this interface at the one place it is created.
 */
interface MathInstance {
  parse(s: string): MNode;
  config(c: Record<string, unknown>): unknown;
  import(functions: Record<string, unknown>, options: { override: boolean }): void;
  expression: { mathWithTransform: Record<string, unknown> };
}

/** The duck-typed flags mathjs sets on its values (a Matrix has isMatrix, a BigNumber isBigNumber, …). */
interface MathFlags {
  isMatrix?: boolean;
  isResultSet?: boolean;
  isBigNumber?: boolean;
  isFraction?: boolean;
  isComplex?: boolean;
  isUnit?: boolean;
}
interface MathMatrix {
  isMatrix: true;
  size(): number[];
  toArray(): unknown[];
}
const mathFlags = (x: unknown): MathFlags => (x !== null && typeof x === 'object' ? (x as MathFlags) : {});
const isMathMatrix = (x: unknown): x is MathMatrix => Boolean(mathFlags(x).isMatrix);

interface CompiledLine {
  line: number;
  column: number;
  /** The line's text (to place errors at the symbol's own column). */
  text: string;
  name: string;
  /** Free symbols: [name, used as a function call]. */
  free: [string, boolean][];
  run: { evaluate(scope: Map<string, unknown>): unknown };
}

interface CompiledCell extends FormulaAnalysis {
  lines: CompiledLine[];
}

export interface FormulaEngineOptions {
  /** Seeds mathjs's random(), reset per evaluation so a cell is reproducible. */
  seed: number;
}

export function createFormulaEngine({ seed }: FormulaEngineOptions): FormulaEngine {
  const math = create(all, { randomSeed: String(seed) }) as unknown as MathInstance;
  // Private references, taken before the lock.
  const parse = math.parse;
  const config = math.config;
  // What an expression can see: mathjs's namespace minus what it hides from expressions.
  const visible = math.expression.mathWithTransform;
  const isBuiltin = (name: string) => Object.prototype.hasOwnProperty.call(visible, name) && visible[name] !== undefined;

  const standIn = (name: string) => () => {
    throw new Error(`function '${name}' is disabled in formula cells`);
  };
  // The documented lock: stand-ins in the namespace for the parsing/importing functions. create(all)
  // builds functions lazily from the namespace, so only functions that nothing we keep depends on
  // are replaced there (replacing `typed` or `config` would break every function built later).
  math.import(Object.fromEntries(REPLACED.map((n) => [n, standIn(n)])), { override: true });
  // Expressions resolve names in mathWithTransform only: stand-ins for the rest and the size guards
  // go there, so mathjs's own internals keep the real, typed functions.
  for (const n of DISABLED_SET) if (Object.prototype.hasOwnProperty.call(visible, n)) visible[n] = standIn(n);
  // defineProperty, not assignment: assigning would go through mathjs's lazy setter, and the
  // guard's own (lazy) read of the original would then return the guard.
  for (const [n, fn] of Object.entries(sizeGuards(visible))) Object.defineProperty(visible, n, { value: fn, writable: true, configurable: true, enumerable: true });

  const cache = new Map<string, CompiledCell>();
  const compileCell = (source: string): CompiledCell => {
    const hit = cache.get(source);
    if (hit) return hit;
    const cell = compileSource(source, parse, isBuiltin);
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
    cache.set(source, cell);
    return cell;
  };

  return {
    analyze(source) {
      const { defines, references } = compileCell(source);
      return { defines: [...defines], references: [...references] };
    },
    evaluate(source, input) {
      const cell = compileCell(source);
      // mathjs re-seeds only when the seed changes, so step away and back to restart the stream.
      const randomSeed = `${seed}:${hashSource(source)}`;
      config({ randomSeed: `${randomSeed}'` });
      config({ randomSeed });
      const scope = new Map<string, unknown>();
      for (const name of cell.references) if (Object.prototype.hasOwnProperty.call(input, name)) scope.set(name, toMath(input[name]));
      for (const l of cell.lines) {
        for (const [name, called] of l.free) {
          if (!scope.has(name)) {
            const col = columnOf(l.text, name, l.column);
            throw new FormulaError(`line ${l.line}, column ${col}: undefined ${called ? 'function' : 'symbol'} '${name}'`, l.line, col);
          }
        }
        try {
          l.run.evaluate(scope);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          throw new FormulaError(`line ${l.line}: ${msg}`, l.line, l.column);
        }
      }
      const out: Record<string, unknown> = {};
      for (const name of cell.defines) out[name] = fromMath(scope.get(name));
      return out;
    },
  };
}

function hashSource(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Depth of an expression tree, walked with an explicit stack (no recursion: the tree may be very deep). */
function treeDepth(root: MNode): number {
  let max = 0;
  const stack: [MNode, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    n.forEach((child) => stack.push([child, d + 1]));
  }
  return max;
}

/** Column of the first whole-word occurrence of `word` in a line (1-based), else `fallback`. */
function columnOf(text: string, word: string, fallback: number): number {
  const m = new RegExp(`(^|[^A-Za-z0-9_$])${word.replace(/[$]/g, '\\$')}(?![A-Za-z0-9_$])`).exec(text);
  return m ? m.index + m[1].length + 1 : fallback;
}

function compileSource(source: string, parse: (s: string) => MNode, isBuiltin: (n: string) => boolean): CompiledCell {
  const defines: string[] = [];
  const references: string[] = [];
  const known = new Set<string>();
  const lines: CompiledLine[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) return;
    const column = text.length - body.length + 1;
    const fail = (msg: string, col = column): never => {
      throw new FormulaError(`line ${line}: ${msg}`, line, col);
    };
    if (text.length > MAX_FORMULA_LINE_CHARS) {
      fail(`this line is ${text.length.toLocaleString('en')} characters long (at most ${MAX_FORMULA_LINE_CHARS.toLocaleString('en')} in a formula cell); split it into several definitions`);
    }
    let node: MNode;
    try {
      node = parse(text);
    } catch (e) {
      if (e instanceof RangeError) fail(`the expression is nested too deeply to read (at most ${MAX_FORMULA_DEPTH} levels in a formula cell); split it into several definitions`);
      const err = e as Error & { char?: number };
      const col = typeof err.char === 'number' ? Math.max(1, err.char) : column;
      const msg = (err.message || String(e)).replace(/\s*\(char \d+\)$/, '');
      throw new FormulaError(`line ${line}, column ${col}: ${msg}`, line, col);
    }
    const depth = treeDepth(node);
    if (depth > MAX_FORMULA_DEPTH) {
      fail(`the expression is nested ${depth.toLocaleString('en')} levels deep (at most ${MAX_FORMULA_DEPTH} in a formula cell; a long sum of terms nests one level per term); split it into several definitions or use sum([…])`);
    }
    if (node.type !== 'AssignmentNode' && node.type !== 'FunctionAssignmentNode') {
      fail('expected a definition `name = expression`');
    }
    if (node.type === 'AssignmentNode' && (node.object!.type !== 'SymbolNode' || node.index)) {
      fail('only plain names can be defined (`name = expression`); assigning into objects or matrices is not allowed');
    }
    const name = node.type === 'AssignmentNode' ? node.object!.name! : node.name!;
    if (DISABLED_SET.has(name)) fail(`function '${name}' is disabled in formula cells`, columnOf(text, name, column));
    if (isBuiltin(name)) fail(`'${name}' is a built-in and cannot be redefined in a formula cell`, columnOf(text, name, column));
    if (FORBIDDEN_PROPERTIES.has(name)) fail(`'${name}' cannot be used as a name in formula cells`, columnOf(text, name, column));

    const free: [string, boolean][] = [];
    const seen = new Set<string>();
    const visit = (n: MNode, locals: ReadonlySet<string>, root: boolean): void => {
      switch (n.type) {
        case 'AssignmentNode':
          if (!root) fail('assignments are only allowed at the start of a line (`name = expression`)');
          break;
        case 'FunctionAssignmentNode':
          if (!root && (DISABLED_SET.has(n.name!) || isBuiltin(n.name!))) fail(`'${n.name}' is a built-in and cannot be redefined in a formula cell`, columnOf(text, n.name!, column));
          locals = new Set([...locals, ...n.params!, ...(root ? [] : [n.name!])]);
          break;
        case 'SymbolNode':
        case 'FunctionNode': {
          const sym = n.type === 'SymbolNode' ? n : n.fn!;
          if (sym.type === 'SymbolNode') {
            const s = sym.name!;
            const called = n.type === 'FunctionNode';
            if (DISABLED_SET.has(s)) fail(`function '${s}' is disabled in formula cells`, columnOf(text, s, column));
            if (FORBIDDEN_PROPERTIES.has(s) || s === 'eval' || s === 'Function') fail(`'${s}' is not available in formula cells`, columnOf(text, s, column));
            if (!locals.has(s) && !known.has(s) && !isBuiltin(s) && !seen.has(s)) {
              seen.add(s);
              free.push([s, called]);
            }
          }
          break;
        }
        case 'IndexNode':
          // Inside an index, `end` means the last position (a[end], a[2:end], a[2, :]).
          locals = new Set([...locals, 'end']);
          break;
        case 'AccessorNode': {
          const idx = n.index!;
          if (idx.isObjectProperty()) {
            const prop = idx.getObjectProperty();
            if (FORBIDDEN_PROPERTIES.has(prop)) fail(`access to property '${prop}' is not allowed in formula cells`, columnOf(text, prop, column));
          }
          break;
        }
      }
      n.forEach((child, path) => {
        // The callee of a FunctionNode was handled with the call; its AssignmentNode target is the definition.
        if ((n.type === 'FunctionNode' && path === 'fn' && child.type === 'SymbolNode') || (root && n.type === 'AssignmentNode' && path === 'object')) return;
        visit(child, locals, false);
      });
    };
    visit(node, new Set(), true);

    for (const [s] of free) if (!known.has(s) && !references.includes(s)) references.push(s);
    if (references.includes(name)) {
      const first = lines.find((l) => l.free.some(([s]) => s === name)) ?? { line, column };
      throw new FormulaError(`line ${first.line}: '${name}' is used before it is defined (on line ${line}); move its definition up`, first.line, columnOf(source.split(/\r?\n/)[first.line - 1], name, first.column));
    }
    if (!known.has(name)) defines.push(name);
    known.add(name);
    lines.push({ line, column, text, name, free, run: node.compile() });
  });
  return { defines, references, lines };
}

/** Values entering mathjs: typed arrays become plain arrays (mathjs functions do not accept them). */
function toMath(v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v) && v.some((x) => ArrayBuffer.isView(x) || Array.isArray(x))) return v.map(toMath);
  return v;
}

/** Values leaving mathjs: Matrix → nested arrays, BigNumber/Fraction → number, Complex/Unit → string. */
function fromMath(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const o = mathFlags(v);
  if (Array.isArray(v)) return v.map(fromMath);
  if (isMathMatrix(v)) return fromMath(v.toArray());
  if (o.isResultSet) return fromMath((v as { entries: unknown }).entries);
  if (o.isBigNumber || o.isFraction) return Number(v.valueOf());
  if (o.isComplex || o.isUnit) return v.toString();
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromMath(x);
    return out;
  }
  return v;
}

// ---- size guards ---------------------------------------------------------------------------

function dims(x: unknown): number[] | null {
  if (isMathMatrix(x)) return x.size();
  if (Array.isArray(x)) {
    const d: number[] = [];
    let cur: unknown = x;
    while (Array.isArray(cur)) {
      d.push(cur.length);
      cur = cur[0];
    }
    return d;
  }
  return null;
}

const count = (d: readonly number[]) => d.reduce((p, n) => p * (Number.isFinite(+n) ? Math.abs(+n) : Infinity), 1);

/** Element count requested by zeros(m, n, …) / zeros([m, n]) / identity(n) style arguments. */
function sizeArgCount(args: unknown[], identity = false): number {
  const first = dims(args[0]) && (Array.isArray(args[0]) || isMathMatrix(args[0])) ? args[0] : null;
  if (first) {
    const d = (isMathMatrix(first) ? first.toArray() : first) as number[];
    return count(d.map(Number));
  }
  const nums = args.filter((a) => typeof a === 'number' || mathFlags(a).isBigNumber).map(Number);
  if (identity && nums.length === 1) return nums[0] * nums[0];
  return nums.length ? count(nums) : 0;
}

function rangeCount(args: unknown[]): number {
  let nums: number[];
  if (typeof args[0] === 'string') nums = args[0].split(':').map(Number);
  else nums = args.filter((a) => typeof a === 'number' || mathFlags(a).isBigNumber).map(Number);
  if (nums.length < 2) return 0;
  const [start, end] = nums;
  const step = typeof args[0] === 'string' && nums.length === 3 ? nums[1] : nums.length >= 3 ? nums[2] : 1;
  const stop = typeof args[0] === 'string' && nums.length === 3 ? nums[2] : end;
  if (!step) return 0;
  return Math.floor(Math.abs((stop - start) / step)) + 1;
}

/** Guarded versions of the expression namespace's allocating functions (transforms included, so
 * expression semantics such as the inclusive, 1-based range stay as they are). */
function sizeGuards(visible: Record<string, unknown>): Record<string, unknown> {
  const rules: Record<string, (args: unknown[]) => number> = {
    zeros: (a) => sizeArgCount(a),
    ones: (a) => sizeArgCount(a),
    identity: (a) => sizeArgCount(a, true),
    random: (a) => (dims(a[0]) ? sizeArgCount([a[0]]) : 0),
    randomInt: (a) => (dims(a[0]) ? sizeArgCount([a[0]]) : 0),
    range: rangeCount,
    resize: (a) => sizeArgCount([a[1]]),
    matrixFromFunction: (a) => sizeArgCount([a[0]]),
    matrix: (a) => (typeof a[0] === 'string' ? 0 : count(dims(a[0]) ?? [])),
    kron: (a) => count(dims(a[0]) ?? [1]) * count(dims(a[1]) ?? [1]),
    diag: (a) => {
      const d = dims(a[0]);
      return d && d.length === 1 ? d[0] * d[0] : 0;
    },
    multiply: (a) => {
      const x = dims(a[0]);
      const y = dims(a[1]);
      return x && y && x.length === 2 && y.length === 2 ? x[0] * y[1] : 0;
    },
  };
  const out: Record<string, unknown> = {};
  for (const [name, elements] of Object.entries(rules)) {
    // Read the original lazily (through mathjs's lazy getter) so unused functions are never built.
    const desc = Object.getOwnPropertyDescriptor(visible, name);
    const read = desc?.get ? desc.get.bind(visible) : () => desc?.value;
    let original: ((...a: unknown[]) => unknown) | undefined;
    out[name] = (...args: unknown[]) => {
      const n = elements(args);
      if (!(n <= MAX_FORMULA_ELEMENTS)) {
        throw new Error(`${name}(…) would create ${Number.isFinite(n) ? n.toExponential(2) : n} elements (at most ${MAX_FORMULA_ELEMENTS.toExponential(0)} in a formula cell)`);
      }
      original ??= read();
      return original!(...args);
    };
  }
  return out;
}
