/**
 * The ONE mapping from a member's raw score to P(next bar closes up): a 1-D logistic (Platt) fit
 * P = σ(a + b·z), z = raw standardised over the fit window, refitted walk-forward. No hand-set constants:
 * a and b are fitted on past (raw[s], up[s]) pairs whose label is already known (s + 1 ≤ t).
 */
import type { Ohlcv } from './ohlcv';
import { upLabels } from './returns';
import { MEMBERS, getMember, type BoardMember } from './members/index';

export interface MappingOptions {
  /** Refit the mapping every this many bars (fits happen at bars minHistory + k·refitEvery). */
  readonly refitEvery: number;
  /** Bars before the first fit; until then the output is exactly 0.5 and flagged as a default. */
  readonly minHistory: number;
  /** Fit on the last `window` labelled bars only (rolling); Infinity = expanding window. */
  readonly window?: number;
  /** Ridge strength on the slope b (in standardised units); small, keeps fits finite. */
  readonly l2?: number;
}

export const DEFAULT_MAPPING: Required<MappingOptions> = { refitEvery: 500, minHistory: 500, window: 5000, l2: 1 };

/** Fewest usable pairs for a fit; with fewer the previous fit (or the 0.5 default) stays. */
export const MIN_FIT_PAIRS = 30;
/** Standardised scores are clipped to ±Z_CLIP so one outlier bar cannot give a probability of 0 or 1. */
const Z_CLIP = 8;
/** Probabilities are kept within [P_FLOOR, 1 − P_FLOOR], strictly inside (0, 1). */
const P_FLOOR = 1e-6;

export interface ProbabilityColumn {
  readonly prob: Float64Array;
  /** 1 where prob is the 0.5 default (before minHistory, no usable fit yet, or raw score NaN). */
  readonly isDefault: Uint8Array;
}

