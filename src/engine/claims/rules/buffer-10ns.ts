import { fmt, type RuleResult } from '../verdict';

/**
 * "Quantum operations buffered with <10ns overhead". A duration is observable only above 20 clock ticks
 * (20τ, the resolution-limited threshold used throughout the playground). Below that the claim cannot be
 * checked with this clock, whatever it says.
 */
export function ruleBuffer10ns({ resolutionMs, claimNs = 10 }: { resolutionMs: number; claimNs?: number }): RuleResult {
  const floorNs = 20 * resolutionMs * 1e6;
  if (!(resolutionMs > 0) || !Number.isFinite(resolutionMs)) {
    return { verdict: 'not measurable here', rule: `the clock resolution could not be measured (τ = ${resolutionMs} ms), so no duration can be checked` };
  }
  if (claimNs >= floorNs) {
    return { verdict: 'untestable as stated', rule: `20τ = ${fmt(floorNs)} ns ≤ ${claimNs} ns, so the clock could resolve it, but the roadmap names no buffer operation to time: "overhead" of what, per what, is undefined` };
  }
  return { verdict: 'not measurable here', rule: `a duration is measurable only above 20 × the clock resolution; here 20τ = ${fmt(floorNs)} ns, so ${claimNs} ns is ${fmt(floorNs / claimNs, 3)}× too short to observe` };
}
