import { checkBinary, checkSameLength, type NumArray } from './checks.ts';

/**
 * ROC AUC via the Mann–Whitney U statistic with mid-ranks for ties:
 * AUC = P(score⁺ > score⁻) + ½·P(score⁺ = score⁻). O(N log N). NaN when either class is empty.
 *
 * Computed as U = Σ over positives of (#negatives below + ½ #negatives tied), by merging the sorted scores
 * of each class (two typed-array sorts instead of an index sort with a comparator). U is a sum of
 * half-integers, exact in doubles, so this equals the rank-sum form U = R⁺ − n⁺(n⁺ + 1)/2 bit for bit.
 */
export function auc(scores: NumArray, outcomes: NumArray): number {
  checkSameLength(scores, outcomes, 'scores', 'outcomes');
  checkBinary(outcomes, 'outcomes');
  const n = scores.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) nPos += outcomes[i];
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  const pos = new Float64Array(nPos), neg = new Float64Array(nNeg);
  for (let i = 0, p = 0, q = 0; i < n; i++) if (outcomes[i] === 1) pos[p++] = scores[i]; else neg[q++] = scores[i];
  pos.sort(); neg.sort();
  // Walk both: for each positive, `below` negatives are < it and `tied` are equal to it.
  let u = 0, below = 0;
  for (let p = 0; p < nPos;) {
    const s = pos[p];
    while (below < nNeg && neg[below] < s) below++;
    let tied = 0;
    while (below + tied < nNeg && neg[below + tied] === s) tied++;
    let same = 1;
    while (p + same < nPos && pos[p + same] === s) same++;
    u += same * (below + 0.5 * tied);
    p += same;
  }
  return u / (nPos * nNeg);
}
