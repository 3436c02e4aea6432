/**
 * One market experiment, end to end and pure: every aggregator and every baseline on identical
 * walk-forward splits, scored on the same bars, with the paired skill tests against the causal base-rate
 * forecaster (Diebold–Mariano with HAC variance, optionally the paired block bootstrap), effect sizes with
 * intervals and the smallest detectable effect, PBO of the aggregator selection, and backtests under the
 * roadmap's risk rules next to buy-and-hold capped at the maximum position.
 *
 * Multiple testing: one family per loss (log loss, Brier) = every forecaster vs the base rate; Holm within
 * a family. Notebooks that combine families (e.g. skill and the comparisons with the democratic vote)
 * adjust across them with Benjamini–Hochberg and say so.
 */
import type { Aggregator, EnsembleData } from './types';
import { evaluateWalkForward, walkForwardSplits, type AggregatorRun, type Split } from './walkForward';
import { backtest, type BacktestConfig, type BacktestResult } from './backtest';
import { BASELINE_AGGREGATORS } from './aggregators/baselines';
import {
  auc, brierScore, calibrationSlope, dieboldMariano, expectedCalibrationError, hitRate, holm, judgeEffect, logLoss,
  minimumDetectableEffect, pairedBootstrapLossDifference, probabilityOfBacktestOverfitting,
  type CalibrationSlopeResult, type EffectJudgement,
} from '../stats/index';

export type LossKind = 'log loss' | 'Brier';

/**
 * Minimum effects that matter, per bar. A calibrated forecast p = ½ ± e gains ≈ 2e² nats of log loss and
 * e² of Brier over a coin; e = 0.007 (a 0.7-point hit-rate edge, about the smallest edge that a strategy
 * paying no fees could exploit on hourly bars with meaningful frequency) gives 1e-4 nats and 5e-5 Brier.
 * A gain below these is "too small to matter" however significant.
 */
export const MIN_EFFECT: Readonly<Record<LossKind, number>> = { 'log loss': 1e-4, Brier: 5e-5 };

const LOSS_CLIP = 1e-15;

export function perBarLoss(kind: LossKind, forecasts: ArrayLike<number>, outcomes: ArrayLike<number>): Float64Array {
  const out = new Float64Array(forecasts.length);
  for (let i = 0; i < out.length; i++) {
    const p = forecasts[i], y = outcomes[i];
    if (kind === 'Brier') out[i] = (p - y) ** 2;
    else { const q = Math.min(1 - LOSS_CLIP, Math.max(LOSS_CLIP, p)); out[i] = y ? -Math.log(q) : -Math.log(1 - q); }
  }
  return out;
}

export interface ForecastScore {
  readonly id: string;
  readonly hitRate: number;
  readonly hitLower: number;
  readonly hitUpper: number;
  /** Directional calls (outside the 1e-9 no-call band around 0.5). */
  readonly calls: number;
  readonly brier: number;
  readonly logLoss: number;
  /** ECE over 10 quantile bins (equal counts), so a forecast living in 0.43–0.59 still fills every bin. */
  readonly ece: number;
  readonly calibration: CalibrationSlopeResult;
  /** NaN for a constant forecast (see aucReason). */
  readonly auc: number;
  readonly aucReason: string;
}

export function scoreForecast(id: string, f: Float64Array, outcomes: Float64Array): ForecastScore {
  const hr = hitRate(f, outcomes);
  let varies = false;
  for (let i = 1; i < f.length && !varies; i++) varies = f[i] !== f[0];
  return {
    id, hitRate: hr.rate, hitLower: hr.lower, hitUpper: hr.upper, calls: hr.n,
    brier: brierScore(f, outcomes), logLoss: logLoss(f, outcomes),
    ece: expectedCalibrationError(f, outcomes, { nBins: 10, bootstrap: 0, binning: 'quantile' }).ece,
    calibration: calibrationSlope(f, outcomes),
    auc: varies ? auc(f, outcomes) : NaN, aucReason: varies ? '' : 'constant forecast',
  };
}

