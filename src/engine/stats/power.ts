import { checkOpenUnit } from './checks.ts';
import { normalInv } from './distributions.ts';

/**
 * Number of independent calls N needed to tell a hit rate h > ½ from ½ with a one-sided z-test at
 * level α and the given power (normal approximation):
 * N = ⌈((z_{1−α}·½ + z_{power}·√(h(1−h))) / (h − ½))²⌉. h = 0.52 → 3,863; 0.55 → 617; 0.80 → 15.
 */
export function sampleSizeForHitRate(h: number, { alpha = 0.05, power = 0.8 }: { alpha?: number; power?: number } = {}): number {
  if (!(h > 0.5 && h < 1)) throw new RangeError(`invalid h: ${h} (expected 0.5 < h < 1)`);
  checkOpenUnit(alpha, 'alpha');
  checkOpenUnit(power, 'power');
  const num = normalInv(1 - alpha) * 0.5 + normalInv(power) * Math.sqrt(h * (1 - h));
  return Math.ceil((num / (h - 0.5)) ** 2);
}

/**
 * Fee break-even hit rate h* = ½ + f/(2m) for round-trip cost f and mean absolute move m (same units):
 * a symmetric ±m bet wins m with prob h and loses m otherwise, so h·m − (1−h)·m − f = 0.
 * f = 0.1 %, m = 0.5 % → 0.60. Values ≥ 1 mean no hit rate can pay the fees.
 */
export function breakEvenHitRate(roundTripCost: number, meanAbsMove: number): number {
  if (!(roundTripCost >= 0)) throw new RangeError(`invalid roundTripCost: ${roundTripCost} (expected ≥ 0)`);
  if (!(meanAbsMove > 0)) throw new RangeError(`invalid meanAbsMove: ${meanAbsMove} (expected > 0)`);
  return 0.5 + roundTripCost / (2 * meanAbsMove);
}
