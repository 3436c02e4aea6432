/**
 * General circuits: `npx tsx bench/general.bench.ts` (about 2 minutes).
 *
 * 1. Random 200-gate circuits (U3, H, X, Y, Z, S, S†, T, T†, RX, RY, RZ, P, CX, CZ, CP, CRZ,
 *    CRX, CRY, SWAP on random qubits; seeded) at n = 16 and 20: ours (simulate, fused, with a
 *    workspace; and gate by gate), the general C reference (bench/c/general.c: the same
 *    circuit gate by gate with the textbook complex kernels, gcc -O3 -march=native) and
 *    @qni/simulator (U3 written as RZ·RY·RZ, its only gate-count difference). Ours runs on the
 *    WebAssembly SIMD kernels (the default) and, in its own column, on the pure-TS kernels.
 * 2. Single-gate kernels at n = 20 on a uniform state: H, RZ, T, CZ, CP, CRZ, CX, SWAP on low,
 *    middle and high qubits, ours (Statevector.applyGate) and the same gate in C, with each
 *    gate's time relative to H on the same target qubit.
 *
 * Protocol (bench/timing.ts): warm-up, then median of ≥ 3 timed runs on both sides; C drops
 * its first rep; ours and C alternate in rounds (median over rounds) so load changes hit both.
 * Absolute times are noisy on a shared machine: quote the ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulator } from '@qni/simulator';
import {
  GATES, SimulationWorkspace, Statevector, createCircuit, gateMatrix, planMatrix, simulate, withOps, type Circuit, type Op,
} from '../src/engine/quantum/index.ts';
import { createRng } from '../src/engine/random.ts';
import { setWasmKernels, wasmKernelsActive, WASM_MIN_QUBITS } from '../src/engine/quantum/wasm/wasmKernels.ts';
import { fmtMs, median, printTable, warmCMedian, warmMedian } from './timing.ts';

const wasmDefault = wasmKernelsActive();

const HERE = dirname(fileURLToPath(import.meta.url));
const BUILD = join(HERE, '.build');
export const RANDOM_GATE_SET = ['u3', 'h', 'x', 'y', 'z', 's', 'sdg', 't', 'tdg', 'rx', 'ry', 'rz', 'p', 'cx', 'cz', 'cp', 'crz', 'crx', 'cry', 'swap'];

/** The seeded random circuit of this benchmark: `count` gates from RANDOM_GATE_SET on distinct random qubits. */
export function randomBenchCircuit(n: number, count: number, seed: string): Circuit {
  const rng = createRng(seed);
  const ops: Op[] = [];
  for (let k = 0; k < count; k++) {
    const g = GATES[RANDOM_GATE_SET[rng.int(RANDOM_GATE_SET.length)]];
    const pool = Array.from({ length: n }, (_, i) => i);
    const qubits: number[] = [];
    for (let j = 0; j < g.arity; j++) qubits.push(pool.splice(rng.int(pool.length), 1)[0]);
    ops.push({ kind: 'gate', gate: g.id, qubits, params: g.params.map(() => (rng.next() - 0.5) * 2 * Math.PI) });
  }
  return withOps(createCircuit(n), ops);
}

// ---------- C ----------
function buildC(): string | null {
  try { execFileSync('gcc', ['--version'], { stdio: 'ignore' }); } catch { console.log('gcc not found: the C columns are skipped.'); return null; }
  mkdirSync(BUILD, { recursive: true });
  const out = join(BUILD, 'general');
  execFileSync('gcc', ['-O3', '-march=native', '-o', out, join(HERE, 'c', 'general.c'), '-lm']);
  return existsSync(out) ? out : null;
}

