/**
 * `npm run ledger -- [--json] [--no-cache] [--pool N] [--set name=value]… [--data [input=]path]…`: recompute the
 * claims ledger headless (it runs every experiment notebook, in parallel on N worker threads, default: the
 * machine's cores; timing experiments alone), so a design review's numbers can be regenerated and diffed.
 * Finished experiments are cached in .cache/ledger/ (keyed by notebook text, inputs, seed, data files and code
 * version); a cached one is printed as "cached, measured <when> in <where>". `--no-cache` computes every
 * experiment now (and refreshes the cache). `--data` recomputes the market verdicts on your own candles
 * (`dataset`) and/or your own members' outputs (`ownMembers`). `--set robustnessSweeps=false` skips the market
 * experiments' robustness sweeps (their stability rows then say "not run"). Exits 2 if an experiment failed.
 */
import { loadCatalog } from './nodeCatalog';
import { LEDGER_CACHE_DIR, headlessPoolSize, runNotebookHeadless } from './nodeSession';
import { CLAIMS } from '../src/engine/claims/registry';
import { validateInputValue, type InputValue } from '../src/notebook/format';
import type { NotebookVerdict } from '../src/notebook/protocol';
import type { Inspected } from '../src/notebook/inspect';
import { resolveDataArgs, datasetInputs, type DataArgsResult } from './dataArgs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const noCache = args.includes('--no-cache');
let poolSize = headlessPoolSize();
const inputs: Record<string, InputValue> = {};
const dataArgs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json' || args[i] === '--no-cache') continue;
  if (args[i] === '--pool') {
    poolSize = Number(args[++i]);
    if (!Number.isInteger(poolSize) || poolSize < 0 || poolSize > 64) {
      process.stderr.write(`ledger: --pool ${args[i]}: expected a whole number of worker threads, 0–64 (0: run the experiments one by one in one thread)\n`);
      process.exit(1);
    }
    continue;
  }
  if (args[i] === '--data') {
    dataArgs.push(args[++i] ?? '');
    continue;
  }
  if (args[i] === '--set') {
    const [k, ...v] = (args[++i] ?? '').split('=');
    inputs[k] = v.join('=');
    continue;
  }
  process.stderr.write(`ledger: unknown argument ${args[i]} (expected --json, --no-cache, --pool N, --set name=value, --data [input=]path)\n`);
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

// --no-cache: the ledger's own input (reuse cached results) off; fresh results still refresh the cache.
const { states, ms } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: { ...inputs, ...data.inputs, ...(noCache ? { useCache: false } : {}) }, edits: {} }, {
  uploads: data.uploads,
  defaultTimeoutMs: 600_000,
  experiments: { cacheDir: LEDGER_CACHE_DIR, poolSize },
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
// Each experiment cell's run: computed now or cached (then when and where it was measured).
interface ExperimentInfo { id: string; cached: boolean; measuredAt: string | null; where: string | null; ms: number }
const experiments: ExperimentInfo[] = [];
const field = (v: Inspected | undefined, k: string): Inspected | undefined => (v?.t === 'object' ? v.entries.find(([n]) => n === k)?.[1] : undefined);
const str = (v: Inspected | undefined) => (v?.t === 'string' ? v.v : null);
for (const [, s] of states) {
  if (s.state !== 'done') continue;
  for (const v of Object.values(s.display.values)) {
    const id = str(field(v, 'id')), cached = field(v, 'cached'), measured = field(v, 'measured'), ms = field(v, 'ms');
    if (!id || cached?.t !== 'boolean' || !field(v, 'claims')) continue;
    experiments.push({ id, cached: cached.v, measuredAt: str(field(measured, 'at')), where: str(field(measured, 'where')), ms: ms?.t === 'number' ? Math.round(ms.v) : 0 });
  }
}
const computed = (notebook: string) => {
  const e = experiments.find((x) => x.id === notebook);
  return !e ? 'not run' : e.cached ? `cached, measured ${e.measuredAt ?? 'earlier'} in ${e.where ?? 'unknown'}` : `computed now (${(e.ms / 1000).toFixed(1)} s)`;
};
const rows = CLAIMS.map((c) => ({ claim: c.id, title: c.title, quote: c.quote, section: c.section, notebook: c.notebook, computed: computed(c.notebook), judgement: byClaim.get(c.id) ?? null }));
const nCached = experiments.filter((e) => e.cached).length;

if (json) {
  process.stdout.write(`${JSON.stringify({ inputs, ...(Object.keys(data.files).length ? { files: data.files } : {}), seed: nb.meta.seed, elapsedMs: Math.round(ms), cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000), poolSize, cache: noCache ? 'not read (--no-cache)' : LEDGER_CACHE_DIR, experiments, claims: rows, failures: failed }, null, 2)}\n`);
} else {
  process.stdout.write(`\nClaims ledger (${(ms / 1000).toFixed(1)} s; ${experiments.length - nCached} experiments computed now on ${poolSize || 'no'} pool worker${poolSize === 1 ? '' : 's'}, ${nCached} cached${noCache ? ', cache not read (--no-cache)' : ` in ${LEDGER_CACHE_DIR}`})\n`);
  if (inputs.robustnessSweeps === false) process.stdout.write('Robustness sweeps off (--set robustnessSweeps=false): the market verdicts\' stability across datasets, regimes and fees is not run.\n');
  for (const r of rows) {
    process.stdout.write(`\n● ${r.title}  [${r.claim}] — notebook ${r.notebook} (${r.computed})\n  “${r.quote}” — ${r.section}\n`);
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
// Exit once stdout is flushed: exiting at once truncates a large --json piped to another program (at 64 KB).
process.stdout.write('', () => process.exit(failed.length ? 2 : 0));
