/**
 * The roadmap claims that had no row in the ledger (issue 8 §4), one record each, in the registry's shape
 * (../types.ts), added to the registry's CLAIMS in one line. Every quote is verbatim from shared/roadmap/PRODUCTION_DEPLOYMENT_ROADMAP.md. Readings
 * labelled "our reading" are reconstructions of an ambiguous claim; "untestable as stated" is used where the
 * roadmap gives no baseline or definition, and "no detectable effect" (with the smallest detectable effect)
 * where the data cannot refute.
 */
import type { Platform } from '../../quantum/presets.data';
import { defineClaim, type ClaimRecord } from '../types';
import { fmt, type RuleResult } from '../verdict';

const NB_STACK = 'roadmap-claims-stack';
const NB_MARKET = 'roadmap-claims-market';
const pct = (x: number): string => `${fmt(100 * x, 3)} %`;
const bytes = (b: number): string => {
  if (!Number.isFinite(b)) return String(b);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let u = 0, v = b;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${fmt(v, 3)} ${units[u]}`;
};
const constant = (verdict: RuleResult['verdict'], rule: string) => (): RuleResult => ({ verdict, rule });

// ------------------------------------------------------------------ decoherence mitigation

export interface DecoherencePresetFigures {
  readonly id: string;
  readonly platform: Platform;
  /** The two-qubit gate error used as the physical error rate (NaN: not published). */
  readonly physicalError: number;
  /** Physical qubits for 14 surface-code logical qubits surviving the hold (Infinity: below threshold never reached). */
  readonly totalPhysical: number;
  readonly distance: number;
  /** Probability that one shot of the 14-member circuit has no gate or readout error. */
  readonly circuitSuccess: number;
}
export interface DecoherenceFigures {
  readonly budgetPhysical: number;
  readonly logicalQubits: number;
  readonly holdMs: number;
  readonly presets: readonly DecoherencePresetFigures[];
}

function decoherenceHardware(platform: Platform) {
  return (f: DecoherenceFigures): RuleResult => {
    const ps = f.presets.filter((p) => p.platform === platform);
    if (!ps.length) return { verdict: 'not measurable here', rule: `no ${platform} preset` };
    const qec = ps.filter((p) => p.totalPhysical <= f.budgetPhysical);
    const shortOk = ps.filter((p) => p.circuitSuccess >= 0.9);
    const list = ps.map((p) => `${p.id}: p = ${fmt(p.physicalError, 3)}, surface code d = ${Number.isFinite(p.distance) ? p.distance : '—'} → ${Number.isFinite(p.totalPhysical) ? String(p.totalPhysical) : 'not reachable'} physical qubits for ${f.logicalQubits} logical over ${f.holdMs} ms, one-shot circuit success ${fmt(p.circuitSuccess, 4)}`).join('; ');
    const head = `supported iff some ${platform} preset both keeps the 14-member circuit's one-shot success ≥ 0.9 (short depth) and error-corrects ${f.logicalQubits} logical qubits for ${f.holdMs} ms with ≤ ${f.budgetPhysical} physical qubits (the roadmap's 24 physical); partly supported iff only the short-depth part holds; refuted otherwise. ${list}`;
    if (qec.some((p) => p.circuitSuccess >= 0.9)) return { verdict: 'supported', rule: head };
    if (shortOk.length) return { verdict: 'partly supported', rule: `${head}: short circuits keep errors low on ${shortOk.map((p) => p.id).join(', ')}, but error correction needs ≥ ${Math.min(...ps.map((p) => p.totalPhysical))} physical qubits, not ${f.budgetPhysical}` };
    return { verdict: 'refuted', rule: `${head}: neither holds` };
  };
}

const decoherenceCase = (success: number, total: number): DecoherenceFigures => ({
  budgetPhysical: 24, logicalQubits: 14, holdMs: 50,
  presets: (['superconducting', 'trapped-ion', 'neutral-atom'] as Platform[]).map((platform) => ({ id: platform, platform, physicalError: 1e-3, totalPhysical: total, distance: 3, circuitSuccess: success })),
});

export const decoherenceMitigation = defineClaim<DecoherenceFigures>({
  id: 'decoherence-mitigation',
  title: 'Decoherence mitigated by error correction and short circuits',
  quote: 'Mitigated by error correction and short circuit depths',
  section: 'Risk mitigation, Technical risks 1 (Quantum Decoherence)',
  notebook: NB_STACK,
  figures: [
    { label: 'fewest physical qubits for 14 error-corrected logical qubits', value: (f) => Math.min(...f.presets.map((p) => p.totalPhysical)) },
    { label: "the roadmap's physical qubits", value: (f) => f.budgetPhysical },
    { label: 'best one-shot circuit success', value: (f) => Math.max(...f.presets.map((p) => p.circuitSuccess)) },
  ],
  readings: [
    { id: 'as-stated', label: 'as the roadmap states its stack (lightning.kokkos, a classical simulator)', constant: true, rule: constant('untestable as stated', 'a noiseless classical simulator of 16 wires does not decohere (fidelity 1 by construction), so there is nothing to mitigate: the statement is vacuous on the stated stack') },
    { id: 'hw-superconducting', label: 'on superconducting hardware (best current device)', rule: decoherenceHardware('superconducting') },
    { id: 'hw-trapped-ion', label: 'on trapped-ion hardware (best current device)', rule: decoherenceHardware('trapped-ion') },
    { id: 'hw-neutral-atom', label: 'on neutral-atom hardware (best current device)', rule: decoherenceHardware('neutral-atom') },
  ],
  headline: { mostFavourable: ['hw-superconducting', 'hw-trapped-ion', 'hw-neutral-atom'], why: 'decoherence exists only on hardware' },
  cases: [
    { name: 'QEC fits and circuits short', figures: decoherenceCase(0.95, 24), expect: { 'as-stated': 'untestable as stated', 'hw-superconducting': 'supported', 'hw-trapped-ion': 'supported', 'hw-neutral-atom': 'supported' } },
    { name: 'short circuits only', figures: decoherenceCase(0.9, 25), expect: { 'as-stated': 'untestable as stated', 'hw-superconducting': 'partly supported', 'hw-trapped-ion': 'partly supported', 'hw-neutral-atom': 'partly supported' } },
    { name: 'neither', figures: decoherenceCase(0.899, 238), expect: { 'as-stated': 'untestable as stated', 'hw-superconducting': 'refuted', 'hw-trapped-ion': 'refuted', 'hw-neutral-atom': 'refuted' } },
  ],
});

// ------------------------------------------------------------------ 16 GB RAM

export interface RamFigures {
  readonly ramBytes: number;
  readonly wires: number;
  readonly statevectorBytes: number;
  readonly densityBytes: number;
  readonly virtualQubits: number;
  readonly virtualStatevectorBytes: number;
}

export const ram16gb = defineClaim<RamFigures>({
  id: 'ram-16gb',
  title: '16 GB+ RAM for quantum state storage',
  quote: '16GB+ RAM for quantum state storage',
  section: 'Phase 1, Task 1.3 (Prerequisites)',
  notebook: NB_STACK,
  figures: [
    { label: `statevector of the roadmap's wires`, unit: 'B', value: (f) => f.statevectorBytes },
    { label: 'density matrix of the same wires', unit: 'B', value: (f) => f.densityBytes },
    { label: 'RAM asked for', unit: 'B', value: (f) => f.ramBytes },
  ],
  readings: [
    {
      id: 'statevector', label: `as the roadmap states its stack (statevector simulator, the roadmap's wires)`,
      rule: (f) => {
        const head = `supported iff the ${f.wires}-wire statevector (${bytes(f.statevectorBytes)}) fits in ${bytes(f.ramBytes)} and the request is within 100× of it; partly supported iff it fits but the request is more than 100× what the state needs; refuted iff it does not fit. Ratio ${fmt(f.ramBytes / f.statevectorBytes, 4)}×`;
        if (f.statevectorBytes > f.ramBytes) return { verdict: 'refuted', rule: head };
        return { verdict: f.ramBytes <= 100 * f.statevectorBytes ? 'supported' : 'partly supported', rule: head };
      },
    },
    {
      id: 'density', label: 'our reading: density-matrix storage of the same wires (noise modelling)',
      rule: (f) => ({ verdict: f.densityBytes <= f.ramBytes ? 'supported' : 'refuted', rule: `supported iff the ${f.wires}-wire density matrix (${bytes(f.densityBytes)}) fits in ${bytes(f.ramBytes)}` }),
    },
    {
      id: 'virtual', label: 'our reading: storing the 66 "virtual qubits" as a state',
      rule: (f) => ({ verdict: f.virtualStatevectorBytes <= f.ramBytes ? 'supported' : 'refuted', rule: `supported iff a ${f.virtualQubits}-qubit statevector (${bytes(f.virtualStatevectorBytes)}) fits in ${bytes(f.ramBytes)}` }),
    },
  ],
  headline: { reading: 'statevector', why: 'lightning.kokkos with 16 wires is a statevector simulator' },
  cases: [
    { name: 'proportionate', figures: { ramBytes: 100, wires: 16, statevectorBytes: 1, densityBytes: 100, virtualQubits: 66, virtualStatevectorBytes: 100 }, expect: { statevector: 'supported', density: 'supported', virtual: 'supported' } },
    { name: 'oversized', figures: { ramBytes: 101, wires: 16, statevectorBytes: 1, densityBytes: 102, virtualQubits: 66, virtualStatevectorBytes: 102 }, expect: { statevector: 'partly supported', density: 'refuted', virtual: 'refuted' } },
    { name: 'too small', figures: { ramBytes: 1, wires: 16, statevectorBytes: 2, densityBytes: 4, virtualQubits: 66, virtualStatevectorBytes: 8 }, expect: { statevector: 'refuted', density: 'refuted', virtual: 'refuted' } },
  ],
});

