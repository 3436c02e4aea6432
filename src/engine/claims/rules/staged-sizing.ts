/**
 * Rule for "Deploy with 1% position sizes … Scale to 2% … Full 5% positions after 2 weeks of stable
 * operation" (claim staged-sizing).
 *
 * This is a procedure, not a performance claim, and its advancement criteria ("successful validation",
 * "stable operation", "scale based on performance") are undefined. The backtest applies one defensible
 * reading (a stage advances after its minimum duration iff cumulative PnL over the stage is ≥ 0) and
 * reports what it did. Verdicts:
 *  - not measurable here iff the strategy never traded (the schedule then advances on flat equity,
 *    which validates nothing);
 *  - untestable as stated otherwise, with the stages reached under our reading.
 */
import { fmt, type RuleResult } from '../verdict';

export interface StagedSizingFigures {
  readonly aggregator: string;
  /** Position fraction of each stage, e.g. [0.01, 0.02, 0.05]. */
  readonly stageFractions: readonly number[];
  /** Minimum bars of each stage but the last. */
  readonly stageBars: readonly number[];
  /** Highest stage index reached (0 = first stage). */
  readonly maxStage: number;
  readonly nTrades: number;
  /** Total return of the staged strategy, for the text. */
  readonly totalReturn?: number;
}

export function ruleStagedSizing(f: StagedSizingFigures): RuleResult {
  if (!f.stageFractions.length) throw new RangeError('invalid stageFractions: [] (expected ≥ 1 stage)');
  if (!Number.isInteger(f.maxStage) || f.maxStage < 0 || f.maxStage >= f.stageFractions.length) {
    throw new RangeError(`invalid maxStage: ${f.maxStage} (expected an integer 0–${f.stageFractions.length - 1})`);
  }
  if (!Number.isInteger(f.nTrades) || f.nTrades < 0) throw new RangeError(`invalid nTrades: ${f.nTrades} (expected an integer ≥ 0)`);
  const stages = f.stageFractions.map((x) => `${fmt(100 * x, 3)} %`).join(' → ');
  const head = `a procedure, not a performance claim: "successful validation", "stable operation" and "scale based on performance" are undefined. ` +
    `Our reading: a stage (${stages}) advances after ${f.stageBars.join(' / ')} bars iff cumulative PnL over the stage is ≥ 0, otherwise it restarts. ` +
    `${f.aggregator}: ${f.nTrades} trades, highest stage reached ${f.maxStage + 1} of ${f.stageFractions.length} (${fmt(100 * f.stageFractions[f.maxStage], 3)} % positions)` +
    (f.totalReturn !== undefined ? `, total return ${fmt(100 * f.totalReturn, 3)} %` : '');
  if (f.nTrades === 0) return { verdict: 'not measurable here', rule: `${head}: with no trades the schedule advances on flat equity, which validates nothing` };
  return { verdict: 'untestable as stated', rule: `${head}: what counts as success is undefined, so any schedule can be called a pass` };
}