export interface PairedComparison {
  readonly id: string;
  readonly baseline: string;
  readonly loss: LossKind;
  /** Mean per-bar gain = baseline loss − candidate loss (positive: the candidate is better). */
  readonly gain: number;
  /** 95 % interval of the gain (DM/HAC). */
  readonly lower: number;
  readonly upper: number;
  readonly standardError: number;
  /** Two-sided Diebold–Mariano p (HAC variance). */
  readonly pDm: number;
  /** Two-sided paired block-bootstrap p (NaN when not run). */
  readonly pBootstrap: number;
  /** Holm-adjusted DM p within the family. */
  readonly pHolm: number;
  /** Smallest gain detectable at this sample size (two-sided α = 0.05, power 0.8). */
  readonly detectable: number;
  readonly minEffect: number;
  readonly judgement: EffectJudgement;
}

export interface CompareOptions {
  readonly loss: LossKind;
  /** Bootstrap replicates (0 = DM only). */
  readonly replicates?: number;
  readonly seed?: number | string;
  readonly alpha?: number;
  readonly minEffect?: number;
  /** Only these candidates get the bootstrap (default: all). */
  readonly bootstrapIds?: readonly string[];
  /**
   * Per-bar losses already computed for these forecasts and outcomes, by `${id}|${loss}`; the ones computed here
   * are added (families on the same bars share them).
   */
  readonly losses?: Map<string, Float64Array>;
}

/**
 * Every candidate against one baseline on one loss, as one Holm family. The rules use pHolm and the
 * interval; the bootstrap p is the resampling cross-check of the DM p.
 */
export function compareWithBaseline(
  candidates: Readonly<Record<string, Float64Array>>, baselineId: string, baseline: Float64Array, outcomes: Float64Array, options: CompareOptions,
): PairedComparison[] {
  const { loss, replicates = 0, seed = 1, alpha = 0.05, bootstrapIds, losses } = options;
  const minEffect = options.minEffect ?? MIN_EFFECT[loss];
  const lossOf = (id: string, f: Float64Array): Float64Array => {
    const key = `${id}|${loss}`;
    let l = losses?.get(key);
    if (!l) { l = perBarLoss(loss, f, outcomes); losses?.set(key, l); }
    return l;
  };
  const lb = lossOf(baselineId, baseline);
  const ids = Object.keys(candidates).filter((id) => id !== baselineId);
  const rows = ids.map((id) => {
    const lc = lossOf(id, candidates[id]);
    const dm = dieboldMariano(lb, lc); // baseline − candidate: positive = candidate better
    // One resample set for every pair and loss on these bars (same seed): drawn once, shared (common random numbers).
    const boot = replicates > 0 && (!bootstrapIds || bootstrapIds.includes(id)) ? pairedBootstrapLossDifference(lb, lc, { replicates, seed }).pValue : NaN;
    return { id, dm, boot };
  });
  const adj = rows.length ? holm(rows.map((r) => r.dm.pValue)).adjusted : new Float64Array(0);
  return rows.map((r, i) => {
    const detectable = minimumDetectableEffect(r.dm.standardError);
    const judgement = judgeEffect({
      estimate: r.dm.meanDifference, lower: r.dm.lower, upper: r.dm.upper, pAdjusted: adj[i], minEffect, detectable, alpha,
      unit: loss === 'log loss' ? 'nats/bar' : 'Brier/bar',
    });
    return {
      id: r.id, baseline: baselineId, loss, gain: r.dm.meanDifference, lower: r.dm.lower, upper: r.dm.upper, standardError: r.dm.standardError,
      pDm: r.dm.pValue, pBootstrap: r.boot, pHolm: adj[i], detectable, minEffect, judgement,
    };
  });
}

/**
 * PBO of picking the best aggregator on past data: CSCV over the per-bar log-loss gains against the base
 * rate (metric: mean gain). Blocks: 16, fewer on short series (≥ 20 bars per block). NaN with < 2 columns
 * or too few bars.
 */
export function aggregatorSelectionPbo(gains: readonly Float64Array[]): { pbo: number; nSplits: number; blocks: number } {
  const T = gains[0]?.length ?? 0;
  let blocks = 16;
  while (blocks > 2 && T / blocks < 20) blocks -= 2;
  if (gains.length < 2 || T / blocks < 2) return { pbo: NaN, nSplits: 0, blocks };
  const r = probabilityOfBacktestOverfitting(gains, { blocks, metric: 'mean' });
  return { pbo: r.pbo, nSplits: r.nSplits, blocks };
}

export interface MarketInput {
  readonly probs: readonly Float64Array[];
  readonly up: Float64Array;
  readonly close: Float64Array;
  readonly time: Float64Array;
}

