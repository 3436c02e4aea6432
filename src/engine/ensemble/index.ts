/** Ensemble layer: aggregators of the 14 board members, walk-forward evaluation, backtest, decision latency. */
export type { EnsembleData, BarRanges, AggregatorKind, FitOptions, Predictor, Aggregator } from './types';
export { P_EPS, clipProb, logit, sigmoid, readRow } from './math';
export { fitLogistic, type LogisticOptions, type LogisticFit } from './logistic';
export * from './aggregators/index';
export {
  walkForwardSplits, evaluateWalkForward, runCausal, CancelledError,
  type WalkForwardConfig, type Split, type WalkForwardProgress, type RunOptions, type AggregatorRun, type WalkForwardResult, type CausalOptions,
} from './walkForward';
export { decide, type Decision, type DecisionInput, type DecisionConfig, type PositionState, type MemberVote } from './decision';
export { backtest, simulatePositions, medianBarMs, barsPerYearOf, randomTimingProfitableShare, type BacktestConfig, type BacktestResult, type BacktestRun, type BacktestMetrics } from './backtest';
export { measureDecisionLatency, quantileSorted, type LatencyOptions, type LatencyResult } from './latency';
export { syntheticBoard, type SyntheticOptions, type SyntheticBoard } from './synthetic';
export { QUANTUM_AGGREGATORS, vqcDefault, roadmapWithFallback, type QuantumAggregatorEntry } from './quantumAggregators';
export {
  MIN_EFFECT, perBarLoss, scoreForecast, compareWithBaseline, aggregatorSelectionPbo, runMarketWalkForward, sameSplits, scoreMarket, backtestBoth, breakEvenCostBps,
  type LossKind, type ForecastScore, type PairedComparison, type CompareOptions, type MarketInput, type MarketExperimentConfig,
  type MarketEvaluation, type ScoredExperiment,
} from './marketEvaluation';
export {
  causalRegimes, stability, feeSweep, sweepDataset, cellClaimFigures, cellClaimScoreIds,
  type Regime, type RegimeOptions, type StabilityCell, type Stability, type FeeSweepRow, type SweepConfig, type SweepCell, type CellClaimIds,
} from './robustness';
