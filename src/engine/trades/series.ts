/**
 * Trade lists as return series: per trade, per period (portfolio returns from the trades closed in each period),
 * and grouped (by pair, by month). Input is anything shaped like a freqtrade trade.
 */
import { wilsonInterval } from '../stats/wilson';

export interface TradeLike {
  pair: string;
  openTime: number;
  closeTime: number;
  profitRatio: number;
  profitAbs: number;
  isShort?: boolean;
  feeOpen?: number;
  feeClose?: number;
}

/** Trades sorted by entry time (ties by exit), as a new array. */
export function byEntryTime<T extends TradeLike>(trades: readonly T[]): T[] {
  return [...trades].sort((a, b) => a.openTime - b.openTime || a.closeTime - b.closeTime);
}

/** Net return of each trade (profit_ratio), in entry order. */
export function perTradeReturns(trades: readonly TradeLike[]): Float64Array {
  return Float64Array.from(byEntryTime(trades), (t) => t.profitRatio);
}

export interface PeriodReturns {
  /** Start of each period, epoch ms. */
  start: Float64Array;
  /** Portfolio return of the period: profit of the trades closed in it over the equity at its start. */
  returns: Float64Array;
  /** Number of trades closed in each period. */
  trades: Int32Array;
  periodMs: number;
  /** How returns were scaled: by a running balance (freqtrade's starting_balance) or by max open trades. */
  basis: string;
}

export const DAY_MS = 86_400_000;

/**
 * Per-period returns on a fixed calendar grid from `startMs` (floored to the period) to `endMs`; periods
 * without a closed trade are 0 (flat), which is what an account holding cash earns.
 */
export function periodReturns(
  trades: readonly TradeLike[],
  opts: { startMs: number; endMs: number; periodMs?: number; startingBalance?: number | null; maxOpenTrades?: number | null },
): PeriodReturns {
  const periodMs = opts.periodMs ?? DAY_MS;
  const t0 = Math.floor(opts.startMs / periodMs) * periodMs;
  const k = Math.max(1, Math.ceil((Math.max(opts.endMs, t0 + 1) - t0) / periodMs));
  const pnl = new Float64Array(k);
  const ratioSum = new Float64Array(k);
  const count = new Int32Array(k);
  for (const t of trades) {
    const i = Math.min(k - 1, Math.max(0, Math.floor((t.closeTime - t0) / periodMs)));
    pnl[i] += t.profitAbs;
    ratioSum[i] += t.profitRatio;
    count[i]++;
  }
  const returns = new Float64Array(k);
  let basis: string;
  if (opts.startingBalance && opts.startingBalance > 0) {
    let equity = opts.startingBalance;
    for (let i = 0; i < k; i++) {
      returns[i] = pnl[i] / equity;
      equity += pnl[i];
    }
    basis = `profit over the running balance (starting balance ${opts.startingBalance})`;
  } else {
    const slots = Math.max(1, opts.maxOpenTrades ?? 1);
    for (let i = 0; i < k; i++) returns[i] = ratioSum[i] / slots;
    basis = `sum of trade returns over ${slots} trade slot${slots === 1 ? '' : 's'} (no starting balance in the file)`;
  }
  return { start: Float64Array.from({ length: k }, (_, i) => t0 + i * periodMs), returns, trades: count, periodMs, basis };
}

export interface GroupRow {
  key: string;
  trades: number;
  wins: number;
  hitRate: number;
  hitLower: number;
  hitUpper: number;
  meanReturn: number;
  totalProfitAbs: number;
}

export function groupResults(trades: readonly TradeLike[], keyOf: (t: TradeLike) => string): GroupRow[] {
  const groups = new Map<string, TradeLike[]>();
  for (const t of trades) {
    const k = keyOf(t);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(t);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => {
    const wins = g.filter((t) => t.profitRatio > 0).length;
    const ci = wilsonInterval(wins, g.length);
    return {
      key, trades: g.length, wins, hitRate: wins / g.length, hitLower: ci.lower, hitUpper: ci.upper,
      meanReturn: g.reduce((a, t) => a + t.profitRatio, 0) / g.length,
      totalProfitAbs: g.reduce((a, t) => a + t.profitAbs, 0),
    };
  });
}

/** Calendar bucket of a trade's exit: "2018-01" (month), "2018-W03" style weeks are avoided (ISO weeks confuse). */
export function periodKey(timeMs: number, unit: 'month' | 'week' | 'day'): string {
  const iso = new Date(timeMs).toISOString();
  if (unit === 'month') return iso.slice(0, 7);
  if (unit === 'day') return iso.slice(0, 10);
  const monday = Math.floor((timeMs - 4 * DAY_MS) / (7 * DAY_MS)) * 7 * DAY_MS + 4 * DAY_MS; // epoch day 0 was a Thursday
  return `week of ${new Date(monday).toISOString().slice(0, 10)}`;
}

/** A grouping unit that gives a handful of groups over the span: months for ≥ 3 months, else weeks. */
export function periodUnitFor(spanMs: number): 'month' | 'week' {
  return spanMs >= 90 * DAY_MS ? 'month' : 'week';
}

/** Mean number of trades open at each trade's entry (itself included): 1 = never overlapping. O(n log n). */
export function meanConcurrentTrades(trades: readonly TradeLike[]): number {
  const n = trades.length;
  if (!n) return NaN;
  const opens = Float64Array.from(trades, (t) => t.openTime).sort();
  const closes = Float64Array.from(trades, (t) => t.closeTime).sort();
  // Open at time t: entered at or before t and not yet closed (close > t).
  const countAtMost = (a: Float64Array, t: number) => {
    let lo = 0, hi = a.length;
    while (lo < hi) { const m = (lo + hi) >>> 1; if (a[m] <= t) lo = m + 1; else hi = m; }
    return lo;
  };
  let sum = 0;
  for (const t of trades) sum += countAtMost(opens, t.openTime) - countAtMost(closes, t.openTime);
  return sum / n;
}
