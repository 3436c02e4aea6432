/**
 * The roadmap's windows and rhythms set against the data's bar rate: "1ms compression windows replace
 * 50ms aggregation delays", "50x faster aggregation (1ms vs 50ms)", and the brain rhythms (gamma 25 ms …
 * delta 500 ms) that "maintain integrity at MHz-GHz frequencies".
 */

export interface Rhythm {
  readonly name: string;
  /** The frequency in the rhythm's name. */
  readonly hz: number;
  /** The period the roadmap writes next to it, ms. */
  readonly statedMs: number;
}

/** Verbatim from the roadmap (Phase 3, Task 3.3 and Phase 1, Task 1.1). */
export const ROADMAP_RHYTHMS: readonly Rhythm[] = [
  { name: 'gamma_40hz', hz: 40, statedMs: 25 },
  { name: 'beta_20hz', hz: 20, statedMs: 50 },
  { name: 'theta_6hz', hz: 6, statedMs: 167 },
  { name: 'delta_2hz', hz: 2, statedMs: 500 },
];

export interface RhythmRow {
  readonly name: string;
  readonly hz: number;
  readonly statedMs: number;
  /** 1000 / hz. */
  readonly periodMs: number;
  /** Does the stated period match 1/f to within 1 %? */
  readonly consistent: boolean;
  /** Decades between the rhythm and 1 MHz (the low end of "MHz–GHz"). */
  readonly decadesBelowMHz: number;
  /** Expected new bars per rhythm cycle at the data's bar period. */
  readonly barsPerCycle: number;
}

export function rhythmTable(barMs: number, rhythms: readonly Rhythm[] = ROADMAP_RHYTHMS): RhythmRow[] {
  if (!(barMs > 0)) throw new RangeError(`invalid barMs: ${barMs} (expected > 0)`);
  return rhythms.map((r) => {
    const periodMs = 1000 / r.hz;
    return {
      name: r.name, hz: r.hz, statedMs: r.statedMs, periodMs,
      consistent: Math.abs(periodMs - r.statedMs) <= 0.01 * periodMs,
      decadesBelowMHz: Math.log10(1e6 / r.hz),
      barsPerCycle: periodMs / barMs,
    };
  });
}

export interface WindowEffect {
  readonly windowMs: number;
  /** Bar intervals in the data shorter than the window: only then can the window change what a decision sees. */
  readonly gapsShorterThanWindow: number;
  readonly gaps: number;
  /** Share of decisions whose information set differs between waiting 0 and waiting one window. */
  readonly shareChanged: number;
  /** Expected new bars inside one window at the median bar period. */
  readonly barsPerWindow: number;
  /** Typical price move during one window (random-walk scaling of the median |bar return|), basis points. */
  readonly moveDuringWindowBp: number;
}

/**
 * What a decision window of `windowMs` changes on a bar series, measured from its timestamps (ms) and closes.
 * A decision made `windowMs` after a bar sees a different input only if the next bar arrives within the window.
 */
export function windowEffect(timesMs: ArrayLike<number>, closes: ArrayLike<number>, windowMs: number): WindowEffect {
  const n = timesMs.length;
  if (n < 3 || closes.length !== n) throw new RangeError(`invalid series: ${n} times and ${closes.length} closes (expected equal lengths ≥ 3)`);
  if (!(windowMs >= 0)) throw new RangeError(`invalid windowMs: ${windowMs} (expected ≥ 0)`);
  let shorter = 0;
  const gaps: number[] = [], moves: number[] = [];
  for (let t = 1; t < n; t++) {
    const g = timesMs[t] - timesMs[t - 1];
    gaps.push(g);
    if (g < windowMs) shorter++;
    if (closes[t] > 0 && closes[t - 1] > 0) moves.push(Math.abs(Math.log(closes[t] / closes[t - 1])));
  }
  const median = (a: number[]): number => { const s = [...a].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)]; };
  const barMs = median(gaps);
  return {
    windowMs, gapsShorterThanWindow: shorter, gaps: gaps.length, shareChanged: shorter / gaps.length,
    barsPerWindow: windowMs / barMs,
    moveDuringWindowBp: 1e4 * median(moves) * Math.sqrt(windowMs / barMs),
  };
}