// ------------------------------------------------------------------ GPU RTX 3080

export interface GpuFigures {
  readonly gpuMemoryBytes: number;
  readonly statevectorBytes: number;
  /** Memory-bound floor of the 14-member circuit on the GPU, ms (gates × 2^(n+5) B / bandwidth). */
  readonly gpuCircuitFloorMs: number;
  /** Measured time of the same circuit on 16 wires, this machine's CPU, one core, ms. */
  readonly cpuCircuitMs: number;
  readonly budgetMs: number;
}

export const gpuCuda = defineClaim<GpuFigures>({
  id: 'gpu-cuda-rtx3080',
  title: 'GPU with CUDA (RTX 3080+) needed',
  quote: 'GPU with CUDA support (recommended: RTX 3080+ or equivalent)',
  section: 'Phase 1, Task 1.3 (Prerequisites)',
  notebook: NB_STACK,
  timing: true,
  figures: [
    { label: 'circuit on 16 wires, CPU measured here', unit: 'ms', value: (f) => f.cpuCircuitMs },
    { label: 'memory-bound floor of the same circuit on an RTX 3080', unit: 'ms', value: (f) => f.gpuCircuitFloorMs },
  ],
  readings: [{
    id: 'as-stated', label: 'as the roadmap states its stack (lightning.kokkos, 16 wires, 1 ms decisions)',
    rule: (f) => {
      const head = `supported iff the state fits on the GPU (${fmt(f.statevectorBytes / f.gpuMemoryBytes, 3)} of its memory), the GPU's floor (${fmt(f.gpuCircuitFloorMs, 3)} ms) is within the ${f.budgetMs} ms budget and a CPU core is not (measured ${fmt(f.cpuCircuitMs, 3)} ms); partly supported iff the GPU suffices but is not needed; refuted iff the GPU cannot meet the budget`;
      if (!(f.statevectorBytes <= f.gpuMemoryBytes && f.gpuCircuitFloorMs <= f.budgetMs)) return { verdict: 'refuted', rule: head };
      return { verdict: f.cpuCircuitMs > f.budgetMs ? 'supported' : 'partly supported', rule: head };
    },
  }],
  headline: { reading: 'as-stated', why: 'the GPU is a prerequisite of the stated stack' },
  cases: [
    { name: 'GPU needed', figures: { gpuMemoryBytes: 10, statevectorBytes: 1, gpuCircuitFloorMs: 1, cpuCircuitMs: 1.01, budgetMs: 1 }, expect: { 'as-stated': 'supported' } },
    { name: 'GPU not needed', figures: { gpuMemoryBytes: 10, statevectorBytes: 1, gpuCircuitFloorMs: 0.1, cpuCircuitMs: 1, budgetMs: 1 }, expect: { 'as-stated': 'partly supported' } },
    { name: 'GPU too slow', figures: { gpuMemoryBytes: 10, statevectorBytes: 1, gpuCircuitFloorMs: 1.01, cpuCircuitMs: 5, budgetMs: 1 }, expect: { 'as-stated': 'refuted' } },
  ],
});

