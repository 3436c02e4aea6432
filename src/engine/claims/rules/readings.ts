/**
 * Rules for the readings a claim is judged under besides its literal one: the roadmap's stated stack
 * (a classical simulator on its own GPU) and real hardware per platform family. Pure functions of figures.
 */
import type { Platform } from '../../quantum/presets.data';
import { fmt, type RuleResult } from '../verdict';
import { gpuGateFloorNs, hardwareDecision, ROADMAP_STACK, type CircuitLayers, type HardwareFigures } from '../stack';
import type { LatencyEntry } from './decision-1ms';
import type { ThroughputEntry } from './throughput-1000';
import { ruleTimingBridge24Decades, type Timescale } from './timing-bridge-24-decades';
import { ruleCoherence9550ms, type CoherencePresetFigures } from './coherence-95-50ms';

const fam = (p: Platform): string => p.replace('-', ' ');
const ns = (x: number): string => (x >= 1e6 ? `${fmt(x / 1e6, 3)} ms` : x >= 1e3 ? `${fmt(x / 1e3, 3)} µs` : `${fmt(x, 3)} ns`);

// ---------------------------------------------------------------- 100 ns per quantum operation

export interface QuantumOpReadingsFigures {
  /** Measured here: time per gate on a 16-qubit state, ns. */
  readonly nsPerGateN16: number;
  readonly hardware: readonly HardwareFigures[];
  readonly claimNs?: number;
}

/** As stated: the roadmap's simulator on its GPU cannot beat the memory floor; the measurement here is the other figure. */
export function ruleQuantumOpStated(f: QuantumOpReadingsFigures): RuleResult {
  const claim = f.claimNs ?? 100;
  const floor = gpuGateFloorNs(ROADMAP_STACK.wires);
  const measured = Number.isFinite(f.nsPerGateN16) && f.nsPerGateN16 > 0 ? f.nsPerGateN16 : NaN;
  const best = Number.isNaN(measured) ? floor : Math.min(measured, floor);
  const head = `supported iff one gate on the roadmap's ${ROADMAP_STACK.wires}-qubit state can take ≤ ${claim} ns on its stack: measured here ${Number.isNaN(measured) ? 'nothing' : ns(measured)} per gate; ` +
    `on the roadmap's ${ROADMAP_STACK.gpu} a gate reads and writes 2^${ROADMAP_STACK.wires} × ${ROADMAP_STACK.bytesPerAmplitude} B, so it takes at least ${ns(floor)} (memory floor at ${fmt(ROADMAP_STACK.gpuBandwidthBytesPerSecond / 1e9, 3)} GB/s)`;
  if (best <= claim) return { verdict: 'supported', rule: `${head}: ${ns(best)} ≤ ${claim} ns` };
  return { verdict: 'refuted', rule: `${head}: the faster of the two, ${ns(best)}, is ${fmt(best / claim, 3)}× the target` };
}

export function ruleQuantumOpHardware(platform: Platform): (f: QuantumOpReadingsFigures) => RuleResult {
  return (f) => {
    const claim = f.claimNs ?? 100;
    const timed = f.hardware.filter((h) => h.platform === platform && h.gate1qNs !== undefined && h.gate2qNs !== undefined);
    if (!timed.length) return { verdict: 'not measurable here', rule: `no ${fam(platform)} preset has cited gate durations, so there is nothing to compare with ${claim} ns` };
    const best = timed.reduce((b, h) => (h.gate2qNs! < b.gate2qNs! ? h : b));
    const head = `supported iff the best ${fam(platform)} preset's one- and two-qubit gates both take ≤ ${claim} ns, partly supported iff only its one-qubit gate does: ` +
      `${best.id} 1q ${ns(best.gate1qNs!)}, 2q ${ns(best.gate2qNs!)}${best.readoutNs !== undefined ? ` (readout ${ns(best.readoutNs)}, not an "operation" here)` : ''}`;
    if (best.gate1qNs! <= claim && best.gate2qNs! <= claim) return { verdict: 'supported', rule: `${head}: both gates fit` };
    if (best.gate1qNs! <= claim) return { verdict: 'partly supported', rule: `${head}: the entangling gate is ${fmt(best.gate2qNs! / claim, 3)}× the target` };
    return { verdict: 'refuted', rule: `${head}: even the one-qubit gate is ${fmt(best.gate1qNs! / claim, 3)}× the target` };
  };
}

