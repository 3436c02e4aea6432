/**
 * Do our tests reject at their nominal rate? Simulates many seeded series of up/down bars, each with a
 * public autocorrelated signal z_t (AR(1), φ = 0.9, known at bar t), and outcomes
 *   P(up_t) = ½ + edge·sign(z_t)   (edge = 0: a pure random walk, nothing to find).
 * Two forecasters with identical marginal distributions: "informed" p = ½ + 0.1·tanh(z_t), and
 * "irrelevant" the same function of an independent AR(1) series. Under edge = 0 their expected losses are
 * exactly equal and their loss differences are serially correlated (both forecasts are smooth), which is
 * what a HAC variance must handle. With edge > 0 the informed forecaster has a planted edge of known size:
 * the rejection rate is the test's power.
 *
 * Tests, all two-sided at α unless stated: Diebold–Mariano with Newey–West variance (log loss), the paired
 * stationary block bootstrap of log-loss differences, McNemar on direction, the circular-shift correlation
 * test of the informed forecast (valid here: a fixed function of the current signal, not fitted), and the
 * one-sided DM "beats the base rate" for a forecaster that only tracks a rolling 100-bar up-rate, compared
 * with the expanding base rate (the skill test; its null is composite, so its rate may sit below α).
 * For contrast, the circular-shift test applied to that learning forecaster is reported too: it is not a
 * valid test there (see forecastTests.ts), and is not part of the calibrated set.
 */
import { createRng } from '../random.ts';
import { circularShiftTest } from './permutation.ts';
import { pairedBootstrapLossDifference } from './pairedBootstrap.ts';
import { dieboldMariano, mcnemarDirection } from './forecastTests.ts';
import { binomialPmf } from './distributions.ts';
import { checkInt, checkOpenUnit } from './checks.ts';

export interface NominalRateOptions {
  readonly walks?: number;
  readonly nBars?: number;
  /** Planted edge on P(up) (0 = null). */
  readonly edge?: number;
  readonly alpha?: number;
  /** Resamples per bootstrap / circular-shift test. */
  readonly replicates?: number;
  readonly seed?: number | string;
}

export type NominalTest = 'diebold-mariano-hac' | 'block-bootstrap' | 'mcnemar' | 'circular-shift' | 'dm-vs-base-rate' | 'circular-shift-learner';

export interface NominalRateResult {
  readonly walks: number;
  readonly nBars: number;
  readonly edge: number;
  readonly alpha: number;
  /** Share of walks on which each test rejected at α. */
  readonly rates: Record<NominalTest, number>;
  /** Central binomial interval of the rejection count under a correct level: [lo, hi] as rates, at 99 %. */
  readonly band: { readonly lower: number; readonly upper: number };
}

/** Central binomial interval (each tail ≤ (1 − level)/2) of K ~ Bin(n, p), as rates K/n. */
export function binomialBand(n: number, p: number, level = 0.99): { lower: number; upper: number } {
  const tail = (1 - level) / 2;
  let cdf = 0, lo = 0;
  for (let k = 0; k <= n; k++) { cdf += binomialPmf(k, n, p); if (cdf > tail) { lo = k; break; } }
  let sf = 0, hi = n;
  for (let k = n; k >= 0; k--) { sf += binomialPmf(k, n, p); if (sf > tail) { hi = k; break; } }
  return { lower: lo / n, upper: hi / n };
}

const logLossOf = (p: number, y: number): number => (y ? -Math.log(p) : -Math.log(1 - p));

export function simulateRejectionRates(options: NominalRateOptions = {}): NominalRateResult {
  return simulateRejectionRateRuns([options])[0];
}

/**
 * Several simulations (e.g. the null and a planted edge) run walk by walk in step: walk w of every run is
 * simulated before walk w + 1 of any, so runs whose walk w has the same length and replicates share that
 * walk's bootstrap resample set (its seed is the walk index; pairedBootstrap keeps the last few sets). Each
 * result equals simulateRejectionRates with the same options: runs keep their own generators.
 */
