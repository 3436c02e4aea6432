/**
 * The one error every freqtrade file reader throws: it names the file, and where it can, the line (JSON lines,
 * text position), the record (trade k of strategy S, epoch k, candle k) and the field, so a user can open the file
 * and find the spot.
 */
export type FreqtradeFileKind = 'backtest' | 'hyperopt' | 'feather' | 'zip' | 'members' | 'meta' | 'unknown';

export interface FileLocation {
  /** 1-based line in the text (JSON syntax errors, .fthypt epochs, CSV rows). */
  line?: number;
  column?: number;
  /** What the record is, in the file's own terms: "trade 12 of strategy StrategyTestV3", "epoch 4", "candle 17". */
  record?: string;
  /** The JSON key or column name. */
  field?: string;
}

export class FreqtradeFileError extends Error {
  override name = 'FreqtradeFileError';
  constructor(
    readonly file: string,
    readonly kind: FreqtradeFileKind,
    readonly where: FileLocation,
    readonly detail: string,
  ) {
    super(FreqtradeFileError.format(file, where, detail));
  }

  static format(file: string, where: FileLocation, detail: string): string {
    const parts: string[] = [];
    if (where.line !== undefined) parts.push(`line ${where.line}${where.column !== undefined ? `, column ${where.column}` : ''}`);
    if (where.record) parts.push(where.record);
    if (where.field) parts.push(`field "${where.field}"`);
    return `${file}${parts.length ? ` (${parts.join(', ')})` : ''}: ${detail}`;
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
}

/** A short, printable quote of a value found in a file. */
export function quote(v: unknown): string {
  let s: string;
  try { s = v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