// ---------------------------------------------------------------- >10 GHz

export interface GhzReadingsFigures {
  readonly gatesPerSecondN14: number;
  readonly gatesPerSecondN16: number;
  /** Measured here: amplitude updates per second at n = 16. */
  readonly ampUpdatesPerSecondN16: number;
  /** The roadmap GPU's amplitude-update ceiling (memory bandwidth / 32 B), from claims.gpuAmplitudeUpdatesPerSecond(). */
  readonly gpuAmplitudeUpdatesPerSecond: number;
  readonly hardware: readonly HardwareFigures[];
}

const ghzVerdict = (rate: number, what: string): RuleResult => {
  if (rate >= 1e10) return { verdict: 'supported', rule: `${what} = ${fmt(rate, 3)}/s ≥ 1e+10` };
  if (rate >= 1e9) return { verdict: 'partly supported', rule: `${what} = ${fmt(rate, 3)}/s: ">1 GHz" holds, ">10 GHz" does not` };
  return { verdict: 'refuted', rule: `${what} = ${fmt(rate, 3)}/s, ${fmt(Math.log10(1e9 / rate), 3)} decades short of 1e+9 and ${fmt(Math.log10(1e10 / rate), 3)} of 1e+10` };
};

/** As stated, an operation is a gate of the simulated program: the best of what was measured here and the roadmap GPU's memory ceiling. */
export function ruleGhzStated(f: GhzReadingsFigures): RuleResult {
  const gpu14 = 1e9 / gpuGateFloorNs(14);
  const measured = Math.max(...[f.gatesPerSecondN14, f.gatesPerSecondN16].filter((x) => Number.isFinite(x) && x > 0), 0);
  const r = ghzVerdict(Math.max(measured, gpu14), `supported iff ≥ 1e+10 gates/s, partly iff ≥ 1e+9; one operation = one gate on the state. Measured here: ${fmt(measured, 3)} gates/s (best of n = 14, 16); ` +
    `the roadmap's ${ROADMAP_STACK.gpu} cannot exceed ${fmt(gpu14, 3)} gates/s at n = 14 (memory floor). The better of the two`);
  return r;
}

/**
 * Charitable reading: count every amplitude update of the simulator as an "operation". The roadmap GPU's
 * ceiling is bandwidth / 32 B. Even when it exceeds 10^10/s it is a ceiling of a classical memory system, not
 * demonstrated here nor a quantum rate, so the best this reading gives is 'partly supported'.
 */
export function ruleGhzAmplitudeUpdates(f: GhzReadingsFigures): RuleResult {
  const c = f.gpuAmplitudeUpdatesPerSecond;
  if (!(c > 0)) return { verdict: 'not measurable here', rule: `no GPU bandwidth figure (got ${c})` };
  const head = `charitable reading: an "operation" is one amplitude update of the simulator. Partly supported iff the roadmap GPU's ceiling (${fmt(ROADMAP_STACK.gpuBandwidthBytesPerSecond / 1e9, 3)} GB/s ÷ 32 B) ` +
    `reaches 1e+9/s — it is then possible in principle but neither "proven" nor quantum; refuted below. Ceiling ${fmt(c, 3)}/s; measured here ${fmt(f.ampUpdatesPerSecondN16, 3)}/s at n = 16`;
  if (c >= 1e9) return { verdict: 'partly supported', rule: `${head}: ${c >= 1e10 ? '≥ 1e+10, so ">10 GHz" of memory traffic is within the GPU\'s reach' : 'only ">1 GHz" is within reach'}` };
  return { verdict: 'refuted', rule: `${head}: below 1e+9` };
}

