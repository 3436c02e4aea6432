/**
 * Headless runner: `npm run notebook -- <file.md | notebook-id | share-link> [--json] [--seed N] [--set name=value]… [--data [input=]path]… [--timeout ms]`
 * and `npm run notebook -- diff <link-a> <link-b> [--json]` (compare two runs: scripts/diffRuns.ts).
 * Runs a notebook in Node with the same engines as the browser and prints every named value and figure.
 * Exits 1 with a clear message if the notebook or link cannot be read, 2 if any cell fails.
 */
import { readFileSync, existsSync } from 'node:fs';
import { runNotebookHeadless } from './nodeSession';
import { loadCatalog } from './nodeCatalog';
import { parseNotebook, validateInputValue, type InputValue, type Notebook } from '../src/notebook/format';
import { tryDecodeExperiment } from '../src/share/codec';
import { formatInspected } from '../src/notebook/inspect';
import type { ViewSpec } from '../src/notebook/views';
import type { CellState } from '../src/workers/session';
import { resolveDataArgs, datasetInputs } from './dataArgs';

function fail(message: string, code = 1): never {
  process.stderr.write(`notebook: ${message}\n`);
  process.exit(code);
}

// `npm run notebook -- diff <link-a> <link-b> [--json] [--explain | --no-attribution]`: compare two runs and say
// which change flipped each changed verdict (see diffRuns.ts).
if (process.argv[2] === 'diff') {
  const { diffMain } = await import('./diffRuns');
  await diffMain(process.argv.slice(3));
  process.exit(0);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
let target: string | undefined;
let seed: number | undefined;
let timeout: number | undefined;
const sets: Record<string, string> = {};
const dataArgs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') continue;
  else if (a === '--seed') seed = Number(args[++i]);
  else if (a === '--timeout') timeout = Number(args[++i]);
  else if (a === '--set') {
    const [k, ...v] = (args[++i] ?? '').split('=');
    if (!k || !v.length) fail(`--set expects name=value, got '${args[i]}'`);
    sets[k] = v.join('=');
  } else if (a === '--data') {
    if (!args[i + 1]) fail('--data expects a file path (or input=path)');
    dataArgs.push(args[++i]);
  } else if (a.startsWith('--')) fail(`unknown option ${a} (expected --json, --seed N, --set name=value, --data [input=]path, --timeout ms)`);
  else target = a;
}
if (!target) fail('usage: npm run notebook -- <file.md | notebook-id | share-link> [--json] [--seed N] [--set name=value] [--data [input=]path] [--timeout ms]');
if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) fail(`--seed must be an integer 0…4294967295`);

const catalog = loadCatalog();
let nb: Notebook;
let state: { seed: number; inputs: Record<string, InputValue>; edits: Record<string, string> };
let linkFiles: Record<string, { name: string; size: number; sha256: string }> = {};

