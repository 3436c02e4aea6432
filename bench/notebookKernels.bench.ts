/**
 * The hot kernels of the claims ledger's slower experiments (confidence-calibration, consciousness-index,
 * coherence-50ms, virtual-qubits, roadmap-claims-stack), each next to its straightforward form — the
 * reference its unit test checks it against, bit for bit — measured in the same run with the same protocol
 * (bench/timing.ts warmMedian: one untimed warm-up, then the median of the timed runs).
 * Run: npm run bench -- notebookKernels
 */
import { readFileSync } from 'node:fs';
import { warmMedian } from './timing.ts';
import { createRng } from '../src/engine/random.ts';
import {
  auc, binEdges, choleskyLogDiag, choleskyLogDiagReference, consciousnessIndex, expectedCalibrationError, expectedCalibrationErrors, iidBootstrapIndices,
  probabilityOfBacktestOverfitting, quantileSorted,
} from '../src/engine/stats/index.ts';
import { parseOhlcvCsv } from '../src/engine/market/csv.ts';
import { Statevector } from '../src/engine/quantum/statevector.ts';
import { estimateHoldFidelity, idleTrajectory } from '../src/engine/quantum/trajectories.ts';
import { buildCircuit } from '../src/engine/quantum/circuit.ts';
import { planCuts, reconstructFromShots, subExperimentValues } from '../src/engine/quantum/cutting/cut.ts';

const rows: { name: string; fast: number; ref: number }[] = [];
const rng = createRng(20261206);
let sink = 0; // results are folded in so no run is optimised away

// --- Cholesky of the consciousness index's 28×28 joint matrices (4 per bar and window).
{
  const n = 28, m = 40, X = Float64Array.from({ length: n * m }, () => rng.normal()), spd = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < m; k++) s += X[i * m + k] * X[j * m + k]; spd[i * n + j] = s; }
  const work = new Float64Array(n * n), ld = new Float64Array(n);
  const run = (f: typeof choleskyLogDiagReference) => () => { for (let r = 0; r < 2000; r++) { work.set(spd); f(work, n, n, ld); sink += ld[n - 1]; } };
  rows.push({ name: 'Cholesky 28×28 ×2000: blocked (2 columns × 4 rows) vs one entry at a time', fast: warmMedian(run(choleskyLogDiag)), ref: warmMedian(run(choleskyLogDiagReference)) });
}

// --- consciousness index at the notebook's size (absolute; its reference is the per-bar definition, far slower).
{
  const T = 20000, k = 14, common = new Float64Array(T);
  let v = 0;
  for (let t = 0; t < T; t++) { v = 0.95 * v + rng.normal(); common[t] = v; }
  const members = Array.from({ length: k }, () => Float64Array.from(common, (c) => 0.5 + 0.02 * (0.6 * c + rng.normal())));
  const ms = warmMedian(() => { sink += consciousnessIndex(members, { window: 128, nOrderings: 2, surrogates: 50, seed: 47 }).index[T - 1]; }, 0, 3, 3);
  rows.push({ name: 'consciousnessIndex 20k × 14, W=128, 2 orders (one of the notebook\'s 4 windows)', fast: ms, ref: NaN });
}

// --- ECE with a 100-replicate bootstrap for the 22 forecasts of confidence-calibration's score table.
{
  const n = 15000, o = Float64Array.from({ length: n }, () => (rng.next() < 0.52 ? 1 : 0));
  const fs = Array.from({ length: 22 }, () => Float64Array.from({ length: n }, () => 0.45 + 0.1 * rng.next()));
  const opts = { nBins: 10, bootstrap: 100, seed: 5014, binning: 'quantile' as const };
  const reference = () => {
    for (const f of fs) {
      const edges = binEdges(f, 10, 'quantile'), idx = new Int32Array(n), r = createRng(5014).fork('ece-bootstrap');
      const binOf = (x: number) => { let lo = 0, hi = 9; while (lo < hi) { const mid = (lo + hi) >> 1; if (x < edges[mid]) hi = mid; else lo = mid + 1; } return lo; };
      const cnt = new Float64Array(10), sf = new Float64Array(10), so = new Float64Array(10);
      for (let b = 0; b < 100; b++) {
        iidBootstrapIndices(r, idx);
        cnt.fill(0); sf.fill(0); so.fill(0);
        for (let i = 0; i < n; i++) { const j = idx[i], k = binOf(f[j]); cnt[k]++; sf[k] += f[j]; so[k] += o[j]; }
        sink += cnt[0] + sf[0] + so[0];
      }
    }
  };
  rows.push({ name: 'ECE bootstrap, 22 forecasts × 15k bars × B=100: shared draws vs per forecast, binned afresh', fast: warmMedian(() => { sink += expectedCalibrationErrors(fs, o, opts)[0].upper; }), ref: warmMedian(reference) });
  rows.push({ name: '  the same, one expectedCalibrationError call per forecast (draws not shared)', fast: warmMedian(() => { for (const f of fs) sink += expectedCalibrationError(f, o, opts).upper; }), ref: NaN });

  // --- AUC and quantile bin edges of one forecast (the sweep scores ~200 of them).
  const f = fs[0];
  const aucReference = () => {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => f[a] - f[b]);
    let nPos = 0, rankSum = 0;
    for (let r = 0; r < n;) { let e = r + 1; while (e < n && f[order[e]] === f[order[r]]) e++; for (let j = r; j < e; j++) if (o[order[j]] === 1) { nPos++; rankSum += (r + 1 + e) / 2; } r = e; }
    sink += (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * (n - nPos));
  };
  rows.push({ name: 'AUC 15k: merge of the two sorted classes vs mid-ranks of an index sort', fast: warmMedian(() => { sink += auc(f, o); }), ref: warmMedian(aucReference) });
  const edgesReference = () => { const s = Float64Array.from(f).sort(); for (let k = 1; k < 10; k++) sink += quantileSorted(s, k / 10); };
  rows.push({ name: 'quantile bin edges 15k, 10 bins: selected order statistics vs full sort', fast: warmMedian(() => { sink += binEdges(f, 10, 'quantile')[4]; }), ref: warmMedian(edgesReference) });
}

