/**
 * freqtrade import benchmark (issue 10). Run: `npm run bench -- freqtrade`
 * 1. A 10,000-trade backtest export and a 5,000-epoch hyperopt file (synthetic, seeded, in freqtrade's format) are
 *    read and the full "your strategy" report — including 2,000 random-entry permutations and a 2,000-replicate
 *    block bootstrap — runs in the notebook worker (the same host as the browser, on a Node worker thread).
 *    Goal: < 5 s from handing the files to the worker to the last cell done.
 * 2. The 50 MB candle parse is in bench/freqtrade-candles.bench.ts (its own process, so this file's big heap does
 *    not add garbage-collection pauses to the main-thread stall it measures).
 * Peers in the same run: JSON.parse of the same texts (what any reader must at least pay).
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../src/engine/random';
import { parseBacktestExport } from '../src/engine/market/freqtradeBacktest';
import { parseHyperoptResults } from '../src/engine/market/freqtradeHyperopt';
import { parseNotebook } from '../src/notebook/format';
import { warmMedianOfRuns as median } from './timing';

const BAR = 300_000;
const T0 = Date.UTC(2022, 0, 1);
const rng = createRng(10_010);

// Candles: a seeded random walk of 5-minute bars over ~1 year.
const nBars = 105_000;
const candleRows: number[][] = [];
let p = 30_000;
for (let i = 0; i < nBars; i++) {
  const o = p;
  p *= Math.exp(0.002 * rng.normal());
  candleRows.push([T0 + i * BAR, o, Math.max(o, p) * 1.0005, Math.min(o, p) * 0.9995, p, 10 + rng.int(100)]);
}
const candleText = JSON.stringify(candleRows);

function trade(pair: string, e: number, h: number) {
  const open = candleRows[e][1], close = candleRows[e + h][1];
  const ratio = (close * (1 - 0.001)) / (open * (1 + 0.001)) - 1;
  return {
    pair, stake_amount: 100, amount: 100 / open, open_date: new Date(T0 + e * BAR).toISOString(), close_date: new Date(T0 + (e + h) * BAR).toISOString(),
    open_rate: open, close_rate: close, fee_open: 0.001, fee_close: 0.001, trade_duration: h * 5, profit_ratio: ratio, profit_abs: 100 * ratio,
    exit_reason: 'roi', is_open: false, open_timestamp: T0 + e * BAR, close_timestamp: T0 + (e + h) * BAR, is_short: false, leverage: 1, enter_tag: null,
  };
}

const nTrades = 10_000;
const trades = Array.from({ length: nTrades }, () => { const h = 1 + rng.int(48); return trade('BTC/USDT', rng.int(nBars - h - 1), h); }).sort((a, b) => a.open_timestamp - b.open_timestamp);
const total = trades.reduce((a, t) => a + t.profit_abs, 0);
const exportText = JSON.stringify({
  strategy: { BenchStrategy: {
    trades, total_trades: nTrades, profit_total: total / 1_000_000, profit_total_abs: total, starting_balance: 1_000_000, stake_currency: 'USDT',
    timeframe: '5m', backtest_start_ts: T0, backtest_end_ts: T0 + (nBars - 1) * BAR, max_open_trades: 100, pairlist: ['BTC/USDT'], market_change: p / 30_000 - 1,
  } },
  strategy_comparison: [],
});
const nEpochs = 5_000;
const hyperoptText = Array.from({ length: nEpochs }, (_, k) => {
  const ts = Array.from({ length: 20 }, () => { const h = 1 + rng.int(48); return trade('BTC/USDT', rng.int(nBars - h - 1), h); });
  return JSON.stringify({ loss: rng.normal(), params_dict: { x: k }, results_metrics: { total_trades: 20, profit_total: 0, profit_mean: 0, trades: ts }, current_epoch: k + 1, is_initial_point: k < 10, is_best: false });
}).join('\n');


const mb = (s: string) => `${(s.length / 1e6).toFixed(1)} MB`;
const rows: [string, number, string][] = [];
const tExport = median(() => parseBacktestExport(exportText, 'bench.json'), 5);
const tExportJson = median(() => JSON.parse(exportText), 5);
rows.push([`parseBacktestExport, ${nTrades} trades (${mb(exportText)})`, tExport, `${(tExport / tExportJson).toFixed(2)}× JSON.parse`]);
rows.push(['  peer: JSON.parse, no checks', tExportJson, '']);
const tHyp = median(() => parseHyperoptResults(hyperoptText, 'bench.fthypt'), 3);
const tHypJson = median(() => hyperoptText.split('\n').map((l) => JSON.parse(l)), 3);
rows.push([`parseHyperoptResults, ${nEpochs} epochs (${mb(hyperoptText)})`, tHyp, `${(tHyp / tHypJson).toFixed(2)}× JSON.parse per line`]);
rows.push(['  peer: JSON.parse per line, no checks', tHypJson, '']);

// The page's flow: the notebook is open (its worker warm, the shipped sample computed), then the user drops files.
import { warmSession, recomputed, failures } from './freqtradeSession';

// 1. Full report in the worker.
const nb = parseNotebook(readFileSync('notebooks/your-strategy.md', 'utf8'), 'your-strategy');
const enc = new TextEncoder();
const files = [
  { input: 'backtest', fileName: 'bench-backtest.json', bytes: enc.encode(exportText) },
  { input: 'hyperopt', fileName: 'bench.fthypt', bytes: enc.encode(hyperoptText) },
  { input: 'candles', fileName: 'BTC_USDT-5m.json', bytes: enc.encode(candleText) },
];
const reportTimes: number[] = [];
for (let run = 0; run < 3; run++) {
  const session = await warmSession(nb);
  // Settled on the new files: the random-entry cell names the dropped candles' pair and trade count.
  const done = recomputed((sess) => { const c = sess.states.get('permutation'); return c?.state === 'done' && JSON.stringify(c.display.values.permNote).includes(`${nTrades} trades on BTC/USDT`); });
  const t0 = performance.now();
  for (const f of files) session.addDataset(`upload:${f.fileName}`, f.fileName, '', f.bytes);
  for (const f of files) session.setInput(f.input, `upload:${f.fileName}`);
  session.setInput('permutations', 2000);
  await done;
  reportTimes.push(performance.now() - t0);
  const bad = failures(session);
  const permCell = session.states.get('permutation');
  if (permCell?.state !== 'done' || !JSON.stringify(permCell.display.values.permNote).includes(`${nTrades} trades on BTC/USDT`)) bad.push(`the report did not analyse the dropped files: ${JSON.stringify(permCell?.state === 'done' ? permCell.display.values.permNote : permCell)}`);
  session.dispose();
  if (bad.length) throw new Error(`report failed: ${bad.join('; ')}`);
}
reportTimes.sort((a, b) => a - b);
const tReport = reportTimes[1];
rows.push([`files dropped → full report, worker (${nTrades} trades, ${nEpochs} epochs, 2000 permutations, 2000 bootstraps)`, tReport, `goal < 5000 ms: ${tReport < 5000 ? 'met' : 'NOT met'} (median of 3; files ${mb(exportText)} + ${mb(hyperoptText)} + ${mb(candleText)})`]);

for (const [name, ms, note] of rows) console.log(`${name.padEnd(100)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
