import { createRng } from '../random.ts';
import { checkInt, type NumArray } from './checks.ts';
import { benjaminiHochberg, holm } from './multipleTesting.ts';
import { isAsExtreme, permutationPValue, type Alternative } from './pValue.ts';
import { wilsonInterval } from './wilson.ts';

/** The roadmap's claimed "insight" event rate, events per second. */
export const ROADMAP_EVENT_RATE_PER_SECOND = 47.3;

export interface EventStudyOptions {
  /** Thresholds τ; an event at t is an upcrossing x(t−1) < τ ≤ x(t). Default [0.7]. */
  thresholds?: readonly number[];
  /** Forward horizons h in bars; default [1, 4, 24]. */
  horizons?: readonly number[];
  /** Circular-shift resamples B (default 1000). */
  permutations?: number;
  seed?: number | string;
  alternative?: Alternative;
  /** Seconds of market time per bar (e.g. 3600 for hourly), for the event rate. Default 3600. */
  barSeconds?: number;
  /** FWER level for Holm (default 0.05) and FDR level q for BH (default 0.1). */
  alpha?: number;
  q?: number;
  onProgress?: (fraction: number) => void;
}

export interface EventStudyCell {
  threshold: number;
  horizon: number;
  nEvents: number;
  /** Mean forward log return over h bars after events, over all eligible bars, and their difference. */
  meanEvent: number;
  meanAll: number;
  difference: number;
  /** Fraction of events followed by a positive forward return, with Wilson 95 % interval. */
  hitRate: number;
  hitLower: number;
  hitUpper: number;
  /** Circular-shift permutation p-value of `difference`, p = (k+1)/(B+1). */
  pValue: number;
  holmAdjusted: number;
  holmReject: boolean;
  bhAdjusted: number;
  bhReject: boolean;
}

export interface EventRate {
  threshold: number;
  nEvents: number;
  /** events / (T · barSeconds) over the bars where the series is finite. */
  perSecond: number;
  /** The hard ceiling: at most ½ upcrossing per sample → 1/(2·barSeconds) per second. */
  maxPerSecond: number;
  /** The roadmap's 47.3 /s divided by the ceiling: > 1 means impossible at this bar size. */
  roadmapOverCeiling: number;
}

export interface EventStudyResult {
  cells: EventStudyCell[];
  rates: EventRate[];
  permutations: number;
}

/** Upcrossings x(t−1) < τ ≤ x(t) with both finite. */
export function upcrossings(x: NumArray, threshold: number): number[] {
  const ev: number[] = [];
  for (let t = 1; t < x.length; t++) {
    const a = x[t - 1], b = x[t];
    if (Number.isFinite(a) && Number.isFinite(b) && a < threshold && threshold <= b) ev.push(t);
  }
  return ev;
}

/**
 * Event study of threshold upcrossings of a causal indicator (e.g. the consciousness index) against
 * forward log returns. logReturns[t] = ln(P_t/P_{t−1}); the forward return after bar t over h bars is
 * Σ_{j=1..h} logReturns[t+j], so nothing at or before t is used as an outcome.
 *
 * Eligible bars for horizon h: the contiguous range from the first bar where the indicator and its
 * predecessor are finite to T−1−h. The null circularly shifts the event times within that range (keeping
 * their number, spacing and clustering) against fixed returns. Holm and BH run over all thresholds × horizons.
 */
export function eventStudy(indicator: NumArray, logReturns: NumArray, opts: EventStudyOptions = {}): EventStudyResult {
  const { thresholds = [0.7], horizons = [1, 4, 24], permutations: B = 1000, seed = 1, alternative = 'two-sided',
    barSeconds = 3600, alpha = 0.05, q = 0.1, onProgress } = opts;
  const T = indicator.length;
  if (logReturns.length !== T) throw new RangeError(`invalid logReturns.length: ${logReturns.length} (expected ${T})`);
  checkInt(B, 'permutations', 0, 1e7);
  if (!(barSeconds > 0)) throw new RangeError(`invalid barSeconds: ${barSeconds} (expected > 0)`);
  for (const h of horizons) checkInt(h, 'horizon', 1, Math.max(1, T - 2));
  let first = 1;
  while (first < T && !(Number.isFinite(indicator[first]) && Number.isFinite(indicator[first - 1]))) first++;
  let nFinite = 0;
  for (let t = 0; t < T; t++) if (Number.isFinite(indicator[t])) nFinite++;

  // Prefix sums of returns give every forward return in O(1).
  const cum = new Float64Array(T + 1);
  for (let t = 0; t < T; t++) cum[t + 1] = cum[t] + (Number.isFinite(logReturns[t]) ? logReturns[t] : 0);
  const fwd = (t: number, h: number): number => cum[t + h + 1] - cum[t + 1];

  const rng = createRng(seed).fork('event-study');
  const cells: EventStudyCell[] = [];
  const rates: EventRate[] = [];
  const pRaw: number[] = [];
  let done = 0;
  for (const tau of thresholds) {
    const events = upcrossings(indicator, tau).filter((t) => t >= first);
    rates.push({
      threshold: tau, nEvents: events.length,
      perSecond: nFinite ? events.length / (nFinite * barSeconds) : NaN,
      maxPerSecond: 1 / (2 * barSeconds),
      roadmapOverCeiling: ROADMAP_EVENT_RATE_PER_SECOND * 2 * barSeconds,
    });
    for (const h of horizons) {
      const last = T - 1 - h, L = last - first + 1;
      const ev = events.filter((t) => t <= last);
      const n = ev.length;
      let meanAll = NaN, meanEvent = NaN, hits = 0, k = 0;
      if (L > 0) {
        let s = 0;
        for (let t = first; t <= last; t++) s += fwd(t, h);
        meanAll = s / L;
      }
      if (n > 0) {
        let s = 0;
        for (const t of ev) { const f = fwd(t, h); s += f; if (f > 0) hits++; }
        meanEvent = s / n;
        const observed = meanEvent - meanAll;
        for (let b = 0; b < B; b++) {
          const shift = 1 + rng.int(Math.max(1, L - 1));
          let s2 = 0;
          for (let e = 0; e < n; e++) {
            let pos = ev[e] - first + shift;
            if (pos >= L) pos -= L;
            s2 += fwd(first + pos, h);
          }
          if (isAsExtreme(s2 / n - meanAll, observed, alternative)) k++;
        }
      }
      const ci = wilsonInterval(hits, n);
      const p = n > 0 ? permutationPValue(k, B) : 1;
      pRaw.push(p);
      cells.push({
        threshold: tau, horizon: h, nEvents: n, meanEvent, meanAll, difference: meanEvent - meanAll,
        hitRate: ci.estimate, hitLower: ci.lower, hitUpper: ci.upper, pValue: p,
        holmAdjusted: NaN, holmReject: false, bhAdjusted: NaN, bhReject: false,
      });
      done++;
      onProgress?.(done / (thresholds.length * horizons.length));
    }
  }
  const hAdj = holm(pRaw, alpha), bAdj = benjaminiHochberg(pRaw, q);
  cells.forEach((c, i) => {
    c.holmAdjusted = hAdj.adjusted[i]; c.holmReject = hAdj.reject[i];
    c.bhAdjusted = bAdj.adjusted[i]; c.bhReject = bAdj.reject[i];
  });
  return { cells, rates, permutations: B };
}
