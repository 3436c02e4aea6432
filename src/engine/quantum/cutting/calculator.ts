/**
 * "Virtual qubit" calculator: what it costs to run an n-qubit circuit on W-qubit devices by
 * circuit cutting, and how narrow a circuit can be made by qubit reuse instead.
 *
 * Formulas (CLAIMS-REFERENCE §3):
 * - Parts: m = ⌈n/W⌉ contiguous parts, filled greedily (W, W, …, remainder). For an all-to-all
 *   layer greedy filling minimises cut gates, since ΣC(sᵢ,2) is convex in the sizes.
 * - Cut gates k = Σ over topology edges joining different parts of the number of layers in which
 *   that edge carries a gate. Layered ("brickwork") circuits colour the edges and apply colour
 *   ℓ mod c in layer ℓ: chain and even ring c = 2 (odd ring 3), grid c = 4, all-to-all c = 1
 *   (every pair in every layer, e.g. QAOA on K_n). Hence
 *     all-to-all: k = d·[C(n,2) − ΣC(sᵢ,2)];   chain brickwork: k ≈ d/2 per boundary (≈ d for 3 parts).
 *   'ghz-chain' is the CNOT ladder 0→1→…: one gate per chain edge, k = m − 1.
 * - Sampling overhead: gate cuts γ_g^{2k} (CX/CZ/ECR γ = 3 → 9^k; SWAP/iSWAP 7 → 49^k;
 *   RZZ(θ) 1 + 2|sin θ|); if every cut gate were replaced by an LO wire cut 16^k; optimistic 4^k
 *   (joint cutting of k CNOTs across one bipartition with classical communication, Piveteau–Sutter).
 * - Shots ≈ overhead/ε²; wall time = shots / shot rate. Everything is carried in log10 because
 *   the numbers overflow doubles (10^1374).
 */
import type { Circuit } from '../circuit.ts';
import { validateCircuit } from '../circuit.ts';

export type Topology = 'chain' | 'ring' | 'grid' | 'all-to-all';
export type CircuitFamily = 'layered' | 'ghz-chain';
export type CutGate = 'cx' | 'cz' | 'ecr' | 'swap' | 'iswap' | 'rzz';

export interface CalculatorInput {
  readonly totalQubits: number;
  readonly deviceWidth: number;
  readonly topology: Topology;
  /** Number of two-qubit layers (ignored for 'ghz-chain'). */
  readonly depth: number;
  readonly gate?: CutGate;
  /** RZZ angle when gate = 'rzz' (radians). */
  readonly rzzTheta?: number;
  readonly circuit?: CircuitFamily;
  /** Target standard error ε of the estimated expectation value. */
  readonly epsilon: number;
  /** Shots per second on the device (default 4000 ≈ 1/(250 μs rep delay)). */
  readonly shotRateHz?: number;
  /** Override the greedy partition (sizes must sum to totalQubits, each ≤ deviceWidth). */
  readonly partSizes?: readonly number[];
}

export interface CalculatorResult {
  readonly partSizes: readonly number[];
  readonly cutGates: number;
  readonly gammaPerCut: number;
  readonly log10OverheadGate: number;
  readonly log10OverheadWireLO: number;
  readonly log10OverheadOptimistic: number;
  readonly log10Shots: number;
  readonly log10Seconds: number;
  /** Readable strings, e.g. { overhead: '10^1374', shots: '10^1378', time: '10^1370 years' }. */
  readonly display: { readonly overhead: string; readonly overheadWireLO: string; readonly overheadOptimistic: string; readonly shots: string; readonly time: string };
  readonly formula: string;
}

/** γ of one cut two-qubit gate (qiskit-addon-cutting docs). */
export function gateGamma(gate: CutGate, rzzTheta = Math.PI / 2): number {
  switch (gate) {
    case 'cx': case 'cz': case 'ecr': return 3;
    case 'swap': case 'iswap': return 7;
    case 'rzz': return 1 + 2 * Math.abs(Math.sin(rzzTheta));
    default: throw new RangeError(`invalid gate: '${String(gate)}' (expected cx, cz, ecr, swap, iswap, rzz)`);
  }
}

