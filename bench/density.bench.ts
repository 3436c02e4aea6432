/**
 * Density-matrix channel benchmark. Run: npx tsx bench/density.bench.ts
 * One single-qubit channel (amplitude damping, 2 Kraus operators) applied to each qubit of a
 * 10-qubit ρ (16 MiB), ours vs plain C kernels of the same operation (bench/c/density.c, built
 * with gcc -O3 -march=native — the flags of every C reference here — into bench/.build/ when gcc
 * exists). Both sides: warm-up rep, then the median rep (bench/timing.ts). Absolute times depend on the machine and its
 * load (2 shared cores while developing); the ratios measured in the same run are the figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { amplitudeDampingKraus } from '../src/engine/quantum/channels.ts';
import { applyKrausK, applySuperop1q, applyUnitary2q, superoperator1q } from '../src/engine/quantum/density.ts';
import { gateMatrix } from '../src/engine/quantum/gates.ts';
import { median } from './timing.ts';

const N = 10, REPS = 5, GAMMA = 0.1;
const dim = 1 << N;
const here = dirname(fileURLToPath(import.meta.url));

function init(rho: Float64Array): void {
  for (let i = 0; i < dim * dim; i++) { rho[2 * i] = 1 / dim; rho[2 * i + 1] = 0; }
}
function checksum(rho: Float64Array): number {
  let s = 0;
  for (let i = 0; i < dim; i++) s += rho[2 * (i * dim + i)] * ((i % 7) + 1);
  return s;
}
/** Warm median (bench/timing.ts protocol): warm-up rep, then the median of `reps` timed reps, per application. */
function timePerApply(apply: (rho: Float64Array, q: number) => void, reps = REPS): { s: number; check: number } {
  const rho = new Float64Array(2 * dim * dim);
  init(rho);
  for (let q = 0; q < N; q++) apply(rho, q); // warm-up (JIT)
  init(rho);
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let q = 0; q < N; q++) apply(rho, q);
    ts.push((performance.now() - t0) / 1000 / N);
  }
  return { s: median(ts), check: checksum(rho) };
}

const ops = amplitudeDampingKraus(GAMMA);
const ours = timePerApply((rho, q) => applySuperop1q(rho, N, q, superoperator1q(ops)));
const generic = timePerApply((rho, q) => applyKrausK(rho, N, [q], ops), 2);

let c: { krausSecondsPerApply: number; superopSecondsPerApply: number; checksumKraus: number } | null = null;
let cNote = '';
try {
  execFileSync('gcc', ['--version'], { stdio: 'ignore' });
  const src = join(here, 'c', 'density.c');
  const out = join(here, '.build', 'density');
  mkdirSync(dirname(out), { recursive: true });
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs || statSync(out).mtimeMs < statSync(fileURLToPath(import.meta.url)).mtimeMs) {
    execFileSync('gcc', ['-O3', '-march=native', '-o', out, src, '-lm']);
  }
  c = JSON.parse(execFileSync(out, [String(N), String(REPS), String(GAMMA)]).toString());
} catch (e) {
  cNote = `C peer unavailable: ${(e as Error).message.split('\n')[0]}`;
}

const rows: [string, number, string][] = [
  ['ours: applySuperop1q (4×4 superoperator, in place)', ours.s, ''],
  ['ours: applyKrausK generic k-qubit Kraus path (k = 1)', generic.s, ''],
];
if (c) {
  rows.push(['C -O3 -march=native: textbook Σ K B K† per 2×2 block', c.krausSecondsPerApply, '']);
  rows.push(['C -O3 -march=native: same superoperator kernel', c.superopSecondsPerApply, '']);
}
const ref = c ? c.krausSecondsPerApply : ours.s;
console.log(`density.bench: amplitude damping (2 Kraus ops) on one qubit of a ${N}-qubit ρ (${(16 * 4 ** N) / 2 ** 20} MiB), warm median of ${REPS} reps × ${N} applications (both sides)`);
console.log('kernel'.padEnd(58) + 'ms/apply'.padStart(10) + 'vs C Kraus'.padStart(12));
for (const [name, s] of rows) console.log(name.padEnd(58) + (s * 1e3).toFixed(3).padStart(10) + `${(s / ref).toFixed(2)}×`.padStart(12));
if (c) {
  const ok = Math.abs(c.checksumKraus - ours.check) < 1e-9 * Math.abs(ours.check);
  console.log(`checksum ours ${ours.check.toPrecision(12)} vs C ${c.checksumKraus.toPrecision(12)}: ${ok ? 'match' : 'MISMATCH'}`);
  const best = Math.min(c.krausSecondsPerApply, c.superopSecondsPerApply);
  console.log(`target: ours ≤ 2× the best C variant (same flags) → ${ours.s <= 2 * best ? 'met' : 'missed'} (${(ours.s / best).toFixed(2)}× the best; ${(ours.s / c.krausSecondsPerApply).toFixed(2)}× the textbook Kraus kernel)`);
} else console.log(cNote);
console.log('Note: noisy shared machine; compare ratios within one run.');

// Two-qubit unitary on the same ρ (dedicated two-pass kernel vs the gathered-block generic path), for scale.
const u2 = gateMatrix('rzz', [0.3]);
const two = timePerApply((rho, q) => applyUnitary2q(rho, N, q, (q + 1) % N, u2), 2);
const twoGeneric = timePerApply((rho, q) => applyKrausK(rho, N, [q, (q + 1) % N], [u2]), 1);
console.log(`ours: 2-qubit unitary (RZZ) applyUnitary2q: ${(two.s * 1e3).toFixed(3)} ms/apply; generic block path ${(twoGeneric.s * 1e3).toFixed(3)} ms (${(two.s / ref).toFixed(2)}× / ${(twoGeneric.s / ref).toFixed(2)}× the C 1-qubit Kraus kernel)`);
