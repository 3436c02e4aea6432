/**
 * Your own members in place of the 14 stand-ins: a members CSV aligned to the candles the notebook uses, turned
 * into the same `MemberProbabilities` shape `computeMemberProbabilities` returns, so the calibration and aggregator
 * notebooks run unchanged (same walk-forward splits, baselines and tests).
 * - a probability column (all values in [0, 1]) is used as it is: the file's P(up next bar) at bar t;
 * - a score column is mapped to a probability by the same causal logistic fit as the stand-ins (past bars only);
 * - a bar without a row, or an empty cell, is "no opinion": the 0.5 default, flagged in `isDefault`.
 * Assumption (stated by the notebooks): the value at bar t was computed from candles up to t's close; the
 * `lookAheadCheck` of two exports tests it.
 */
import type { Ohlcv } from './ohlcv';
import { alignMembers, type MembersFile } from './membersCsv';
import { checkMapping, toProbabilitiesDetailed, DEFAULT_MAPPING, type MappingOptions, type MemberProbabilities } from './probabilities';
import { upLabels } from './returns';

export function ownMemberProbabilities(
  data: Ohlcv, file: MembersFile, options: { mapping?: Partial<MappingOptions>; minBars?: number } = {},
  onProgress?: (done: number, total: number) => void,
): MemberProbabilities & { matchedBars: number; unmatchedRows: number; scales: ('probability' | 'score')[] } {
  const mapping = checkMapping({ ...DEFAULT_MAPPING, ...(options.mapping ?? {}) });
  const aligned = alignMembers(file, data, options.minBars ?? 2);
  const up = upLabels(data.close);
  const ids: string[] = [], probs: Float64Array[] = [], raw: Float64Array[] = [], isDefault: Uint8Array[] = [];
  aligned.columns.forEach((c, i) => {
    ids.push(c.name);
    raw.push(c.values);
    if (c.scale === 'probability') {
      const p = Float64Array.from(c.values, (v) => (v === v ? v : 0.5));
      probs.push(p);
      isDefault.push(Uint8Array.from(c.values, (v) => (v === v ? 0 : 1)));
    } else {
      const col = toProbabilitiesDetailed(c.values, up, mapping);
      probs.push(col.prob);
      isDefault.push(col.isDefault);
    }
    onProgress?.(i + 1, aligned.columns.length);
  });
  return { ids, probs, raw, isDefault, mapping, matchedBars: aligned.matched, unmatchedRows: aligned.unmatchedRows, scales: aligned.columns.map((c) => c.scale) };
}
