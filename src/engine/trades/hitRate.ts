/** Hit rate of trades against a stated target (e.g. the roadmap's "> 80 % profitable"), and how long to decide. */
import { wilsonInterval } from '../stats/wilson';

export interface TargetDecision {
  status: 'confirmed' | 'rejected' | 'open';
  /** Trades still needed, if the observed rate persisted, before the 95 % interval excludes the target (0 when decided; Infinity when the rate equals the target). */
  moreTrades: number;
  lower: number;
  upper: number;
}

export function tradesToDecide(wins: number, n: number, target: number, confidence = 0.95): TargetDecision {
  const ci = wilsonInterval(wins, n, confidence);
  if (ci.lower > target) return { status: 'confirmed', moreTrades: 0, lower: ci.lower, upper: ci.upper };
  if (ci.upper < target) return { status: 'rejected', moreTrades: 0, lower: ci.lower, upper: ci.upper };
  const p = n ? wins / n : 0.5;
  if (p === target || n === 0) return { status: 'open', moreTrades: Infinity, lower: ci.lower, upper: ci.upper };
  const decided = (m: number) => {
    const k = Math.round(p * m);
    const c = wilsonInterval(k, m, confidence);
    return p > target ? c.lower > target : c.upper < target;
  };
  let hi = Math.max(n + 1, 2);
  while (!decided(hi)) {
    hi *= 2;
    if (hi > 1e12) return { status: 'open', moreTrades: Infinity, lower: ci.lower, upper: ci.upper };
  }
  let lo = n;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (decided(mid)) hi = mid; else lo = mid;
  }
  return { status: 'open', moreTrades: hi - n, lower: ci.lower, upper: ci.upper };
}
