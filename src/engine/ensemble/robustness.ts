/**
 * Robustness of market verdicts: the same experiment on every dataset, on causal regime splits, and
 * across fees. A verdict that flips with the dataset, the regime or the fee says so.
 *
 * Regimes are defined causally (from bars up to t only) and only choose which bars are scored (and
 * traded): the forecasts are the walk-forward ones fitted on all past bars, so no regime leaks the future.
 * - trend: up-trend iff close[t] > close[t − trendBars], down-trend iff below (default 200 bars);
 * - volatility: high iff the standard deviation of the last `shortBars` log returns exceeds that of the
 *   last `longBars` (defaults 50 and 500), low otherwise. Bars without enough history are in no regime.
 */
import type { Aggregator } from './types';
import { backtest, randomTimingProfitableShare, type BacktestConfig, type BacktestResult } from './backtest';
import { backtestBoth, breakEvenCostBps, compareWithBaseline, runMarketWalkForward, scoreMarket, type MarketExperimentConfig, type MarketInput, type ScoredExperiment } from './marketEvaluation';
import { brierScore, holm, logLoss, quantileSorted, wilsonInterval } from '../stats/index';

export interface Regime {
  readonly id: string;
  readonly label: string;
  /** 1 on bars in the regime. */
  readonly mask: Uint8Array;
}

export interface RegimeOptions {
  readonly trendBars?: number;
  readonly shortBars?: number;
  readonly longBars?: number;
}