/** The circuit in general.c's text format (kernel chosen from the matrix, as a textbook simulator would). */
export function cCircuitText(c: Circuit): string {
  const lines: string[] = [];
  const nums = (m: Float64Array): string => Array.from(m, (x) => x.toPrecision(17)).join(' ');
  for (const op of c.ops) {
    if (op.kind !== 'gate') throw new Error('gates only');
    const m = gateMatrix(op.gate, op.params);
    if (op.qubits.length === 1) {
      if (op.gate === 'x') { lines.push(`x1 ${op.qubits[0]} 0`); continue; }
      const diag = m[2] === 0 && m[3] === 0 && m[4] === 0 && m[5] === 0;
      lines.push(diag ? `d1 ${op.qubits[0]} 0 ${nums(Float64Array.of(m[0], m[1], m[6], m[7]))}` : `m1 ${op.qubits[0]} 0 ${nums(m)}`);
      continue;
    }
    const plan = planMatrix(m, 2);
    if (plan.type !== 'identity' && plan.ctrl.length === 1 && plan.targets.length === 1) {
      const ctrl = 1 << op.qubits[plan.ctrl[0]], t = op.qubits[plan.targets[0]];
      if (plan.type === 'diag1') lines.push(`d1 ${t} ${ctrl} ${nums(plan.data)}`);
      else if (plan.type === 'x') lines.push(`x1 ${t} ${ctrl}`);
      else lines.push(`m1 ${t} ${ctrl} ${nums(plan.data)}`);
      continue;
    }
    if (plan.type === 'swap' && plan.ctrl.length === 0) { lines.push(`sw ${op.qubits[0]} ${op.qubits[1]}`); continue; }
    lines.push(`m2 ${op.qubits[0]} ${op.qubits[1]} ${nums(m)}`);
  }
  return lines.join('\n') + '\n';
}

function runC(bin: string, c: Circuit, reps: number, init: 'zero' | 'uniform'): { ms: number; cpuMs: number; p1Last: number } {
  const file = join(BUILD, 'general-circuit.txt');
  writeFileSync(file, cCircuitText(c));
  const j = JSON.parse(execFileSync(bin, [String(c.nQubits), String(reps + 1), file, init], { encoding: 'utf8' })) as {
    secondsPerCircuit: number[]; cpuSecondsPerCircuit: number[]; p1Last: number;
  };
  return { ms: warmCMedian(j.secondsPerCircuit), cpuMs: warmCMedian(j.cpuSecondsPerCircuit), p1Last: j.p1Last };
}

/**
 * The warm-median protocol in CPU time (process.cpuUsage: all of this process's threads, so GC
 * helpers count against us): one warm-up, then the median of `reps` runs. On a shared machine CPU
 * time is less disturbed than wall time, on both sides (C reports CLOCK_PROCESS_CPUTIME_ID).
 */
function cpuMedian(fn: () => void, reps: number): number {
  fn();
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const u = process.cpuUsage();
    fn();
    const d = process.cpuUsage(u);
    ts.push((d.user + d.system) / 1000);
  }
  return median(ts);
}

// ---------- qni ----------
function qniRun(c: Circuit): void {
  const s = new Simulator('0'.repeat(c.nQubits));
  for (const op of c.ops) {
    if (op.kind !== 'gate') continue;
    const q = op.qubits, p = op.params.map(String);
    switch (op.gate) {
      case 'u3': s.rz(p[2], q[0]); s.ry(p[0], q[0]); s.rz(p[1], q[0]); break;
      case 'h': s.h(q[0]); break;
      case 'x': s.x(q[0]); break;
      case 'y': s.y(q[0]); break;
      case 'z': s.z(q[0]); break;
      case 's': s.s(q[0]); break;
      case 'sdg': s.sDagger(q[0]); break;
      case 't': s.t(q[0]); break;
      case 'tdg': s.tDagger(q[0]); break;
      case 'rx': s.rx(p[0], q[0]); break;
      case 'ry': s.ry(p[0], q[0]); break;
      case 'rz': s.rz(p[0], q[0]); break;
      case 'p': s.phase(p[0], q[0]); break;
      case 'cx': s.x(q[1], { controls: [q[0]] }); break;
      case 'cz': s.z(q[1], { controls: [q[0]] }); break;
      case 'cp': s.phase(p[0], q[1], { controls: [q[0]] }); break;
      case 'crz': s.rz(p[0], q[1], { controls: [q[0]] }); break;
      case 'crx': s.rx(p[0], q[1], { controls: [q[0]] }); break;
      case 'cry': s.ry(p[0], q[1], { controls: [q[0]] }); break;
      case 'swap': s.swap(q[0], q[1]); break;
      default: throw new Error(`qni: no ${op.gate}`);
    }
  }
}