// --- PBO of the aggregator selection (6 columns, 16 blocks: 12,870 splits), per sweep cell.
{
  const cols = Array.from({ length: 6 }, () => Float64Array.from({ length: 8000 }, () => rng.normal()));
  const reference = () => {
    const S = 16, N = cols.length, len = Math.floor(8000 / S), sum = new Float64Array(S * N), sq = new Float64Array(S * N);
    for (let j = 0; j < N; j++) for (let b = 0; b < S; b++) for (let t = b * len; t < (b + 1) * len; t++) { sum[b * N + j] += cols[j][t]; sq[b * N + j] += cols[j][t] ** 2; }
    for (let m = (1 << (S / 2)) - 1; m < 1 << S;) { // Gosper's hack: every mask with S/2 bits, as the engine
      for (let j = 0; j < N; j++) {
        let si = 0, qi = 0, so = 0, qo = 0;
        for (let b = 0; b < S; b++) { if (m & (1 << b)) { si += sum[b * N + j]; qi += sq[b * N + j]; } else { so += sum[b * N + j]; qo += sq[b * N + j]; } }
        sink += si - so + qi - qo;
      }
      const c = m & -m, r = m + c;
      m = (((r ^ m) >>> 2) / c) | r;
    }
  };
  rows.push({ name: 'PBO 6 configs × 8000 bars, 16 blocks: subset table for 8 blocks vs every block per split', fast: warmMedian(() => { sink += probabilityOfBacktestOverfitting(cols, { blocks: 16, metric: 'mean' }).pbo; }), ref: warmMedian(reference) });
}

// --- Candle CSV: the shipped hourly BTC file (64,524 rows), plain-decimal fast path vs the general path.
{
  const text = readFileSync(new URL('../public/data/BTC_USDT-1h.csv', import.meta.url), 'utf8');
  const spaced = text.replace(/,/g, ', '); // a space after each comma sends every row down the general path
  rows.push({ name: 'CSV BTC_USDT-1h (64.5k rows): plain-decimal fast path vs general path (split, trim, grammar)', fast: warmMedian(() => { sink += parseOhlcvCsv(text).data.close[9]; }), ref: warmMedian(() => { sink += parseOhlcvCsv(spaced).data.close[9]; }) });
}

// --- coherence-50ms: 300 thermal-relaxation trajectories of a 14-qubit state.
{
  const n = 14, raw = Float64Array.from({ length: 2 << n }, () => rng.normal());
  const psi = Statevector.fromAmplitudes(raw).normalize(), coherence = { t1Us: 100, t2Us: 80 };
  const reference = () => { const root = createRng(3); for (let k = 0; k < 300; k++) { const st = psi.clone(); idleTrajectory(st, 30, coherence, root.fork(k)); sink += psi.fidelity(st); } };
  rows.push({ name: 'trajectories 14 qubits × 300: one scratch buffer vs a clone per trajectory', fast: warmMedian(() => { sink += estimateHoldFidelity(psi, 30, coherence, { nTrajectories: 300, seed: 3 }).mean; }, 0, 3, 3), ref: warmMedian(reference, 0, 3, 3) });
}

// --- virtual-qubits: quasi-probability sampling over 216 sub-experiments (3 gate cuts), 100k shots.
{
  const b = buildCircuit(6);
  b.h(0);
  for (let i = 0; i < 5; i++) b.cx(i, i + 1);
  const plan = planCuts(b.build(), [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 3 }, { kind: 'gate', opIndex: 4 }], 'ZIIIIZ');
  const sub = subExperimentValues(plan);
  const reference = () => {
    const r = createRng(9), cdf = new Float64Array(sub.values.length);
    let acc = 0, sum = 0;
    for (let i = 0; i < cdf.length; i++) { acc += Math.abs(sub.coeffs[i]); cdf[i] = acc; }
    for (let s = 0; s < 100000; s++) {
      const u = r.next() * acc;
      let lo = 0, hi = cdf.length - 1;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (cdf[mid] > u) hi = mid; else lo = mid + 1; }
      sum += Math.sign(sub.coeffs[lo]) * (r.next() < (1 + sub.values[lo]) / 2 ? 1 : -1);
    }
    sink += sum;
  };
  rows.push({ name: `QPD shots, ${plan.subExperiments} sub-experiments × 100k: guide table vs binary search`, fast: warmMedian(() => { sink += reconstructFromShots(plan, { shots: 100000, seed: 9, mode: 'qpd' }, sub).estimate; }), ref: warmMedian(reference) });
}

const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'kernel (fast vs its straightforward reference, same run)'.padEnd(w)}  ${'fast ms'.padStart(9)}  ${'ref ms'.padStart(9)}  speed-up`);
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.fast.toFixed(2).padStart(9)}  ${(Number.isNaN(r.ref) ? '–' : r.ref.toFixed(2)).padStart(9)}  ${Number.isNaN(r.ref) ? '' : `${(r.ref / r.fast).toFixed(2)}×`}`);
if (!Number.isFinite(sink)) console.log('(checksum not finite)');
