/** Trade-level statistics for a user's own backtest: returns, Sharpe (PSR/DSR), dependence-aware tests, permutations. */
export * from './series';
export * from './significance';
export * from './hitRate';
export * from './permutation';
export * from './sharpe';
// The verdict rules live with the other rules (src/engine/claims/rules/strategy-edge.ts).
export { ruleStrategyEdge, ruleHitRateTarget, ruleNoLookAhead, type StrategyEdgeFigures, type HitRateTargetFigures, type LookAheadFigures } from '../claims/rules/strategy-edge';