// ------------------------------------------------------------------ lightning.kokkos, 16 wires

export interface KokkosFigures {
  readonly wires: number;
  readonly members: number;
  readonly statevectorBytes: number;
  /** Measured 16-wire circuit time here, ms, and the decision budget. */
  readonly cpuCircuitMs: number;
  readonly budgetMs: number;
}

export const kokkos16 = defineClaim<KokkosFigures>({
  id: 'kokkos-16-wires',
  title: "lightning.kokkos with 16 wires: a simulator called 'quantum hardware'",
  quote: "device = qml.device('lightning.kokkos', wires=16)",
  section: 'Phase 1, Task 1.3 (Validate quantum hardware)',
  notebook: NB_STACK,
  timing: true,
  figures: [
    { label: 'state size', unit: 'B', value: (f) => f.statevectorBytes },
    { label: 'circuit on 16 wires, measured here', unit: 'ms', value: (f) => f.cpuCircuitMs },
  ],
  readings: [
    { id: 'as-hardware', label: "as the roadmap labels it ('Quantum hardware ready for production')", constant: true, rule: constant('refuted', "lightning.kokkos is PennyLane's Kokkos-backed classical statevector simulator: creating it with 16 wires validates a CPU/GPU library, not quantum hardware") },
    {
      id: 'as-simulator', label: 'as what it is: a classical simulator of 16 wires',
      rule: (f) => {
        const head = `supported iff the ${f.wires} wires hold the ${f.members} members and the ${f.wires}-wire statevector (${bytes(f.statevectorBytes)}) fits in the roadmap's 16 GB: an exact classical simulation (its speed is judged under the GPU claim; this project's simulator takes ${fmt(f.cpuCircuitMs, 3)} ms for the circuit here)`;
        return { verdict: f.wires >= f.members && f.statevectorBytes <= 16 * 1024 ** 3 ? 'supported' : 'refuted', rule: head };
      },
    },
  ],
  headline: { mostFavourable: ['as-hardware', 'as-simulator'], why: 'the line creates a simulator that the roadmap calls hardware; both readings are shown' },
  cases: [
    { name: 'fits', figures: { wires: 16, members: 14, statevectorBytes: 1 << 20, cpuCircuitMs: 1, budgetMs: 1 }, expect: { 'as-hardware': 'refuted', 'as-simulator': 'supported' } },
    { name: 'too few wires', figures: { wires: 13, members: 14, statevectorBytes: 1 << 13, cpuCircuitMs: 1, budgetMs: 1 }, expect: { 'as-hardware': 'refuted', 'as-simulator': 'refuted' } },
  ],
});

// ------------------------------------------------------------------ speed-up claims without a baseline

export interface WindowFigures {
  /** Decisions whose inputs differ between a 1 ms and a 50 ms window, out of `decisions`. */
  readonly changed: number;
  readonly decisions: number;
  readonly barMs: number;
  readonly barsPerShortWindow: number;
  readonly barsPerLongWindow: number;
}
function windowReading(f: WindowFigures): RuleResult {
  const head = `our reading: the window only matters if a new bar can arrive within it; at the data's bar period (${fmt(f.barMs / 1000, 4)} s) a 1 ms window holds ${fmt(f.barsPerShortWindow, 3)} new bars and a 50 ms one ${fmt(f.barsPerLongWindow, 3)}; decisions whose inputs change between the two: ${f.changed} of ${f.decisions}`;
  if (f.changed > 0) return { verdict: 'partly supported', rule: `${head}: the shorter window changes what ${pct(f.changed / f.decisions)} of decisions see` };
  return { verdict: 'no detectable effect', rule: `${head}: no decision changes (smallest detectable: 1 of ${f.decisions} decisions, ${pct(1 / f.decisions)})` };
}
const windowCases = (changed: number) => ({ changed, decisions: 1000, barMs: 3.6e6, barsPerShortWindow: 2.8e-7, barsPerLongWindow: 1.4e-5 });

export const speedup100x = defineClaim<{ readonly measuredP95Ms: number }>({
  id: 'speedup-100x',
  title: '"Proven 100x performance improvements"',
  quote: 'have been solved with proven 100x performance improvements',
  section: 'Executive summary',
  notebook: NB_STACK,
  figures: [{ label: "this project's decision pipeline, p95 (for context)", unit: 'ms', value: (f) => f.measuredP95Ms }],
  readings: [{ id: 'as-stated', label: 'as the roadmap states it', constant: true, rule: constant('untestable as stated', 'no baseline system, workload or measurement is given, so "100x" cannot be reproduced; a ratio needs both sides measured on the same task') }],
  headline: { reading: 'as-stated', why: 'only one reading exists' },
  cases: [{ name: 'any', figures: { measuredP95Ms: 0.1 }, expect: { 'as-stated': 'untestable as stated' } }],
});

