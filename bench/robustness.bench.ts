/**
 * Robustness sweep benchmark (issue 9): the full sweep of the aggregators notebook — every shipped dataset
 * with ≥ 2000 bars (the most recent 12,000 bars, the notebook's default) × 5 bar sets (all tested bars and 4
 * causal regimes) × the sweep's forecasters (4 baselines, stacking, raw majority, the parity circuit in closed
 * form and its fallback), with Diebold–Mariano/HAC tests for every forecaster and 1000 block-bootstrap
 * replicates for the judged ones (quantum candidate, stacking), backtests and the per-claim figures — next to
 * the same pipeline on one dataset. Goal: full sweep < 30 s on a 2-core machine (issue 9).
 * Also times the aggregators notebook headless with the sweep on and off (the ledger runs it with the sweep).
 * Run: `npx tsx bench/robustness.bench.ts`
 */
import { readFileSync } from 'node:fs';
import { parseOhlcv } from '../src/engine/market/parse';
import { computeMemberProbabilities } from '../src/engine/market/probabilities';
import { upLabels } from '../src/engine/market/returns';
import {
  aggregatorById, cellClaimFigures, createFallbackAggregator, parityClosedForm, sweepDataset, type MarketInput,
} from '../src/engine/ensemble/index';
import { loadCatalog } from '../scripts/nodeCatalog';
import { runNotebookHeadless } from '../scripts/nodeSession';

interface Entry { id: string; file: string; rows: number }
const manifest = JSON.parse(readFileSync('public/data/index.json', 'utf8')) as { datasets: Entry[] };
const BARS = 12000;

function load(e: Entry): MarketInput & { n: number } {
  const d = parseOhlcv(readFileSync(`public/data/${e.file}`, 'utf8'), e.file).data;
  const n = Math.min(BARS, d.close.length), first = d.close.length - n;
  const cut = (a: Float64Array): Float64Array => a.slice(first);
  const data = { ...d, time: cut(d.time), open: cut(d.open), high: cut(d.high), low: cut(d.low), close: cut(d.close), volume: cut(d.volume) };
  const m = computeMemberProbabilities(data, {});
  return { probs: m.probs, up: upLabels(data.close), close: data.close, time: data.time, n };
}

const fallback = createFallbackAggregator(parityClosedForm, { id: 'parity-fallback' });
const aggregators = [aggregatorById('stacking'), aggregatorById('majority'), parityClosedForm, fallback];
const bt = { feeBps: 10, slippageBps: 2, confidenceThreshold: 0.8, maxPositionFraction: 0.05 };

function sweepOne(e: Entry): number {
  const input = load(e);
  const cells = sweepDataset(e.id, input, {
    aggregators, trainBars: 4000, testBars: 1000, seed: 5514, replicates: 1000, bootstrapIds: ['parity-closed-form', 'stacking'],
    backtestIds: ['parity-fallback'], backtest: bt,
  });
  for (const c of cells) if (c.scored.scored.length >= 500) cellClaimFigures(c, input, { quantum: 'parity-closed-form', traded: 'parity-fallback' }, bt);
  return cells.length;
}

const eligible = manifest.datasets.filter((d) => d.rows >= 2000);
const t1 = performance.now();
sweepOne(eligible.find((d) => d.id === 'BTC_USDT-1h')!);
const single = (performance.now() - t1) / 1000;

const t0 = performance.now();
let cells = 0;
for (const e of eligible) cells += sweepOne(e);
const full = (performance.now() - t0) / 1000;

const nb = loadCatalog().find((n) => n.meta.id === 'aggregators')!;
const timeNotebook = async (sweep: boolean): Promise<number> => {
  const t = performance.now();
  await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: { robustnessSweep: sweep }, edits: {} }, { defaultTimeoutMs: 600_000 });
  return (performance.now() - t) / 1000;
};
const nbOff = await timeNotebook(false);
const nbOn = await timeNotebook(true);

console.log(`datasets swept: ${eligible.map((d) => d.id).join(', ')} (${cells} cells; skipped as too short: ${manifest.datasets.filter((d) => d.rows < 2000).map((d) => d.id).join(', ') || 'none'})`);
console.log(`single dataset (BTC_USDT-1h, 5 bar sets)      ${single.toFixed(1).padStart(6)} s`);
console.log(`full robustness sweep (${eligible.length} datasets)         ${full.toFixed(1).padStart(6)} s   ${(full / single).toFixed(1)}× one dataset   goal < 30 s: ${full < 30 ? 'met' : 'NOT met'}`);
console.log(`aggregators notebook headless, sweep off     ${nbOff.toFixed(1).padStart(6)} s`);
console.log(`aggregators notebook headless, sweep on      ${nbOn.toFixed(1).padStart(6)} s   (+${(nbOn - nbOff).toFixed(1)} s for the sweep)`);
console.log('ledger with sweeps: `time npm run ledger` (goal < 90 s); it runs every notebook, so it is not repeated here.');
process.exit(0);