// A share link, whole URL or just its hash: the payload is the `x<version>.…` part after `#` or `/nb/<id>/`.
const shareMatch = /(?:^|[#/])(x\d+\..*)$/.exec(target.trim());
if (target.endsWith('.md')) {
  if (!existsSync(target)) fail(`no such file: ${target}`);
  try {
    nb = parseNotebook(readFileSync(target, 'utf8'), target.replace(/^.*\//, '').replace(/\.md$/, ''));
  } catch (e) {
    fail(`${target}: ${(e as Error).message}`);
  }
  state = { seed: nb.meta.seed, inputs: {}, edits: {} };
} else if (shareMatch) {
  const res = tryDecodeExperiment(shareMatch[1]);
  if (!res.ok) fail(`the share link could not be read: ${res.error.message}`);
  const found = catalog.find((n) => n.meta.id === res.state.notebook);
  if (!found) fail(`the link refers to notebook '${res.state.notebook}', which does not exist (have: ${catalog.map((n) => n.meta.id).join(', ')})`);
  nb = found;
  state = { seed: res.state.seed, inputs: { ...res.state.inputs }, edits: { ...res.state.edits } };
  linkFiles = res.state.files ?? {};
} else {
  const found = catalog.find((n) => n.meta.id === target);
  if (!found) fail(`no notebook '${target}' (have: ${catalog.map((n) => n.meta.id).join(', ')}); pass a .md file, a notebook id or a share link`);
  nb = found;
  state = { seed: nb.meta.seed, inputs: {}, edits: {} };
}
if (seed !== undefined) state.seed = seed;
for (const [k, raw] of Object.entries(sets)) {
  const spec = nb.cells.find((c) => c.input?.name === k)?.input;
  if (!spec) fail(`--set ${k}: this notebook has no input '${k}' (inputs: ${nb.cells.filter((c) => c.input).map((c) => c.input!.name).join(', ')})`);
  const value: InputValue = spec.type === 'checkbox' ? raw === 'true' : spec.type === 'slider' || spec.type === 'number' ? Number(raw) : raw;
  const problem = validateInputValue(spec, value);
  if (problem) fail(`--set ${k}: ${problem}`);
  // A shipped dataset shorter than the notebook's windows is refused here, as the page's selector does.
  if (spec.type === 'dataset' && spec.minRows && typeof value === 'string' && value) {
    const manifest = JSON.parse(readFileSync('public/data/index.json', 'utf8')) as { datasets: { id: string; rows: number }[] };
    const rows = manifest.datasets.find((d) => d.id === value)?.rows;
    if (rows !== undefined && rows < spec.minRows) fail(`--set ${k}: ${value} has ${rows} bars; "${spec.label}" needs at least ${spec.minRows} for this notebook's windows`);
  }
  state.inputs[k] = value;
}

// Own files: validated exactly as the page does, then handed to the worker. A share link that names files needs them.
let data: ReturnType<typeof resolveDataArgs> = { uploads: [], inputs: {}, files: {}, notes: [] };
try {
  data = resolveDataArgs(dataArgs, datasetInputs(nb), `notebook '${nb.meta.id}'`);
} catch (e) {
  fail((e as Error).message);
}
Object.assign(state.inputs, data.inputs);
for (const [input, f] of Object.entries(linkFiles)) {
  const got = data.files[input];
  if (!got) fail(`the link was made with your own file for '${input}': pass it with --data ${input}=path/to/${f.name} (sha256 ${f.sha256})`);
  if (got.sha256 !== f.sha256) process.stderr.write(`notebook: warning: ${got.name} is not the file the link was made with (sha256 ${got.sha256.slice(0, 12)}… instead of ${f.sha256.slice(0, 12)}…)\n`);
}
if (!json) for (const n of data.notes) process.stderr.write(`data: ${n}\n`);

const { states, ms } = await runNotebookHeadless(nb, state, { defaultTimeoutMs: timeout, uploads: data.uploads });

function viewSummary(v: ViewSpec | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'verdict':
      return { verdict: v.verdict, claim: v.claim, rule: v.rule, figures: v.figures };
    case 'metrics':
      return { metrics: v.items };
    case 'table':
      return { table: { columns: v.columns.map((c) => c.key), rows: v.rows.length } };
    case 'plot':
      return { plot: v.caption ?? 'chart' };
    case 'group':
      return v.items.map(viewSummary);
    case 'text':
      return { text: v.markdown.slice(0, 200) };
    case 'circuit':
      return { circuit: { qubits: v.circuit.nQubits, ops: v.circuit.ops.length, cuts: v.cuts.length, caption: v.caption } };
  }
}

const cells = nb.cells.map((c) => {
  const s = states.get(c.id) as CellState | undefined;
  const base = { id: c.id, type: c.type, state: s?.state ?? 'missing' };
  if (s?.state === 'done') return { ...base, ms: Math.round(s.ms * 10) / 10, figures: s.display.figures, values: Object.fromEntries(Object.entries(s.display.values).map(([k, v]) => [k, formatInspected(v)])), view: viewSummary(s.display.view) };
  if (s?.state === 'error') return { ...base, error: s.error };
  if (s?.state === 'blocked') return { ...base, reason: s.reason };
  return base;
});
const failed = cells.filter((c) => c.state !== 'done');

if (json) {
  process.stdout.write(`${JSON.stringify({ notebook: nb.meta.id, title: nb.meta.title, seed: state.seed, inputs: state.inputs, ...(Object.keys(data.files).length ? { files: data.files } : {}), elapsedMs: Math.round(ms), cells }, null, 2)}\n`);
} else {
  process.stdout.write(`${nb.meta.title} (${nb.meta.id}), seed ${state.seed}, ${Math.round(ms)} ms\n`);
  for (const c of cells) {
    process.stdout.write(`\n[${c.id}] ${c.type} — ${c.state}\n`);
    if ('values' in c && c.values) for (const [k, v] of Object.entries(c.values)) process.stdout.write(`  ${k} = ${v}\n`);
    if ('view' in c && c.view) process.stdout.write(`  view: ${JSON.stringify(c.view)}\n`);
    if ('error' in c && c.error) process.stdout.write(`  error${c.error.line ? ` (line ${c.error.line}${c.error.column ? `, column ${c.error.column}` : ''})` : ''}: ${c.error.message}\n`);
    if ('reason' in c && c.reason) process.stdout.write(`  held back: ${c.reason}\n`);
  }
}
// Exit once stdout is flushed: exiting at once truncates large output piped to another program (at 64 KB).
process.stdout.write('', () => {
  if (failed.length) fail(`${failed.length} cell(s) did not finish: ${failed.map((c) => c.id).join(', ')}`, 2);
  process.exit(0);
});