export const aggregation50x = defineClaim<WindowFigures>({
  id: 'aggregation-50x',
  title: '"50x faster aggregation (1 ms vs 50 ms)"',
  quote: 'Buffer code achieves 50x faster aggregation (1ms vs 50ms)',
  section: 'Phase 1, Task 1.2',
  notebook: NB_STACK,
  figures: [{ label: 'decisions changed by the shorter window', value: (f) => `${f.changed} of ${f.decisions}` }],
  readings: [
    { id: 'as-stated', label: 'as the roadmap states it', constant: true, rule: constant('untestable as stated', 'the 50 ms baseline aggregator is neither shown nor described; 50 / 1 = 50 is arithmetic on two window lengths, not a measured speed-up') },
    { id: 'window-effect', label: 'our reading: what the shorter window changes on this data', rule: windowReading },
  ],
  headline: { reading: 'as-stated', why: 'no baseline is given' },
  cases: [
    { name: 'no change', figures: windowCases(0), expect: { 'as-stated': 'untestable as stated', 'window-effect': 'no detectable effect' } },
    { name: 'changes', figures: windowCases(1), expect: { 'as-stated': 'untestable as stated', 'window-effect': 'partly supported' } },
  ],
});

export const decisions100x = defineClaim<{ readonly measuredP95Ms: number; readonly budgetMs: number }>({
  id: 'decisions-100x',
  title: '"100x faster decisions (1 ms vs 100 ms)"',
  quote: '100x faster (1ms vs 100ms)',
  section: 'Expected results, Performance improvements (Month 1)',
  notebook: NB_STACK,
  timing: true,
  figures: [{ label: "this project's decision pipeline, p95", unit: 'ms', value: (f) => f.measuredP95Ms }],
  readings: [
    { id: 'as-stated', label: 'as the roadmap states it', constant: true, rule: constant('untestable as stated', 'the 100 ms system is not described, so the ratio has no measurable denominator') },
    { id: 'one-ms-side', label: 'our reading: is the 1 ms side reached by a decision pipeline?', rule: (f) => ({ verdict: f.measuredP95Ms <= f.budgetMs ? 'partly supported' : 'refuted', rule: `partly supported iff this project's 14-member pipeline decides in ≤ ${f.budgetMs} ms at the 95th percentile (measured ${fmt(f.measuredP95Ms, 3)} ms); the 100 ms side stays unknown` }) },
  ],
  headline: { reading: 'as-stated', why: 'no baseline is given' },
  cases: [
    { name: 'fast', figures: { measuredP95Ms: 1, budgetMs: 1 }, expect: { 'as-stated': 'untestable as stated', 'one-ms-side': 'partly supported' } },
    { name: 'slow', figures: { measuredP95Ms: 1.01, budgetMs: 1 }, expect: { 'as-stated': 'untestable as stated', 'one-ms-side': 'refuted' } },
  ],
});

export const compressionWindows = defineClaim<WindowFigures>({
  id: 'compression-windows-bar-rate',
  title: '1 ms windows replace 50 ms delays, at the bar rate',
  quote: '1ms compression windows replace 50ms aggregation delays',
  section: 'Phase 1, Task 1.2 (Expected results)',
  notebook: NB_STACK,
  alsoIn: [],
  figures: [
    { label: 'new bars per 1 ms window', value: (f) => f.barsPerShortWindow },
    { label: 'decisions changed', value: (f) => `${f.changed} of ${f.decisions}` },
  ],
  readings: [{ id: 'bar-rate', label: "at the data's bar rate (the cycle claim itself is judged in timers-and-jitter)", rule: windowReading }],
  headline: { reading: 'bar-rate', why: 'this record judges the windows against the market data they aggregate' },
  cases: [
    { name: 'no change', figures: windowCases(0), expect: { 'bar-rate': 'no detectable effect' } },
    { name: 'changes', figures: windowCases(3), expect: { 'bar-rate': 'partly supported' } },
  ],
});

// ------------------------------------------------------------------ PID / predictive jitter control

export interface PidFigures {
  readonly ticks: number;
  /** Jitter (standard deviation of lateness) with no control, with PID, with the causal AR predictor, μs. */
  readonly openLoopUs: number;
  readonly pidUs: number;
  readonly predictiveUs: number;
  readonly targetUs: number;
  /** Clock resolution where measured, μs. */
  readonly resolutionUs: number;
  readonly where: string;
  /** Why timing stopped, when a stopping rule ended it before all ticks ran (the notebook states the rule). */
  readonly stoppedBy?: string;
}