/** Hardware: the fastest cited gate of any preset, as a rate. */
export function ruleGhzHardware(f: GhzReadingsFigures): RuleResult {
  const timed = f.hardware.filter((h) => h.gate1qNs !== undefined);
  if (!timed.length) return { verdict: 'not measurable here', rule: 'no preset has a cited gate duration' };
  const best = timed.reduce((b, h) => (h.gate1qNs! < b.gate1qNs! ? h : b));
  return ghzVerdict(1e9 / best.gate1qNs!, `on real hardware one operation is one gate: the fastest cited gate is ${best.id}'s ${ns(best.gate1qNs!)}; gate rate`);
}

// ---------------------------------------------------------------- 24-decade bridge

export interface BridgeReadingsFigures {
  readonly timescales: readonly Timescale[];
  readonly gpuAmplitudeUpdatesPerSecond: number;
  readonly claimDecades?: number;
}

/** Charitable: the fastest "timescale" is one amplitude update on the roadmap's GPU (1 / ceiling). */
export function ruleBridgeAmplitudeUpdates(f: BridgeReadingsFigures): RuleResult {
  const period = 1 / f.gpuAmplitudeUpdatesPerSecond;
  const r = ruleTimingBridge24Decades({
    timescales: [...f.timescales, { label: `one amplitude update on the roadmap's ${ROADMAP_STACK.gpu} (charitable)`, seconds: period }],
    claimDecades: f.claimDecades,
  });
  return { verdict: r.verdict, rule: `charitable reading, adding the roadmap GPU's amplitude-update period ${fmt(period, 3)} s as the fastest timescale: ${r.rule}` };
}

// ---------------------------------------------------------------- coherence

export interface CoherenceReadingsFigures {
  readonly presets: readonly CoherencePresetFigures[];
  readonly holdMs: number;
  readonly threshold?: number;
  /** Fidelity the noiseless simulator returns for a stored state (measured). */
  readonly noiselessFidelity: number;
}

export function ruleCoherenceStated(f: CoherenceReadingsFigures): RuleResult {
  const th = f.threshold ?? 0.95;
  if (!(f.noiselessFidelity >= 0 && f.noiselessFidelity <= 1 + 1e-9)) throw new RangeError(`invalid noiselessFidelity: ${f.noiselessFidelity} (expected 0–1)`);
  const head = `on the stated simulator a stored state is a copy in memory: measured F(${fmt(f.holdMs)} ms) = ${f.noiselessFidelity.toFixed(6)}`;
  if (f.noiselessFidelity >= th) {
    return { verdict: 'untestable as stated', rule: `${head} ≥ ${th} by construction for any hold time, so the claim is met vacuously: nothing decoheres, and "preservation" tests nothing` };
  }
  return { verdict: 'refuted', rule: `${head} < ${th}: the simulator itself loses the state` };
}

export function ruleCoherenceHardware(platform: Platform): (f: CoherenceReadingsFigures) => RuleResult {
  return (f) => {
    const mine = f.presets.filter((p) => p.platform === platform);
    if (!mine.length) return { verdict: 'not measurable here', rule: `no ${fam(platform)} preset is among the devices judged` };
    const r = ruleCoherence9550ms({ presets: mine, holdMs: f.holdMs, threshold: f.threshold });
    const th = f.threshold ?? 0.95;
    const list = mine.map((p) => `${p.id} F14 = ${fmt(p.f14)}, F1 = ${fmt(p.fSingle)}`).join('; ');
    const head = `supported iff the best ${fam(platform)} preset keeps the roadmap's 14-qubit state at F(${fmt(f.holdMs)} ms) ≥ ${th}, partly supported iff it keeps only a single qubit (worst of |+⟩, |1⟩) ≥ ${th}, refuted otherwise. Measured: ${list}`;
    if (r.pass14.length) return { verdict: 'supported', rule: `${head}: the 14-qubit state holds on ${r.pass14.join(', ')}` };
    if (r.passSingle.length) return { verdict: 'partly supported', rule: `${head}: a single qubit holds on ${r.passSingle.join(', ')}, the 14-qubit state does not` };
    return { verdict: 'refuted', rule: `${head}: not even a single qubit holds` };
  };
}

