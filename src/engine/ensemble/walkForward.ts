/**
 * Walk-forward evaluation: one list of train/test splits shared by every aggregator, so their
 * out-of-sample outputs cover identical bars and can be compared pairwise.
 *
 * Timing convention: the prediction for test bar t is made at the close of bar t. The label of a
 * training bar s with horizon h (h = 1 for "next bar up") is the move over bars (s, s+h]; the test
 * window's labels span (testStart, testEnd − 1 + h]. Purge drops training bars whose label interval
 * overlaps that span, i.e. s > testStart − h: the last h − 1 bars before the test (none for h = 1,
 * whose label up[testStart − 1] is known at the close of testStart). Embargo skips `embargoBars` bars
 * after every test window: they are neither tested nor used for training by any split.
 */
import type { Aggregator, BarRanges, EnsembleData, Predictor } from './types';
import { readRow, validateData } from './math';

export interface WalkForwardConfig {
  /** Number of bars in the series. */
  readonly nBars: number;
  /** Expanding: bars before the first test window. Rolling: the training window length. */
  readonly trainBars: number;
  /** Bars per test window (= refit interval K). */
  readonly testBars: number;
  readonly mode?: 'expanding' | 'rolling';
  /** Label horizon h in bars (default 1); purge drops the last h − 1 training bars before each test window. */
  readonly labelHorizonBars?: number;
  /** Bars skipped after each test window (default 0). */
  readonly embargoBars?: number;
  /** First bar that may be used at all (default 0). */
  readonly startBar?: number;
}

export interface Split {
  readonly index: number;
  /** Half-open training ranges, in time order, all before testStart. */
  readonly train: BarRanges;
  readonly testStart: number;
  /** Exclusive. */
  readonly testEnd: number;
}

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`invalid ${name}: ${v} (expected integer ≥ ${min})`);
}

/** The split list. Split boundaries depend on nBars only through truncation of the last window. */
export function walkForwardSplits(config: WalkForwardConfig): Split[] {
  const { nBars, trainBars, testBars, mode = 'expanding', labelHorizonBars = 1, embargoBars = 0, startBar = 0 } = config;
  checkInt('nBars', nBars, 0);
  checkInt('trainBars', trainBars, 0);
  checkInt('testBars', testBars, 1);
  checkInt('labelHorizonBars', labelHorizonBars, 1);
  checkInt('embargoBars', embargoBars, 0);
  checkInt('startBar', startBar, 0);
  if (mode !== 'expanding' && mode !== 'rolling') throw new RangeError(`invalid mode: ${String(mode)} (expected 'expanding' or 'rolling')`);
  if (mode === 'rolling' && trainBars < 1) throw new RangeError(`invalid trainBars: ${trainBars} (expected ≥ 1 for a rolling window)`);
  const purge = labelHorizonBars - 1;
  const embargoed: [number, number][] = [];
  const splits: Split[] = [];
  for (let testStart = startBar + trainBars; testStart < nBars;) {
    const testEnd = Math.min(testStart + testBars, nBars);
    const lo = mode === 'expanding' ? startBar : Math.max(startBar, testStart - trainBars);
    const hi = testStart - purge;
    // [lo, hi) minus the embargoed ranges (sorted, disjoint)
    const train: [number, number][] = [];
    let cursor = lo;
    for (const [es, ee] of embargoed) {
      if (ee <= cursor || es >= hi) continue;
      if (es > cursor) train.push([cursor, Math.min(es, hi)]);
      cursor = Math.max(cursor, ee);
    }
    if (cursor < hi) train.push([cursor, hi]);
    splits.push({ index: splits.length, train, testStart, testEnd });
    if (embargoBars > 0 && testEnd < nBars) embargoed.push([testEnd, Math.min(testEnd + embargoBars, nBars)]);
    testStart = testEnd + embargoBars;
  }
  return splits;
}

export class CancelledError extends Error {
  constructor() { super('walk-forward cancelled'); this.name = 'CancelledError'; }
}

export interface WalkForwardProgress {
  readonly done: number;
  readonly total: number;
  readonly splitIndex: number;
  readonly aggregatorId: string;
}