export const pidJitter = defineClaim<PidFigures>({
  id: 'pid-jitter-control',
  title: 'PID control and predictive adjustment of jitter',
  quote: 'PID control and predictive adjustment systems deployed',
  section: 'Risk mitigation, Technical risks 3 (Timing Jitter)',
  notebook: NB_STACK,
  timing: true,
  figures: [
    { label: 'jitter without control', unit: 'µs', value: (f) => f.openLoopUs },
    { label: 'jitter after the best controller', unit: 'µs', value: (f) => Math.min(f.pidUs, f.predictiveUs) },
    { label: 'target (<10 µs jitter)', unit: 'µs', value: (f) => f.targetUs },
  ],
  readings: [{
    id: 'measured-here', label: 'applied to lateness measured here (an event-loop timer, not a real-time thread)',
    rule: (f) => {
      const best = Math.min(f.pidUs, f.predictiveUs);
      const early = f.stoppedBy && f.stoppedBy !== 'all ticks' ? `; stopped early (${f.stoppedBy}): the timer cannot keep the 1 ms cycle, so its open-loop lateness is mostly drift` : '';
      const head = `over ${f.ticks} ticks (${f.where}${early}): jitter ${fmt(f.openLoopUs, 3)} µs open loop, ${fmt(f.pidUs, 3)} µs with PID, ${fmt(f.predictiveUs, 3)} µs with a causal AR predictor. Supported iff the best reaches ${f.targetUs} µs; partly supported iff control removes ≥ 20 % of the jitter; refuted otherwise; not measurable iff the best is below 20× the clock resolution (${fmt(f.resolutionUs, 3)} µs)`;
      if (best < 20 * f.resolutionUs) return { verdict: 'not measurable here', rule: head };
      if (best <= f.targetUs) return { verdict: 'supported', rule: head };
      if (best <= 0.8 * f.openLoopUs) return { verdict: 'partly supported', rule: head };
      return { verdict: 'refuted', rule: head };
    },
  }],
  headline: { reading: 'measured-here', why: 'the only jitter this page can measure' },
  cases: [
    { name: 'reaches target', figures: { ticks: 100, openLoopUs: 50, pidUs: 10, predictiveUs: 20, targetUs: 10, resolutionUs: 0.1, where: 'x' }, expect: { 'measured-here': 'supported' } },
    { name: 'helps', figures: { ticks: 100, openLoopUs: 50, pidUs: 40, predictiveUs: 45, targetUs: 10, resolutionUs: 0.1, where: 'x' }, expect: { 'measured-here': 'partly supported' } },
    { name: 'no help', figures: { ticks: 100, openLoopUs: 50, pidUs: 41, predictiveUs: 45, targetUs: 10, resolutionUs: 0.1, where: 'x' }, expect: { 'measured-here': 'refuted' } },
    { name: 'coarse clock', figures: { ticks: 100, openLoopUs: 500, pidUs: 100, predictiveUs: 150, targetUs: 10, resolutionUs: 100, where: 'x' }, expect: { 'measured-here': 'not measurable here' } },
  ],
});

// ------------------------------------------------------------------ biological rhythms at MHz–GHz

export interface RhythmFigures {
  readonly rhythms: readonly { readonly name: string; readonly hz: number; readonly barsPerCycle: number }[];
}

export const rhythmsMhzGhz = defineClaim<RhythmFigures>({
  id: 'rhythms-mhz-ghz',
  title: 'Biological rhythms "maintain integrity at MHz–GHz"',
  quote: 'Biological patterns maintain integrity at MHz-GHz frequencies',
  section: 'Phase 3, Task 3.3',
  notebook: NB_STACK,
  figures: [
    { label: 'fastest roadmap rhythm', unit: 'Hz', value: (f) => Math.max(...f.rhythms.map((r) => r.hz)) },
    { label: 'new bars per gamma cycle', value: (f) => f.rhythms[0]?.barsPerCycle ?? null },
  ],
  readings: [
    {
      id: 'literal', label: 'literally: the rhythms run at MHz–GHz',
      rule: (f) => {
        const top = Math.max(...f.rhythms.map((r) => r.hz));
        const head = `supported iff a roadmap rhythm runs at ≥ 1 MHz; its own table gives ${f.rhythms.map((r) => `${r.name} ${r.hz} Hz`).join(', ')}, ${fmt(Math.log10(1e6 / top), 3)} decades below 1 MHz`;
        return { verdict: top >= 1e6 ? 'supported' : 'refuted', rule: head };
      },
    },
    {
      id: 'scheduler-on-fast-hardware', label: 'our reading: a 2–40 Hz scheduler keeps its periods on GHz hardware', constant: true,
      rule: (f) => ({ verdict: 'untestable as stated', rule: `true of any computer and undefined ("integrity" has no metric), so nothing to test; on this data each rhythm sees ${f.rhythms.map((r) => `${fmt(r.barsPerCycle, 2)}`).join(', ')} new bars per cycle` }),
    },
  ],
  headline: { mostFavourable: ['literal', 'scheduler-on-fast-hardware'], why: 'the sentence is ambiguous' },
  cases: [
    { name: 'roadmap rhythms', figures: { rhythms: [{ name: 'gamma', hz: 40, barsPerCycle: 7e-6 }] }, expect: { literal: 'refuted', 'scheduler-on-fast-hardware': 'untestable as stated' } },
    { name: 'MHz rhythm', figures: { rhythms: [{ name: 'x', hz: 1e6, barsPerCycle: 1e-10 }] }, expect: { literal: 'supported', 'scheduler-on-fast-hardware': 'untestable as stated' } },
  ],
});

// ------------------------------------------------------------------ contrarian strategy detection

export interface SignalLean {
  readonly id: string;
  /** Correlation of the signal's lean with the bar's own return (negative: contrarian). */
  readonly correlation: number;
  readonly n: number;
  /** Lower end of the 95 % Wilson interval of its hit rate. */
  readonly hitLower: number;
}
export interface ContrarianFigures {
  readonly signals: readonly SignalLean[];
  readonly quantum: SignalLean;
  /** Largest |circuit − classical closed form| over the bars. */
  readonly circuitVsClosedForm: number;
}
const isContrarian = (s: SignalLean): boolean => s.correlation < -2 / Math.sqrt(s.n);
const useful = (s: SignalLean): boolean => isContrarian(s) && s.hitLower > 0.5;