export function checkMapping(o: Partial<MappingOptions>): Required<MappingOptions> {
  const m = { ...DEFAULT_MAPPING, ...o };
  if (!Number.isInteger(m.refitEvery) || m.refitEvery < 1) throw new RangeError(`invalid mapping.refitEvery: ${m.refitEvery} (expected an integer ≥ 1)`);
  if (!Number.isInteger(m.minHistory) || m.minHistory < 1) throw new RangeError(`invalid mapping.minHistory: ${m.minHistory} (expected an integer ≥ 1)`);
  if (!(m.window >= MIN_FIT_PAIRS)) throw new RangeError(`invalid mapping.window: ${m.window} (expected ≥ ${MIN_FIT_PAIRS} or Infinity)`);
  if (!(m.l2 >= 0)) throw new RangeError(`invalid mapping.l2: ${m.l2} (expected ≥ 0)`);
  return m;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Walk-forward Platt mapping of one raw column. Causal: the output at t depends on raw[≤ t] and up[≤ t − 1] only.
 */
export function toProbabilitiesDetailed(raw: Float64Array, up: Float64Array, options: MappingOptions): ProbabilityColumn {
  const { refitEvery, minHistory, window, l2 } = checkMapping(options);
  const T = raw.length;
  if (up.length !== T) throw new RangeError(`invalid up.length: ${up.length} (expected raw.length ${T})`);
  const prob = new Float64Array(T).fill(0.5);
  const isDefault = new Uint8Array(T).fill(1);
  const zs = new Float64Array(Math.min(T, Number.isFinite(window) ? window : T));
  const ys = new Float64Array(zs.length);
  let a = 0, b = 0, mean = 0, sd = 1, fitted = false;

  for (let t = 0; t < T; t++) {
    if (t >= minHistory && (t - minHistory) % refitEvery === 0) {
      // Pairs s in [t − window, t − 1]: label up[s] is known at bar s + 1 ≤ t.
      const from = Number.isFinite(window) ? Math.max(0, t - window) : 0;
      let n = 0, m = 0, m2 = 0;
      for (let s = from; s < t; s++) {
        const x = raw[s], y = up[s];
        if (x === x && y === y) { zs[n] = x; ys[n] = y; n++; const d = x - m; m += d / n; m2 += d * (x - m); }
      }
      if (n >= MIN_FIT_PAIRS) {
        const sdNew = Math.sqrt(m2 / n);
        const inv = sdNew > 0 ? 1 / sdNew : 0;
        for (let i = 0; i < n; i++) { const z = (zs[i] - m) * inv; zs[i] = z > Z_CLIP ? Z_CLIP : z < -Z_CLIP ? -Z_CLIP : z; }
        // Newton on the two parameters, warm-started from the previous fit.
        let aa = fitted ? a : 0, bb = fitted ? b : 0;
        for (let it = 0; it < 50; it++) {
          let g0 = 0, g1 = -l2 * bb, h00 = 1e-9, h01 = 0, h11 = l2 + 1e-9;
          for (let i = 0; i < n; i++) {
            const z = zs[i], p = 1 / (1 + Math.exp(-(aa + bb * z))), r = ys[i] - p, w = p * (1 - p); // |aa + bb·z| stays small: z is clipped
            g0 += r; g1 += r * z; h00 += w; h01 += w * z; h11 += w * z * z;
          }
          const det = h00 * h11 - h01 * h01;
          const d0 = (h11 * g0 - h01 * g1) / det, d1 = (h00 * g1 - h01 * g0) / det;
          aa += d0; bb += d1;
          // Newton converges quadratically: once a step is below 1e-7 the remaining error is ~1e-14.
          if (Math.abs(d0) < 1e-7 && Math.abs(d1) < 1e-7) break;
        }
        if (Number.isFinite(aa) && Number.isFinite(bb)) { a = aa; b = bb; mean = m; sd = inv; fitted = true; }
      }
    }
    const x = raw[t];
    if (fitted && x === x) {
      let z = (x - mean) * sd;
      z = z > Z_CLIP ? Z_CLIP : z < -Z_CLIP ? -Z_CLIP : z;
      const p = sigmoid(a + b * z);
      prob[t] = p < P_FLOOR ? P_FLOOR : p > 1 - P_FLOOR ? 1 - P_FLOOR : p;
      isDefault[t] = 0;
    }
  }
  return { prob, isDefault };
}

/** Probabilities only; see toProbabilitiesDetailed for the default flags. */
export function toProbabilities(raw: Float64Array, up: Float64Array, options: MappingOptions): Float64Array {
  return toProbabilitiesDetailed(raw, up, options).prob;
}

export interface MemberProbabilityOptions {
  /** Member ids in the wanted column order (default: all 14 in registry order). */
  readonly members?: readonly string[];
  /** Parameter overrides per member id, merged over the member's defaults. */
  readonly params?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly mapping?: Partial<MappingOptions>;
}

export interface MemberProbabilities {
  readonly ids: string[];
  /** One column per member, length T: P(close[t+1] > close[t]) known at bar t. */
  readonly probs: Float64Array[];
  readonly raw: Float64Array[];
  /** 1 where the probability is the 0.5 default. */
  readonly isDefault: Uint8Array[];
  readonly mapping: Required<MappingOptions>;
}

/** Raw scores and walk-forward probabilities of the chosen members. onProgress(done, total) after each member. */
export function computeMemberProbabilities(
  data: Ohlcv, options: MemberProbabilityOptions = {}, onProgress?: (done: number, total: number) => void,
): MemberProbabilities {
  const mapping = checkMapping(options.mapping ?? {});
  const list: readonly BoardMember[] = options.members ? options.members.map(getMember) : MEMBERS;
  for (const id of Object.keys(options.params ?? {})) getMember(id); // typo in an override: fail loudly
  const up = upLabels(data.close);
  const ids: string[] = [], probs: Float64Array[] = [], raw: Float64Array[] = [], isDefault: Uint8Array[] = [];
  list.forEach((m, i) => {
    const over = options.params?.[m.id] ?? {};
    for (const k of Object.keys(over)) {
      if (!(k in m.params)) throw new RangeError(`invalid ${m.id} parameter: "${k}" (expected one of ${Object.keys(m.params).join(', ')})`);
    }
    const r = m.signal(data, { ...m.params, ...over });
    const col = toProbabilitiesDetailed(r, up, mapping);
    ids.push(m.id); raw.push(r); probs.push(col.prob); isDefault.push(col.isDefault);
    onProgress?.(i + 1, list.length);
  });
  return { ids, probs, raw, isDefault, mapping };
}
