/**
 * Clock resolution by spinning on `now()`: record every nonzero step between consecutive
 * readings. The smallest step is the clock's granularity τ (Chromium: 100 µs without
 * cross-origin isolation, 5 µs with it). `now` is injected: engine code never reads a clock.
 */
export interface ClockProbeOptions {
  /** Maximum number of now() calls. */
  samples: number;
  /** Stop after this much clock time even if samples remain. */
  maxMs: number;
}

export interface ClockResolution {
  /** Smallest nonzero delta (ms); Infinity if the clock never advanced during the probe. */
  resolutionMs: number;
  /** Nonzero deltas rounded to 1 ns, ascending, with counts. */
  deltaHistogram: { deltaMs: number; count: number }[];
  /** Median of the nonzero deltas (nearest rank); NaN if none. */
  medianDeltaMs: number;
  /** Mean time per now() call over the probe (ms). */
  callCostMs: number;
  calls: number;
  nonzeroDeltas: number;
}

/** Deltas are rounded to 1 ns so 0.1 ms read as 0.09999999999 and 0.10000000001 share a bin. */
const roundNs = (ms: number) => Math.round(ms * 1e6) / 1e6;

export function probeClockResolution(now: () => number, { samples, maxMs }: ClockProbeOptions): ClockResolution {
  if (!(Number.isInteger(samples) && samples >= 2 && samples <= 1e8)) throw new RangeError(`invalid samples: ${samples} (expected an integer 2–100000000)`);
  if (!(maxMs > 0 && maxMs <= 60_000)) throw new RangeError(`invalid maxMs: ${maxMs} (expected 0–60000 ms)`);
  const counts = new Map<number, number>();
  const t0 = now();
  let prev = t0;
  let calls = 1;
  let nonzero = 0;
  while (calls < samples) {
    const t = now();
    calls++;
    const d = t - prev;
    if (d > 0) {
      const key = roundNs(d);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      nonzero++;
    }
    prev = t;
    if (t - t0 >= maxMs) break;
  }
  const deltaHistogram = [...counts].sort((a, b) => a[0] - b[0]).map(([deltaMs, count]) => ({ deltaMs, count }));
  let medianDeltaMs = NaN;
  if (nonzero) {
    const rank = Math.ceil(nonzero / 2);
    let seen = 0;
    for (const b of deltaHistogram) {
      seen += b.count;
      if (seen >= rank) {
        medianDeltaMs = b.deltaMs;
        break;
      }
    }
  }
  return {
    resolutionMs: nonzero ? deltaHistogram[0].deltaMs : Infinity,
    deltaHistogram,
    medianDeltaMs,
    callCostMs: (prev - t0) / (calls - 1),
    calls,
    nonzeroDeltas: nonzero,
  };
}