export const contrarian = defineClaim<ContrarianFigures>({
  id: 'contrarian-detection',
  title: 'Contrarian strategy detection by quantum superposition',
  quote: 'Quantum superposition explores non-obvious paths',
  section: 'Expected results, Competitive advantages (Month 3): Contrarian Strategy Detection',
  notebook: NB_MARKET,
  figures: [
    { label: 'contrarian signals with an edge', value: (f) => f.signals.filter(useful).map((s) => s.id).join(', ') || 'none' },
    { label: "circuit's lean vs the last move (correlation)", value: (f) => f.quantum.correlation },
    { label: 'max |circuit − classical closed form|', value: (f) => f.circuitVsClosedForm },
  ],
  readings: [
    {
      id: 'any-contrarian', label: 'our reading: does any signal bet against the last move, with an edge?',
      rule: (f) => {
        const c = f.signals.filter(useful);
        return { verdict: c.length ? 'supported' : 'refuted', rule: `supported iff some signal's lean correlates with the bar's own return below −2/√n and its hit rate's 95 % lower bound exceeds 0.5: ${c.length ? c.map((s) => `${s.id} (r = ${fmt(s.correlation, 3)}, hit ≥ ${fmt(s.hitLower, 4)})`).join(', ') : 'none'}` };
      },
    },
    {
      id: 'quantum-origin', label: 'as stated: the contrarian edge comes from quantum superposition (our reconstruction of the circuit)',
      rule: (f) => {
        const classical = f.circuitVsClosedForm < 1e-9;
        const head = `supported iff the circuit itself is contrarian with an edge (r = ${fmt(f.quantum.correlation, 3)}, hit lower bound ${fmt(f.quantum.hitLower, 4)}) and its output is not a classical function of the inputs (max |circuit − closed form| = ${fmt(f.circuitVsClosedForm, 3)})`;
        return { verdict: useful(f.quantum) && !classical ? 'supported' : 'refuted', rule: head };
      },
    },
  ],
  headline: { reading: 'quantum-origin', why: 'the claim credits quantum superposition; the classical reading is shown beside it' },
  cases: [
    { name: 'classical contrarian only', figures: { signals: [{ id: 'rev', correlation: -0.1, n: 10000, hitLower: 0.51 }], quantum: { id: 'q', correlation: 0, n: 10000, hitLower: 0.49 }, circuitVsClosedForm: 1e-16 }, expect: { 'any-contrarian': 'supported', 'quantum-origin': 'refuted' } },
    { name: 'none', figures: { signals: [{ id: 'mom', correlation: -0.019, n: 10000, hitLower: 0.51 }], quantum: { id: 'q', correlation: -0.1, n: 10000, hitLower: 0.51 }, circuitVsClosedForm: 1e-3 }, expect: { 'any-contrarian': 'refuted', 'quantum-origin': 'supported' } },
  ],
});

// ------------------------------------------------------------------ self-adaptation

export interface PairedDiffFigures {
  readonly a: string;
  readonly b: string;
  /** Mean loss of a minus b (negative: a better), with its 95 % interval. */
  readonly meanDiff: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
}
function pairedRule(f: PairedDiffFigures, what: string): RuleResult {
  const head = `${what}: mean log-loss difference ${f.a} − ${f.b} = ${fmt(f.meanDiff, 3)} (95 % ${fmt(f.lower, 3)}…${fmt(f.upper, 3)}, ${f.n} bars); supported iff the interval is below 0, refuted iff above 0`;
  if (f.upper < 0) return { verdict: 'supported', rule: head };
  if (f.lower > 0) return { verdict: 'refuted', rule: head };
  return { verdict: 'no detectable effect', rule: `${head}; neither: no detectable effect (smallest detectable ≈ ${fmt((f.upper - f.lower) / 2, 3)} nats per bar)` };
}

export const selfAdaptation = defineClaim<PairedDiffFigures>({
  id: 'self-adaptation',
  title: 'Unconscious optimisation: the system improves automatically',
  quote: 'System improves automatically',
  section: 'Expected results, Competitive advantages (Month 3); Risk mitigation, Operational risks 3 (Self-adaptation)',
  notebook: NB_MARKET,
  figures: [{ label: 'log loss, online − static', value: (f) => f.meanDiff }, { label: '95 % interval', value: (f) => `${fmt(f.lower, 3)}…${fmt(f.upper, 3)}` }],
  readings: [{ id: 'online-vs-static', label: 'our reading: an online (self-weighting) aggregator against the same members averaged statically', rule: (f) => pairedRule(f, 'online vs static') }],
  headline: { reading: 'online-vs-static', why: 'the roadmap names no mechanism; online re-weighting is the natural one' },
  cases: [
    { name: 'better', figures: { a: 'hedge', b: 'mean', meanDiff: -0.01, lower: -0.02, upper: -1e-6, n: 1000 }, expect: { 'online-vs-static': 'supported' } },
    { name: 'worse', figures: { a: 'hedge', b: 'mean', meanDiff: 0.01, lower: 1e-6, upper: 0.02, n: 1000 }, expect: { 'online-vs-static': 'refuted' } },
    { name: 'unclear', figures: { a: 'hedge', b: 'mean', meanDiff: 0, lower: -0.01, upper: 0.01, n: 1000 }, expect: { 'online-vs-static': 'no detectable effect' } },
  ],
});

// ------------------------------------------------------------------ regime-dependent advantage

export interface RegimeFigures {
  readonly quantumId: string;
  readonly baselineId: string;
  readonly regimes: readonly { readonly name: string; readonly n: number; readonly meanDiff: number; readonly lower: number; readonly upper: number }[];
}