export function simulateRejectionRateRuns(runs: readonly NominalRateOptions[]): NominalRateResult[] {
  const sims = runs.map(startRun);
  const most = Math.max(0, ...sims.map((r) => r.walks));
  for (let w = 0; w < most; w++) for (const r of sims) if (w < r.walks) r.walk(w);
  return sims.map((r) => r.result());
}

function startRun(options: NominalRateOptions): { walks: number; walk: (w: number) => void; result: () => NominalRateResult } {
  const { walks = 300, nBars = 500, edge = 0, alpha = 0.05, replicates = 199, seed = 1 } = options;
  checkInt(walks, 'walks', 1, 100000);
  checkInt(nBars, 'nBars', 50, 1e6);
  checkOpenUnit(alpha, 'alpha');
  if (!(edge >= 0 && edge < 0.5)) throw new RangeError(`invalid edge: ${edge} (expected 0 ≤ edge < 0.5)`);
  const counts: Record<NominalTest, number> = {
    'diebold-mariano-hac': 0, 'block-bootstrap': 0, mcnemar: 0, 'circular-shift': 0, 'dm-vs-base-rate': 0, 'circular-shift-learner': 0,
  };
  const root = createRng(seed);
  const y = new Float64Array(nBars), fa = new Float64Array(nBars), fb = new Float64Array(nBars);
  const la = new Float64Array(nBars), lb = new Float64Array(nBars), lr = new Float64Array(nBars), lbase = new Float64Array(nBars);
  const learner = new Float64Array(nBars);
  const minShift = Math.min(50, Math.floor(nBars / 4));
  const walk = (w: number): void => {
    const rng = root.fork(`walk-${w}`);
    let z = rng.normal() / Math.sqrt(1 - 0.81), z2 = rng.normal() / Math.sqrt(1 - 0.81);
    let ups = 0, known = 0;
    const ring = new Uint8Array(100);
    let rk = 0, rn = 0;
    for (let t = 0; t < nBars; t++) {
      z = 0.9 * z + rng.normal(); z2 = 0.9 * z2 + rng.normal();
      fa[t] = 0.5 + 0.1 * Math.tanh(z);
      fb[t] = 0.5 + 0.1 * Math.tanh(z2);
      const base = (ups + 1) / (known + 2);
      learner[t] = (rk + 1) / (rn + 2);
      y[t] = rng.next() < 0.5 + edge * Math.sign(z) ? 1 : 0;
      la[t] = logLossOf(fa[t], y[t]); lb[t] = logLossOf(fb[t], y[t]);
      lbase[t] = logLossOf(base, y[t]); lr[t] = logLossOf(learner[t], y[t]);
      // the label of bar t becomes known after it is predicted
      ups += y[t]; known++;
      const slot = t % 100;
      if (rn === 100) rk -= ring[slot]; else rn++;
      ring[slot] = y[t]; rk += y[t];
    }
    if (dieboldMariano(la, lb).pValue < alpha) counts['diebold-mariano-hac']++;
    if (pairedBootstrapLossDifference(la, lb, { replicates, seed: `${w}` }).pValue < alpha) counts['block-bootstrap']++;
    if (mcnemarDirection(fa, fb, y).pValue < alpha) counts.mcnemar++;
    if (circularShiftTest(fa, y, { permutations: replicates, seed: `${w}`, minShift }).pValue < alpha) counts['circular-shift']++;
    if (dieboldMariano(lr, lbase, { alternative: 'less' }).pValue < alpha) counts['dm-vs-base-rate']++;
    if (circularShiftTest(learner, y, { permutations: replicates, seed: `${w}-l`, minShift }).pValue < alpha) counts['circular-shift-learner']++;
  };
  const result = (): NominalRateResult => {
    const rates = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / walks])) as Record<NominalTest, number>;
    return { walks, nBars, edge, alpha, rates, band: binomialBand(walks, alpha, 0.99) };
  };
  return { walks, walk, result };
}
