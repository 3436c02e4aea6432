/**
 * Synthetic board for tests, benchmarks and notebooks when no market data is wanted: a latent signal
 * s_t drives the true P(up_t) = σ(skill·s_t); each member sees s_t through a shared noise (correlation)
 * and its own noise, then reports p = σ(scale·view). Members have warm-up NaNs like real indicators.
 */
import { createRng } from '../random';
import { sigmoid } from './math';

export interface SyntheticOptions {
  readonly nBars: number;
  readonly nMembers?: number;
  readonly seed?: number;
  /** Slope of the true log-odds on the latent signal (0.1 → ≈ 52 % achievable hit rate). */
  readonly skill?: number;
  /** Weight of the noise shared by all members (0 independent, 1 highly correlated). */
  readonly sharedNoise?: number;
  /** Longest warm-up (member i gets i/(n−1) of it). */
  readonly warmupBars?: number;
  /** Mean absolute log return per bar (default 0.005). */
  readonly barMove?: number;
}

export interface SyntheticBoard {
  readonly probs: Float64Array[];
  readonly up: Float64Array;
  readonly close: Float64Array;
  readonly time: Float64Array;
  /** The true P(up) per bar (an oracle no aggregator sees). */
  readonly pTrue: Float64Array;
}

const HOUR_MS = 3600 * 1000;

export function syntheticBoard(options: SyntheticOptions): SyntheticBoard {
  const { nBars, nMembers = 14, seed = 1, skill = 0.3, sharedNoise = 0.5, warmupBars = 50, barMove = 0.005 } = options;
  if (!Number.isInteger(nBars) || nBars < 2) throw new RangeError(`invalid nBars: ${nBars} (expected integer ≥ 2)`);
  if (!Number.isInteger(nMembers) || nMembers < 1) throw new RangeError(`invalid nMembers: ${nMembers} (expected integer ≥ 1)`);
  const rng = createRng(seed);
  const probs = Array.from({ length: nMembers }, () => new Float64Array(nBars));
  const up = new Float64Array(nBars);
  const close = new Float64Array(nBars);
  const time = new Float64Array(nBars);
  const pTrue = new Float64Array(nBars);
  const scale = new Float64Array(nMembers);
  for (let i = 0; i < nMembers; i++) scale[i] = 0.2 + 0.3 * rng.next();
  close[0] = 100;
  const t0 = Date.UTC(2020, 0, 1);
  for (let t = 0; t < nBars; t++) {
    time[t] = t0 + t * HOUR_MS;
    const s = rng.normal();
    const shared = rng.normal();
    pTrue[t] = sigmoid(skill * s);
    for (let i = 0; i < nMembers; i++) {
      const warm = nMembers > 1 ? Math.round((warmupBars * i) / (nMembers - 1)) : warmupBars;
      const view = s + sharedNoise * shared + rng.normal();
      probs[i][t] = t < warm ? NaN : sigmoid(scale[i] * view);
    }
    up[t] = rng.next() < pTrue[t] ? 1 : 0;
    if (t + 1 < nBars) {
      const move = -barMove * Math.log(1 - rng.next()); // exponential magnitude
      close[t + 1] = close[t] * Math.exp(up[t] ? move : -move);
    }
  }
  up[nBars - 1] = NaN;
  return { probs, up, close, time, pTrue };
}