export interface RunOptions {
  readonly seed?: number;
  readonly onProgress?: (p: WalkForwardProgress) => void;
  /** Polled between (split, aggregator) steps; returning true throws CancelledError. */
  readonly isCancelled?: () => boolean;
}

export interface AggregatorRun {
  readonly id: string;
  /** P(up) per bar; NaN outside the test windows. */
  readonly p: Float64Array;
  /** Diagnostics summed over splits (ties, fallbacks, …). */
  readonly diagnostics: Record<string, number>;
}

export interface WalkForwardResult {
  readonly splits: readonly Split[];
  readonly runs: readonly AggregatorRun[];
  /** 1 on bars that fall in a test window, 0 elsewhere. */
  readonly tested: Uint8Array;
}

/** Predict the test window of one split with a fitted predictor; online predictors learn each label after use. */
function predictWindow(predictor: Predictor, data: EnsembleData, split: Split, out: Float64Array, row: Float64Array): void {
  const observe = predictor.observe?.bind(predictor);
  for (let t = split.testStart; t < split.testEnd; t++) {
    readRow(data.probs, t, row);
    out[t] = predictor.predict(row, t);
    if (observe) { const y = data.up[t]; if (y === 0 || y === 1) observe(row, y); } // used only from bar t+1 on
  }
}

/** Evaluate every aggregator on the same splits. */
export function evaluateWalkForward(
  aggregators: readonly Aggregator[],
  data: EnsembleData,
  splits: readonly Split[],
  options: RunOptions = {},
): WalkForwardResult {
  const nBars = validateData(data.probs, data.up);
  const { seed = 0, onProgress, isCancelled } = options;
  const outs = aggregators.map(() => new Float64Array(nBars).fill(NaN));
  const diags = aggregators.map(() => ({} as Record<string, number>));
  const tested = new Uint8Array(nBars);
  const row = new Float64Array(data.probs.length);
  const total = splits.length * aggregators.length;
  let done = 0;
  // Each aggregator's previous fit, passed on as a warm start (deterministic: same splits, same chain).
  const warm: unknown[] = aggregators.map(() => undefined);
  for (const split of splits) {
    if (split.testEnd > nBars) throw new RangeError(`invalid split ${split.index}: testEnd ${split.testEnd} (expected ≤ nBars ${nBars})`);
    tested.fill(1, split.testStart, split.testEnd);
    for (let a = 0; a < aggregators.length; a++) {
      if (isCancelled?.()) throw new CancelledError();
      const agg = aggregators[a];
      const predictor = agg.fit(data, split.train, { seed: (seed + 7919 * split.index) >>> 0, warmStart: warm[a] });
      warm[a] = predictor.warmStart;
      predictWindow(predictor, data, split, outs[a], row);
      const d = predictor.diagnostics?.();
      if (d) for (const k in d) diags[a][k] = (diags[a][k] ?? 0) + d[k];
      done++;
      onProgress?.({ done, total, splitIndex: split.index, aggregatorId: agg.id });
    }
  }
  return { splits, runs: aggregators.map((agg, a) => ({ id: agg.id, p: outs[a], diagnostics: diags[a] })), tested };
}

export interface CausalOptions extends RunOptions {
  /** Refit interval K in bars (default 500). Static aggregators are unaffected by it. */
  readonly refitEveryBars?: number;
  /** Rolling training window in bars; omit for an expanding window. */
  readonly windowBars?: number;
}

/**
 * P(up) for every bar from bar 0 on, using only information available at that bar: an expanding (or
 * rolling) walk-forward whose first test window starts at bar 0 with an empty training set, so fitted
 * aggregators begin from their documented fallback.
 */
export function runCausal(aggregator: Aggregator, data: EnsembleData, options: CausalOptions = {}): AggregatorRun {
  const nBars = validateData(data.probs, data.up);
  const { refitEveryBars = 500, windowBars } = options;
  const splits = walkForwardSplits({ nBars, trainBars: 0, testBars: refitEveryBars });
  const rolled = windowBars === undefined ? splits : splits.map((s) => ({
    ...s,
    train: s.train.map(([a, b]) => [Math.max(a, s.testStart - windowBars), b] as const).filter(([a, b]) => b > a),
  }));
  return evaluateWalkForward([aggregator], data, rolled, options).runs[0];
}
