/**
 * The formula engine's error and interface, without mathjs: the worker loads mathjs (formula.ts, ≈ 0.5 s to
 * import) only when a notebook has a formula cell, while error display and cell compilation need these types
 * for every notebook.
 */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  constructor(
    message: string,
    /** 1-based line within the cell. */
    readonly line: number,
    /** 1-based column (start of the offending token when known, else of the line's expression). */
    readonly column: number,
  ) {
    super(message);
  }
}

export interface FormulaAnalysis {
  defines: string[];
  references: string[];
}

export interface FormulaEngine {
  analyze(source: string): FormulaAnalysis;
  evaluate(source: string, scope: Record<string, unknown>): Record<string, unknown>;
}
