/**
 * freqtrade import benchmark (issue 10). Run: `npm run bench -- freqtrade`
 * 1. A 10,000-trade backtest export and a 5,000-epoch hyperopt file (synthetic, seeded, in freqtrade's format) are
 *    read and the full "your strategy" report — including 2,000 random-entry permutations and a 2,000-replicate
 *    block bootstrap — runs in the notebook worker (the same host as the browser, on a Node worker thread).
 *    Goal: < 5 s from handing the files to the worker to the last cell done.
 * 2. A 50 MB candle file (freqtrade JSON) is parsed in the worker while the main thread keeps a 10 ms timer:
 *    the longest gap between ticks is how long the page would have been blocked. Goal: < 100 ms.
 * Peers in the same run: JSON.parse of the same texts (what any reader must at least pay).
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../src/engine/random';
import { parseBacktestExport } from '../src/engine/market/freqtradeBacktest';
import { parseHyperoptResults } from '../src/engine/market/freqtradeHyperopt';
import { parseNotebook } from '../src/notebook/format';
import { createNodeWorker } from '../scripts/nodeSession';
import { nodeMainFunctions } from '../scripts/nodeMainThread';
import { NotebookSession } from '../src/workers/session';

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

function median(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

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
let sawWork = false;
let onSettled: (() => void) | null = null;
let settledWhen: (s: NotebookSession) => boolean = () => true;
async function warmSession(nbToLoad: ReturnType<typeof parseNotebook>): Promise<NotebookSession> {
  const session: NotebookSession = new NotebookSession({
    createWorker: createNodeWorker, mainFunctions: nodeMainFunctions, defaultTimeoutMs: 120_000,
    onChange: (_id, st) => {
      if (st.state === 'pending' || st.state === 'running') sawWork = true;
      else if (sawWork && onSettled && session.isIdle() && settledWhen(session)) { const f = onSettled; onSettled = null; f(); }
    },
  });
  session.load(nbToLoad.cells, { seed: nbToLoad.meta.seed, inputs: {}, edits: {} });
  await session.whenIdle();
  return session;
}
/** Resolves once the worker has re-run what the last messages invalidated and every cell has settled again. */
function recomputed(when: (s: NotebookSession) => boolean): Promise<void> {
  sawWork = false;
  settledWhen = when;
  return new Promise((r) => { onSettled = r; });
}
function failures(session: NotebookSession): string[] {
  return [...session.states].filter(([, s]) => s.state !== 'done').map(([id, s]) => `${id}: ${s.state === 'error' ? s.error.message : s.state}`);
}

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

// 2. 50 MB candle parse in the worker; the main thread's longest stall while it runs.
// Built in 1 MB chunks straight into bytes, so the bench's own garbage does not pause the main thread it measures.
const chunks: Uint8Array[] = [enc.encode('[')];
let q = 100;
let bytes = 1;
let bigBars = 0;
const rng2 = createRng(5050);
while (bytes < 50e6) {
  const part: string[] = [];
  for (let k = 0; k < 12_000; k++, bigBars++) {
    const o = q;
    q *= Math.exp(0.001 * rng2.normal());
    part.push(`${bigBars ? ',' : ''}[${T0 + bigBars * 60_000},${o.toFixed(6)},${(Math.max(o, q) * 1.0002).toFixed(6)},${(Math.min(o, q) * 0.9998).toFixed(6)},${q.toFixed(6)},${(1 + rng2.next() * 1000).toFixed(4)}]`);
  }
  const c = enc.encode(part.join(''));
  chunks.push(c);
  bytes += c.length;
}
chunks.push(enc.encode(']'));
const bigBytes = new Uint8Array(bytes + 1);
let off = 0;
for (const c of chunks) { bigBytes.set(c, off); off += c.length; }
chunks.length = 0;
const loadNb = parseNotebook(['---', 'id: bench-load', 'title: load', 'seed: 1', '---', '', '```input', 'name: candles', 'type: dataset', 'value: ETH_BTC-5m', '```', '', '```js id=load timeout=120000', 'const series = await loadDataset(candles);', 'const bars = series.close.length;', '```', ''].join('\n'), 'bench-load');
const loader = await warmSession(loadNb);
const bigBlob = new Blob([bigBytes]); // the page has the dropped File already
let maxGap = 0, last = performance.now();
const timer = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 10);
const bigDone = recomputed((sess) => { const c = sess.states.get('load'); return c?.state !== 'done' || c.display.figures.bars === bigBars; });
const t50 = performance.now();
// As the page does: the dropped File (a Blob) goes to the worker by reference and is read there.
loader.addDataset('upload:BIG_USDT-1m.json', 'BIG_USDT-1m.json', '', undefined, [], bigBlob);
loader.setInput('candles', 'upload:BIG_USDT-1m.json');
await bigDone;
const tBig = performance.now() - t50;
clearInterval(timer);
const bigFail = failures(loader);
const barsRead = loader.states.get('load');
if (barsRead?.state === 'done' && barsRead.display.figures.bars !== bigBars) bigFail.push(`read ${barsRead.display.figures.bars} bars, expected ${bigBars}`);
loader.dispose();
if (bigFail.length) throw new Error(`50 MB parse failed: ${bigFail.join('; ')}`);
const tBigJson = median(() => JSON.parse(new TextDecoder().decode(bigBytes)), 1);
rows.push([`candle file (${(bigBytes.length / 1e6).toFixed(1)} MB, ${bigBars.toLocaleString('en')} bars, freqtrade JSON) parsed in the worker`, tBig, `${(tBig / tBigJson).toFixed(2)}× decode + bare JSON.parse on one thread (the worker reads the File itself)`]);
rows.push(['  longest main-thread stall meanwhile (10 ms timer)', maxGap, `goal < 100 ms: ${maxGap < 100 ? 'met' : 'NOT met'}`]);

for (const [name, ms, note] of rows) console.log(`${name.padEnd(100)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