export const regimeAdvantage = defineClaim<RegimeFigures>({
  id: 'regime-advantage',
  title: 'Quantum advantage may vary by market regime',
  quote: 'Quantum advantage may vary by market regime',
  section: 'Risk mitigation, Trading risks 3 (Market Conditions)',
  notebook: NB_MARKET,
  figures: [{ label: 'regimes where the circuit beats the baseline', value: (f) => f.regimes.filter((r) => r.upper < 0).map((r) => r.name).join(', ') || 'none' }],
  readings: [
    { id: 'as-stated', label: 'as the roadmap states it', constant: true, rule: (f) => ({ verdict: 'untestable as stated', rule: `"may vary" is true of any quantity and cannot be refuted (here ${f.regimes.length} regimes were compared)` }) },
    {
      id: 'some-regime', label: 'our reading: is there an advantage in any volatility regime?',
      rule: (f) => {
        const rows = f.regimes.map((r) => `${r.name}: ${fmt(r.meanDiff, 3)} (${fmt(r.lower, 3)}…${fmt(r.upper, 3)}, n = ${r.n})`).join('; ');
        const head = `Brier difference ${f.quantumId} − ${f.baselineId} per regime, 95 % intervals: ${rows}. Supported iff some interval lies below 0; refuted iff every interval lies above 0`;
        if (f.regimes.some((r) => r.upper < 0)) return { verdict: 'supported', rule: head };
        if (f.regimes.every((r) => r.lower > 0)) return { verdict: 'refuted', rule: head };
        const w = Math.max(...f.regimes.map((r) => (r.upper - r.lower) / 2));
        return { verdict: 'no detectable effect', rule: `${head}; neither: no detectable advantage (smallest detectable ≈ ${fmt(w, 3)} per bar)` };
      },
    },
  ],
  headline: { reading: 'some-regime', why: "'may vary' presupposes an advantage somewhere; we test for one in every regime" },
  cases: [
    { name: 'one regime better', figures: { quantumId: 'q', baselineId: 'b', regimes: [{ name: 'calm', n: 10, meanDiff: -1, lower: -2, upper: -0.1 }, { name: 'wild', n: 10, meanDiff: 1, lower: 0.5, upper: 2 }] }, expect: { 'as-stated': 'untestable as stated', 'some-regime': 'supported' } },
    { name: 'all worse', figures: { quantumId: 'q', baselineId: 'b', regimes: [{ name: 'calm', n: 10, meanDiff: 1, lower: 0.1, upper: 2 }] }, expect: { 'as-stated': 'untestable as stated', 'some-regime': 'refuted' } },
    { name: 'unclear', figures: { quantumId: 'q', baselineId: 'b', regimes: [{ name: 'calm', n: 10, meanDiff: 0, lower: -0.1, upper: 2 }] }, expect: { 'as-stated': 'untestable as stated', 'some-regime': 'no detectable effect' } },
  ],
});

// ------------------------------------------------------------------ Week-1 validation, Sharpe sanity check, success probability, 0.50 in logs

export interface Week1Figures {
  readonly threshold: number;
  /** Trades per week at the threshold, per aggregator. */
  readonly perWeek: readonly { readonly id: string; readonly perWeek: number }[];
  /** Trades the exact binomial test needs to confirm h > 0.8 when the truth is 0.85 (α 5 %, power 80 %). */
  readonly neededFor085: number;
  /** … when the truth is 0.95. */
  readonly neededFor095: number;
}

export const week1Validation = defineClaim<Week1Figures>({
  id: 'week1-validation',
  title: 'One week of validation at 1 % positions',
  quote: 'Deploy with 1% position sizes for 1 week validation',
  section: 'Phase 4, Task 4.3',
  notebook: NB_MARKET,
  figures: [
    { label: 'most trades per week at the 0.8 threshold', value: (f) => Math.max(0, ...f.perWeek.map((r) => r.perWeek)) },
    { label: 'trades needed to confirm > 80 % (truth 85 %)', value: (f) => f.neededFor085 },
  ],
  readings: [{
    id: 'power', label: 'can one week confirm ">80% profitable" (exact binomial test, α 5 %, power 80 %)?',
    rule: (f) => {
      const best = f.perWeek.reduce((b, r) => (r.perWeek > b.perWeek ? r : b), { id: 'none', perWeek: 0 });
      const head = `at the ${f.threshold} threshold the most active aggregator (${best.id}) trades ${fmt(best.perWeek, 3)} times a week (all: ${f.perWeek.map((r) => `${r.id} ${fmt(r.perWeek, 3)}`).join(', ')}); confirming h > 0.8 needs ${f.neededFor085} trades if the truth is 0.85 and ${f.neededFor095} if it is 0.95. Supported iff a week holds the first; partly supported iff only the second; refuted otherwise`;
      if (best.perWeek >= f.neededFor085) return { verdict: 'supported', rule: head };
      if (best.perWeek >= f.neededFor095) return { verdict: 'partly supported', rule: head };
      return { verdict: 'refuted', rule: head };
    },
  }],
  headline: { reading: 'power', why: 'a validation week is only a validation if it can tell' },
  cases: [
    { name: 'enough', figures: { threshold: 0.8, perWeek: [{ id: 'a', perWeek: 400 }], neededFor085: 400, neededFor095: 30 }, expect: { power: 'supported' } },
    { name: 'big effects only', figures: { threshold: 0.8, perWeek: [{ id: 'a', perWeek: 399 }], neededFor085: 400, neededFor095: 30 }, expect: { power: 'partly supported' } },
    { name: 'too few', figures: { threshold: 0.8, perWeek: [{ id: 'a', perWeek: 29 }], neededFor085: 400, neededFor095: 30 }, expect: { power: 'refuted' } },
  ],
});

export interface SharpeFigures {
  readonly hitRate: number;
  readonly tradesPerYear: number;
  readonly feePerTrade: number;
  /** Annualised Sharpe the hit rate implies on the data's returns. */
  readonly impliedAnnual: number;
  /** Best annualised Sharpe measured on the same data (buy-and-hold or an aggregator), for scale. */
  readonly measuredBestAnnual: number;
  /** Our plausibility bar. */
  readonly plausibleMax: number;
}