// ---------------------------------------------------------------- decisions: latency and throughput

export interface DecisionReadingsFigures {
  /** Measured here, per aggregator: full decision p95 (ms) and decisions/s. */
  readonly aggregators: readonly (LatencyEntry & ThroughputEntry)[];
  /** Id of our reconstruction of the roadmap's circuit among `aggregators`. */
  readonly roadmapId: string;
  readonly barSeconds: number;
  readonly hardware: readonly HardwareFigures[];
  /** The circuit's layers on hardware (the parity reconstruction: 1 RY layer, 13 CNOT layers). */
  readonly circuit: CircuitLayers;
  /** Shots per decision (a probability needs many: the standard error of P̂ is √(P(1−P)/shots)). */
  readonly shots: number;
  readonly limitMs?: number;
  readonly target?: number;
}

/**
 * As stated (a classical simulator): supported iff our reconstruction's simulated decision meets the target;
 * partly supported iff only classical aggregators do; refuted iff none does; not measurable without a figure.
 */
function statedDecision(f: DecisionReadingsFigures, what: string, value: (a: LatencyEntry & ThroughputEntry) => number, meets: (x: number) => boolean, show: (x: number) => string): RuleResult {
  const roadmap = f.aggregators.find((a) => a.id === f.roadmapId);
  if (!roadmap) throw new RangeError(`invalid roadmapId: ${f.roadmapId} (expected one of ${f.aggregators.map((a) => a.id).join(', ')})`);
  const classicalPass = f.aggregators.filter((a) => !a.quantum && meets(value(a))).map((a) => a.id);
  const pass = f.aggregators.filter((a) => meets(value(a))).length;
  const head = `the roadmap states a classical simulator, so its decision is judged as run here: our reconstruction of its circuit, simulated on a statevector in this browser's worker (no quantum element). ` +
    `Supported iff it makes ${what}; partly supported iff only classical aggregators do; refuted iff none does. Measured: reconstruction ${show(value(roadmap))}; ${pass}/${f.aggregators.length} aggregators meet it`;
  if (!Number.isFinite(value(roadmap))) return { verdict: 'not measurable here', rule: `${head}: the reconstruction's figure could not be measured` };
  if (meets(value(roadmap))) return { verdict: 'supported', rule: head };
  if (classicalPass.length) return { verdict: 'partly supported', rule: `${head}: achievable trivially, by ${classicalPass.join(', ')}, not by the circuit` };
  return { verdict: 'refuted', rule: head };
}

export function ruleDecisionLatencyStated(f: DecisionReadingsFigures): RuleResult {
  const limit = f.limitMs ?? 1;
  return statedDecision(f, `95 % of decisions in < ${fmt(limit)} ms (p95 of a full decision)`, (a) => a.p95Ms, (x) => x < limit, (x) => `p95 = ${ns(x * 1e6)}`);
}

export function ruleThroughputStated(f: DecisionReadingsFigures): RuleResult {
  const target = f.target ?? 1000;
  if (!(f.barSeconds > 0)) throw new RangeError(`invalid barSeconds: ${f.barSeconds} (expected > 0)`);
  const r = statedDecision(f, `> ${fmt(target)} full decisions per second on one thread`, (a) => a.decisionsPerSec, (x) => x > target, (x) => `${fmt(x, 4)} decisions/s`);
  return { verdict: r.verdict, rule: `${r.rule}. Data rate: one bar per ${fmt(f.barSeconds)} s, so ${fmt(target)}/s is ${fmt(target * f.barSeconds, 3)} decisions per new bar` };
}

