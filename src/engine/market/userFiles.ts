/**
 * One entry point for every file a user can drop or pass with `--data`: it recognises the kind (candles, a
 * freqtrade backtest export, a hyperopt result, per-bar member outputs) from the name and the first bytes,
 * refuses what cannot be read safely (pickles, Parquet) with what to export instead, and runs the matching reader.
 * The page (before handing the file to the worker), the worker and the headless runner all call this, so a file
 * is accepted or refused identically everywhere.
 */
import { parseOhlcv } from './parse';
import type { OhlcvParseResult } from './ohlcv';
import { parseFeatherCandles, isArrowFile } from './freqtradeFeather';
import { parseBacktestExport, isZip, type BacktestExport } from './freqtradeBacktest';
import { parseHyperoptResults, type HyperoptRun } from './freqtradeHyperopt';
import { parseMembersCsv, type MembersFile } from './membersCsv';
import { FreqtradeFileError } from './freqtradeErrors';

export type DataFileKind = 'candles' | 'backtest' | 'hyperopt' | 'members';

export const DATA_FILE_KINDS: readonly DataFileKind[] = ['candles', 'backtest', 'hyperopt', 'members'];

export const KIND_LABEL: Record<DataFileKind, string> = {
  candles: 'candles (CSV, freqtrade JSON or feather)',
  backtest: 'a freqtrade backtest export (.json or .zip)',
  hyperopt: 'a freqtrade hyperopt result (.fthypt)',
  members: 'per-bar member outputs (CSV: timestamp + one column per member)',
};

export type ParsedDataFile =
  | { kind: 'candles'; file: string; result: OhlcvParseResult }
  | BacktestExport
  | HyperoptRun
  | MembersFile;

function head(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder().decode(bytes.subarray(0, n));
}

/** What a file is, from its name and first bytes; throws (with what to export instead) for unreadable variants. */
export function detectDataFileKind(bytes: Uint8Array, file: string): DataFileKind {
  const lower = file.toLowerCase();
  if (/\.(pkl|pickle)$/.test(lower) || bytes[0] === 0x80) {
    throw new FreqtradeFileError(file, 'unknown', {}, 'pickled Python objects (freqtrade\'s signal/exit pickles, legacy hyperopt results) are not read: they can run code when loaded and have no stable format. Export signals as CSV with `freqtrade backtesting-analysis --analysis-to-csv`, trades with `freqtrade backtesting --export trades`, and hyperopt results with a current freqtrade (.fthypt)');
  }
  if (lower.endsWith('.parquet') || (bytes.length >= 4 && head(bytes, 4) === 'PAR1')) {
    throw new FreqtradeFileError(file, 'unknown', {}, 'Parquet candles are not read; convert them with `freqtrade convert-data --format-from parquet --format-to feather` (or json)');
  }
  if (lower.endsWith('.meta.json')) {
    throw new FreqtradeFileError(file, 'meta', {}, 'this is only the export\'s metadata (run id and start time); drop the backtest-result .json or .zip it belongs to (you may drop both together)');
  }
  if (lower.endsWith('.feather') || lower.endsWith('.arrow') || isArrowFile(bytes)) return 'candles';
  if (lower.endsWith('.zip') || isZip(bytes)) return 'backtest';
  if (lower.endsWith('.fthypt')) return 'hyperopt';
  const start = head(bytes).replace(/^[\s\uFEFF]+/, '');
  if (start.startsWith('[')) return 'candles';
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0];
    if (/"results_metrics"\s*:/.test(firstLine) || /^\{\s*"loss"\s*:/.test(firstLine)) return 'hyperopt';
    return 'backtest';
  }
  // Delimited text: candles if it has price columns, else member outputs.
  const header = start.split(/\r?\n/, 1)[0].toLowerCase();
  const cells = header.split(/[,;\t|]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  const has = (...names: string[]) => names.some((n) => cells.includes(n));
  const ohlc = has('close', 'c') && has('open', 'o') && has('high', 'h') && has('low', 'l');
  if (has('close') || ohlc || /^\d/.test(header)) return 'candles';
  return 'members';
}

