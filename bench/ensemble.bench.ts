/**
 * Ensemble benchmark: npx tsx bench/ensemble.bench.ts
 * - full walk-forward of every classical aggregator on 64k synthetic hourly bars × 14 members (target < 3 s, one thread),
 * - a 1000-resample circular-shift permutation test from src/engine/stats (reported separately),
 * - the roadmap circuit (14 qubits, RY + CNOT chain) simulated on the statevector for every bar (target < 10 s),
 * - single-decision latency p95 per aggregator by batch timing (targets < 50 µs classical, < 0.1 ms circuit).
 * The machine is shared while engineers work: absolute times are noisy, ratios within one run are the figures.
 */
import { performance } from 'node:perf_hooks';
import {
  CLASSICAL_AGGREGATORS, evaluateWalkForward, walkForwardSplits, syntheticBoard, measureDecisionLatency, backtest,
  createFallbackAggregator, parityClosedForm, type Aggregator,
} from '../src/engine/ensemble/index';
import { circularShiftTest } from '../src/engine/stats/permutation';
import { QUANTUM_AGGREGATORS } from '../src/engine/ensemble/quantumAggregators';

const now = (): number => performance.now();
const N_BARS = 65_536;
const board = syntheticBoard({ nBars: N_BARS, seed: 1, skill: 0.3 });
const splits = walkForwardSplits({ nBars: N_BARS, trainBars: 2000, testBars: 2000, embargoBars: 0 });
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toPrecision(3)).padStart(8);

function hitRate(p: Float64Array, up: Float64Array): number {
  let k = 0, n = 0;
  for (let t = 0; t < p.length; t++) if (p[t] === p[t] && p[t] !== 0.5 && (up[t] === 0 || up[t] === 1)) { n++; if ((p[t] > 0.5) === (up[t] === 1)) k++; }
  return k / n;
}
function logLoss(p: Float64Array, up: Float64Array): number {
  let s = 0, n = 0;
  for (let t = 0; t < p.length; t++) if (p[t] === p[t] && (up[t] === 0 || up[t] === 1)) { const q = Math.min(1 - 1e-15, Math.max(1e-15, up[t] ? p[t] : 1 - p[t])); s -= Math.log(q); n++; }
  return s / n;
}

console.log(`ensemble bench: ${N_BARS} synthetic hourly bars × 14 members, ${splits.length} expanding walk-forward splits (train ≥ 2000, test 2000)\n`);
console.log('walk-forward (classical)     time ms   ×fastest   hit rate   log loss   roadmap trades  profitable');
const rows: { id: string; ms: number; hit: number; ll: number; trades: number; prof: number }[] = [];
const all: Aggregator[] = [...CLASSICAL_AGGREGATORS, createFallbackAggregator(parityClosedForm)];
let totalMs = 0;
for (const agg of all) {
  const t0 = now();
  const run = evaluateWalkForward([agg], board, splits).runs[0];
  const ms = now() - t0;
  totalMs += ms;
  const bt = backtest(run.p, board.close, board.time, { feeBps: 10 }).strategy;
  rows.push({ id: agg.id, ms, hit: hitRate(run.p, board.up), ll: logLoss(run.p, board.up), trades: bt.nTrades, prof: bt.profitableShare });
}
const fastest = Math.min(...rows.map((r) => r.ms));
for (const r of rows) {
  console.log(`  ${r.id.padEnd(26)}${fmt(r.ms)}   ${(r.ms / fastest).toFixed(1).padStart(7)}   ${r.hit.toFixed(4).padStart(8)}   ${r.ll.toFixed(4).padStart(8)}   ${String(r.trades).padStart(13)}  ${Number.isNaN(r.prof) ? '       –' : r.prof.toFixed(3).padStart(8)}`);
}
console.log(`  ${'TOTAL classical'.padEnd(26)}${fmt(totalMs)}   (target < 3000 ms)`);

const stackRun = evaluateWalkForward([all.find((a) => a.id === 'stacking')!], board, splits).runs[0];
const tested: number[] = [];
for (let t = 0; t < N_BARS; t++) if (stackRun.p[t] === stackRun.p[t] && (board.up[t] === 0 || board.up[t] === 1)) tested.push(t);
const x = Float64Array.from(tested, (t) => stackRun.p[t]), y = Float64Array.from(tested, (t) => board.up[t]);
let t0 = now();
const perm = circularShiftTest(x, y, { permutations: 1000, seed: 1 });
const permMs = now() - t0;
console.log(`  ${'+ permutation test (1000)'.padEnd(26)}${fmt(permMs)}   stacking p vs up: r = ${perm.statistic.toFixed(4)}, p = ${perm.pValue.toPrecision(3)}`);
console.log(`  ${'TOTAL incl. permutation'.padEnd(26)}${fmt(totalMs + permMs)}`);

// the roadmap circuit on the statevector, every bar
for (const q of QUANTUM_AGGREGATORS.filter((a) => a.benchEveryBar)) {
  t0 = now();
  const run = evaluateWalkForward([q.aggregator], board, splits).runs[0];
  const ms = now() - t0;
  const closed = evaluateWalkForward([parityClosedForm], board, splits).runs[0];
  let maxDiff = 0;
  for (let t = 0; t < N_BARS; t++) if (run.p[t] === run.p[t]) maxDiff = Math.max(maxDiff, Math.abs(run.p[t] - closed.p[t]));
  const nTested = run.p.reduce((s, v) => s + (v === v ? 1 : 0), 0);
  console.log(`\n${q.aggregator.id}: ${nTested} bars simulated in ${ms.toFixed(0)} ms (${(ms / nTested * 1000).toFixed(1)} µs/bar; target < 10000 ms total); max |statevector − closed form| = ${maxDiff.toExponential(2)}`);
}

// decision latency per aggregator (batch timing)
console.log('\ndecision latency (batch timing)   p50 µs    p95 µs    p99 µs   decisions/s   target p95');
const [split] = splits.slice(-1);
const inputs = Array.from({ length: 256 }, (_, k) => Float64Array.from(board.probs, (col) => col[N_BARS - 300 + k]));
for (const agg of all) {
  const pred = agg.fit(board, split.train, { seed: 1 });
  const r = measureDecisionLatency(pred, inputs, { batches: 200, batchSize: 500 }, now);
  console.log(`  ${agg.id.padEnd(30)}${(r.p50Ms * 1e3).toFixed(2).padStart(8)}  ${(r.p95Ms * 1e3).toFixed(2).padStart(8)}  ${(r.p99Ms * 1e3).toFixed(2).padStart(8)}  ${r.decisionsPerSec.toExponential(2).padStart(12)}   < 50 µs${r.resolutionLimited ? ' (resolution-limited)' : ''}`);
}
for (const q of QUANTUM_AGGREGATORS) {
  const pred = q.aggregator.fit(board, q.latencyTrain?.(split.train) ?? split.train, { seed: 1 });
  const r = measureDecisionLatency(pred, inputs, { batches: q.latencyBatches ?? 50, batchSize: q.latencyBatchSize ?? 20 }, now);
  console.log(`  ${q.aggregator.id.padEnd(30)}${(r.p50Ms * 1e3).toFixed(2).padStart(8)}  ${(r.p95Ms * 1e3).toFixed(2).padStart(8)}  ${(r.p99Ms * 1e3).toFixed(2).padStart(8)}  ${r.decisionsPerSec.toExponential(2).padStart(12)}   < 100 µs`);
}
console.log(`\ntimer: performance.now() in Node (tick ≈ tens of ns); latency = batch Δt / batch size; percentiles over batch means.`);
