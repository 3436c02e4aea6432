/**
 * One trading decision shaped like the roadmap's `quantum_decision_process(market_data, position_state)`.
 * The clock is an argument: engine code never reads wall time, so tests and workers can inject one.
 */
import type { Predictor } from './types';
import { NO_CALL_BAND } from '../stats/hitRate';

export interface PositionState {
  /** −1 short, 0 flat, 1 long. */
  readonly side: -1 | 0 | 1;
  /** Current position as a fraction of equity (0–1). */
  readonly sizeFraction?: number;
}

export interface DecisionConfig {
  /** Act only when max(P, 1 − P) ≥ this (roadmap `quantum_confidence_threshold = 0.80`). */
  readonly confidenceThreshold?: number;
  /** Whether a confident "down" may open a short; otherwise it only closes a long. */
  readonly allowShort?: boolean;
  /** Member ids for the vote listing (default m0…m13). */
  readonly memberIds?: readonly string[];
}

export interface DecisionInput {
  /** The 14 member probabilities at bar t. */
  readonly probs: ArrayLike<number>;
  readonly positionState: PositionState;
  /** A fitted aggregator (from `aggregator.fit(...)`). */
  readonly aggregator: Predictor;
  readonly config?: DecisionConfig;
}

export interface MemberVote {
  readonly memberId: string;
  readonly p: number;
  /** 1 up (p > 0.5), −1 down (p < 0.5), 0 abstain (0.5 or NaN). */
  readonly vote: -1 | 0 | 1;
}

export interface Decision {
  /** 1 buy / go long, −1 sell / go short or close the long, 0 hold. */
  readonly action: 1 | 0 | -1;
  /** P(up) from the aggregator. */
  readonly pUp: number;
  /** max(P, 1 − P), the roadmap's "confidence". */
  readonly confidence: number;
  readonly votes: readonly MemberVote[];
  readonly latencyMs: number;
  readonly usedFallback: boolean;
}

export function validateDecisionConfig(config: DecisionConfig): void {
  const c = config.confidenceThreshold;
  if (c !== undefined && !(c >= 0.5 && c <= 1)) throw new RangeError(`invalid confidenceThreshold: ${c} (expected 0.5–1)`);
}

export function decide(input: DecisionInput, now: () => number): Decision {
  const t0 = now();
  const { probs, positionState, aggregator, config = {} } = input;
  const threshold = config.confidenceThreshold ?? 0.8;
  const n = probs.length;
  const row = new Float64Array(n); // 14 doubles: cheaper than any shared buffer's bookkeeping, and re-entrant
  const votes: MemberVote[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = +probs[i];
    row[i] = p;
    votes[i] = { memberId: config.memberIds?.[i] ?? `m${i}`, p, vote: p > 0.5 ? 1 : p < 0.5 ? -1 : 0 };
  }
  let pUp = aggregator.predict(row);
  if (!(pUp >= 0 && pUp <= 1)) pUp = 0.5; // an invalid output never trades
  const confidence = pUp >= 0.5 ? pUp : 1 - pUp;
  let action: 1 | 0 | -1 = 0;
  if (confidence >= threshold && Math.abs(pUp - 0.5) > NO_CALL_BAND) { // 0.5 ± 1e-16 is rounding, not a call
    if (pUp > 0.5) action = positionState.side === 1 ? 0 : 1;
    else if (positionState.side === 1 || (config.allowShort && positionState.side === 0)) action = -1;
  }
  const usedFallback = aggregator.lastUsedFallback ?? false;
  return { action, pUp, confidence, votes, latencyMs: now() - t0, usedFallback };
}
