import type { Aggregator, BarRanges, EnsembleData, FitOptions, Predictor } from '../types';
import { forEachTrainingRow, rangesExtending } from '../math';

/**
 * Hedge / exponential weights (Freund & Schapire 1997; Cesa-Bianchi & Lugosi 2006, Thm 2.2):
 * wᵢ ∝ exp(−η·Lᵢ) with Lᵢ the cumulative loss of expert i, losses in [0, 1].
 * With a known horizon T and η = √(8 ln N / T) the regret against the best expert is ≤ √((T/2) ln N)
 * (N = 14, T = 8760 → 107.5, 0.0123 per round). The horizon is not known causally, so the default is
 * the anytime rate η_t = √(8 ln N / t) (Thm 2.3: regret ≤ 2√((t/2) ln N) + √(ln N / 8)).
 */
export interface HedgeOptions {
  /** Fixed learning rate; overrides `horizonRounds`. */
  readonly eta?: number;
  /** Known horizon T: η = √(8 ln N / T). Omit for the anytime schedule. */
  readonly horizonRounds?: number;
}

export interface Hedge {
  /** Current normalised weights (a view; do not keep across updates). */
  weights(): Float64Array;
  /** Record one round of losses (each in [0, 1]). */
  update(losses: ArrayLike<number>): void;
  readonly rounds: number;
  /** A copy of the cumulative losses and round count (to continue from with createHedge's `start`). */
  state(): { cumLoss: Float64Array; rounds: number };
}

/** `start`: continue from an earlier state (Hedge.state()) instead of zero losses. */
export function createHedge(nExperts: number, options: HedgeOptions = {}, start?: { readonly cumLoss: Float64Array; readonly rounds: number }): Hedge {
  if (!(nExperts >= 1) || !Number.isInteger(nExperts)) throw new RangeError(`invalid nExperts: ${nExperts} (expected integer ≥ 1)`);
  const { eta, horizonRounds } = options;
  if (eta !== undefined && !(eta > 0)) throw new RangeError(`invalid eta: ${eta} (expected > 0)`);
  if (horizonRounds !== undefined && !(horizonRounds >= 1)) throw new RangeError(`invalid horizonRounds: ${horizonRounds} (expected ≥ 1)`);
  const lnN = Math.log(Math.max(nExperts, 2));
  if (start && start.cumLoss.length !== nExperts) throw new RangeError(`invalid start: ${start.cumLoss.length} experts (expected ${nExperts})`);
  const cumLoss = start ? Float64Array.from(start.cumLoss) : new Float64Array(nExperts);
  const w = new Float64Array(nExperts);
  let rounds = start ? start.rounds : 0;
  const rate = (): number => eta ?? Math.sqrt((8 * lnN) / (horizonRounds ?? rounds + 1));
  return {
    get rounds() { return rounds; },
    weights() {
      const e = rate();
      let min = Infinity;
      for (let i = 0; i < nExperts; i++) if (cumLoss[i] < min) min = cumLoss[i];
      let s = 0;
      for (let i = 0; i < nExperts; i++) { w[i] = Math.exp(-e * (cumLoss[i] - min)); s += w[i]; } // shift by min: no underflow
      for (let i = 0; i < nExperts; i++) w[i] /= s;
      return w;
    },
    update(losses) {
      for (let i = 0; i < nExperts; i++) {
        const l = losses[i];
        if (!(l >= 0 && l <= 1)) throw new RangeError(`invalid losses[${i}]: ${l} (expected 0–1)`);
        cumLoss[i] += l;
      }
      rounds++;
    },
    state: () => ({ cumLoss: Float64Array.from(cumLoss), rounds }),
  };
}

export type HedgeLoss = 'brier' | 'log';

/** Log loss −ln p is clipped at p = 0.01 and divided by ln 100 so it lies in [0, 1] as Hedge requires. */
const LOG_LOSS_CAP = Math.log(100);

export function memberLoss(p: number, y: number, loss: HedgeLoss): number {
  const q = p === p ? p : 0.5;
  if (loss === 'brier') return (q - y) * (q - y);
  const py = y === 1 ? q : 1 - q;
  return Math.min(-Math.log(Math.max(py, 1e-300)), LOG_LOSS_CAP) / LOG_LOSS_CAP;
}

export function createHedgeAggregator(loss: HedgeLoss = 'brier', options: HedgeOptions = {}): Aggregator {
  return {
    id: loss === 'brier' ? 'hedge' : 'hedge-log',
    title: loss === 'brier' ? 'Hedge (exponential weights, Brier loss)' : 'Hedge (exponential weights, clipped log loss)',
    rationale: 'Online weighting of members by past loss; guaranteed to approach the best single member (regret ≤ √((T/2) ln N)). Output = weighted mean probability.',
    kind: 'online',
    fit(data: EnsembleData, train: BarRanges, fitOptions: FitOptions = {}): Predictor {
      const n = data.probs.length;
      // Warm start (expanding window): the previous split's state after its training rows, then only the bars
      // added since are replayed; the same losses are added in the same order as replaying everything.
      const w = fitOptions.warmStart as HedgeWarmStart | undefined;
      const added = w && w.probs === data.probs && w.up === data.up && w.state.cumLoss.length === n ? rangesExtending(w.train, train) : null;
      const hedge = createHedge(n, options, added && w ? w.state : undefined);
      const losses = new Float64Array(n);
      const observe = (row: Float64Array, y: number): void => {
        if (!(y === 0 || y === 1)) return;
        for (let i = 0; i < n; i++) losses[i] = memberLoss(row[i], y, loss);
        hedge.update(losses);
      };
      forEachTrainingRow(data.probs, data.up, added ?? train, observe, false);
      return {
        warmStart: { probs: data.probs, up: data.up, train: train.map(([a, b]) => [a, b] as const), state: hedge.state() } satisfies HedgeWarmStart,
        predict(row) {
          const w = hedge.weights();
          let s = 0;
          for (let i = 0; i < n; i++) { const p = row[i]; s += w[i] * (p === p ? p : 0.5); }
          return s;
        },
        observe,
        diagnostics: () => ({ rounds: hedge.rounds }),
      };
    },
  };
}

/** What a Hedge fit hands to the next split's fit: its state after the training rows of `train`. */
interface HedgeWarmStart { readonly probs: readonly Float64Array[]; readonly up: Float64Array; readonly train: BarRanges; readonly state: { readonly cumLoss: Float64Array; readonly rounds: number } }

export const hedge = createHedgeAggregator('brier');
export const hedgeLog = createHedgeAggregator('log');
