/**
 * Probabilistic and deflated Sharpe ratios of a trade list (Bailey & López de Prado 2012, 2014), with the number of
 * trials and the spread of the trials' Sharpe ratios taken from a hyperopt run when there is one.
 */
import { returnMoments, probabilisticSharpeRatio, deflatedSharpeRatio } from '../stats/sharpe';

export interface SharpeReport {
  n: number;
  /** Per-observation Sharpe ratio (per trade, or per period). */
  sr: number;
  skewness: number;
  kurtosis: number;
  /** P(true SR > 0). */
  psr: number;
  nTrials: number;
  /** Variance of the trials' Sharpe ratios used for deflation, and where it came from. */
  sharpeVariance: number;
  varianceSource: string;
  /** E[max SR of nTrials zero-skill trials]: the bar the best trial must clear. */
  srBenchmark: number;
  /** P(true SR > srBenchmark). */
  dsr: number;
}

export function sharpeReport(returns: ArrayLike<number>, trials: { nTrials: number; trialSharpes?: readonly number[] | null; sharpeVariance?: number | null }): SharpeReport {
  const m = returnMoments(returns as Float64Array);
  const sr = m.sd > 0 ? m.mean / m.sd : 0;
  const psr = probabilisticSharpeRatio({ sr, srBenchmark: 0, n: m.n, skewness: m.skewness, kurtosis: m.kurtosis });
  let sharpeVariance: number, varianceSource: string;
  const ts = (trials.trialSharpes ?? []).filter(Number.isFinite);
  if (trials.sharpeVariance != null && trials.sharpeVariance >= 0) {
    sharpeVariance = trials.sharpeVariance; varianceSource = 'entered by hand';
  } else if (ts.length >= 2) {
    const mu = ts.reduce((a, b) => a + b, 0) / ts.length;
    sharpeVariance = ts.reduce((a, b) => a + (b - mu) ** 2, 0) / (ts.length - 1);
    varianceSource = `spread of ${ts.length} hyperopt epochs' per-trade Sharpe ratios`;
  } else {
    sharpeVariance = 1 / (m.n - 1);
    varianceSource = `1/(n − 1): as if every trial were a zero-skill strategy with ${m.n} trades (no trial spread available)`;
  }
  const nTrials = Math.max(1, Math.round(trials.nTrials));
  const { dsr, srBenchmark } = deflatedSharpeRatio({ sr, n: m.n, skewness: m.skewness, kurtosis: m.kurtosis, nTrials, sharpeVariance });
  return { n: m.n, sr, skewness: m.skewness, kurtosis: m.kurtosis, psr, nTrials, sharpeVariance, varianceSource, srBenchmark, dsr };
}