export interface MarketExperimentConfig {
  readonly aggregators: readonly Aggregator[];
  /** Baselines run alongside (default BASELINE_AGGREGATORS; the first must be the base rate). */
  readonly baselines?: readonly Aggregator[];
  readonly trainBars: number;
  readonly testBars: number;
  readonly labelHorizonBars?: number;
  readonly embargoBars?: number;
  readonly seed?: number;
  /** Bootstrap replicates for the paired tests (0: DM only). */
  readonly replicates?: number;
  readonly backtest?: BacktestConfig;
  readonly onProgress?: (fraction: number, message: string) => void;
  readonly isCancelled?: () => boolean;
  /**
   * A walk-forward already run on this input with the same seed (e.g. a notebook's own): runs whose id matches
   * an aggregator here are taken from it instead of refitted. Used only when its splits equal these; the
   * caller vouches that equal ids are equal aggregators (the registry's objects).
   */
  readonly precomputed?: { readonly splits: readonly Split[]; readonly runs: readonly AggregatorRun[]; readonly tested: Uint8Array };
}

/** Same bars tested and trained on, split by split. */
export function sameSplits(a: readonly Split[], b: readonly Split[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k], y = b[k];
    if (x.testStart !== y.testStart || x.testEnd !== y.testEnd || x.train.length !== y.train.length) return false;
    for (let r = 0; r < x.train.length; r++) if (x.train[r][0] !== y.train[r][0] || x.train[r][1] !== y.train[r][1]) return false;
  }
  return true;
}

export interface MarketEvaluation {
  readonly splits: readonly Split[];
  readonly runs: readonly AggregatorRun[];
  readonly tested: Uint8Array;
}

/** The walk-forward part (the expensive one): aggregators and baselines on identical splits. */
export function runMarketWalkForward(input: MarketInput, config: MarketExperimentConfig): MarketEvaluation {
  const nBars = input.up.length;
  const all = [...(config.baselines ?? BASELINE_AGGREGATORS), ...config.aggregators];
  const splits = walkForwardSplits({
    nBars, trainBars: Math.min(config.trainBars, Math.floor(nBars / 3)), testBars: config.testBars,
    labelHorizonBars: config.labelHorizonBars, embargoBars: config.embargoBars,
  });
  const data: EnsembleData = { probs: input.probs, up: input.up };
  const pre = config.precomputed && config.precomputed.tested.length === nBars && sameSplits(config.precomputed.splits, splits) ? config.precomputed : null;
  const reused = new Map((pre?.runs ?? []).map((r) => [r.id, r]));
  const todo = all.filter((a) => !reused.has(a.id));
  const res = evaluateWalkForward(todo, data, splits, {
    seed: config.seed ?? 0, isCancelled: config.isCancelled,
    onProgress: (p) => config.onProgress?.(p.done / p.total, `${p.aggregatorId}: split ${p.splitIndex + 1} of ${splits.length}`),
  });
  const fresh = new Map(res.runs.map((r) => [r.id, r]));
  return { splits, runs: all.map((a) => reused.get(a.id) ?? fresh.get(a.id)!), tested: pre ? pre.tested : res.tested };
}

export interface ScoredExperiment {
  /** Bar indices scored (tested, known outcome, inside the mask). */
  readonly scored: Int32Array;
  readonly outcomes: Float64Array;
  readonly forecasts: Readonly<Record<string, Float64Array>>;
  readonly scores: readonly ForecastScore[];
  /** Skill = gain over the base-rate forecaster, one Holm family per loss. */
  readonly skill: readonly PairedComparison[];
  /** Every candidate against the calibrated democratic vote (log loss), one Holm family. */
  readonly vsVote: readonly PairedComparison[];
  readonly pbo: { readonly pbo: number; readonly nSplits: number; readonly blocks: number };
}

/**
 * Score one walk-forward run on a subset of bars (`mask[t] = 1` keeps bar t; omit for all tested bars):
 * regimes reuse the same fitted forecasts and only change which bars are scored.
 */
