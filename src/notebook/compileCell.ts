/**
 * Compiling: turn one notebook cell (input, formula, JS/TS code or view) into the spec the reactive runtime
 * runs. Code cells become async functions whose parameters are the free names they reference; each name is
 * bound at run time to another cell's value or to a library name (resolved through the cell's context).
 */
import type { CellDef, InputValue } from './format';
import { analyzeCodeCell, analyzeViewCell, isJsGlobal, locateRuntimeError } from './analyze';
import { SupersededError, type CellValues, type RuntimeCellSpec } from './runtime';
import { isLibraryName, resolveLibrary, type CellContext } from './library';
import type { FormulaEngine } from './formulaTypes';

/** The key under which a view cell's result is stored among its values (see cellDisplay.ts). */
export const VIEW_KEY = '#view';

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<CellValues>;

/**
 * A code cell threw while running: the message, and where in the cell when the stack says so. `frame` and
 * kind 'qasm': the error was in QASM text the cell parsed (see qasmRunError).
 */
export class CellRunError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number, readonly frame?: string, readonly kind = 'runtime') {
    super(message);
    this.name = 'CellRunError';
  }
}

/**
 * A QASM parse error thrown inside a cell is about the QASM text, not the JavaScript line that called the parser:
 * report its QASM line and column, with the offending line and a caret (QasmError.frame).
 */
export function qasmRunError(e: unknown): CellRunError | null {
  const q = e as { name?: unknown; line?: unknown; column?: unknown; detail?: unknown; frame?: unknown } | null;
  if (!q || q.name !== 'QasmError' || typeof q.line !== 'number' || typeof q.column !== 'number') return null;
  return new CellRunError(`QASM line ${q.line}, column ${q.column}: ${typeof q.detail === 'string' ? q.detail : String((e as Error).message)}`, undefined, undefined, typeof q.frame === 'string' ? q.frame : undefined, 'qasm');
}

/** What compiling a cell needs from the host. */
export interface CompileEnv {
  /** The cell's current source (the user's edit, or the notebook's). */
  source: string;
  /** Why the cell must not run yet, if it must not. */
  blocked?: string;
  /** The current input values, by input name. */
  inputs: Record<string, InputValue>;
  /** The formula engine current when the cell is compiled or run (a new seed makes a new one). */
  formulas(): FormulaEngine;
  /** The library context for one run of this cell. */
  context(cellId: string, signal?: AbortSignal): CellContext;
}

/** Compile a cell; a compile error becomes a spec carrying the error (the runtime shows it, dependents wait). */
export function compileCell(cell: CellDef, env: CompileEnv): RuntimeCellSpec {
  const { source, blocked } = env;
  try {
    switch (cell.type) {
      case 'input': {
        const name = cell.input!.name;
        const value = name in env.inputs ? env.inputs[name] : cell.input!.value;
        return { id: cell.id, defines: [name], references: [], run: () => ({ [name]: value }) };
      }
      case 'formula': {
        const { defines, references } = env.formulas().analyze(source);
        return { id: cell.id, defines, references, blocked, run: (args) => env.formulas().evaluate(source, args) };
      }
      case 'code':
      case 'view': {
        const analysis = cell.type === 'code' ? analyzeCodeCell(source, cell.lang === 'ts' ? 'ts' : 'js') : analyzeViewCell(source);
        const params = analysis.references.filter((r) => !isJsGlobal(r));
        const fn = new AsyncFunction(...params, analysis.body);
        return {
          id: cell.id,
          defines: analysis.defines,
          references: analysis.references,
          blocked,
          run: async (args, signal) => {
            const ctx = env.context(cell.id, signal);
            const values: unknown[] = [];
            for (const p of params) {
              if (p in args) values.push(args[p]);
              else if (isLibraryName(p)) values.push(await resolveLibrary(p, ctx));
              else throw new CellRunError(`'${p}' is not defined by any cell, input or library name`);
            }
            let result: CellValues;
            try {
              result = await fn(...values);
            } catch (e) {
              if (e instanceof SupersededError) throw e;
              const qasm = qasmRunError(e);
              if (qasm) throw qasm;
              const where = locateRuntimeError(e);
              const err = e as Error;
              throw new CellRunError(`${err?.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err?.message ?? String(e)}`, where?.line, where?.column);
            }
            return cell.type === 'view' ? { [VIEW_KEY]: result } : result;
          },
        };
      }
    }
  } catch (e) {
    return { id: cell.id, defines: [], references: [], error: e as Error };
  }
}