function checkBars(name: string, v: number): void {
  if (!(Number.isInteger(v) && v >= 2)) throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ 2)`);
}

export function causalRegimes(close: Float64Array, options: RegimeOptions = {}): Regime[] {
  const { trendBars = 200, shortBars = 50, longBars = 500 } = options;
  checkBars('trendBars', trendBars); checkBars('shortBars', shortBars); checkBars('longBars', longBars);
  if (shortBars >= longBars) throw new RangeError(`invalid shortBars: ${shortBars} (expected < longBars ${longBars})`);
  const n = close.length;
  const upT = new Uint8Array(n), downT = new Uint8Array(n), hi = new Uint8Array(n), lo = new Uint8Array(n);
  for (let t = trendBars; t < n; t++) {
    if (close[t] > close[t - trendBars]) upT[t] = 1;
    else if (close[t] < close[t - trendBars]) downT[t] = 1;
  }
  // rolling sums of r and r² over the last k returns ending at bar t (r[t] = ln close[t]/close[t−1])
  const r = new Float64Array(n);
  for (let t = 1; t < n; t++) r[t] = Math.log(close[t] / close[t - 1]);
  let s1 = 0, q1 = 0, s2 = 0, q2 = 0;
  for (let t = 1; t < n; t++) {
    s1 += r[t]; q1 += r[t] * r[t]; s2 += r[t]; q2 += r[t] * r[t];
    if (t - shortBars >= 1) { const x = r[t - shortBars]; s1 -= x; q1 -= x * x; }
    if (t - longBars >= 1) { const x = r[t - longBars]; s2 -= x; q2 -= x * x; }
    if (t >= longBars) {
      const vs = (q1 - (s1 * s1) / shortBars) / (shortBars - 1), vl = (q2 - (s2 * s2) / longBars) / (longBars - 1);
      if (vs > vl) hi[t] = 1; else lo[t] = 1;
    }
  }
  return [
    { id: 'up-trend', label: `up-trend (close above ${trendBars} bars ago)`, mask: upT },
    { id: 'down-trend', label: `down-trend (close below ${trendBars} bars ago)`, mask: downT },
    { id: 'high-vol', label: `high volatility (${shortBars}-bar σ above ${longBars}-bar σ)`, mask: hi },
    { id: 'low-vol', label: `low volatility (${shortBars}-bar σ at or below ${longBars}-bar σ)`, mask: lo },
  ];
}

export interface StabilityCell {
  /** Where it was measured: a dataset ("BTC_USDT-1d"), a dataset and regime ("ETH_USDT-1h down-trend") or a fee ("fee 0 bps"). */
  readonly label: string;
  readonly verdict: string;
}

export interface Stability {
  readonly robust: boolean;
  /** "robust: V on all N …" or "depends on data: V on …; W on …", labels grouped by dataset. */
  readonly headline: string;
  /** Cells not counted (e.g. too few bars), listed in the headline. */
  readonly skipped: readonly string[];
}

/**
 * Compact list of cell labels: labels "DATASET REGIME" are grouped per dataset ("ETH_USDT-1h (all bars,
 * down-trend)", or "(every bar set)" when all of that dataset's cells are in the list), fees are merged
 * ("fees 0, 1, 2 bps").
 */
function describeCells(labels: readonly string[], all: readonly string[]): string {
  const perDataset = new Map<string, string[]>(), fees: string[] = [], order: string[] = [];
  const datasetOf = (l: string): string => l.split(' ')[0];
  for (const l of labels) {
    const m = /^fee (.+) bps$/.exec(l);
    if (m) { fees.push(m[1]); continue; }
    const ds = datasetOf(l);
    if (!perDataset.has(ds)) { perDataset.set(ds, []); order.push(ds); }
    perDataset.get(ds)!.push(l.includes(' ') ? l.slice(ds.length + 1) : 'all bars');
  }
  const parts = order.map((ds) => {
    const mine = perDataset.get(ds)!, total = all.filter((l) => !/^fee /.test(l) && datasetOf(l) === ds).length;
    return mine.length === total && total > 1 ? `${ds} (every bar set)` : `${ds} (${mine.join(', ')})`;
  });
  if (fees.length) parts.push(`fees ${fees.join(', ')} bps`);
  return parts.join(', ');
}

/**
 * Robust iff every counted cell has the same verdict. `skip` marks cells that could not be measured
 * (too few bars or trades); they are named but do not make a verdict unstable.
 */
export function stability(cells: readonly StabilityCell[], skip: (c: StabilityCell) => boolean = () => false): Stability {
  const counted = cells.filter((c) => !skip(c));
  const skipped = cells.filter((c) => skip(c)).map((c) => c.label);
  const labels = cells.map((c) => c.label);
  const groups = new Map<string, string[]>();
  for (const c of counted) groups.set(c.verdict, [...(groups.get(c.verdict) ?? []), c.label]);
  const tail = skipped.length ? `; not counted (too little data): ${describeCells(skipped, labels)}` : '';
  if (groups.size === 0) return { robust: false, headline: `not measured anywhere${tail}`, skipped };
  if (groups.size === 1) {
    const [v] = groups.keys();
    return { robust: true, headline: `robust: ${v} on all ${counted.length} datasets/regimes/fees${tail}`, skipped };
  }
  const parts = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)
    .map(([v, ls]) => `${v} on ${ls.length} of ${counted.length}: ${describeCells(ls, labels)}`);
  return { robust: false, headline: `depends on data: ${parts.join('; ')}${tail}`, skipped };
}

export interface FeeSweepRow {
  readonly feeBps: number;
  readonly totalReturn: number;
  readonly nTrades: number;
  readonly nProfitable: number;
}

/** The roadmap-rule backtest of one forecast at each fee (per side; slippage kept), and the break-even cost. */
export function feeSweep(p: Float64Array, input: MarketInput, config: BacktestConfig, feesBps: readonly number[]): { rows: FeeSweepRow[]; breakEvenBps: number } {
  const rows = feesBps.map((feeBps) => {
    const r = backtest(p, input.close, input.time, { ...config, feeBps }).strategy;
    return { feeBps, totalReturn: r.totalReturn, nTrades: r.nTrades, nProfitable: r.nProfitable };
  });
  const zero = backtest(p, input.close, input.time, { ...config, feeBps: 0, slippageBps: 0 });
  return { rows, breakEvenBps: breakEvenCostBps(zero.strategy.position, input.close, zero.startBar) };
}

export interface SweepConfig {
  readonly aggregators: readonly Aggregator[];
  readonly trainBars: number;
  readonly testBars: number;
  readonly replicates?: number;
  /** Forecasters whose skill tests get the bootstrap (others: DM only, to keep the sweep fast). */
  readonly bootstrapIds?: readonly string[];
  /** Forecasters to backtest in every cell. */
  readonly backtestIds: readonly string[];
  readonly backtest: BacktestConfig;
  readonly regimes?: RegimeOptions;
  readonly seed?: number;
  readonly onProgress?: (fraction: number, message: string) => void;
  readonly isCancelled?: () => boolean;
  /** This dataset's walk-forward already run elsewhere (see MarketExperimentConfig.precomputed): matching runs are reused. */
  readonly precomputed?: MarketExperimentConfig['precomputed'];
  /** false: skip each cell's PBO of the aggregator selection (default true). */
  readonly pbo?: boolean;
  /** Forecasters scored in each cell (default every run; cellClaimScoreIds lists what cellClaimFigures reads). */
  readonly scoreIds?: readonly string[];
}

export interface SweepCell {
  readonly dataset: string;
  /** 'all' or a regime id. */
  readonly regime: string;
  readonly regimeLabel: string;
  readonly scored: ScoredExperiment;
  /** Backtests of the backtestIds, trading only on the cell's bars. */
  readonly backtests: Readonly<Record<string, { roadmap: BacktestResult; alwaysIn: BacktestResult }>>;
}

/** One dataset: walk-forward once, then score and backtest on all tested bars and on each causal regime. */
export function sweepDataset(dataset: string, input: MarketInput, config: SweepConfig): SweepCell[] {
  const wf = runMarketWalkForward(input, {
    aggregators: config.aggregators, trainBars: config.trainBars, testBars: config.testBars, seed: config.seed, precomputed: config.precomputed,
    isCancelled: config.isCancelled, onProgress: (f, m) => config.onProgress?.(0.8 * f, `${dataset}: ${m}`),
  });
  const regimes: Regime[] = [{ id: 'all', label: 'all tested bars', mask: new Uint8Array(input.up.length).fill(1) }, ...causalRegimes(input.close, config.regimes)];
  const runById = new Map(wf.runs.map((r) => [r.id, r]));
  return regimes.map((reg, k) => {
    if (config.isCancelled?.()) throw new Error('robustness sweep cancelled');
    config.onProgress?.(0.8 + (0.2 * k) / regimes.length, `${dataset}: scoring ${reg.label}`);
    const scored = scoreMarket(input, wf, { mask: reg.mask, replicates: config.replicates ?? 0, seed: `${config.seed ?? 0}-${dataset}-${reg.id}`, bootstrapIds: config.bootstrapIds, pbo: config.pbo, scoreIds: config.scoreIds });
    const startBar = scored.scored.length ? scored.scored[0] : input.up.length - 1;
    const backtests: Record<string, { roadmap: BacktestResult; alwaysIn: BacktestResult }> = {};
    for (const id of config.backtestIds) {
      const run = runById.get(id);
      if (!run) throw new RangeError(`invalid backtestIds: ${id} (no such run)`);
      // trade only on the cell's bars: outside them the forecast is withheld (flat)
      const p = new Float64Array(run.p.length);
      for (let t = 0; t < p.length; t++) p[t] = wf.tested[t] && reg.mask[t] ? run.p[t] : NaN;
      backtests[id] = backtestBoth(p, input, { ...config.backtest, startBar: Math.min(startBar, input.up.length - 1) });
    }
    return { dataset, regime: reg.id, regimeLabel: reg.label, scored, backtests };
  });
}

/** Ids of the forecasters whose figures a sweep cell produces for the market claims. */
export interface CellClaimIds {
  /** The quantum candidate judged for quantum-vs-voting (and whose fallback rate is measured). */
  readonly quantum: string;
  readonly vote?: string;
  readonly stacking?: string;
  readonly baseRate?: string;
  /** The candidate judged for real-confidence (default stacking). */
  readonly confidenceCandidate?: string;
  /** The traded forecaster judged for profitable-80 (must be in the sweep's backtestIds). */
  readonly traded: string;
}

/**
 * The forecasters whose full scores cellClaimFigures reads (pass as SweepConfig.scoreIds to score only those):
 * the confidence candidate's ECE and calibration; log losses and Brier scores it computes itself when missing.
 */
export function cellClaimScoreIds(ids: CellClaimIds): string[] {
  return [ids.confidenceCandidate ?? 'stacking'];
}

/**
 * The figures each market claim's rule needs, measured on one sweep cell (the rules live in the claims
 * registry; this only measures). Comparisons of the quantum candidate with the vote, stacking and the base
 * rate form one Holm family of three; the confidence candidate's Brier gain is taken from the cell's skill
 * family. Fallback and crash counts are recomputed from the candidate's outputs on the cell's bars
 * (confidence outside [bandLo, bandHi], or not a number in [0, 1]).
 */
export function cellClaimFigures(cell: SweepCell, input: MarketInput, ids: CellClaimIds, backtestConfig: BacktestConfig, band: readonly [number, number] = [0.6, 0.95]) {
  const { quantum, vote = 'calibrated-vote', stacking = 'stacking', baseRate = 'base-rate', confidenceCandidate = 'stacking', traded } = ids;
  const sc = cell.scored;
  const f = sc.forecasts, y = sc.outcomes, n = y.length;
  const need = [quantum, vote, stacking, baseRate, confidenceCandidate];
  for (const id of need) if (!f[id]) throw new RangeError(`invalid cell forecaster: ${id} (not in the sweep)`);
  const pairs = [vote, stacking, baseRate].map((b) => compareWithBaseline({ [quantum]: f[quantum] }, b, f[b], y, { loss: 'log loss' })[0]);
  const adj = holm(pairs.map((c) => c.pDm)).adjusted;
  const gain = (i: number) => ({ gain: pairs[i].gain, lower: pairs[i].lower, upper: pairs[i].upper, pAdjusted: adj[i], detectable: pairs[i].detectable });
  const score = (id: string) => {
    const found = sc.scores.find((s) => s.id === id);
    if (!found) throw new RangeError(`invalid cell: ${id} was not scored (scoreIds must include cellClaimScoreIds)`);
    return found;
  };
  // The same functions scoreForecast uses, for forecasters the cell did not score in full.
  const logLossOf = (id: string) => sc.scores.find((s) => s.id === id)?.logLoss ?? logLoss(f[id], y);
  const brierOf = (id: string) => sc.scores.find((s) => s.id === id)?.brier ?? brierScore(f[id], y);
  const skill = sc.skill.find((c) => c.id === confidenceCandidate && c.loss === 'Brier')!;
  let inBand = 0, failures = 0, crashes = 0;
  const sorted = Float64Array.from(f[confidenceCandidate]).sort();
  for (const p of f[confidenceCandidate]) { const c = p >= 0.5 ? p : 1 - p; if (c >= band[0] && c <= band[1]) inBand++; }
  for (const p of f[quantum]) {
    if (!(p >= 0 && p <= 1)) { crashes++; failures++; continue; }
    const c = p >= 0.5 ? p : 1 - p;
    if (c < band[0] || c > band[1]) failures++;
  }
  const fci = wilsonInterval(failures, n, 0.95);
  const bt = cell.backtests[traded];
  if (!bt) throw new RangeError(`invalid traded: ${traded} (not backtested in this sweep)`);
  const run = bt.roadmap.strategy;
  const pci = wilsonInterval(run.nProfitable, run.nTrades, 0.95);
  const cost = ((backtestConfig.feeBps ?? 10) + (backtestConfig.slippageBps ?? 0)) / 1e4;
  return {
    nBars: n,
    quantumVsVoting: {
      quantum: quantum, nBars: n,
      logLoss: { quantum: logLossOf(quantum), vote: logLossOf(vote), stacking: logLossOf(stacking), baseRate: logLossOf(baseRate) },
      vsVote: gain(0), vsStacking: gain(1), vsBaseRate: gain(2),
    },
    realConfidence: {
      candidate: confidenceCandidate, brier: brierOf(confidenceCandidate), baseRateBrier: brierOf(baseRate),
      vsBaseRate: { gain: skill.gain, lower: skill.lower, upper: skill.upper, pAdjusted: skill.pHolm, detectable: skill.detectable },
      ece: score(confidenceCandidate).ece, calibration: score(confidenceCandidate).calibration, bandShare: n ? inBand / n : 0, nBars: Math.max(1, n),
      pLow: quantileSorted(sorted, 0.05), pHigh: quantileSorted(sorted, 0.95),
    },
    profitable80: {
      aggregator: traded, nTrades: run.nTrades, nProfitable: run.nProfitable, lower: pci.lower, upper: pci.upper,
      confidenceThreshold: backtestConfig.confidenceThreshold ?? 0.8, feeBps: backtestConfig.feeBps ?? 10, slippageBps: backtestConfig.slippageBps ?? 0,
      randomTiming: randomTimingProfitableShare(run, input.close, bt.roadmap.startBar, cost),
    },
    circuitFailures: { calls: n, failures, lower: fci.lower, upper: fci.upper, invalidOutputs: crashes, bandLo: band[0], bandHi: band[1] },
  };
}
