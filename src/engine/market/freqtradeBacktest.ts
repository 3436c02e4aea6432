/**
 * freqtrade backtest exports: `backtest-result-<date>.json` (`{ strategy: { <name>: { trades: […], <summary> } },
 * strategy_comparison, metadata }`), the `.zip` that newer freqtrade writes for `--export trades` (that JSON plus the
 * config, the strategy source and optionally pickled signals), and the `.meta.json` written next to either.
 * One or several strategies per file. Only the fields the analyses need are read, each checked, and the file's own
 * summary (total_trades, profit_total_abs) is compared with what the trades add up to.
 */
import { unzipSync } from 'fflate';
import { jsonErrorPosition } from '../jsonErrorPosition';
import { parseIsoMs } from './timeFormat';
import { FreqtradeFileError, lineColumn, quote, type FreqtradeFileKind } from './freqtradeErrors';

export interface BacktestTrade {
  pair: string;
  /** Entry and exit times, epoch ms UTC. */
  openTime: number;
  closeTime: number;
  /** Net return of the trade after fees, as freqtrade reports it (0.01 = +1 %). */
  profitRatio: number;
  /** Profit in the stake currency. */
  profitAbs: number;
  stakeAmount: number;
  openRate: number;
  closeRate: number;
  isShort: boolean;
  leverage: number;
  feeOpen: number;
  feeClose: number;
  exitReason: string;
  enterTag: string | null;
}

export interface StrategySummary {
  totalTrades: number | null;
  /** Total profit as a fraction of the starting balance. */
  profitTotal: number | null;
  profitTotalAbs: number | null;
  startingBalance: number | null;
  stakeCurrency: string | null;
  timeframe: string | null;
  timeframeMs: number | null;
  /** Backtest window, epoch ms (from backtest_start_ts/backtest_end_ts, else the first/last trade). */
  startMs: number;
  endMs: number;
  /** freqtrade's "market change": mean change of the pairs' closes over the window (a fraction). */
  marketChange: number | null;
  maxOpenTrades: number | null;
  pairlist: string[];
}

export interface StrategyRun {
  name: string;
  trades: BacktestTrade[];
  summary: StrategySummary;
  /** Differences between the file's summary and its trades, and skipped fields. */
  warnings: string[];
}

export interface BacktestExport {
  kind: 'backtest';
  file: string;
  strategies: StrategyRun[];
  /** From the `.meta.json` (inside the zip or dropped with it): run id and start time per strategy. */
  meta: Record<string, { runId: string | null; backtestStartTime: number | null }> | null;
  /** Zip members that were not read and why (e.g. pickled signals). */
  skipped: string[];
}

/** Trades read from one file at most (a 10-year 1-minute backtest rarely exceeds 100 000). */
export const MAX_TRADES = 2_000_000;

const TIMEFRAME_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000 };

export function timeframeToMs(tf: string): number | null {
  const m = /^(\d+)([smhdwM])$/.exec(tf.trim());
  return m ? Number(m[1]) * TIMEFRAME_UNITS[m[2]] : null;
}

/** Parse a JSON text, or throw naming the line and column of the first error. */
export function parseJsonText(text: string, file: string, kind: FreqtradeFileKind): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new FreqtradeFileError(file, kind, {}, 'the file is empty');
  try {
    return JSON.parse(body);
  } catch (e) {
    const at = jsonErrorPosition(body);
    const { line, column } = lineColumn(body, at < 0 ? body.length : at);
    throw new FreqtradeFileError(file, kind, { line, column }, `not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$|, (\.\.\.)?".*$/s, '')})`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read the export from text (the .json) or bytes (.json or .zip). `metaText` is a dropped `.meta.json`. */
export function parseBacktestExport(input: string | Uint8Array, file: string, metaText?: string): BacktestExport {
  const skipped: string[] = [];
  let text: string;
  let meta: BacktestExport['meta'] = metaText ? parseBacktestMeta(metaText, file.replace(/\.(json|zip)$/i, '.meta.json')) : null;
  if (typeof input !== 'string' && isZip(input)) {
    const inner = readZip(input, file, skipped);
    text = inner.text;
    file = `${file} › ${inner.name}`;
    if (inner.metaText && !meta) meta = parseBacktestMeta(inner.metaText, inner.metaName!);
  } else {
    text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  }
  const root = parseJsonText(text, file, 'backtest');
  return { kind: 'backtest', file, strategies: readStrategies(root, file), meta, skipped };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Largest uncompressed zip member read (a zip bomb stops here, not in the tab's memory). */
const MAX_ZIP_MEMBER = 512 * 1024 * 1024;

function readZip(bytes: Uint8Array, file: string, skipped: string[]): { name: string; text: string; metaText?: string; metaName?: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_ZIP_MEMBER) {
          skipped.push(`${f.name}: ${f.originalSize} bytes uncompressed, more than the ${MAX_ZIP_MEMBER} read`);
          return false;
        }
        if (/\.(pkl|pickle)$/i.test(f.name)) {
          skipped.push(`${f.name}: pickled signals are Python objects and are not read (export them as CSV with \`freqtrade backtesting-analysis --analysis-to-csv\`)`);
          return false;
        }
        return /\.json$/i.test(f.name);
      },
    });
  } catch (e) {
    throw new FreqtradeFileError(file, 'zip', {}, `not a readable zip archive (${(e as Error).message})`);
  }
  const names = Object.keys(entries);
  // Inside: `<base>.json` (the result), `<base>_config.json`, `<base>_<Strategy>.json` (parameters), `.py` files.
  // Every other member's name extends the result's, so the result is the shortest JSON name.
  const resultName = names.filter((n) => !/\.meta\.json$/i.test(n)).sort((a, b) => a.length - b.length)[0];
  if (!resultName) {
    throw new FreqtradeFileError(file, 'zip', {}, `no backtest result .json inside (found: ${names.join(', ') || 'no JSON files'}); drop the zip that \`freqtrade backtesting --export trades\` wrote`);
  }
  const metaName = names.find((n) => /\.meta\.json$/i.test(n));
  const dec = new TextDecoder();
  return { name: resultName, text: dec.decode(entries[resultName]), metaText: metaName ? dec.decode(entries[metaName]) : undefined, metaName };
}