/** n choose 2. */
export const choose2 = (n: number): number => (n * (n - 1)) / 2;

/** Cross pairs of an all-to-all layer: C(n,2) − ΣC(sᵢ,2). */
export function crossPairs(sizes: readonly number[]): number {
  const n = sizes.reduce((a, b) => a + b, 0);
  return choose2(n) - sizes.reduce((a, s) => a + choose2(s), 0);
}

/** Greedy contiguous partition: ⌈n/W⌉ parts of W, the last holds the remainder. */
export function greedyPartition(n: number, w: number): number[] {
  const sizes: number[] = [];
  for (let left = n; left > 0; left -= w) sizes.push(Math.min(w, left));
  return sizes;
}

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`invalid ${name}: ${v} (expected ${min}–${max})`);
}

/** Edges of the topology with their colour and the number of colours. */
function edges(n: number, topology: Topology): { edges: [number, number, number][]; colours: number } {
  const out: [number, number, number][] = [];
  switch (topology) {
    case 'chain':
      for (let i = 0; i + 1 < n; i++) out.push([i, i + 1, i % 2]);
      return { edges: out, colours: 2 };
    case 'ring': {
      for (let i = 0; i + 1 < n; i++) out.push([i, i + 1, i % 2]);
      const odd = n % 2 === 1;
      if (n > 2) out.push([n - 1, 0, odd ? 2 : (n - 1) % 2]);
      return { edges: out, colours: odd ? 3 : 2 };
    }
    case 'grid': {
      // row-major, ⌈√n⌉ columns; colours: horizontal even/odd, vertical even/odd rows
      const cols = Math.ceil(Math.sqrt(n));
      for (let i = 0; i < n; i++) {
        const r = Math.floor(i / cols), c = i % cols;
        if (c + 1 < cols && i + 1 < n) out.push([i, i + 1, c % 2]);
        if (i + cols < n) out.push([i, i + cols, 2 + (r % 2)]);
      }
      return { edges: out, colours: 4 };
    }
    case 'all-to-all':
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j, 0]);
      return { edges: out, colours: 1 };
    default:
      throw new RangeError(`invalid topology: '${String(topology)}' (expected chain, ring, grid, all-to-all)`);
  }
}

/** Number of cut gates for a circuit family on a topology and partition. */
export function countCutGates(sizes: readonly number[], topology: Topology, depth: number, family: CircuitFamily = 'layered'): number {
  const n = sizes.reduce((a, b) => a + b, 0);
  const part = new Int32Array(n);
  let q = 0;
  sizes.forEach((s, p) => { for (let i = 0; i < s; i++) part[q++] = p; });
  if (family === 'ghz-chain') {
    let k = 0;
    for (let i = 0; i + 1 < n; i++) if (part[i] !== part[i + 1]) k++;
    return k;
  }
  if (topology === 'all-to-all') return depth * crossPairs(sizes);
  const { edges: es, colours } = edges(n, topology);
  let k = 0;
  for (const [a, b, colour] of es) {
    if (part[a] === part[b]) continue;
    // layers ℓ in [0, depth) with ℓ ≡ colour (mod colours)
    k += colour < depth ? Math.floor((depth - 1 - colour) / colours) + 1 : 0;
  }
  return k;
}

/** Format 10^x readably: '81', '6.6×10^3', '10^1374'. */
export function formatPow10(log10: number, digits = 2): string {
  if (!Number.isFinite(log10)) return log10 > 0 ? '∞' : '0';
  if (log10 < 3) return String(Number((10 ** log10).toPrecision(3)));
  if (log10 < 100) {
    const e = Math.floor(log10);
    let m = Number((10 ** (log10 - e)).toPrecision(digits));
    let ee = e;
    if (m >= 10) { m /= 10; ee++; }
    return `${m}×10^${ee}`;
  }
  return `10^${Math.round(log10)}`;
}

const LOG10_MINUTE = Math.log10(60), LOG10_HOUR = Math.log10(3600), LOG10_DAY = Math.log10(86400), LOG10_YEAR = Math.log10(365.25 * 86400);

