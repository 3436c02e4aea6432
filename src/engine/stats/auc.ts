import { checkBinary, checkSameLength, type NumArray } from './checks.ts';

/**
 * ROC AUC via the Mann–Whitney U statistic with mid-ranks for ties:
 * AUC = P(score⁺ > score⁻) + ½·P(score⁺ = score⁻). O(N log N). NaN when either class is empty.
 */
export function auc(scores: NumArray, outcomes: NumArray): number {
  checkSameLength(scores, outcomes, 'scores', 'outcomes');
  checkBinary(outcomes, 'outcomes');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let nPos = 0, rankSumPos = 0;
  for (let r = 0; r < n;) {
    let e = r + 1;
    while (e < n && scores[order[e]] === scores[order[r]]) e++;
    const midRank = (r + 1 + e) / 2; // ranks r+1..e share their mean
    for (let j = r; j < e; j++) if (outcomes[order[j]] === 1) { nPos++; rankSumPos += midRank; }
    r = e;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