export function scoreMarket(
  input: MarketInput, wf: MarketEvaluation, { mask, replicates = 0, seed = 1, baseRateId = 'base-rate', voteId = 'calibrated-vote', pboIds, bootstrapIds, pbo = true, scoreIds }:
    { mask?: Uint8Array; replicates?: number; seed?: number | string; baseRateId?: string; voteId?: string; pboIds?: readonly string[]; bootstrapIds?: readonly string[];
      /** false: skip the PBO of the selection (NaN, 0 splits), for callers that do not show it. */ pbo?: boolean;
      /** Forecasters whose scores (hit rate, Brier, log loss, ECE, calibration, AUC) are computed (default every run). */ scoreIds?: readonly string[] } = {},
): ScoredExperiment {
  const idx: number[] = [];
  for (let t = 0; t < input.up.length; t++) {
    const y = input.up[t];
    if (wf.tested[t] && (y === 0 || y === 1) && (!mask || mask[t])) idx.push(t);
  }
  const scored = Int32Array.from(idx), m = idx.length;
  // Plain loops: Float64Array.from with a map function goes through the iterator protocol (slow per element).
  const gather = (src: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = src[scored[i]];
    return out;
  };
  const outcomes = gather(input.up);
  const forecasts: Record<string, Float64Array> = {};
  for (const r of wf.runs) forecasts[r.id] = gather(r.p);
  if (scored.length < 3) {
    return { scored, outcomes, forecasts, scores: [], skill: [], vsVote: [], pbo: { pbo: NaN, nSplits: 0, blocks: 0 } };
  }
  const scores = wf.runs.filter((r) => !scoreIds || scoreIds.includes(r.id)).map((r) => scoreForecast(r.id, forecasts[r.id], outcomes));
  const base = forecasts[baseRateId];
  if (!base) throw new RangeError(`invalid baseRateId: ${baseRateId} (no such run: ${wf.runs.map((r) => r.id).join(', ')})`);
  // Every family scores the same bars: each forecaster's per-bar loss is computed once and shared.
  const losses = new Map<string, Float64Array>();
  const skill = (['log loss', 'Brier'] as const).flatMap((loss) => compareWithBaseline(forecasts, baseRateId, base, outcomes, { loss, replicates, seed, bootstrapIds, losses }));
  const vote = forecasts[voteId];
  const vsVote = vote ? compareWithBaseline(forecasts, voteId, vote, outcomes, { loss: 'log loss', replicates: 0, seed, losses }) : [];
  if (!pbo) return { scored, outcomes, forecasts, scores, skill, vsVote, pbo: { pbo: NaN, nSplits: 0, blocks: 0 } };
  const lossOf = (id: string) => losses.get(`${id}|log loss`) ?? perBarLoss('log loss', forecasts[id], outcomes);
  const lb = lossOf(baseRateId);
  const pboCols = (pboIds ?? wf.runs.map((r) => r.id).filter((id) => id !== baseRateId)).map((id) => {
    const lc = lossOf(id), g = new Float64Array(m);
    for (let i = 0; i < m; i++) g[i] = lb[i] - lc[i];
    return g;
  });
  return { scored, outcomes, forecasts, scores, skill, vsVote, pbo: aggregatorSelectionPbo(pboCols) };
}

/**
 * Backtests of one forecaster under the roadmap's rules and always-in, on the bars from `startBar`. The
 * always-in run is simulated when first read (the sweeps' rules read only the roadmap run), then kept.
 */
export function backtestBoth(p: Float64Array, input: MarketInput, config: BacktestConfig): { roadmap: BacktestResult; alwaysIn: BacktestResult } {
  let alwaysIn: BacktestResult | null = null;
  return {
    roadmap: backtest(p, input.close, input.time, config),
    get alwaysIn() { return (alwaysIn ??= backtest(p, input.close, input.time, { ...config, mode: 'always-in' })); },
  };
}

/**
 * Break-even cost per unit of position changed (fee + slippage per side, in bps) of a position path:
 * with additive accounting the net PnL is Σ pos[t−1]·r[t] − c·Σ|Δpos|, so c* = gross / turnover.
 * NaN without any trade; negative when the strategy loses before costs.
 */
export function breakEvenCostBps(position: Float64Array, close: Float64Array, startBar: number): number {
  let gross = 0, turnover = 0, prev = 0;
  for (let t = startBar; t < close.length; t++) {
    const pos = t === close.length - 1 ? 0 : position[t];
    turnover += Math.abs(pos - prev);
    if (t + 1 < close.length) gross += pos * (close[t + 1] / close[t] - 1);
    prev = pos;
  }
  return turnover > 0 ? (1e4 * gross) / turnover : NaN;
}