export function parseBacktestMeta(text: string, file: string): NonNullable<BacktestExport['meta']> {
  const root = parseJsonText(text, file, 'meta');
  if (!isObject(root)) throw new FreqtradeFileError(file, 'meta', {}, `expected an object keyed by strategy name, found ${quote(root)}`);
  const out: NonNullable<BacktestExport['meta']> = {};
  for (const [name, v] of Object.entries(root)) {
    if (!isObject(v)) throw new FreqtradeFileError(file, 'meta', { record: `strategy ${name}` }, `expected an object, found ${quote(v)}`);
    const st = v.backtest_start_time;
    out[name] = {
      runId: typeof v.run_id === 'string' ? v.run_id : null,
      backtestStartTime: typeof st === 'number' ? st : typeof st === 'string' ? parseIsoMs(st.replace(' ', 'T')) / 1000 : null,
    };
  }
  return out;
}

function readStrategies(root: unknown, file: string): StrategyRun[] {
  if (Array.isArray(root)) {
    throw new FreqtradeFileError(file, 'backtest', {}, 'this is a JSON list, not a backtest export (a list of candles belongs in a candle input; a backtest export is an object with a "strategy" key)');
  }
  if (!isObject(root)) throw new FreqtradeFileError(file, 'backtest', {}, `expected a JSON object with a "strategy" key, found ${quote(root)}`);
  if (typeof root.latest_backtest === 'string' && !('strategy' in root)) {
    throw new FreqtradeFileError(file, 'backtest', { field: 'latest_backtest' },
      `this is freqtrade's .last_result.json, which only names the latest export; drop ${root.latest_backtest} instead`);
  }
  if (!isObject(root.strategy)) {
    throw new FreqtradeFileError(file, 'backtest', { field: 'strategy' },
      `missing or not an object (found ${quote(root.strategy)}); expected the file \`freqtrade backtesting --export trades\` writes`);
  }
  const names = Object.keys(root.strategy);
  if (!names.length) throw new FreqtradeFileError(file, 'backtest', { field: 'strategy' }, 'no strategy in this export');
  return names.map((name) => readStrategy(name, (root.strategy as Record<string, unknown>)[name], file));
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function readStrategy(name: string, s: unknown, file: string): StrategyRun {
  const rec = `strategy ${name}`;
  if (!isObject(s)) throw new FreqtradeFileError(file, 'backtest', { record: rec }, `expected an object, found ${quote(s)}`);
  if (!Array.isArray(s.trades)) throw new FreqtradeFileError(file, 'backtest', { record: rec, field: 'trades' }, `expected a list of trades, found ${quote(s.trades)}`);
  if (s.trades.length > MAX_TRADES) throw new FreqtradeFileError(file, 'backtest', { record: rec, field: 'trades' }, `${s.trades.length} trades; at most ${MAX_TRADES} are read`);
  const trades = s.trades.map((t, i) => readTrade(t, `trade ${i + 1} of strategy ${name}`, file));
  const warnings: string[] = [];
  const timeframe = typeof s.timeframe === 'string' ? s.timeframe : null;
  const firstOpen = trades.reduce((m, t) => Math.min(m, t.openTime), Infinity);
  const lastClose = trades.reduce((m, t) => Math.max(m, t.closeTime), -Infinity);
  const summary: StrategySummary = {
    totalTrades: num(s.total_trades),
    profitTotal: num(s.profit_total),
    profitTotalAbs: num(s.profit_total_abs),
    startingBalance: num(s.starting_balance) ?? num(s.dry_run_wallet),
    stakeCurrency: typeof s.stake_currency === 'string' ? s.stake_currency : null,
    timeframe,
    timeframeMs: timeframe ? timeframeToMs(timeframe) : null,
    startMs: num(s.backtest_start_ts) ?? (Number.isFinite(firstOpen) ? firstOpen : 0),
    endMs: num(s.backtest_end_ts) ?? (Number.isFinite(lastClose) ? lastClose : 0),
    marketChange: num(s.market_change),
    maxOpenTrades: num(s.max_open_trades),
    pairlist: Array.isArray(s.pairlist) ? s.pairlist.filter((p): p is string => typeof p === 'string') : [],
  };
  if (!summary.pairlist.length) summary.pairlist = [...new Set(trades.map((t) => t.pair))].sort();
  if (summary.totalTrades !== null && summary.totalTrades !== trades.length) {
    warnings.push(`the summary says ${summary.totalTrades} trades but the file lists ${trades.length}; the listed trades are analysed`);
  }
  if (summary.profitTotalAbs !== null && trades.length) {
    const sum = trades.reduce((a, t) => a + t.profitAbs, 0);
    const tol = 1e-6 * Math.max(1e-12, Math.abs(summary.profitTotalAbs), trades.reduce((a, t) => a + Math.abs(t.profitAbs), 0));
    if (Math.abs(sum - summary.profitTotalAbs) > tol) {
      warnings.push(`the trades' profit_abs add up to ${sum}, the summary's profit_total_abs is ${summary.profitTotalAbs}`);
    }
  }
  // profit_abs should be about stake_amount × profit_ratio; a large gap means the two returns tell different stories.
  const withStake = trades.filter((t) => Number.isFinite(t.stakeAmount));
  if (withStake.length) {
    const fromRatio = withStake.reduce((a, t) => a + t.stakeAmount * t.profitRatio, 0);
    const abs = withStake.reduce((a, t) => a + t.profitAbs, 0);
    const scale = withStake.reduce((a, t) => a + Math.abs(t.profitAbs), 0);
    if (Math.abs(fromRatio - abs) > 0.05 * scale) {
      warnings.push(`profit_abs adds up to ${abs.toPrecision(4)} but stake_amount × profit_ratio to ${fromRatio.toPrecision(4)}: per-trade returns (profit_ratio) and account returns (profit_abs) disagree in this file`);
    }
  }
  return { name, trades, summary, warnings };
}

function readTrade(t: unknown, rec: string, file: string): BacktestTrade {
  if (!isObject(t)) throw new FreqtradeFileError(file, 'backtest', { record: rec }, `expected an object, found ${quote(t)}`);
  const bad = (field: string, what: string): never => {
    throw new FreqtradeFileError(file, 'backtest', { record: rec, field }, `${what}, found ${quote(t[field])}`);
  };
  const pair = typeof t.pair === 'string' && t.pair ? t.pair : bad('pair', 'expected the pair name');
  const time = (tsField: string, dateField: string): number => {
    const ts = num(t[tsField]);
    if (ts !== null && ts > 0) return ts;
    const d = t[dateField];
    if (typeof d === 'string') {
      const ms = parseIsoMs(d.replace(' ', 'T'));
      if (Number.isFinite(ms)) return ms;
      return bad(dateField, 'expected a date like "2018-01-10 07:15:00+00:00"');
    }
    return bad(tsField, `expected an epoch-ms number (or a "${dateField}" date)`);
  };
  const openTime = time('open_timestamp', 'open_date');
  const closeTime = time('close_timestamp', 'close_date');
  if (closeTime < openTime) bad('close_timestamp', `the trade closes before it opens (open ${openTime})`);
  const profitRatio = num(t.profit_ratio) ?? (num(t.profit_percent) !== null ? num(t.profit_percent)! / 100 : bad('profit_ratio', 'expected a finite number'));
  if (profitRatio <= -1.0000001 && !(num(t.leverage)! > 1)) bad('profit_ratio', 'a long trade without leverage cannot lose more than 100 %');
  const profitAbs = num(t.profit_abs) ?? bad('profit_abs', 'expected a finite number');
  const optNum = (field: string, dflt: number): number => {
    if (t[field] === undefined || t[field] === null) return dflt;
    return num(t[field]) ?? bad(field, 'expected a finite number');
  };
  const reason = t.exit_reason ?? t.sell_reason;
  const tag = t.enter_tag ?? t.buy_tag;
  return {
    pair, openTime, closeTime, profitRatio, profitAbs,
    stakeAmount: optNum('stake_amount', NaN),
    openRate: optNum('open_rate', NaN),
    closeRate: optNum('close_rate', NaN),
    isShort: t.is_short === true,
    leverage: optNum('leverage', 1),
    feeOpen: optNum('fee_open', 0),
    feeClose: optNum('fee_close', 0),
    exitReason: typeof reason === 'string' ? reason : '',
    enterTag: typeof tag === 'string' ? tag : null,
  };
}
