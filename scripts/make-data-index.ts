/**
 * Writes public/data/index.json, the manifest the app reads to list the shipped datasets.
 * Every number (rows, first/last candle, interval, gaps, zero-volume bars, size, SHA-256) is computed here by
 * parsing the files with the app's own loader; only the market names and source summaries are text,
 * condensed from public/data/README.md.  Run: `npx tsx scripts/make-data-index.ts`
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOhlcv } from '../src/engine/market/parse';
import { parseDataFile } from '../src/engine/market/userFiles';

const DIR = 'public/data';

const SOURCES: Record<string, { market: string; source: string; licence: string }> = {
  'BTC_USDT-1h.csv': { market: 'BTC/USDT, Binance spot', source: 'DutchCryptoDad/bamboo-ta data/BTC_USDT-1h.json @7392c630f6b6 (freqtrade download, Binance public API); trimmed to 2024-12-31 23:00', licence: 'repository MIT; market data under Binance Terms of Use' },
  'ETH_USDT-1h.csv': { market: 'ETH/USDT, Binance spot', source: 'IamSTEINI/crypto-strategy-playground ETHUSDT_1h.csv @d89dc03e69e9 (Binance /api/v3/klines); sorted ascending, trimmed to 2025-12-01 23:00', licence: 'repository MIT; market data under Binance Terms of Use' },
  'SOL_USDT-1h.csv': { market: 'SOL/USDT, Binance spot', source: 'vicanmendez/sklearn-trading-test data/SOLUSDT_1h.csv @4067d3e0788d (ccxt binance fetch_ohlcv); OHLC identical to MIT-licensed DaruFinance/quant-research-framework-rs', licence: 'no repository licence; market data under Binance Terms of Use' },
  'BTC_USDT-1d.csv': { market: 'BTC/USDT, Binance spot', source: 'DutchCryptoDad/bamboo-ta data/BTC_USDT-1d.json @dee89531cdda (freqtrade download, Binance public API)', licence: 'repository MIT; market data under Binance Terms of Use' },
  'BTC_USD-1d.csv': { market: 'BTC/USD, Bitstamp until 2015-07-21, Coinbase after', source: 'mathaszip/BTCprice data/btc/daily/BTCUSD_1d_candles_full.csv @34486739ac76 (1-minute candles aggregated to days by the repository author)', licence: 'no repository licence; market data under Bitstamp and Coinbase terms' },
  'freqtrade/ETH_BTC-5m.json': { market: 'ETH/BTC (freqtrade test data, most likely Bittrex)', source: 'freqtrade/freqtrade tests/testdata/ETH_BTC-5m.json @4d3740d4ce02, byte for byte', licence: 'repository GPL-3.0; market data of the exchange' },
  'freqtrade/ADA_BTC-1m.json': { market: 'ADA/BTC (freqtrade test data, most likely Bittrex)', source: 'freqtrade/freqtrade tests/testdata/ADA_BTC-1m.json @8c5b2994494a, byte for byte', licence: 'repository GPL-3.0; market data of the exchange' },
  'freqtrade/XRP_ETH-5m.json': { market: 'XRP/ETH (freqtrade test data, exchange not stated)', source: 'freqtrade/freqtrade tests/testdata/XRP_ETH-5m.json @4d3740d4ce02, byte for byte', licence: 'repository GPL-3.0; market data of the exchange' },
};

function intervalLabel(ms: number): string {
  const units: [number, string][] = [[604_800_000, 'w'], [86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [u, s] of units) if (ms % u === 0) return `${ms / u}${s}`;
  return `${ms}ms`;
}

const files = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.csv')),
  ...readdirSync(join(DIR, 'freqtrade')).filter((f) => f.endsWith('.json') && !f.startsWith('backtest-result')).map((f) => `freqtrade/${f}`),
].sort();

const datasets = files.map((file) => {
  const path = join(DIR, file);
  const bytes = readFileSync(path);
  const { data, warnings, format } = parseOhlcv(bytes.toString('utf8'), file);
  const meta = SOURCES[file];
  if (!meta) throw new Error(`no source summary for ${file}: add it to SOURCES in scripts/make-data-index.ts`);
  const gaps = warnings.find((w) => w.kind === 'gaps');
  const zero = warnings.find((w) => w.kind === 'zero-volume');
  const T = data.time.length;
  return {
    id: file.replace(/^.*\//, '').replace(/\.(csv|json)$/, ''),
    file,
    format: format.kind,
    market: meta.market,
    interval: intervalLabel(data.intervalMs),
    intervalMs: data.intervalMs,
    firstCandle: new Date(data.time[0]).toISOString(),
    lastCandle: new Date(data.time[T - 1]).toISOString(),
    rows: T,
    gaps: gaps?.kind === 'gaps' ? gaps.count : 0,
    missingCandles: gaps?.kind === 'gaps' ? gaps.missingBars : 0,
    zeroVolumeCandles: zero?.kind === 'zero-volume' ? zero.count : 0,
    bytes: statSync(path).size,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    source: meta.source,
    licence: meta.licence,
  };
});

// freqtrade runs (backtest exports, hyperopt results): the defaults of the "your strategy" notebook.
const RUN_SOURCE = 'freqtrade/freqtrade tests/testdata/ (GPL-3.0), byte for byte';
const runs = readdirSync(join(DIR, 'freqtrade'))
  .filter((f) => (f.startsWith('backtest-result') && f.endsWith('.json') && !f.endsWith('.meta.json')) || f.endsWith('.fthypt'))
  .sort()
  .map((f) => {
    const file = `freqtrade/${f}`;
    const bytes = readFileSync(join(DIR, file));
    const parsed = parseDataFile(new Uint8Array(bytes), f);
    const base = { id: f.replace(/\.(json|fthypt)$/, ''), file, kind: parsed.kind, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), source: RUN_SOURCE };
    if (parsed.kind === 'backtest') return { ...base, strategies: parsed.strategies.map((s) => s.name), trades: parsed.strategies.reduce((a, s) => a + s.trades.length, 0) };
    if (parsed.kind === 'hyperopt') return { ...base, epochs: parsed.epochs.length };
    throw new Error(`${file}: expected a backtest export or hyperopt result, got ${parsed.kind}`);
  });

const index = {
  description: 'Real OHLCV candles shipped with the playground; see README.md in this folder for provenance, checks and gap lists. Generated by scripts/make-data-index.ts.',
  timeConvention: 'candle open time, UTC',
  datasets,
  runs,
};
writeFileSync(join(DIR, 'index.json'), JSON.stringify(index, null, 2) + '\n');
console.log(datasets.map((d) => `${d.id.padEnd(14)} ${d.interval.padEnd(3)} ${String(d.rows).padStart(6)} rows  ${d.gaps} gaps  ${d.firstCandle} → ${d.lastCandle}`).join('\n'));
