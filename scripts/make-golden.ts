/**
 * Regenerate test/fixtures/golden/figures.json: share links and the figures they must reproduce.
 * Run only when a figure changes on purpose (say why in the commit): `npx tsx scripts/make-golden.ts`.
 */
import { writeFileSync } from 'node:fs';
import { encodeExperiment, type ExperimentState } from '../src/share/codec';
import { loadCatalog } from './nodeCatalog';
import { runNotebookHeadless } from './nodeSession';

const experiments: (ExperimentState & { pick: string[] })[] = [
  { v: 1 as const, notebook: 'luck-or-skill', seed: 42, inputs: { trueHitRate: 0.6, decisions: 1000 }, edits: {}, pick: ['wins', 'observedHitRate', 'lower95', 'upper95', 'decisionsNeeded'] },
  { v: 1 as const, notebook: 'luck-or-skill', seed: 7, inputs: {}, edits: { simulate: 'const outcomes = new Uint8Array(decisions);\nfor (let i = 0; i < decisions; i++) outcomes[i] = rng.next() < 0.75 ? 1 : 0;\nconst wins = outcomes.reduce((a, b) => a + b, 0);\nconst observedHitRate = wins / decisions;' }, pick: ['wins', 'observedHitRate', 'lower95'] },
];

const catalog = loadCatalog();
const out = [];
for (const { pick, ...state } of experiments) {
  const nb = catalog.find((n) => n.meta.id === state.notebook)!;
  const { states } = await runNotebookHeadless(nb, state);
  const figures: Record<string, string> = {};
  for (const s of states.values()) if (s.state === 'done') for (const [k, v] of Object.entries(s.display.figures)) if (pick.includes(k)) figures[k] = String(v);
  out.push({ link: `#/nb/${state.notebook}/${encodeExperiment(state).replace(/^#/, '')}`, figures });
}
writeFileSync('test/fixtures/golden/figures.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
process.exit(0);