export const impliedSharpe80 = defineClaim<SharpeFigures>({
  id: 'implied-sharpe-80',
  title: 'What ">80% profitable" implies: a Sharpe sanity check',
  quote: '>80% profitable quantum decisions',
  section: 'Success metrics (Week 1): Accuracy',
  notebook: NB_MARKET,
  figures: [{ label: 'implied annualised Sharpe', value: (f) => f.impliedAnnual }, { label: 'best measured on the same data', value: (f) => f.measuredBestAnnual }],
  readings: [{
    id: 'sanity', label: 'our reading: the Sharpe ratio an 80 % hit rate implies on these returns, after fees',
    rule: (f) => {
      const head = `a hit rate of ${fmt(f.hitRate, 3)} on every bar (${fmt(f.tradesPerYear, 4)} trades a year, fee ${fmt(1e4 * f.feePerTrade, 3)} bp per trade) implies an annualised Sharpe of ${fmt(f.impliedAnnual, 3)}; the best measured here is ${fmt(f.measuredBestAnnual, 3)}. Plausible (supported) iff ≤ ${f.plausibleMax} (our bar: no long audited record we know of comes near it); refuted as implausible otherwise`;
      return { verdict: f.impliedAnnual <= f.plausibleMax ? 'supported' : 'refuted', rule: head };
    },
  }],
  headline: { reading: 'sanity', why: 'a sanity check of the accuracy claim on the same data' },
  cases: [
    { name: 'plausible', figures: { hitRate: 0.8, tradesPerYear: 52, feePerTrade: 0, impliedAnnual: 10, measuredBestAnnual: 1, plausibleMax: 10 }, expect: { sanity: 'supported' } },
    { name: 'implausible', figures: { hitRate: 0.8, tradesPerYear: 8760, feePerTrade: 0, impliedAnnual: 10.01, measuredBestAnnual: 1, plausibleMax: 10 }, expect: { sanity: 'refuted' } },
  ],
});

export interface SuccessFigures {
  /** Measured hit rate of the best aggregator on trades at the threshold (NaN: no trades). */
  readonly hitRate: number;
  readonly tradesPerWeek: number;
  /** P(a week's hit rate > 0.8) under that hit rate and trade count. */
  readonly pWeekPasses: number;
}

export const successProbability90 = defineClaim<SuccessFigures>({
  id: 'success-probability-90',
  title: 'Success probability > 90 %',
  quote: '>90% based on extensive testing and validation',
  section: 'Conclusion (Success Probability)',
  notebook: NB_MARKET,
  figures: [{ label: "P(Week-1 accuracy target met) at the measured hit rate", value: (f) => f.pWeekPasses }],
  readings: [
    { id: 'as-stated', label: 'as the roadmap states it', constant: true, rule: constant('untestable as stated', '"success" is not defined and the "extensive testing" behind ">90%" is not shown') },
    { id: 'week1-accuracy', label: "our reading: success = the roadmap's own Week-1 accuracy target (>80 % profitable) is met", rule: (f) => ({ verdict: f.pWeekPasses > 0.9 ? 'supported' : 'refuted', rule: `with a measured hit rate of ${fmt(f.hitRate, 4)} and ${fmt(f.tradesPerWeek, 3)} trades a week, P(the week's hit rate > 0.8) = ${fmt(f.pWeekPasses, 3)}; supported iff > 0.9` }) },
  ],
  headline: { reading: 'as-stated', why: 'success is not defined; our reading is shown beside it' },
  cases: [
    { name: 'passes', figures: { hitRate: 0.95, tradesPerWeek: 100, pWeekPasses: 0.91 }, expect: { 'as-stated': 'untestable as stated', 'week1-accuracy': 'supported' } },
    { name: 'fails', figures: { hitRate: 0.52, tradesPerWeek: 100, pWeekPasses: 0.9 }, expect: { 'as-stated': 'untestable as stated', 'week1-accuracy': 'refuted' } },
  ],
});

export interface HalfLogFigures {
  readonly rows: readonly { readonly id: string; readonly shareHalf: number; readonly quantum: boolean }[];
  readonly reconstructionId: string;
}

export const noHalfInLogs = defineClaim<HalfLogFigures>({
  id: 'no-half-in-logs',
  title: 'No 0.50 default values in logs',
  quote: 'No 0.50 default values in logs',
  section: 'Success metrics (Week 1): Confidence',
  notebook: NB_MARKET,
  figures: [{ label: 'share of circuit outputs logged as 0.50', value: (f) => f.rows.find((r) => r.id === f.reconstructionId)?.shareHalf ?? null }],
  readings: [
    {
      id: 'reconstruction', label: "the quantum brain's logged confidence (our reconstruction: the parity circuit)",
      rule: (f) => {
        const r = f.rows.find((x) => x.id === f.reconstructionId);
        if (!r) return { verdict: 'not measurable here', rule: `no run of ${f.reconstructionId}` };
        return { verdict: r.shareHalf === 0 ? 'supported' : 'refuted', rule: `supported iff none of ${r.id}'s per-bar confidences prints as 0.50 (two decimals): ${pct(r.shareHalf)} do` };
      },
    },
    {
      id: 'any-quantum', label: 'any quantum candidate run here',
      rule: (f) => {
        const q = f.rows.filter((r) => r.quantum);
        const ok = q.filter((r) => r.shareHalf === 0);
        return { verdict: ok.length ? 'supported' : 'refuted', rule: `supported iff some quantum candidate never logs 0.50: ${q.map((r) => `${r.id} ${pct(r.shareHalf)}`).join(', ')}. Classical for scale: ${f.rows.filter((r) => !r.quantum).map((r) => `${r.id} ${pct(r.shareHalf)}`).join(', ')}` };
      },
    },
  ],
  headline: { mostFavourable: ['reconstruction', 'any-quantum'], why: 'the roadmap does not specify its circuit' },
  cases: [
    { name: 'none', figures: { reconstructionId: 'q', rows: [{ id: 'q', shareHalf: 0, quantum: true }] }, expect: { reconstruction: 'supported', 'any-quantum': 'supported' } },
    { name: 'some', figures: { reconstructionId: 'q', rows: [{ id: 'q', shareHalf: 0.001, quantum: true }, { id: 'c', shareHalf: 0, quantum: false }] }, expect: { reconstruction: 'refuted', 'any-quantum': 'refuted' } },
  ],
});

/** Appended to CLAIMS in registry.ts. */
export const MISSING_CLAIMS: readonly ClaimRecord<never>[] = [
  decoherenceMitigation, ram16gb, gpuCuda, kokkos16, speedup100x, aggregation50x, decisions100x, compressionWindows, pidJitter, rhythmsMhzGhz,
  contrarian, selfAdaptation, regimeAdvantage, week1Validation, impliedSharpe80, successProbability90, noHalfInLogs,
] as unknown as readonly ClaimRecord<never>[];

