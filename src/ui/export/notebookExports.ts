/**
 * The three whole-notebook exports of the toolbar menu, from the open notebook's state (browser only).
 * Kept out of the component so ExportMenu stays a thin view.
 */
import type { NotebookState } from '../state/notebookState.svelte';
import { formatInspected } from '../../notebook/inspect';
import { version } from '../../../package.json';
import { buildReportHtml } from './report';
import { cleanArticle, collectCss, type CellExtras } from './reportDom';
import { collectVerdicts, currentInputs, figuresDocument, type ExportMeta } from './figures';
import { flattenViews, tableOfPlot } from './tables';
import { notebookMarkdown } from './markdown';
import { toJson } from './json';
import { safeName } from './names';
import { downloadText } from './download';

export const PLAYGROUND_VERSION: string = version;

export function exportMeta(nbs: NotebookState, now = new Date()): ExportMeta {
  const { meta } = nbs.nb;
  nbs.flushSave(); // the link must describe what is on screen now, not what was saved before the last change
  return {
    notebook: { id: meta.id, title: meta.title, summary: meta.summary, claims: [...meta.claims] },
    seed: nbs.seed,
    shareLink: nbs.shareLink,
    generatedAt: now.toISOString(),
    playgroundVersion: PLAYGROUND_VERSION,
    inputs: currentInputs(nbs.nb.cells, nbs.inputs),
  };
}

function cellExtras(nbs: NotebookState, cellId: string): CellExtras | undefined {
  const s = nbs.cellStates[cellId];
  if (s?.state !== 'done') return undefined;
  return {
    plotTables: flattenViews(s.display.view).filter((v) => v.kind === 'plot').map((v) => (v.kind === 'plot' ? tableOfPlot(v) : null)),
    values: Object.entries(s.display.values).map(([name, v]) => [name, formatInspected(v), v.t === 'number' || v.t === 'string' || v.t === 'boolean' ? String(v.v) : undefined]),
  };
}

/** Notes for the reader about what the page showed when the report was written. */
function reportWarnings(nbs: NotebookState, article: Element): string[] {
  const out: string[] = [];
  const unsettled = nbs.nb.cells.filter((c) => c.type !== 'input' && ['pending', 'running'].includes(nbs.cellStates[c.id]?.state ?? 'pending'));
  if (unsettled.length) out.push(`${unsettled.length} cell${unsettled.length === 1 ? ' was' : 's were'} still running when this report was written (${unsettled.map((c) => c.id).join(', ')}); their figures are missing or stale.`);
  const failed = nbs.nb.cells.filter((c) => ['error', 'blocked'].includes(nbs.cellStates[c.id]?.state ?? ''));
  if (failed.length) out.push(`${failed.length} cell${failed.length === 1 ? '' : 's'} did not produce figures (${failed.map((c) => c.id).join(', ')}).`);
  if (article.classList.contains('presenting')) out.push('Written from the walkthrough view: only the step on screen is included. Leave presentation mode to report the whole notebook.');
  return out;
}

export async function buildReport(nbs: NotebookState, article: Element, now = new Date()): Promise<string> {
  const meta = exportMeta(nbs, now);
  const articleHtml = cleanArticle(article, (id) => cellExtras(nbs, id));
  const css = await collectCss(article.ownerDocument);
  return buildReportHtml({
    title: meta.notebook.title,
    summary: meta.notebook.summary,
    notebookId: meta.notebook.id,
    seed: meta.seed,
    shareLink: meta.shareLink,
    generatedAt: meta.generatedAt,
    playgroundVersion: meta.playgroundVersion,
    inputs: nbs.nb.cells.filter((c) => c.input).map((c) => ({ name: c.input!.name, label: c.input!.label, value: meta.inputs[c.input!.name] })),
    verdicts: collectVerdicts(nbs.nb.cells, nbs.cellStates),
    articleHtml,
    css,
    warnings: reportWarnings(nbs, article),
  });
}

export async function downloadReport(nbs: NotebookState, article: Element): Promise<void> {
  downloadText(`${safeName(nbs.nb.meta.id)}-report.html`, await buildReport(nbs, article), 'text/html');
}

/** The Markdown with edits that differ from the shipped cells and inputs that differ from their defaults. */
export function downloadMarkdown(nbs: NotebookState): void {
  const exp = nbs.experiment();
  downloadText(`${safeName(nbs.nb.meta.id)}.md`, notebookMarkdown(nbs.nb, exp.edits ?? {}, exp.inputs ?? {}), 'text/markdown');
}

export function downloadFigures(nbs: NotebookState): void {
  downloadText(`${safeName(nbs.nb.meta.id)}-figures.json`, toJson(figuresDocument(exportMeta(nbs), nbs.nb.cells, nbs.cellStates)), 'application/json');
}
