/**
 * Baselines every comparison needs: what a trivial forecaster already knows. "Skill" means beating the
 * base-rate forecaster, not a coin: on a trending series the past up-rate alone beats 0.5 out of sample.
 *
 * All of them are causal and fitted walk-forward like the other aggregators: `fit` sees the training
 * bars' rows and labels only; online ones learn the label of bar t through `observe` after predicting
 * bar t (the walk-forward calls it; the label of bar t is the move into bar t+1, known at bar t+1).
 * Probabilities are Laplace-smoothed so none is ever 0 or 1.
 */
import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { fitLogistic } from '../logistic';
import { clipProb, rangesExtending, sigmoid } from '../math';

function checkWindow(windowBars: number | undefined): void {
  if (windowBars !== undefined && !(Number.isInteger(windowBars) && windowBars >= 1)) {
    throw new RangeError(`invalid windowBars: ${windowBars} (expected an integer ≥ 1)`);
  }
}

/** Known labels (0/1) of the training ranges, in time order. */
function trainingLabels(up: Float64Array, train: BarRanges): number[] {
  const out: number[] = [];
  for (const [start, end] of train) {
    for (let t = Math.max(0, start); t < end && t < up.length; t++) { const y = up[t]; if (y === 0 || y === 1) out.push(y); }
  }
  return out;
}

export interface BaseRateOptions {
  /** Rolling window of the last W known labels; omit for the expanding up-rate. */
  readonly windowBars?: number;
}

/**
 * The base-rate forecaster: P(up) = (k + 1)/(n + 2) over the labels known so far (expanding, or the last
 * `windowBars`), updated online as each label is revealed. Ignores the members entirely.
 */
export function createBaseRate(options: BaseRateOptions = {}): Aggregator {
  const { windowBars } = options;
  checkWindow(windowBars);
  return {
    id: windowBars === undefined ? 'base-rate' : `base-rate-${windowBars}`,
    title: windowBars === undefined ? 'Base rate (expanding up-rate)' : `Base rate (last ${windowBars} bars)`,
    rationale: 'What a forecaster knows without any member: the past share of up bars. The reference for skill: an aggregator has skill only if it beats this.',
    kind: 'online',
    fit(data: EnsembleData, train: BarRanges): Predictor {
      const labels = trainingLabels(data.up, train);
      const cap = windowBars ?? 0;
      // ring buffer of the last `cap` labels (rolling) or plain counts (expanding)
      const ring = new Uint8Array(Math.max(1, cap));
      let k = 0, n = 0, head = 0;
      const push = (y: number): void => {
        if (cap > 0) {
          if (n === cap) { k -= ring[head]; n--; }
          ring[head] = y; head = (head + 1) % cap;
        }
        k += y; n++;
      };
      for (const y of labels) push(y);
      return {
        predict: () => (k + 1) / (n + 2),
        observe: (_row, label) => push(label),
        diagnostics: () => ({ labels: n }),
      };
    },
  };
}

export const baseRateForecaster = createBaseRate();

/**
 * Vote margin m = (ups − downs)/(members that voted), in [−1, 1]; 0 on a tie or without votes. Members
 * at exactly 0.5 or NaN abstain, as in the majority vote.
 */
export function voteMargin(row: Float64Array): number {
  let ups = 0, downs = 0;
  for (let i = 0; i < row.length; i++) { const p = row[i]; if (p > 0.5) ups++; else if (p < 0.5) downs++; }
  return ups + downs ? (ups - downs) / (ups + downs) : 0;
}

export interface CalibratedVoteOptions {
  /** Below this many usable training rows, predict the training base rate (default 50). */
  readonly minTrainRows?: number;
  /** Ridge on the slope (default 1e-3: almost none; the design has two columns). */
  readonly l2?: number;
}

/**
 * Democratic vote read as a practitioner would: the vote margin mapped to a probability by a logistic fit
 * P = σ(a + b·m) on past bars. Its side of 0.5 is the majority's whenever the fit finds a ≈ 0 and b > 0;
 * its probabilities are calibrated on the past, so log loss judges the vote, not a strawman vote share.
 */
