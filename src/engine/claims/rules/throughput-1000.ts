/**
 * Rule for "Throughput: >1000 decisions/second" (claim throughput-1000).
 *
 * Figures per aggregator: full decisions (member signals + aggregator + action) per second on one thread.
 * Same structure as decision-1ms, keyed on the roadmap's circuit:
 *  - supported iff the roadmap circuit exceeds the target on quantum hardware;
 *  - partly supported iff it exceeds it only as a classical simulation, or only classical aggregators
 *    do (achievable trivially, with no quantum element);
 *  - refuted iff no aggregator exceeds it; not measurable here iff the circuit's figure is not finite.
 * The text also states the data rate: with bars of `barSeconds`, new information arrives at 1/barSeconds Hz.
 */
import { fmt, type RuleResult } from '../verdict';

export interface ThroughputEntry {
  readonly id: string;
  readonly decisionsPerSec: number;
  readonly quantum: boolean;
}

export interface Throughput1000Figures {
  readonly aggregators: readonly ThroughputEntry[];
  readonly roadmapId: string;
  readonly onQuantumHardware: boolean;
  /** Seconds per bar of the data the decisions are about (3600 for hourly bars). */
  readonly barSeconds: number;
  /** Default 1000 decisions/s. */
  readonly target?: number;
}

export interface Throughput1000RuleResult extends RuleResult {
  readonly pass: readonly string[];
  readonly fail: readonly string[];
  /** target / data rate: how many decisions per new bar the target implies. */
  readonly targetOverDataRate: number;
}

export function ruleThroughput1000(f: Throughput1000Figures): Throughput1000RuleResult {
  const target = f.target ?? 1000;
  if (!(target > 0)) throw new RangeError(`invalid target: ${target} (expected > 0)`);
  if (!(f.barSeconds > 0) || !Number.isFinite(f.barSeconds)) throw new RangeError(`invalid barSeconds: ${f.barSeconds} (expected > 0)`);
  const roadmap = f.aggregators.find((a) => a.id === f.roadmapId);
  if (!roadmap) throw new RangeError(`invalid roadmapId: ${f.roadmapId} (expected one of ${f.aggregators.map((a) => a.id).join(', ')})`);
  const pass = f.aggregators.filter((a) => a.decisionsPerSec > target).map((a) => a.id);
  const fail = f.aggregators.filter((a) => !(a.decisionsPerSec > target)).map((a) => a.id);
  const classicalPass = f.aggregators.filter((a) => !a.quantum && a.decisionsPerSec > target);
  const targetOverDataRate = target * f.barSeconds;
  const fastestClassical = f.aggregators.filter((a) => !a.quantum).reduce<ThroughputEntry | null>((b, a) => (b === null || a.decisionsPerSec > b.decisionsPerSec ? a : b), null);
  const head = `supported iff the roadmap circuit makes > ${fmt(target)} decisions/s on quantum hardware; partly supported iff only a classical ` +
    `simulation or only classical aggregators do (achievable trivially, with no quantum element); refuted iff none does`;
  const figs = `roadmap circuit (${f.roadmapId}) ${fmt(roadmap.decisionsPerSec)} decisions/s` +
    (fastestClassical ? `, fastest classical (${fastestClassical.id}) ${fmt(fastestClassical.decisionsPerSec)}/s` : '') +
    `; ${pass.length}/${f.aggregators.length} aggregators above ${fmt(target)}/s. Data rate: one bar per ${fmt(f.barSeconds)} s = ${fmt(1 / f.barSeconds)} Hz, ` +
    `so ${fmt(target)}/s is ${fmt(targetOverDataRate)}× the rate at which new information arrives`;
  if (!Number.isFinite(roadmap.decisionsPerSec)) return { verdict: 'not measurable here', rule: `${head}; the roadmap circuit's throughput could not be measured (${roadmap.decisionsPerSec})`, pass, fail, targetOverDataRate };
  if (roadmap.decisionsPerSec > target) {
    if (f.onQuantumHardware) return { verdict: 'supported', rule: `${head}; ${figs}`, pass, fail, targetOverDataRate };
    return { verdict: 'partly supported', rule: `${head}; ${figs}. Partly supported: achievable trivially, with no quantum element — the circuit here is a classical statevector simulation`, pass, fail, targetOverDataRate };
  }
  if (classicalPass.length) {
    return { verdict: 'partly supported', rule: `${head}; ${figs}. Partly supported: achievable trivially, with no quantum element — ${classicalPass.map((a) => a.id).join(', ')} exceed it, the circuit does not`, pass, fail, targetOverDataRate };
  }
  return { verdict: 'refuted', rule: `${head}; ${figs}`, pass, fail, targetOverDataRate };
}
