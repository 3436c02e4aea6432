import { fmt, type RuleResult } from '../verdict';

export interface Timescale {
  label: string;
  /** Period (duration) in seconds. */
  seconds: number;
}

export interface TimingBridgeFigures {
  /** Every timescale a component actually operates at: configured layers, measured gate times, hardware gate times. */
  timescales: readonly Timescale[];
  /** The claim's span: EHz (1e-18 s) to µHz (1e6 s) = 24 decades. */
  claimDecades?: number;
}

export interface TimingBridgeResult extends RuleResult {
  /** log10(slowest / fastest), NaN when fewer than two valid timescales. */
  spanDecades: number;
  fastest?: Timescale;
  slowest?: Timescale;
}

/** log10(max/min) over positive finite durations; NaN when fewer than two. */
export function decadesSpan(seconds: readonly number[]): number {
  const v = seconds.filter((s) => Number.isFinite(s) && s > 0);
  if (v.length < 2) return NaN;
  return Math.log10(Math.max(...v) / Math.min(...v));
}

/**
 * "24-order-of-magnitude timing bridge operational (EHz to μHz)". Refuted iff the timescales any
 * component actually operates at span fewer than 24 decades. A span of ≥ 24 decades would still not show
 * a working "bridge" (coordination across the scales is undefined), so it gives 'untestable as stated'.
 */
export function ruleTimingBridge24Decades({ timescales, claimDecades = 24 }: TimingBridgeFigures): TimingBridgeResult {
  const valid = timescales.filter((t) => Number.isFinite(t.seconds) && t.seconds > 0);
  if (valid.length < 2) {
    return { verdict: 'not measurable here', rule: `fewer than two operating timescales are known (${valid.length}), so no span can be computed`, spanDecades: NaN };
  }
  const sorted = valid.slice().sort((a, b) => a.seconds - b.seconds);
  const fastest = sorted[0], slowest = sorted[sorted.length - 1];
  const span = Math.log10(slowest.seconds / fastest.seconds);
  const between = `the operating timescales span log10(${fmt(slowest.seconds)} s / ${fmt(fastest.seconds)} s) = ${fmt(span, 3)} decades (fastest: ${fastest.label}; slowest: ${slowest.label})`;
  if (span < claimDecades) {
    return { verdict: 'refuted', rule: `refuted iff the span is < ${claimDecades} decades: ${between}, ${fmt(claimDecades - span, 3)} decades short of EHz-to-µHz`, spanDecades: span, fastest, slowest };
  }
  return {
    verdict: 'untestable as stated',
    rule: `${between} ≥ ${claimDecades}, but a span alone is not a "bridge": what is coordinated across the scales, and how "operational" is checked, is undefined`,
    spanDecades: span, fastest, slowest,
  };
}