export function createCalibratedVote(options: CalibratedVoteOptions = {}): Aggregator {
  const { minTrainRows = 50, l2 = 1e-3 } = options;
  return {
    id: 'calibrated-vote',
    title: 'Democratic vote, calibrated',
    rationale: 'Majority vote with its margin mapped to a probability by a logistic fit on past bars: the fair democratic baseline (the raw up-vote share is not a probability).',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): Predictor {
      const nMembers = data.probs.length;
      const row = new Float64Array(nMembers);
      // The design rows [1, margin] and labels of the training bars, in time order. Warm start (expanding
      // window): the previous split's rows are a prefix of these, so only the bars added since are read.
      const w = fitOptions.warmStart as CalibratedVoteWarmStart | undefined;
      const added = w && w.probs === data.probs && w.up === data.up ? rangesExtending(w.train, train) : null;
      const todo = added ?? train;
      let cap = added && w ? w.rows : 0;
      for (const [start, end] of todo) cap += Math.max(0, Math.min(end, data.up.length) - Math.max(0, start));
      const x = new Float64Array(2 * cap), ys = new Float64Array(cap);
      let rows = 0;
      if (added && w) { x.set(w.x.subarray(0, 2 * w.rows)); ys.set(w.y.subarray(0, w.rows)); rows = w.rows; }
      for (const [start, end] of todo) {
        for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
          const y = data.up[t];
          if (!(y === 0 || y === 1)) continue;
          for (let i = 0; i < nMembers; i++) row[i] = data.probs[i][t];
          x[2 * rows] = 1; x[2 * rows + 1] = voteMargin(row); ys[rows++] = y;
        }
      }
      const warmStart: CalibratedVoteWarmStart = { probs: data.probs, up: data.up, train: train.map(([s0, e0]) => [s0, e0] as const), x, y: ys, rows };
      let k = 0;
      for (let r = 0; r < rows; r++) k += ys[r];
      const prior = (k + 1) / (rows + 2);
      if (rows < minTrainRows) return { warmStart, predict: () => prior, diagnostics: () => ({ rows, fallback: 1 }) };
      const fit = fitLogistic(x, ys, rows, 2, { l2 });
      const [a, b] = fit.beta;
      return {
        warmStart,
        predict: (r) => clipProb(sigmoid(a + b * voteMargin(r))),
        diagnostics: () => ({ rows, fallback: 0, intercept: a, slope: b }),
      };
    },
  };
}

export const calibratedVote = createCalibratedVote();

/** What a calibrated-vote fit hands to the next split's fit: its design rows over `train` on this member matrix. */
interface CalibratedVoteWarmStart { readonly probs: readonly Float64Array[]; readonly up: Float64Array; readonly train: BarRanges; readonly x: Float64Array; readonly y: Float64Array; readonly rows: number }

/**
 * Adds member i's log losses on the training rows of `ranges` (where it has a finite probability) to sums[i]
 * and counts[i], bar by bar in time order: continuing from an earlier fit's sums over a prefix of the ranges
 * gives the same floating-point sums as starting over.
 */
function addMemberLogLosses(data: EnsembleData, ranges: BarRanges, i: number, sums: Float64Array, counts: Float64Array): void {
  const col = data.probs[i];
  let s = sums[i], rows = counts[i];
  for (const [start, end] of ranges) {
    for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
      const y = data.up[t], p = col[t];
      if (!(y === 0 || y === 1) || !Number.isFinite(p)) continue;
      const q = clipProb(p);
      s -= y ? Math.log(q) : Math.log(1 - q);
      rows++;
    }
  }
  sums[i] = s; counts[i] = rows;
}

/** What a best-member fit hands to the next split's fit: its loss sums over `train` on this member matrix. */
interface BestMemberWarmStart { readonly probs: readonly Float64Array[]; readonly up: Float64Array; readonly train: BarRanges; readonly sums: Float64Array; readonly counts: Float64Array }


