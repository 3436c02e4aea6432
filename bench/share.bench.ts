/**
 * Share codec, formula engine and timing probes: times and ratios against peers in the same run.
 * Run: npx tsx bench/share.bench.ts   (numbers are noisy on a shared 2-core machine)
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { create, all } from 'mathjs';
import { decodeExperiment, encodeExperiment, type ExperimentState } from '../src/share/index';
import { createFormulaEngine } from '../src/notebook/formula';
import { measureTickLateness, probeClockResolution } from '../src/engine/timing/index';

function time(label: string, fn: () => unknown, minMs = 300): { label: string; us: number } {
  for (let i = 0; i < 5; i++) fn();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    fn();
    n++;
    t = performance.now();
  }
  return { label, us: ((t - t0) / n) * 1000 };
}

function table(title: string, rows: { label: string; us: number }[]): void {
  const base = rows[0].us;
  console.log(`\n${title}`);
  for (const r of rows) console.log(`  ${r.label.padEnd(44)} ${r.us.toFixed(2).padStart(10)} µs   ×${(r.us / base).toFixed(2)}`);
}

const code = 'const res = await timing.probeClockResolution(() => performance.now(), { samples: 20000, maxMs: 50 });\n'.repeat(30);
const state: ExperimentState = { v: 1, notebook: 'timing', seed: 123456, inputs: { periodMs: 1, ticks: 2000, mode: 'chained', isolated: true }, edits: { 'cell-3': code } };
const link = encodeExperiment(state);
const json = JSON.stringify(state);
console.log(`state JSON ${json.length} B → link ${link.length} chars`);
table('share links (encode / decode)', [
  time('encodeExperiment', () => encodeExperiment(state)),
  time('decodeExperiment (validate + limits)', () => decodeExperiment(link)),
  time('peer: node zlib deflateRaw + base64url', () => deflateRawSync(Buffer.from(json)).toString('base64url')),
  time('peer: node zlib inflateRaw + JSON.parse', () => JSON.parse(inflateRawSync(Buffer.from(link.slice(4), 'base64url')).toString())),
  time('peer: encodeURIComponent(JSON)', () => encodeURIComponent(json)),
]);

const t0 = performance.now();
const engine = createFormulaEngine({ seed: 1 });
const createMs = performance.now() - t0;
const t1 = performance.now();
const plain = create(all);
const plainCreateMs = performance.now() - t1;
const p = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i));
const src = 'meanP = mean(p)\nsd = std(p)\nz = (meanP - 0) / (sd / sqrt(size(p)[1]))';
const pArr = Array.from(p);
console.log(`\nformula engine: createFormulaEngine ${createMs.toFixed(0)} ms (create + lock + resolve parse) vs plain create(all) ${plainCreateMs.toFixed(0)} ms (lazy, nothing resolved)`);
table('formula cell over a 10k Float64Array column', [
  time('engine.evaluate (sandboxed, cached compile)', () => engine.evaluate(src, { p })),
  time('peer: plain mathjs evaluate (parses each time)', () => plain.evaluate(src.split('\n').join(';'), { p: pArr })),
  time('peer: hand-written JS loop', () => {
    let s = 0;
    for (let i = 0; i < p.length; i++) s += p[i];
    const m = s / p.length;
    let v = 0;
    for (let i = 0; i < p.length; i++) v += (p[i] - m) ** 2;
    return m / (Math.sqrt(v / (p.length - 1)) / Math.sqrt(p.length));
  }),
]);

const res = probeClockResolution(() => performance.now(), { samples: 2_000_000, maxMs: 200 });
console.log(`\nclock probe on Node performance.now(): τ = ${(res.resolutionMs * 1000).toFixed(3)} µs, median step ${(res.medianDeltaMs * 1000).toFixed(3)} µs, call cost ${(res.callCostMs * 1e6).toFixed(0)} ns over ${res.calls} calls`);
const now = () => performance.now();
const viaTimeout = (cb: () => void, d: number) => void setTimeout(cb, d);
const viaImmediate = (cb: () => void) => void setImmediate(cb);
const runs: [string, Awaited<ReturnType<typeof measureTickLateness>>][] = [
  ['setTimeout, chained 1 ms × 300', await measureTickLateness(viaTimeout, now, { ticks: 300, periodMs: 1, mode: 'chained' })],
  ['setTimeout, naive 1 ms × 300', await measureTickLateness(viaTimeout, now, { ticks: 300, periodMs: 1, mode: 'naive' })],
  ['setImmediate poll, chained 1 ms × 300', await measureTickLateness(viaImmediate, now, { ticks: 300, periodMs: 1, mode: 'chained' })],
];
console.log('\ntick lateness in this Node process (µs)');
console.log(`  ${'scheduler'.padEnd(40)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'drift/tick'.padStart(11)}`);
for (const [label, r] of runs) {
  const f = (ms: number) => (ms * 1000).toFixed(1).padStart(8);
  console.log(`  ${label.padEnd(40)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${(r.driftMsPerTick * 1000).toFixed(2).padStart(11)}`);
}
