/**
 * `npm run ledger -- [--json] [--set name=value]… [--data [input=]path]…`: recompute the claims ledger headless (it
 * runs every experiment notebook), so a design review's numbers can be regenerated and diffed. `--data` recomputes
 * the market verdicts on your own candles (`dataset`) and/or your own members' outputs (`ownMembers`).
 * Exits 2 if an experiment failed.
 */
import { loadCatalog } from './nodeCatalog';
import { runNotebookHeadless } from './nodeSession';
import { CLAIMS } from '../src/engine/claims/registry';
import { validateInputValue, type InputValue } from '../src/notebook/format';
import type { NotebookVerdict } from '../src/notebook/protocol';
import { resolveDataArgs, datasetInputs, type DataArgsResult } from './dataArgs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const inputs: Record<string, InputValue> = {};
const dataArgs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') continue;
  if (args[i] === '--data') {
    dataArgs.push(args[++i] ?? '');
    continue;
  }
  if (args[i] === '--set') {
    const [k, ...v] = (args[++i] ?? '').split('=');
    inputs[k] = v.join('=');
    continue;
  }
  process.stderr.write(`ledger: unknown argument ${args[i]} (expected --json, --set name=value, --data [input=]path)\n`);
  process.exit(1);
}
const catalog = loadCatalog();
const nb = catalog.find((n) => n.meta.id === 'claims-ledger')!;
for (const [k, raw] of Object.entries(inputs)) {
  const spec = nb.cells.find((c) => c.input?.name === k)?.input;
  if (!spec) {
    process.stderr.write(`ledger: no input '${k}' (inputs: ${nb.cells.filter((c) => c.input).map((c) => c.input!.name).join(', ')})\n`);
    process.exit(1);
  }
  const value: InputValue = spec.type === 'slider' || spec.type === 'number' ? Number(raw) : spec.type === 'checkbox' ? raw === 'true' : raw;
  const problem = validateInputValue(spec, value);
  if (problem) {
    process.stderr.write(`ledger: --set ${k}: ${problem}\n`);
    process.exit(1);
  }
  inputs[k] = value;
}

// Own files go to the experiments' dataset inputs of their kind (one spec per input name), checked as in the page.
let data: DataArgsResult = { uploads: [], inputs: {}, files: {}, notes: [] };
if (dataArgs.length) {
  const specs = new Map<string, ReturnType<typeof datasetInputs>[number]>();
  for (const other of catalog) if (other.meta.id !== 'claims-ledger' && other.meta.id !== 'your-strategy') for (const s of datasetInputs(other)) if (!specs.has(s.name)) specs.set(s.name, s);
  try {
    data = resolveDataArgs(dataArgs, [...specs.values()], 'the ledger\'s experiments');
  } catch (e) {
    process.stderr.write(`ledger: ${(e as Error).message}\n`);
    process.exit(1);
  }
  if (!json) for (const n of data.notes) process.stderr.write(`data: ${n}\n`);
}

const { states, ms } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: { ...inputs, ...data.inputs }, edits: {} }, {
  uploads: data.uploads,
  defaultTimeoutMs: 600_000,
  onChange: (id, s) => {
    if (!json && s.state === 'running' && s.message) process.stderr.write(`\r${s.message.slice(0, 100).padEnd(100)}`);
    if (!json && s.state === 'done') process.stderr.write(`\r${`${id} done`.padEnd(100)}\n`);
  },
});
// The ledger's view reports one judgement per claim (collected by the host from judged() views).
const byClaim = new Map<string, NotebookVerdict>();
const failed: string[] = [];
for (const [id, s] of states) {
  if (s.state === 'done') for (const v of s.display.verdicts ?? []) byClaim.set(v.claim, v);
  if (s.state === 'error') failed.push(`${id}: ${s.error.message}`);
  if (s.state === 'done' && id === 'ledger' && typeof s.display.figures.verdictCount !== 'number') failed.push('ledger: no verdict count');
}
const rows = CLAIMS.map((c) => ({ claim: c.id, title: c.title, quote: c.quote, section: c.section, notebook: c.notebook, judgement: byClaim.get(c.id) ?? null }));

if (json) {
  process.stdout.write(`${JSON.stringify({ inputs, ...(Object.keys(data.files).length ? { files: data.files } : {}), seed: nb.meta.seed, elapsedMs: Math.round(ms), claims: rows, failures: failed }, null, 2)}\n`);
} else {
  process.stdout.write(`\nClaims ledger (${Math.round(ms / 1000)} s)\n`);
  for (const r of rows) {
    process.stdout.write(`\n● ${r.title}  [${r.claim}] — notebook ${r.notebook}\n  “${r.quote}” — ${r.section}\n`);
    const j = r.judgement;
    if (!j) {
      process.stdout.write('  no verdict yet\n');
      continue;
    }
    process.stdout.write(`  → ${j.verdict.toUpperCase()} (headline reading: ${j.readingLabel})\n`);
    for (const x of j.readings) process.stdout.write(`    ${x.headline ? '▶' : '·'} ${x.label}: ${x.verdict}\n      rule: ${x.rule}\n`);
  }
  if (failed.length) process.stdout.write(`\nFailed:\n${failed.map((f) => `  ${f}`).join('\n')}\n`);
}
process.exit(failed.length ? 2 : 0);
