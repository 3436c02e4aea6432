import { fmt, type RuleResult } from '../verdict';

export interface GhzOperationFigures {
  /** Measured gate applications per second on a 14-qubit state (the roadmap's 14 members). */
  gatesPerSecondN14: number;
  /** Measured gate applications per second on a 16-qubit state (the roadmap's 16 wires). */
  gatesPerSecondN16: number;
}

const TEN_GHZ = 1e10;
const ONE_GHZ = 1e9;

/**
 * ">10 GHz operation" and "quantum supremacy maintained (>1 GHz operation)". An operation is one gate
 * applied to an n-qubit state, the unit the roadmap's simulator (lightning.kokkos, 16 wires) executes.
 * The more favourable of n = 14 and n = 16 is tested: supported iff ≥ 10^10 gates/s; partly supported
 * iff ≥ 10^9 (the ">1 GHz" half only); refuted below 10^9.
 */
export function ruleGhzOperation({ gatesPerSecondN14, gatesPerSecondN16 }: GhzOperationFigures): RuleResult {
  const valid = [gatesPerSecondN14, gatesPerSecondN16].filter((x) => Number.isFinite(x) && x > 0);
  if (valid.length === 0) {
    return { verdict: 'not measurable here', rule: `no gate throughput was measured at n = 14 or n = 16 (got ${gatesPerSecondN14}, ${gatesPerSecondN16}), so there is nothing to compare with 10^9 and 10^10 operations/s` };
  }
  const best = Math.max(...valid);
  const measured = `one operation = one gate applied to an n-qubit state; best measured ${fmt(best)} gates/s (n = 14: ${fmt(gatesPerSecondN14)}, n = 16: ${fmt(gatesPerSecondN16)})`;
  const short = (target: number): string => `${fmt(Math.log10(target / best), 3)} decades short of ${fmt(target, 2)}`;
  if (best >= TEN_GHZ) return { verdict: 'supported', rule: `supported iff ≥ 1e+10 gates/s: ${measured} ≥ 1e+10` };
  if (best >= ONE_GHZ) {
    return { verdict: 'partly supported', rule: `">1 GHz" holds (≥ 1e+9 gates/s) but ">10 GHz" does not: ${measured}, ${short(TEN_GHZ)}` };
  }
  return { verdict: 'refuted', rule: `">10 GHz" needs ≥ 1e+10 and ">1 GHz" ≥ 1e+9 gates/s: ${measured}, ${short(ONE_GHZ)} and ${short(TEN_GHZ)}` };
}
