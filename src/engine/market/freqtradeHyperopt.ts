/**
 * freqtrade hyperopt results (`strategy_<Name>_<date>.fthypt`): one JSON object per line, one line per epoch
 * (`loss`, `params_dict`, `results_metrics` with the epoch's trades and summary, `current_epoch`, `is_best`).
 * What the luck-or-skill analysis needs: how many configurations were tried, and the spread of their Sharpe
 * ratios (the deflated Sharpe ratio discounts the best one by both).
 */
import { FreqtradeFileError, quote } from './freqtradeErrors';

export interface HyperoptEpoch {
  /** 1-based epoch number as freqtrade counts it (current_epoch), else the line number. */
  epoch: number;
  line: number;
  loss: number;
  isBest: boolean;
  isInitialPoint: boolean;
  totalTrades: number;
  profitTotal: number | null;
  profitMean: number | null;
  /** Per-trade Sharpe ratio mean/sd of the epoch's trades' profit_ratio; null below 2 trades or zero spread. */
  tradeSharpe: number | null;
  params: Record<string, unknown>;
}

export interface HyperoptRun {
  kind: 'hyperopt';
  file: string;
  epochs: HyperoptEpoch[];
  /** Epochs whose trades were listed (so a per-trade Sharpe could be computed). */
  withSharpe: number;
  warnings: string[];
}

const MAX_EPOCHS = 1_000_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function perTradeSharpe(trades: unknown[]): number | null {
  let n = 0, mean = 0, m2 = 0;
  for (const t of trades) {
    const r = isObject(t) ? t.profit_ratio : undefined;
    if (typeof r !== 'number' || !Number.isFinite(r)) continue;
    n++;
    const d = r - mean;
    mean += d / n;
    m2 += d * (r - mean);
  }
  if (n < 2) return null;
  const sd = Math.sqrt(m2 / (n - 1));
  return sd > 0 ? mean / sd : null;
}

export function parseHyperoptResults(input: string | Uint8Array, file: string): HyperoptRun {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (text.startsWith('\x80') || /^\uFFFD/.test(text) || /\.pickle$/i.test(file)) {
    throw new FreqtradeFileError(file, 'hyperopt', {}, 'this looks like a pickled (legacy) hyperopt result, which is a Python object and is not read; rerun hyperopt with a current freqtrade, which writes a .fthypt file (JSON lines)');
  }
  const lines = text.split('\n');
  const epochs: HyperoptEpoch[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const line = i + 1;
    if (epochs.length >= MAX_EPOCHS) throw new FreqtradeFileError(file, 'hyperopt', { line }, `more than ${MAX_EPOCHS} epochs`);
    let o: unknown;
    try {
      o = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    } catch (e) {
      throw new FreqtradeFileError(file, 'hyperopt', { line, record: `epoch on line ${line}` },
        `not a JSON object (${(e as Error).message.replace(/ in JSON at position \d+.*$|, (\.\.\.)?".*$/s, '')}); a .fthypt file has one JSON object per line`);
    }
    const rec = `epoch on line ${line}`;
    if (!isObject(o)) throw new FreqtradeFileError(file, 'hyperopt', { line, record: rec }, `expected a JSON object, found ${quote(o)}`);
    const loss = o.loss;
    if (typeof loss !== 'number' || Number.isNaN(loss)) throw new FreqtradeFileError(file, 'hyperopt', { line, record: rec, field: 'loss' }, `expected a number, found ${quote(loss)}`);
    const rm = o.results_metrics;
    if (!isObject(rm)) throw new FreqtradeFileError(file, 'hyperopt', { line, record: rec, field: 'results_metrics' }, `expected an object, found ${quote(rm)}`);
    const tt = rm.total_trades;
    if (typeof tt !== 'number' || !Number.isInteger(tt) || tt < 0) {
      throw new FreqtradeFileError(file, 'hyperopt', { line, record: rec, field: 'results_metrics.total_trades' }, `expected a whole number ≥ 0, found ${quote(tt)}`);
    }
    const ep = o.current_epoch;
    const epoch = typeof ep === 'number' && Number.isInteger(ep) && ep > 0 ? ep : epochs.length + 1;
    const trades = Array.isArray(rm.trades) ? rm.trades : null;
    epochs.push({
      epoch, line, loss,
      isBest: o.is_best === true,
      isInitialPoint: o.is_initial_point === true,
      totalTrades: tt,
      profitTotal: typeof rm.profit_total === 'number' ? rm.profit_total : null,
      profitMean: typeof rm.profit_mean === 'number' ? rm.profit_mean : null,
      tradeSharpe: trades ? perTradeSharpe(trades) : null,
      params: isObject(o.params_dict) ? o.params_dict : {},
    });
  }
  if (!epochs.length) throw new FreqtradeFileError(file, 'hyperopt', {}, 'no epochs: the file has no JSON lines');
  const withSharpe = epochs.filter((e) => e.tradeSharpe !== null).length;
  if (withSharpe < epochs.length) {
    warnings.push(`${epochs.length - withSharpe} of ${epochs.length} epochs have fewer than 2 trades (or no trade list), so no Sharpe ratio; they still count as trials`);
  }
  return { kind: 'hyperopt', file, epochs, withSharpe, warnings };
}