export interface BestMemberOptions {
  /** Members need at least this many scored training rows to be eligible (default 50). */
  readonly minTrainRows?: number;
}

/**
 * The best single member, chosen on past data only: the member with the lowest training log loss (ties:
 * lowest index). Its own probability is the forecast (NaN during its warm-up → 0.5). Without an eligible
 * member it predicts 0.5.
 */
export function createBestMember(options: BestMemberOptions = {}): Aggregator {
  const { minTrainRows = 50 } = options;
  return {
    id: 'best-member',
    title: 'Best single member (chosen on past bars)',
    rationale: 'If pooling 14 members cannot beat the one member that was best in the past, the pool adds nothing. Chosen by training log loss only.',
    kind: 'fitted',
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): Predictor {
      const n = data.probs.length;
      // Warm start (expanding window): continue the previous split's loss sums over the bars added since.
      const w = fitOptions.warmStart as BestMemberWarmStart | undefined;
      const added = w && w.probs === data.probs && w.up === data.up && w.sums.length === n ? rangesExtending(w.train, train) : null;
      const sums = added && w ? Float64Array.from(w.sums) : new Float64Array(n), counts = added && w ? Float64Array.from(w.counts) : new Float64Array(n);
      let best = -1, bestLoss = Infinity;
      for (let i = 0; i < n; i++) {
        addMemberLogLosses(data, added ?? train, i, sums, counts);
        const rows = counts[i], loss = rows ? sums[i] / rows : NaN;
        if (rows >= minTrainRows && loss < bestLoss) { best = i; bestLoss = loss; }
      }
      return {
        warmStart: { probs: data.probs, up: data.up, train: train.map(([a, b]) => [a, b] as const), sums, counts } satisfies BestMemberWarmStart,
        predict: (row) => { if (best < 0) return 0.5; const p = row[best]; return Number.isFinite(p) ? clipProb(p) : 0.5; },
        diagnostics: () => ({ member: best, trainLogLoss: best < 0 ? NaN : bestLoss }),
      };
    },
  };
}

export const bestMember = createBestMember();

/**
 * The one-line 1-bar reversal rule: "the next bar goes the other way than the last one". Its probability is
 * the rule's past hit rate h (Laplace-smoothed, on the training bars): P(up) = h after a down bar and
 * 1 − h after an up bar. Without a known last move it predicts 0.5. The last move is the label of the
 * previous bar, learned through `observe` inside a test window.
 */
export const reversalRule: Aggregator = {
  id: 'reversal-1bar',
  title: 'One-line 1-bar reversal rule',
  rationale: 'Predicts the opposite of the last bar\'s move, with its past hit rate as confidence: much of the members\' hourly edge is this short-horizon reversal (strongest after large moves, see confidence-calibration), which any aggregator must beat to add value.',
  kind: 'online',
  fit(data: EnsembleData, train: BarRanges): Predictor {
    let hits = 0, n = 0, last = NaN, lastBar = -2;
    for (const [start, end] of train) {
      for (let t = Math.max(0, start); t < end && t < data.up.length; t++) {
        const y = data.up[t];
        if (!(y === 0 || y === 1)) { last = NaN; continue; }
        if (lastBar === t - 1 && last === last) { n++; if (y !== last) hits++; }
        last = y; lastBar = t;
      }
    }
    // the last known move counts only if it is the bar just before the next one predicted
    const end = train.length ? train[train.length - 1][1] : 0;
    if (lastBar !== end - 1) last = NaN;
    const h = (hits + 1) / (n + 2);
    return {
      predict: () => (last === 0 ? h : last === 1 ? 1 - h : 0.5),
      observe: (_row, label) => { last = label; },
      diagnostics: () => ({ hitRate: h, rows: n }),
    };
  },
};

/** The forecast baselines, in the order comparisons list them. */
export const BASELINE_AGGREGATORS: readonly Aggregator[] = [baseRateForecaster, calibratedVote, bestMember, reversalRule];
