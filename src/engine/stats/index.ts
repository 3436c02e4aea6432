// Forecast statistics, significance tests, ensemble diagnostics and the "consciousness index".
// Pure functions over plain arrays; all randomness via createRng(seed).
export * from './distributions.ts';
export * from './wilson.ts';
export * from './hitRate.ts';
export * from './brier.ts';
export * from './murphy.ts';
export * from './logLoss.ts';
export * from './calibration.ts';
export * from './auc.ts';
export * from './pValue.ts';
export * from './resample.ts';
export * from './permutation.ts';
export * from './pairedBootstrap.ts';
export * from './multipleTesting.ts';
export * from './sharpe.ts';
export * from './correlation.ts';
export * from './effectiveNumber.ts';
export * from './condorcet.ts';
export * from './lz76.ts';
export * from './gaussianInfo.ts';
export * from './spectralFlatness.ts';
export * from './walkForwardPercentile.ts';
export * from './consciousness.ts';
export * from './eventStudy.ts';
export * from './power.ts';
export type { NumArray } from './checks.ts';
export * from './pbo.ts';
