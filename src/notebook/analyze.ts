/**
 * Static analysis of code and view cells: which names a cell defines and which it references.
 * The dependency graph is derived from the parsed program (acorn + periscopic scopes), never from regexes,
 * so `const x = y.x` references `y` but not `x`, and names inside strings or comments don't count.
 */
import { parse, type Node as AcornNode } from 'acorn';
import { analyze as analyzeScopes } from 'periscopic';
import { transform } from 'sucrase';
import type { Node as EstreeNode, Program } from 'estree';

export class CellSyntaxError extends Error {
  constructor(
    readonly reason: string,
    /** 1-based line within the cell source. */
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'CellSyntaxError';
  }
}

export interface CodeAnalysis {
  /** Names the cell defines (its top-level declarations, or none for a view). */
  defines: string[];
  /** Free names the cell uses: other cells' values or library globals. */
  references: string[];
  /** JavaScript body to wrap in an async function whose parameters are the references. */
  body: string;
}

/** Plain JS globals a cell may use without them being cell dependencies. */
const JS_GLOBALS = new Set([
  'Math', 'Number', 'String', 'Boolean', 'Array', 'Object', 'JSON', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'Promise', 'Symbol', 'BigInt', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Infinity', 'NaN', 'undefined',
  'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'console', 'Intl', 'Reflect', 'Proxy',
  'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array',
  'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array', 'ArrayBuffer', 'DataView', 'structuredClone',
  'globalThis', 'performance', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'MessageChannel',
  'requestAnimationFrame', 'crossOriginIsolated', 'TextEncoder', 'TextDecoder', 'AggregateError', 'encodeURIComponent', 'decodeURIComponent',
]);

export function isJsGlobal(name: string): boolean {
  return JS_GLOBALS.has(name);
}

function stripTypes(source: string): string {
  try {
    // sucrase keeps line numbers, so positions in errors still point at the user's lines.
    return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    const msg = (e as Error).message;
    const m = /\((\d+):(\d+)\)/.exec(msg);
    throw new CellSyntaxError(msg.replace(/\s*\(\d+:\d+\)\s*$/, ''), m ? Number(m[1]) : 1, m ? Number(m[2]) + 1 : 1);
  }
}

function parseProgram(js: string): Program {
  try {
    return parse(js, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, locations: true }) as unknown as Program;
  } catch (e) {
    const err = e as SyntaxError & { loc?: { line: number; column: number } };
    let reason = err.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    if (/'import' and 'export' may appear only/.test(reason)) {
      reason = `${reason}: cells cannot import modules; use the provided libraries (quantum, market, ensemble, stats, timing, claims, roadmap)`;
    }
    throw new CellSyntaxError(reason, err.loc?.line ?? 1, (err.loc?.column ?? 0) + 1);
  }
}

function freeNames(program: Program, declared: Set<string>): string[] {
  const { globals } = analyzeScopes(program as unknown as EstreeNode);
  return [...globals.keys()].filter((n) => !declared.has(n)).sort();
}

/** A code cell: top-level declarations become named values. */
export function analyzeCodeCell(source: string, lang: 'js' | 'ts'): CodeAnalysis {
  const js = lang === 'ts' ? stripTypes(source) : source;
  const program = parseProgram(js);
  const { scope } = analyzeScopes(program as unknown as EstreeNode);
  const defines = [...scope.declarations.keys()];
  for (const stmt of program.body) {
    if (stmt.type === 'ReturnStatement') {
      const loc = (stmt as unknown as AcornNode & { loc: { start: { line: number; column: number } } }).loc.start;
      throw new CellSyntaxError('a code cell cannot return; define named values with const/let/function instead', loc.line, loc.column + 1);
    }
  }
  const references = freeNames(program, new Set(defines));
  const body = `${js}\n;return {${defines.join(', ')}};`;
  return { defines, references, body };
}

/**
 * A view cell: an expression (or statements ending in an expression) whose value is rendered.
 * Its value is not a named value; views are leaves of the graph.
 */
export function analyzeViewCell(source: string): CodeAnalysis {
  const program = parseProgram(source);
  const last = program.body[program.body.length - 1];
  if (!last || last.type !== 'ExpressionStatement') {
    const line = (last as unknown as { loc?: { start: { line: number } } })?.loc?.start.line ?? 1;
    throw new CellSyntaxError('a view cell must end with an expression to render, e.g. plot({…}) or table(rows)', line, 1);
  }
  const { scope } = analyzeScopes(program as unknown as EstreeNode);
  const declared = new Set(scope.declarations.keys());
  const references = freeNames(program, declared);
  const expr = last.expression as unknown as AcornNode;
  const stmt = last as unknown as AcornNode;
  const body = `${source.slice(0, stmt.start)}return (${source.slice(expr.start, expr.end)});${source.slice(stmt.end)}`;
  return { defines: [], references, body };
}

/**
 * Map a runtime error thrown inside a compiled cell to a cell line/column, when the engine's stack says so.
 * Functions built with `new AsyncFunction` report positions relative to a 2-line synthetic header.
 */
export function locateRuntimeError(err: unknown): { line: number; column: number } | null {
  const stack = (err as Error)?.stack;
  if (!stack) return null;
  const m = /<anonymous>:(\d+):(\d+)/.exec(stack) ?? /eval at [^\n]*?:(\d+):(\d+)\)/.exec(stack);
  if (!m) return null;
  const line = Number(m[1]) - 2;
  return line >= 1 ? { line, column: Number(m[2]) } : null;
}
