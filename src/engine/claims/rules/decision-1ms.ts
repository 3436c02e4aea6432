/**
 * Rule for "Latency: 95% of decisions <1ms" (claim decision-1ms).
 *
 * Figures per aggregator: the p95 latency of one full decision (member signals + aggregator + action).
 * The roadmap's decision is its quantum circuit (`roadmapId`), so that entry decides:
 *  - supported iff the roadmap circuit's p95 < limit AND it ran on quantum hardware;
 *  - partly supported iff the roadmap circuit's p95 < limit but it is a classical simulation, or it
 *    misses the limit while a classical aggregator meets it: the target is achievable trivially, with no
 *    quantum element (the text names which aggregators pass);
 *  - refuted iff no aggregator meets the limit;
 *  - not measurable here iff the roadmap circuit's p95 is not a finite number.
 */
import { fmt, type RuleResult } from '../verdict';

export interface LatencyEntry {
  readonly id: string;
  /** p95 of the per-decision latency, ms. */
  readonly p95Ms: number;
  /** True for aggregators that simulate a quantum circuit. */
  readonly quantum: boolean;
}

export interface Decision1msFigures {
  readonly aggregators: readonly LatencyEntry[];
  /** Id of the roadmap's circuit among `aggregators`. */
  readonly roadmapId: string;
  /** False in a browser: the circuit is simulated on a classical CPU. */
  readonly onQuantumHardware: boolean;
  /** Default 1 ms. */
  readonly limitMs?: number;
}

export interface Decision1msRuleResult extends RuleResult {
  readonly pass: readonly string[];
  readonly fail: readonly string[];
}

const us = (ms: number): string => `${fmt(ms * 1000, 3)} µs`;

export function ruleDecision1ms(f: Decision1msFigures): Decision1msRuleResult {
  const limit = f.limitMs ?? 1;
  if (!(limit > 0)) throw new RangeError(`invalid limitMs: ${limit} (expected > 0)`);
  const roadmap = f.aggregators.find((a) => a.id === f.roadmapId);
  if (!roadmap) throw new RangeError(`invalid roadmapId: ${f.roadmapId} (expected one of ${f.aggregators.map((a) => a.id).join(', ')})`);
  const pass = f.aggregators.filter((a) => a.p95Ms < limit).map((a) => a.id);
  const fail = f.aggregators.filter((a) => !(a.p95Ms < limit)).map((a) => a.id);
  const classicalPass = f.aggregators.filter((a) => !a.quantum && a.p95Ms < limit);
  const fastestClassical = f.aggregators.filter((a) => !a.quantum).reduce<LatencyEntry | null>((b, a) => (b === null || a.p95Ms < b.p95Ms ? a : b), null);
  const head = `supported iff the roadmap circuit's p95 decision latency < ${fmt(limit)} ms on quantum hardware; partly supported iff it is met ` +
    `only by a classical simulation or only by classical aggregators (achievable trivially, with no quantum element); refuted iff no aggregator meets it`;
  const figs = `roadmap circuit (${f.roadmapId}) p95 = ${us(roadmap.p95Ms)}` +
    (fastestClassical ? `, fastest classical (${fastestClassical.id}) p95 = ${us(fastestClassical.p95Ms)}` : '') +
    `; ${pass.length}/${f.aggregators.length} aggregators below ${fmt(limit)} ms`;
  if (!Number.isFinite(roadmap.p95Ms)) return { verdict: 'not measurable here', rule: `${head}; the roadmap circuit's latency could not be measured (${roadmap.p95Ms})`, pass, fail };
  if (roadmap.p95Ms < limit) {
    if (f.onQuantumHardware) return { verdict: 'supported', rule: `${head}; ${figs}`, pass, fail };
    return { verdict: 'partly supported', rule: `${head}; ${figs}. Partly supported: achievable trivially, with no quantum element — the circuit here is a classical statevector simulation`, pass, fail };
  }
  if (classicalPass.length) {
    return { verdict: 'partly supported', rule: `${head}; ${figs}. Partly supported: achievable trivially, with no quantum element — ${classicalPass.map((a) => a.id).join(', ')} meet it, the circuit does not`, pass, fail };
  }
  return { verdict: 'refuted', rule: `${head}; ${figs}`, pass, fail };
}
