/**
 * `npm run notebook -- diff <link-a> <link-b> [--json] [--explain | --no-attribution] [--timeout ms]`: runs both
 * share links (of the same notebook) headless and prints what differs between them (inputs, seed, edited cells
 * with a line diff, own-file fingerprints), every figure and verdict that changed with both values, and for each
 * changed verdict which single change flips it (A re-run with one change of B applied at a time; an interaction
 * when none does). Attribution is on by default (`--explain` says so explicitly; `--no-attribution` skips the
 * re-runs). A side may also be a notebook id (its defaults) or `current` (the other link's notebook, defaults).
 * The logic is shared with the page's compare view (src/share/compare.ts). Exits 1 if a link cannot be read.
 */
import { runNotebookHeadless } from './nodeSession';
import { loadCatalog } from './nodeCatalog';
import type { ExperimentState } from '../src/share/codec';
import { affectedCells, attributeFlips, changeKey, codeDiff, comparisonReport, describeChange, describeFlip, diffHunks, fitToNotebook, readRunRef, resultDiff, runResultOf, runToken, stateChanges, type RunResult } from '../src/share/compare';
import type { Notebook } from '../src/notebook/format';

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
  if (links.length !== 2) fail('usage: npm run notebook -- diff <link-a> <link-b> [--json] [--explain | --no-attribution] [--timeout ms]');
  const catalog = loadCatalog();
  const info = (id: string) => catalog.find((n) => n.meta.id === id)?.meta;
  // `current` stands for the other side's notebook with its defaults.
  const named = links.map((l) => (l === 'current' ? undefined : readRunRef(l, '?', info))).find((r) => r?.ok);
  const hint = named?.ok ? named.state.notebook : '';
  if (links.every((l) => l === 'current')) fail("'current' stands for the other side's notebook with its defaults: give a share link or a notebook id for at least one side");
  const sides = links.map((l, i) => readRunRef(l === 'current' ? hint : l, i === 0 ? 'A' : 'B', info));
  for (const s of sides) if (!s.ok) fail(s.message);
  const [ra0, rb0] = sides.map((s) => (s.ok ? s.state : null)) as [ExperimentState, ExperimentState];
  for (const s of sides) if (s.ok) for (const w of s.warnings) process.stderr.write(`notebook diff: ${w}\n`);
  if (ra0.notebook !== rb0.notebook) fail(`link A opens '${ra0.notebook}' and link B opens '${rb0.notebook}': compare two runs of one notebook`);
  const nb = catalog.find((n) => n.meta.id === ra0.notebook)!;
  // As the notebook would run them: unknown inputs, invalid values and edits of missing cells dropped, with a warning.
  const [fa, fb] = [fitToNotebook(nb, ra0, 'A'), fitToNotebook(nb, rb0, 'B')];
  for (const w of [...fa.warnings, ...fb.warnings]) process.stderr.write(`notebook diff: ${w}\n`);
  const [a, b] = [fa.state, fb.state];
  const defaults = Object.fromEntries(nb.cells.filter((c) => c.input).map((c) => [c.input!.name, c.input!.value]));
  const shipped = Object.fromEntries(nb.cells.map((c) => [c.id, c.source]));
  const labels = Object.fromEntries(nb.cells.filter((c) => c.input).map((c) => [c.input!.name, c.input!.label]));
  const changes = stateChanges(a, b, defaults, shipped);
  const note = (m: string) => (json ? undefined : process.stderr.write(`${m}\n`));
  const run = (s: ExperimentState) => runOnce(nb, s, timeout);
  note('running A and B…');
  const [ra, rb] = await Promise.all([run(a), run(b)]);
  const diff = resultDiff(ra, rb);
  // Figures that also change when A is simply run again (the attribution's control run): measurements of this machine.
  const affected = affectedCells(changes, ra.reach, (name) => nb.cells.find((c) => c.input?.name === name)?.id);
  let varying: string[] = diff.figures.filter((f) => affected && !affected.has(f.cell)).map((f) => `${f.cell}/${f.name}`);
  const flips = attribution ? await attributeFlips(a, changes, diff.verdicts, run, { concurrency: 2, onControl: (again) => (varying = [...new Set([...varying, ...resultDiff(ra, again).figures.map((f) => `${f.cell}/${f.name}`)])]), onProgress: (d, t, what) => what !== 'done' && note(`attribution: re-run ${d + 1} of at most ${t} (${what})`) }) : [];

  if (json) {
    const link = (x: ExperimentState) => runToken(x, nb.meta.seed);
    process.stdout.write(JSON.stringify(comparisonReport(nb.meta.id, { a: link(a), b: link(b) }, changes, diff, flips, varying, labels), null, 2) + '\n');
    return;
  }
  const out: string[] = [`${nb.meta.title} (${nb.meta.id}): A vs B`, '', `Changes (${changes.length}):`];
  if (!changes.length) out.push('  none: the two links describe the same experiment');
  for (const c of changes) {
    out.push(`  ${describeChange(c, labels)}`);
    if (c.kind === 'edit') for (const l of diffHunks(codeDiff(c.a ?? shipped[c.cell] ?? '', c.b ?? shipped[c.cell] ?? ''))) out.push(l ? `      ${l.op} ${l.text}` : '      …');
  }
  out.push('', `Figures that changed (${diff.figures.length}; ${diff.unchanged.figures.length} unchanged):`);
  for (const f of diff.figures) out.push(`  ${f.cell} › ${f.name}: ${fmt(f.a)} → ${fmt(f.b)}${varying.includes(`${f.cell}/${f.name}`) ? ' (varies between runs of the same link: a measurement of this machine)' : ''}`);
  out.push('', `Verdicts that changed (${diff.verdicts.length}; ${diff.unchanged.verdicts.length} unchanged):`);
  for (const v of diff.verdicts) {
    const f = flips.find((x) => x.claim === v.claim);
    out.push(`  ${v.claim}: ${v.a ?? '(none)'} → ${v.b ?? '(none)'}${f ? `; ${describeFlip(f, labels)}` : ''}`);
    for (const x of f?.alone ?? []) out.push(`      A + ${changeKey(x.change)} alone: ${x.verdict ?? '(none)'}`);
  }
  if (diff.errors.length) {
    out.push('', 'Cells failing in one run only:');
    for (const e of diff.errors) out.push(`  ${e.cell}: A ${e.a ? `fails (${e.a})` : 'ok'}, B ${e.b ? `fails (${e.b})` : 'ok'}`);
  }
  if (changes.some((c) => c.kind === 'file')) out.push('', 'Own files are not carried by links: both runs used the shipped data for those inputs.');
  process.stdout.write(out.join('\n') + '\n');
}

function fmt(v: unknown): string {
  return v === undefined ? '(absent)' : typeof v === 'number' ? String(Number(v.toPrecision(8))) : JSON.stringify(v);
}

async function runOnce(nb: Notebook, s: ExperimentState, timeout?: number): Promise<RunResult> {
  // Own files never travel in links: inputs that used one run on the shipped default (as in the page).
  const inputs = { ...s.inputs };
  for (const k of Object.keys(s.files ?? {})) delete inputs[k];
  const { states, reach } = await runNotebookHeadless(nb, { seed: s.seed, inputs, edits: { ...s.edits } }, { defaultTimeoutMs: timeout, withReach: true });
  return { ...runResultOf(nb.cells.map((c) => c.id), states), reach };
}