/**
 * Parse any supported file. `expect` is the kind the input wants (a candle selector, a backtest input): a file of
 * another kind is refused naming both. `companions` are other files dropped at the same time (a `.meta.json`).
 */
export function parseDataFile(input: Uint8Array | string, file: string, expect?: DataFileKind, companions: { name: string; text: string }[] = []): ParsedDataFile {
  if (!input.length) throw new FreqtradeFileError(file, 'unknown', {}, 'the file is empty');
  // Only the head is needed to tell the kind; a text input is encoded whole only for the binary readers.
  const kind = detectDataFileKind(typeof input === 'string' ? new TextEncoder().encode(input.slice(0, 4096)) : input, file);
  let encoded: Uint8Array | undefined;
  const bytesOf = () => (typeof input === 'string' ? (encoded ??= new TextEncoder().encode(input)) : input);
  if (expect && kind !== expect) {
    throw new FreqtradeFileError(file, 'unknown', {}, `this looks like ${KIND_LABEL[kind]}, but this input expects ${KIND_LABEL[expect]}`);
  }
  const text = () => (typeof input === 'string' ? input : new TextDecoder().decode(input));
  switch (kind) {
    case 'candles': {
      if (/\.(feather|arrow)$/i.test(file) || (typeof input !== 'string' && isArrowFile(input))) return { kind, file, result: parseFeatherCandles(bytesOf(), file) };
      return { kind, file, result: parseOhlcv(text(), file) };
    }
    case 'backtest': {
      const meta = companions.find((c) => /\.meta\.json$/i.test(c.name));
      const zipped = /\.zip$/i.test(file) || (typeof input !== 'string' && isZip(input));
      return parseBacktestExport(zipped ? bytesOf() : text(), file, meta?.text);
    }
    case 'hyperopt':
      return parseHyperoptResults(text(), file);
    case 'members':
      return parseMembersCsv(text(), file);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** How many rows a parsed file has, in the unit the notebook's `minRows` counts. */
export function rowCount(f: ParsedDataFile, strategy?: string): { rows: number; unit: string } {
  switch (f.kind) {
    case 'candles': return { rows: f.result.data.close.length, unit: 'bars' };
    case 'backtest': {
      const s = (strategy && f.strategies.find((x) => x.name === strategy)) || f.strategies.reduce((a, b) => (b.trades.length < a.trades.length ? b : a));
      return { rows: s.trades.length, unit: `trades (strategy ${s.name})` };
    }
    case 'hyperopt': return { rows: f.epochs.length, unit: 'epochs' };
    case 'members': return { rows: f.time.length, unit: 'rows' };
  }
}

/** Refuse a file too short for the notebook's windows, naming the minimum (the page and `--data` both call this). */
export function checkMinimumRows(f: ParsedDataFile, minRows: number | undefined, file: string, label: string): void {
  if (!minRows) return;
  const { rows, unit } = rowCount(f);
  if (rows < minRows) {
    throw new FreqtradeFileError(file, f.kind === 'candles' ? 'unknown' : f.kind, {}, `${rows} ${unit}; "${label}" needs at least ${minRows} for this notebook's windows`);
  }
}

/** One line saying what a file holds (shown next to the input after a drop, and by `--data`). */
export function describeDataFile(parsed: ParsedDataFile): string {
  switch (parsed.kind) {
    case 'candles': {
      const w = parsed.result.warnings;
      return `${parsed.result.data.close.length.toLocaleString('en')} bars${w.length ? `; ${w.length} warning${w.length > 1 ? 's' : ''}: ${w.map((x) => x.message).join('; ')}` : ''}`;
    }
    case 'backtest':
      return `${parsed.strategies.map((s) => `${s.name}: ${s.trades.length} trades`).join(', ')}${parsed.skipped.length ? `; not read: ${parsed.skipped.join('; ')}` : ''}`;
    case 'hyperopt':
      return `${parsed.epochs.length} epochs`;
    case 'members':
      return `${parsed.members.length} members × ${parsed.time.length} rows`;
  }
}
