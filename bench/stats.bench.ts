/**
 * Benchmarks for src/engine/stats. Run: npx tsx bench/stats.bench.ts
 * Absolute times depend on the machine and its load; the ratios against peers measured in the same run
 * are the comparable figures.
 */
import { createRng } from '../src/engine/random.ts';
import { median } from './timing.ts';
import {
  blockPermutationTest, circularShiftTest, consciousnessIndex, eventStudy, pairedBootstrapLossDifference,
  probabilityOfBacktestOverfitting, stationaryBootstrapIndices,
} from '../src/engine/stats/index.ts';

/** The protocol of every ratio here (bench/timing.ts): one warm-up run, then the median of `reps` timed runs. */
function time<T>(fn: () => T, reps = 1): { ms: number; result: T } {
  let result = fn(); // warm-up (JIT, caches), never timed
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    result = fn();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), result };
}

const rows: { name: string; ms: number; note?: string }[] = [];
const rng = createRng(20240601);
const T = 65536;
const x = new Float64Array(T), y = new Float64Array(T);
let v = 0;
for (let t = 0; t < T; t++) { v = 0.9 * v + rng.normal(); x[t] = v; y[t] = rng.normal(); }

// Peer: a naive circular-shift test that allocates the shifted array per permutation and recomputes Pearson r.
function naiveShiftTest(a: Float64Array, b: Float64Array, B: number): number {
  const r = createRng(1);
  const pearson = (p: ArrayLike<number>, q: ArrayLike<number>): number => {
    const n = p.length;
    const mp = Array.from(p).reduce((s, u) => s + u, 0) / n, mq = Array.from(q).reduce((s, u) => s + u, 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) { sxy += (p[i] - mp) * (q[i] - mq); sxx += (p[i] - mp) ** 2; syy += (q[i] - mq) ** 2; }
    return sxy / Math.sqrt(sxx * syy);
  };
  const obs = Math.abs(pearson(a, b));
  let k = 0;
  for (let i = 0; i < B; i++) {
    const s = 1 + r.int(a.length - 1);
    const shifted = [...a.slice(s), ...a.slice(0, s)];
    if (Math.abs(pearson(shifted, b)) >= obs) k++;
  }
  return (k + 1) / (B + 1);
}

const fast = time(() => circularShiftTest(x, y, { permutations: 1000, seed: 1 }), 3);
rows.push({ name: 'circularShiftTest 64k bars, B=1000 (correlation fast path)', ms: fast.ms, note: `p=${fast.result.pValue.toFixed(3)}` });
const pearsonStat = (a: Float64Array, b: Float64Array): number => {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { const da = a[i] - ma, db = b[i] - mb; sab += da * db; saa += da * da; sbb += db * db; }
  return sab / Math.sqrt(saa * sbb);
};
const custom = time(() => circularShiftTest(x, y, { permutations: 1000, seed: 1, statistic: pearsonStat }));
rows.push({ name: 'circularShiftTest 64k, B=1000 (custom statistic callback)', ms: custom.ms });
const block = time(() => blockPermutationTest(x, y, { permutations: 1000, seed: 1, blockLength: 256 }));
rows.push({ name: 'blockPermutationTest 64k, B=1000, L=256', ms: block.ms });
const naive = time(() => naiveShiftTest(x, y, 25), 1);
rows.push({ name: 'peer: naive allocating shift test 64k, B=25 (×40 → B=1000)', ms: naive.ms * 40 });
// Paired bootstrap: the first pair draws the resample set; later pairs on the same bars reuse it (the ledger's
// ~44 comparisons). Peer: the index-by-index definition (write n indices per replicate, then read them).
const bootFirst = time(() => pairedBootstrapLossDifference(x, y, { replicates: 1000, seed: 'bench-first' }), 1);
rows.push({ name: 'pairedBootstrapLossDifference 64k, B=1000, first pair (draws the set)', ms: bootFirst.ms });
const boot = time(() => pairedBootstrapLossDifference(y, x, { replicates: 1000 }), 5);
rows.push({ name: 'pairedBootstrapLossDifference 64k, B=1000, another pair (shared set)', ms: boot.ms });
const byIndices = time(() => {
  const r = createRng(1).fork('paired-bootstrap'), idx = new Int32Array(T);
  let acc = 0;
  for (let b = 0; b < 1000; b++) { stationaryBootstrapIndices(r, Math.ceil(Math.cbrt(T)), idx); let s = 0; for (let i = 0; i < T; i++) s += x[idx[i]] - y[idx[i]]; acc += s; }
  return acc;
}, 1);
rows.push({ name: 'peer: index-by-index stationary bootstrap, same draws', ms: byIndices.ms, note: `${(byIndices.ms / boot.ms).toFixed(0)}× a shared-set pair` });

const k = 14;
const common = new Float64Array(T);
v = 0;
for (let t = 0; t < T; t++) { v = 0.95 * v + rng.normal(); common[t] = v; }
const members = Array.from({ length: k }, () => {
  const m = new Float64Array(T);
  let u = 0;
  for (let t = 0; t < T; t++) { u = 0.5 * u + rng.normal(); m[t] = 0.5 + 0.02 * (0.6 * common[t] + u); }
  return m;
});
let ticks = 0;
const ci = time(() => consciousnessIndex(members, { onProgress: () => { ticks++; } }), 1);
rows.push({ name: 'consciousnessIndex 64k × 14, W=128, 2 orders (26 cuts), 50 surrogates', ms: ci.ms, note: `${ticks} progress calls` });
const ci1 = time(() => consciousnessIndex(members, { nOrderings: 1, surrogates: 0 }), 1);
rows.push({ name: 'consciousnessIndex 64k × 14, W=128, 1 order (13 cuts), no surrogates', ms: ci1.ms });
const ciS = time(() => consciousnessIndex(members, { phiStride: 4 }), 1);
rows.push({ name: 'consciousnessIndex 64k × 14, W=128, 2 orders, phiStride=4', ms: ciS.ms });
const ci4 = time(() => consciousnessIndex(members, { nOrderings: 4 }), 1);
rows.push({ name: 'consciousnessIndex 64k × 14, W=128, 4 orders (52 cuts)', ms: ci4.ms });
const ret = Float64Array.from({ length: T }, () => 0.01 * rng.normal());
const es = time(() => eventStudy(ci.result.percentile, ret, { thresholds: [0.6, 0.7, 0.8, 0.9], permutations: 2000 }));
rows.push({ name: 'eventStudy 64k, 4 thresholds × 3 horizons, B=2000', ms: es.ms });

const configs = Array.from({ length: 50 }, () => Float64Array.from({ length: 8760 }, () => rng.normal()));
const pbo = time(() => probabilityOfBacktestOverfitting(configs, { blocks: 16 }));
rows.push({ name: 'PBO/CSCV 8760 bars × 50 configs, S=16 (12,870 splits)', ms: pbo.ms, note: `PBO=${pbo.result.pbo.toFixed(2)} (noise)` });

const ref = fast.ms;
const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(w)}  ${'ms'.padStart(9)}  ${'× fast perm'.padStart(11)}  note`);
for (const r of rows) {
  console.log(`${r.name.padEnd(w)}  ${r.ms.toFixed(1).padStart(9)}  ${(r.ms / ref).toFixed(2).padStart(11)}  ${r.note ?? ''}`);
}
console.log(`\nraw index > 0.7 on this data: ${(Array.from(ci.result.index).filter((u) => u > 0.7).length)} bars; ` +
  `percentile > 0.7: ${(Array.from(ci.result.percentile).filter((u) => u > 0.7).length)} bars of ${T}`);
