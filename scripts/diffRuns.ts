/**
 * `npm run notebook -- diff <link-a> <link-b> [--json] [--no-attribution] [--timeout ms]`: runs both share links
 * (of the same notebook) headless and prints what differs between them (inputs, seed, edited cells, own-file
 * fingerprints), every figure and verdict that changed with both values, and for each changed verdict which
 * single change flips it (A re-run with one change of B applied at a time). `current` stands for the notebook
 * with its defaults. Exits 1 if a link cannot be read, 0 otherwise.
 */
import { runNotebookHeadless } from './nodeSession';
import { loadCatalog } from './nodeCatalog';
import { tryDecodeExperiment, type ExperimentState } from '../src/share/codec';
import { applyChange, describeChange, resultDiff, stateChanges, type RunResult } from '../src/share/compare';
import type { Notebook } from '../src/notebook/format';
import type { ViewSpec } from '../src/notebook/views';

function fail(message: string): never {
  process.stderr.write(`notebook diff: ${message}\n`);
  process.exit(1);
}

export async function diffMain(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const attribution = !args.includes('--no-attribution');
  const ti = args.indexOf('--timeout');
  const timeout = ti >= 0 ? Number(args[ti + 1]) : undefined;
  const links = args.filter((a, i) => !a.startsWith('--') && !(ti >= 0 && i === ti + 1));
  if (links.length !== 2) fail('usage: npm run notebook -- diff <link-a> <link-b> [--json] [--no-attribution] [--timeout ms]');
  const catalog = loadCatalog();
  const decode = (l: string, which: string, notebookHint?: string): ExperimentState => {
    const m = /(?:^|[#/])(x\d+\..*)$/.exec(l.trim());
    if (!m) {
      // A bare notebook id (or 'current' with the other link's notebook): its defaults.
      const id = l === 'current' ? notebookHint : l;
      const nb = catalog.find((n) => n.meta.id === id);
      if (!nb) fail(`link ${which}: not a share link or notebook id: ${l.slice(0, 60)}`);
      return { v: 1, notebook: nb.meta.id, seed: nb.meta.seed, inputs: {}, edits: {} };
    }
    const r = tryDecodeExperiment(m[1]);
    if (!r.ok) fail(`link ${which} could not be read: ${r.error.message}`);
    return r.state;
  };
  const aFirst = /x\d+\./.test(links[0]) ? decode(links[0], 'A') : undefined;
  const b = decode(links[1], 'B', aFirst?.notebook);
  const a = aFirst ?? decode(links[0], 'A', b.notebook);
  if (a.notebook !== b.notebook) fail(`the links open different notebooks ('${a.notebook}' and '${b.notebook}'); compare runs of one notebook`);
  const nb = catalog.find((n) => n.meta.id === a.notebook);
  if (!nb) fail(`no notebook '${a.notebook}'`);
  const defaults = Object.fromEntries(nb.cells.filter((c) => c.input).map((c) => [c.input!.name, c.input!.value]));
  const changes = stateChanges(a, b, defaults);
  const run = (s: ExperimentState) => runOnce(nb, s, timeout);
  const [ra, rb] = [await run(a), await run(b)];
  const diff = resultDiff(ra, rb);
  // Which change flips each changed verdict: A with one change of B at a time.
  const flips: { claim: string; by: string[] }[] = [];
  if (attribution && diff.verdicts.length && changes.length > 1) {
    const single = [];
    for (const c of changes) single.push({ c, r: await run(applyChange(a, c)) });
    for (const v of diff.verdicts) flips.push({ claim: v.claim, by: single.filter((x) => x.r.verdicts[v.claim] === v.b).map((x) => describeChange(x.c)) });
  } else if (diff.verdicts.length && changes.length === 1) for (const v of diff.verdicts) flips.push({ claim: v.claim, by: [describeChange(changes[0])] });

  if (json) {
    process.stdout.write(JSON.stringify({ notebook: nb.meta.id, changes, figures: diff.figures, verdicts: diff.verdicts, errors: diff.errors, flippedBy: flips }, null, 2) + '\n');
    return;
  }
  const out: string[] = [`${nb.meta.title} (${nb.meta.id}): A vs B`, '', 'Changes:'];
  if (!changes.length) out.push('  none: the two links describe the same experiment');
  for (const c of changes) out.push(`  ${describeChange(c)}`);
  out.push('', `Figures that changed (${diff.figures.length}):`);
  for (const f of diff.figures) out.push(`  ${f.cell} › ${f.name}: ${fmt(f.a)} → ${fmt(f.b)}`);
  out.push('', `Verdicts that changed (${diff.verdicts.length}):`);
  for (const v of diff.verdicts) {
    const by = flips.find((f) => f.claim === v.claim)?.by ?? [];
    out.push(`  ${v.claim}: ${v.a ?? '(none)'} → ${v.b ?? '(none)'}${by.length ? `; flipped by: ${by.join('; ')}` : changes.length > 1 && attribution ? '; no single change flips it (it takes several together)' : ''}`);
  }
  if (diff.errors.length) {
    out.push('', 'Cells failing in one run only:');
    for (const e of diff.errors) out.push(`  ${e.cell}: A ${e.a ? `fails (${e.a})` : 'ok'}, B ${e.b ? `fails (${e.b})` : 'ok'}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

function fmt(v: unknown): string {
  return v === undefined ? '(absent)' : typeof v === 'number' ? String(Number(v.toPrecision(8))) : JSON.stringify(v);
}

function verdictsOf(v: ViewSpec | undefined, into: Record<string, string>): void {
  if (!v) return;
  if (v.kind === 'verdict') into[v.claim] = v.verdict;
  else if (v.kind === 'group') for (const x of v.items) verdictsOf(x, into);
}

async function runOnce(nb: Notebook, s: ExperimentState, timeout?: number): Promise<RunResult> {
  const { states } = await runNotebookHeadless(nb, { seed: s.seed, inputs: { ...s.inputs }, edits: { ...s.edits } }, { defaultTimeoutMs: timeout });
  const r: RunResult = { figures: {}, verdicts: {}, errors: {} };
  for (const c of nb.cells) {
    const st = states.get(c.id);
    if (st?.state === 'done') {
      if (Object.keys(st.display.figures).length) r.figures[c.id] = { ...st.display.figures };
      verdictsOf(st.display.view, r.verdicts);
      for (const v of st.display.verdicts ?? []) r.verdicts[v.claim] = v.verdict;
    } else if (st?.state === 'error') r.errors[c.id] = st.error.message;
  }
  return r;
}
