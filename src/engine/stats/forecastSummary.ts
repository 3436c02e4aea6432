/**
 * Every score of several probability forecasts of the same outcomes, in one call: hit rate with its Wilson
 * interval, the Murphy decomposition of Brier, ECE with its bootstrap interval, calibration slope and
 * intercept, log loss, the 5th–95th percentile range and the share of bars whose confidence max(p, 1 − p)
 * lies in a band. The figures are those of the single-forecast functions; the ECE bootstraps share their
 * resampled bars (same seed), which draws them once instead of once per forecast.
 */
import { brierDecomposition, type BrierDecomposition } from './murphy.ts';
import { expectedCalibrationErrors, quantileSorted, type Binning, type EceResult } from './calibration.ts';
import { calibrationSlope, type CalibrationSlopeResult } from './calibrationSlope.ts';
import { hitRate, type HitRateResult } from './hitRate.ts';
import { logLoss } from './logLoss.ts';
import type { NumArray } from './checks.ts';

export interface ForecastSummary {
  hitRate: HitRateResult;
  decomposition: BrierDecomposition;
  ece: EceResult;
  calibration: CalibrationSlopeResult;
  logLoss: number;
  /** 5th and 95th percentiles of the forecasts (type 7). */
  pLow: number;
  pHigh: number;
  /** Share of forecasts whose confidence max(p, 1 − p) lies in [band[0], band[1]]. */
  bandShare: number;
}

export interface ForecastSummaryOptions {
  /** Equal-width bins of the Brier decomposition (default 20). */
  brierBins?: number;
  /** ECE bins (default 10) and their binning (default 'quantile'). */
  eceBins?: number;
  eceBinning?: Binning;
  /** ECE bootstrap replicates (default 100; 0: no interval). */
  bootstrap?: number;
  seed?: number | string;
  /** Confidence band (default the roadmap's 0.6–0.95). */
  band?: readonly [number, number];
  onProgress?: (fraction: number, message: string) => void;
}

export function summarizeForecasts(forecasts: readonly NumArray[], outcomes: NumArray, options: ForecastSummaryOptions = {}): ForecastSummary[] {
  const { brierBins = 20, eceBins = 10, eceBinning = 'quantile', bootstrap = 100, seed = 1, band = [0.6, 0.95], onProgress } = options;
  onProgress?.(0, 'calibration error bootstrap');
  const eces = expectedCalibrationErrors(forecasts, outcomes, { nBins: eceBins, bootstrap, seed, binning: eceBinning });
  return forecasts.map((f, q) => {
    onProgress?.(0.5 + (0.5 * q) / forecasts.length, `scoring forecast ${q + 1} of ${forecasts.length}`);
    const sorted = Float64Array.from(f).sort();
    let inBand = 0;
    for (let i = 0; i < f.length; i++) { const p = f[i], c = p >= 0.5 ? p : 1 - p; if (c >= band[0] && c <= band[1]) inBand++; }
    return {
      hitRate: hitRate(f, outcomes),
      decomposition: brierDecomposition(f, outcomes, { bins: brierBins }),
      ece: eces[q],
      calibration: calibrationSlope(f, outcomes),
      logLoss: logLoss(f, outcomes),
      pLow: quantileSorted(sorted, 0.05), pHigh: quantileSorted(sorted, 0.95),
      bandShare: inBand / f.length,
    };
  });
}
