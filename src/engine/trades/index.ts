/** Trade-level statistics for a user's own backtest: returns, Sharpe (PSR/DSR), dependence-aware tests, permutations. */
export * from './series';
export * from './significance';
export * from './hitRate';
export * from './permutation';
export * from './sharpe';
export * from './verdicts';