interface BestDecision { id: string; ns: number; perShotNs: number; lowerBound: boolean; missing: string[] }

/** The preset of the family with the shortest decision; complete figures preferred over lower bounds. */
function bestHardwareDecision(f: DecisionReadingsFigures, platform: Platform): BestDecision | undefined {
  if (!(Number.isInteger(f.shots) && f.shots >= 1)) throw new RangeError(`invalid shots: ${f.shots} (expected an integer ≥ 1)`);
  let best: BestDecision | undefined;
  for (const h of f.hardware.filter((x) => x.platform === platform)) {
    const d = hardwareDecision(h, f.circuit, f.shots);
    if (!d) continue;
    const cand = { id: h.id, ns: d.ns, perShotNs: d.ns / f.shots, lowerBound: d.lowerBound, missing: d.missing };
    if (!best || (best.lowerBound && !cand.lowerBound) || (best.lowerBound === cand.lowerBound && cand.ns < best.ns)) best = cand;
  }
  return best;
}

const hwHead = (f: DecisionReadingsFigures, platform: Platform, b: BestDecision): string =>
  `on ${fam(platform)} hardware one decision is ${f.shots} shots × (${f.circuit.layers1q} one-qubit + ${f.circuit.layers2q} two-qubit gate layers + readout + reset): ` +
  `best preset ${b.id}, ${b.lowerBound ? 'at least ' : ''}${ns(b.perShotNs)} per shot${b.lowerBound ? ` (no cited ${b.missing.join(' or ')} time: counted as 0, so a lower bound)` : ''}, ` +
  `${b.lowerBound ? 'at least ' : ''}${ns(b.ns)} per decision, before cloud queueing and compilation`;

export function ruleDecisionLatencyHardware(platform: Platform): (f: DecisionReadingsFigures) => RuleResult {
  return (f) => {
    const limitNs = (f.limitMs ?? 1) * 1e6;
    const b = bestHardwareDecision(f, platform);
    if (!b) return { verdict: 'not measurable here', rule: `no ${fam(platform)} preset has cited gate durations` };
    const fit = Math.floor(limitNs / b.perShotNs);
    const head = `supported iff a decision takes < ${ns(limitNs)}; ${hwHead(f, platform, b)}; ${b.lowerBound ? 'at most' : 'so'} ${fit} shot${fit === 1 ? '' : 's'} fit in ${ns(limitNs)}`;
    if (b.ns >= limitNs) return { verdict: 'refuted', rule: `${head}: ${b.lowerBound ? 'even the lower bound is ' : ''}${fmt(b.ns / limitNs, 3)}× the limit` };
    if (b.lowerBound) return { verdict: 'not measurable here', rule: `${head}: the lower bound fits, but the missing time is not cited` };
    return { verdict: 'supported', rule: head };
  };
}

export function ruleThroughputHardware(platform: Platform): (f: DecisionReadingsFigures) => RuleResult {
  return (f) => {
    const target = f.target ?? 1000;
    const b = bestHardwareDecision(f, platform);
    if (!b) return { verdict: 'not measurable here', rule: `no ${fam(platform)} preset has cited gate durations` };
    const rate = 1e9 / b.ns;
    const head = `supported iff one device makes > ${fmt(target)} decisions/s, one after another; ${hwHead(f, platform, b)}, i.e. ${b.lowerBound ? 'at most ' : ''}${fmt(rate, 3)} decisions/s`;
    if (!(rate > target)) return { verdict: 'refuted', rule: `${head}, ${fmt(target / rate, 3)}× too slow` };
    if (b.lowerBound) return { verdict: 'not measurable here', rule: `${head}: the bound allows it, but the missing time is not cited` };
    return { verdict: 'supported', rule: head };
  };
}
