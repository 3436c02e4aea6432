/** Roadmap claims and the pure rules that turn measured figures into verdicts (one file per claim in rules/). */
export { ROADMAP_CLAIMS, claimById, type RoadmapClaim } from './registry';
export { VERDICT_ORDER, fmt, type Verdict, type RuleResult } from './verdict';
// Rule exports: one line per claim rule file, appended by whoever writes the rule.