/** A duration given as log10(seconds): '200 s', '3.2 h', '280 years', '10^1370 years'. */
export function formatDurationLog10(log10s: number): string {
  if (log10s < LOG10_MINUTE) return `${formatPow10(log10s)} s`;
  if (log10s < LOG10_HOUR) return `${formatPow10(log10s - LOG10_MINUTE)} min`;
  if (log10s < LOG10_DAY) return `${formatPow10(log10s - LOG10_HOUR)} h`;
  if (log10s < LOG10_YEAR) return `${formatPow10(log10s - LOG10_DAY)} days`;
  return `${formatPow10(log10s - LOG10_YEAR)} years`;
}

export function cuttingCost(input: CalculatorInput): CalculatorResult {
  const { totalQubits: n, deviceWidth: w, topology, depth, epsilon } = input;
  checkInt('totalQubits', n, 1, 100_000);
  checkInt('deviceWidth', w, 1, 100_000);
  checkInt('depth', depth, 0, 1_000_000);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`invalid epsilon: ${epsilon} (expected 0 < ε < 1)`);
  const rate = input.shotRateHz ?? 4000;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`invalid shotRateHz: ${rate} (expected > 0)`);
  const sizes = input.partSizes ? [...input.partSizes] : greedyPartition(n, w);
  if (sizes.reduce((a, b) => a + b, 0) !== n || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > w)) {
    throw new RangeError(`invalid partSizes: [${sizes.join(', ')}] (expected positive integers ≤ ${w} summing to ${n})`);
  }
  const family = input.circuit ?? 'layered';
  const k = countCutGates(sizes, topology, depth, family);
  const gamma = gateGamma(input.gate ?? 'cx', input.rzzTheta);
  const log10OverheadGate = 2 * k * Math.log10(gamma);
  const log10OverheadWireLO = k * Math.log10(16);
  const log10OverheadOptimistic = k * Math.log10(4);
  const log10Shots = log10OverheadGate - 2 * Math.log10(epsilon);
  const log10Seconds = log10Shots - Math.log10(rate);
  const formula = topology === 'all-to-all' && family === 'layered'
    ? `k = d·[C(${n},2) − Σ C(sᵢ,2)] = ${depth}·${crossPairs(sizes)} = ${k}`
    : family === 'ghz-chain' ? `k = parts − 1 = ${k} (one CNOT per boundary)` : `k = Σ crossing edges × layers on that edge = ${k}`;
  return {
    partSizes: sizes, cutGates: k, gammaPerCut: gamma,
    log10OverheadGate, log10OverheadWireLO, log10OverheadOptimistic, log10Shots, log10Seconds,
    display: {
      overhead: formatPow10(log10OverheadGate), overheadWireLO: formatPow10(log10OverheadWireLO),
      overheadOptimistic: formatPow10(log10OverheadOptimistic), shots: formatPow10(log10Shots), time: formatDurationLog10(log10Seconds),
    },
    formula,
  };
}

/**
 * Qubit-reuse width: the largest number of simultaneously live wires when every qubit starts just
 * before its first gate and is measured (and reset for reuse) right after its last one, keeping
 * the given gate order (greedy; reordering commuting gates could do better). A CNOT ladder measured
 * in Z needs 2.
 */
export function qubitReuseWidth(circuit: Circuit): number {
  const c = validateCircuit(circuit);
  const first = new Array<number>(c.nQubits).fill(-1), last = new Array<number>(c.nQubits).fill(-1);
  c.ops.forEach((op, i) => {
    const qs = op.kind === 'gate' || op.kind === 'barrier' ? (op.kind === 'gate' ? op.qubits : []) : [op.qubit];
    for (const q of qs) { if (first[q] < 0) first[q] = i; last[q] = i; }
  });
  const delta = new Int32Array(c.ops.length + 1);
  let idle = 0;
  for (let q = 0; q < c.nQubits; q++) {
    if (first[q] < 0) { idle = Math.max(idle, 1); continue; } // untouched qubit: measured alone
    delta[first[q]]++;
    delta[last[q] + 1]--;
  }
  let live = 0, best = idle;
  for (let i = 0; i < c.ops.length; i++) { live += delta[i]; best = Math.max(best, live); }
  return best;
}
