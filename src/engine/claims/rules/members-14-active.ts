/**
 * Rule for "Component Utilization: 14/14 active vs 2/14 active" (claim members-14-active).
 *
 * "Active" is read as "contributes its own information". Measured:
 *  - activeMembers: members whose output is not the 0.50 default on most scored bars;
 *  - N_PR: participation ratio of the members' probability correlations (effective independent members);
 *  - literal N_PR: the same for the inputs the roadmap's own code passes on, `[confidence] * 14`.
 * Verdicts (required = minEffectiveShare · n, default 7 of 14):
 *  - supported iff all n members are active, N_PR ≥ required and the roadmap's literal inputs also keep N_PR ≥ required;
 *  - partly supported iff all n members are active and N_PR > baselineActive (the roadmap's "2/14"), but not supported;
 *  - refuted otherwise.
 */
import { fmt, type RuleResult } from '../verdict';

export interface MembersActiveFigures {
  readonly nMembers: number;
  /** Members whose output is not the 0.50 default on most scored bars. */
  readonly activeMembers: number;
  /** Participation ratio N_PR of the member probability correlations. */
  readonly participationRatio: number;
  /** Variance (design-effect) effective number, for the text. */
  readonly varianceEffective?: number;
  /** N_PR of the roadmap's literal `[confidence] * n` inputs (1 when they are identical). */
  readonly literalParticipationRatio: number;
  /** Default 0.5: "active" needs N_PR ≥ half the members. */
  readonly minEffectiveShare?: number;
  /** The roadmap's "before" figure, 2 active members. */
  readonly baselineActive?: number;
}

export function ruleMembers14Active(f: MembersActiveFigures): RuleResult {
  const share = f.minEffectiveShare ?? 0.5, base = f.baselineActive ?? 2;
  if (!Number.isInteger(f.nMembers) || f.nMembers < 1) throw new RangeError(`invalid nMembers: ${f.nMembers} (expected an integer ≥ 1)`);
  if (!Number.isInteger(f.activeMembers) || f.activeMembers < 0 || f.activeMembers > f.nMembers) {
    throw new RangeError(`invalid activeMembers: ${f.activeMembers} (expected an integer 0–${f.nMembers})`);
  }
  if (!(share > 0 && share <= 1)) throw new RangeError(`invalid minEffectiveShare: ${share} (expected 0 < share ≤ 1)`);
  // NaN N_PR (no member varies at all) counts as 0 effective members.
  const npr = Number.isFinite(f.participationRatio) ? f.participationRatio : 0;
  const lit = Number.isFinite(f.literalParticipationRatio) ? f.literalParticipationRatio : 0;
  const required = share * f.nMembers;
  const nvar = f.varianceEffective !== undefined ? `, N_var = ${fmt(f.varianceEffective, 3)}` : '';
  const head = `supported iff all ${f.nMembers} members are active (not at the 0.50 default), their effective number of independent members N_PR ≥ ${fmt(required, 3)} ` +
    `and the roadmap's literal [confidence] * ${f.nMembers} inputs keep N_PR ≥ ${fmt(required, 3)}; partly supported iff all are active and N_PR > ${base} (the roadmap's "${base}/${f.nMembers}"). ` +
    `Measured: ${f.activeMembers}/${f.nMembers} active, N_PR = ${fmt(npr, 3)}${nvar}; literal replacement N_PR = ${fmt(lit, 3)}`;
  const allActive = f.activeMembers === f.nMembers;
  if (allActive && npr >= required && lit >= required) return { verdict: 'supported', rule: `${head}: all conditions hold` };
  if (allActive && npr > base) {
    const why = lit < required
      ? `all ${f.nMembers} members can be made active with data-driven probabilities, worth about ${fmt(npr, 2)} independent members, but the roadmap's own code collapses the 14 inputs into one signal (N_PR = ${fmt(lit, 2)})`
      : `all members are active, but correlated: they carry about ${fmt(npr, 2)} independent members' worth of information, not ${fmt(required, 3)}`;
    return { verdict: 'partly supported', rule: `${head}: ${why}` };
  }
  const why = allActive ? `the members are so correlated that they act like ${fmt(npr, 2)} members, no more than the ${base} the roadmap starts from`
    : `only ${f.activeMembers} of ${f.nMembers} members are active`;
  return { verdict: 'refuted', rule: `${head}: ${why}` };
}