// ---------- main ----------
function main(): void {
  console.log(`General-circuit benchmark — node ${process.version}, ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`Kernels: ${wasmDefault ? 'WebAssembly SIMD (src/engine/quantum/wasm; SEMA_KERNELS=ts forces TS)' : 'pure TS (forced)'} for states of ≥ ${WASM_MIN_QUBITS} qubits.`);
  console.log('Warm medians on both sides (bench/timing.ts); absolute times are noisy on a shared machine, compare ratios.\n');
  const cBin = buildC();
  console.log('1. Random 200-gate circuits (seeded; gate set above), one thread:');
  const rows: string[][] = [];
  for (const n of [16, 20]) {
    const circuit = randomBenchCircuit(n, 200, `general-${n}`);
    const ws = new SimulationWorkspace(), wsTs = new SimulationWorkspace();
    let p1 = 0;
    // Rounds alternate ours and C, so a change in the machine's load hits both sides alike; each side's
    // figure is the median over rounds of its warm medians. The TS column forces the pure-TS kernels
    // (setWasmKernels(false): the workspace's buffers are plain arrays).
    const fusedRounds: number[] = [], tsRounds: number[] = [], plainRounds: number[] = [], cRounds: number[] = [];
    const cpuRounds: number[] = [], cCpuRounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      setWasmKernels(wasmDefault);
      fusedRounds.push(warmMedian(() => { p1 = simulate(circuit, { workspace: ws }).state.probabilityOfOne(n - 1); }, 0, 3));
      cpuRounds.push(cpuMedian(() => { simulate(circuit, { workspace: ws }); }, 3));
      plainRounds.push(warmMedian(() => { simulate(circuit, { fuse: false }); }, 0, 3));
      setWasmKernels(false);
      tsRounds.push(warmMedian(() => { simulate(circuit, { workspace: wsTs }); }, 0, 3));
      setWasmKernels(wasmDefault);
      if (cBin) {
        const r = runC(cBin, circuit, 3, 'zero');
        cRounds.push(r.ms);
        cCpuRounds.push(r.cpuMs);
        if (Math.abs(r.p1Last - p1) > 1e-9) console.log(`WARNING: n=${n} P(last=1) differs: ours ${p1}, C ${r.p1Last}`);
      }
    }
    const tFused = median(fusedRounds), tTs = median(tsRounds), tPlain = median(plainRounds);
    const tC = cRounds.length ? median(cRounds) : undefined;
    const tQni = warmMedian(() => qniRun(circuit), 0, 3);
    const ratio = (t: number): string => (tC ? `${(t / tC).toFixed(2)}×` : '—');
    const cpuOurs = median(cpuRounds), cpuC = cCpuRounds.length ? median(cCpuRounds) : undefined;
    rows.push([String(n), fmtMs(tFused), fmtMs(tTs), fmtMs(tPlain), fmtMs(tC), fmtMs(tQni),
      ratio(tFused), ratio(tTs), ratio(tPlain), `${(tQni / tFused).toFixed(1)}×`,
      `${fmtMs(cpuOurs)} / ${fmtMs(cpuC)}`, cpuC ? `${(cpuOurs / cpuC).toFixed(2)}×` : '—']);
  }
  printTable([
    'n', `ours (${wasmDefault ? 'wasm' : 'TS'}, fused+ws)`, 'ours (TS kernels)', 'gate-by-gate', 'C general', '@qni/simulator',
    'ours/C', 'TS/C', 'gbg/C', 'qni/ours', 'CPU ours / C', 'CPU ours/C',
  ], rows);
  console.log('CPU columns: the same protocol in process CPU time on both sides (less disturbed by other processes than wall time).');
  console.log('Targets: ours/C ≤ 1.5× (moonshot ≤ 1.0×) and qni/ours ≥ 20× at n = 16 and 20.\n');

  console.log('2. Single gates at n = 20 on a uniform state (Statevector.applyGate vs the C textbook kernel):');
  const n = 20;
  const st = Statevector.zero(n);
  const amp = 1 / Math.sqrt(2 ** n);
  for (let i = 0; i < 1 << n; i++) st.amps[2 * i] = amp;
  const cases: { label: string; gate: string; qubits: (q: number) => number[]; params: number[] }[] = [
    { label: 'H', gate: 'h', qubits: (q) => [q], params: [] },
    { label: 'RZ', gate: 'rz', qubits: (q) => [q], params: [0.3] },
    { label: 'T', gate: 't', qubits: (q) => [q], params: [] },
    { label: 'CZ (ctrl q, target q′)', gate: 'cz', qubits: (q) => [q, q === 0 ? 1 : q - 1], params: [] },
    { label: 'CP (ctrl q)', gate: 'cp', qubits: (q) => [q, q === 0 ? 1 : q - 1], params: [0.3] },
    { label: 'CRZ (target q)', gate: 'crz', qubits: (q) => [q === 0 ? 1 : q - 1, q], params: [0.3] },
    { label: 'CX (target q)', gate: 'cx', qubits: (q) => [q === 0 ? 1 : q - 1, q], params: [] },
    { label: 'SWAP (q, q′)', gate: 'swap', qubits: (q) => [q, q === 0 ? 1 : q - 1], params: [] },
  ];
  const targets = [0, 1, 10, 19];
  // Each timed run applies the gate REPEAT times (ours and C alike); rounds interleave every case so load
  // changes hit all of them; the figure is the median over rounds. C: (circuit of REPEAT copies − empty) / REPEAT.
  const REPEAT = 10, ROUNDS = 5;
  const ours = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const cs of cases) for (const q of targets) {
      const qs = cs.qubits(q);
      const t = warmMedian(() => { for (let r = 0; r < REPEAT; r++) st.applyGate(cs.gate, qs, cs.params); }, 0, 3) / REPEAT;
      const key = `${cs.label}|${q}`;
      ours.set(key, [...(ours.get(key) ?? []), t]);
    }
  }
  const cInit = cBin ? runC(cBin, withOps(createCircuit(n), []), 9, 'uniform').ms : 0;
  const krows: string[][] = [];
  for (const cs of cases) {
    const row = [cs.label];
    const ratioRow: string[] = [];
    for (const q of targets) {
      const qs = cs.qubits(q);
      const t = median(ours.get(`${cs.label}|${q}`)!);
      const tH = median(ours.get(`H|${q}`)!);
      let tc: number | undefined;
      if (cBin) {
        const ops = Array.from({ length: REPEAT }, () => ({ kind: 'gate' as const, gate: cs.gate, qubits: qs, params: cs.params }));
        tc = Math.max(0, (runC(cBin, withOps(createCircuit(n), ops), 7, 'uniform').ms - cInit) / REPEAT);
      }
      row.push(`${fmtMs(t)} / ${fmtMs(tc)}`);
      ratioRow.push(`${(t / tH).toFixed(2)}×`);
    }
    krows.push([...row, ...ratioRow]);
  }
  printTable(['gate', ...targets.map((q) => `q=${q} ours / C`), ...targets.map((q) => `vs H q=${q}`)], krows);
  console.log(`Per gate: ${REPEAT} applications per timed run, median over ${ROUNDS} interleaved rounds; C = (${REPEAT} copies − empty circuit) / ${REPEAT}.`);
  console.log('Target: RZ, CZ, CP within 1.5× of H on the same qubit (ours).');
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (process.argv[1]?.endsWith("general.bench.ts")) main();
