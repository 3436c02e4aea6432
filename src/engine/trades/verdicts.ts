/** The own-strategy verdict rules live with the other rules in src/engine/claims/rules/ (one home for verdicts). */
export * from '../claims/rules/own-strategy';
