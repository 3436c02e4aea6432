/**
 * The offline report: one self-contained HTML file. Built from the notebook page's cleaned DOM (so it shows
 * the same figures), then sanitised here as plain text so the guarantee does not depend on the cleaner:
 * no scripts, no event handlers, no embedded documents, and no URL that would fetch anything — only
 * `data:` and in-page `#` references survive in src/href; external links keep their text and show the
 * address in a title. The one external address left is the share link itself, as a plain anchor
 * (following it is the reader's choice, never an automatic request). A Content-Security-Policy meta tag
 * blocks any request the sanitiser might miss.
 */
import type { ExportTable } from './tables';
import type { ExportedVerdict } from './figures';
import { formatNumber } from '../../notebook/inspect';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const URL_ATTRS = new Set(['src', 'href', 'xlink:href', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'ping', 'cite', 'longdesc', 'manifest', 'codebase', 'lowsrc', 'dynsrc']);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    return String.fromCodePoint(l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

/** Is this URL safe to keep in an offline file (never fetched from the network)? */
export function isInertUrl(raw: string): boolean {
  // Browsers ignore whitespace and control characters inside a URL scheme: strip them before looking.
  const url = [...decodeEntities(raw)].filter((c) => c.charCodeAt(0) > 0x20).join('').toLowerCase();
  return url === '' || url.startsWith('#') || /^data:(image\/(png|jpeg|gif|webp)|font\/|application\/font)/.test(url);
}

/** CSS without @import and with every non-data url() replaced by `none`; `<` is escaped, so nothing can close the style element. */
export function sanitizeCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (m, _q: string, u: string) => (/^data:/i.test(u.trim()) ? m : 'none'))
    .replace(/</g, '\\3c ');
}

const DROP_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'noscript', 'template', 'portal', 'audio', 'video', 'source', 'track', 'form'];
const TOKEN_RE = /(<[a-zA-Z][\w:-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>)|(<\/[a-zA-Z][\w:-]*\s*>)|(<)/g;
const ATTR_RE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function sanitizeTag(tag: string, allowHref: ReadonlySet<string>): string {
  const m = /^<([a-zA-Z][\w:-]*)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!m) return escapeHtml(tag);
  const [, name, rawAttrs, selfClose] = m;
  const attrs: string[] = [];
  let externalHref = '';
  for (const a of rawAttrs.matchAll(ATTR_RE)) {
    const attr = a[1].toLowerCase();
    const value = a[2] ?? a[3] ?? a[4];
    if (attr.startsWith('on')) continue;
    if (URL_ATTRS.has(attr) || attr.endsWith(':href')) {
      const decoded = value === undefined ? '' : decodeEntities(value);
      if (value !== undefined && (isInertUrl(value) || (attr === 'href' && name.toLowerCase() === 'a' && allowHref.has(decoded)))) {
        attrs.push(`${a[1]}="${escapeHtml(decoded)}"`);
      } else if (attr === 'href' && name.toLowerCase() === 'a' && /^https?:/i.test(decoded.trim())) externalHref = decoded.trim();
      continue;
    }
    if (attr === 'style' && value !== undefined) {
      attrs.push(`style="${escapeHtml(sanitizeCss(decodeEntities(value)))}"`);
      continue;
    }
    attrs.push(value === undefined ? a[1] : `${a[1]}="${escapeHtml(decodeEntities(value))}"`);
  }
  if (externalHref && !attrs.some((x) => x.startsWith('title='))) attrs.push(`title="${escapeHtml(externalHref)}"`);
  return `<${name}${attrs.length ? ' ' + attrs.join(' ') : ''}${selfClose ? ' /' : ''}>`;
}

/**
 * Sanitise an HTML fragment as text: drop dangerous elements with their content, comments and
 * processing instructions; keep only inert URLs (and anchors to `allowHref`); clean inline styles and
 * `<style>` blocks.
 */
export function sanitizeHtml(html: string, allowHref: readonly string[] = []): string {
  const allow = new Set(allowHref);
  let out = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?>/g, '').replace(/<!(?!doctype)[\s\S]*?>/gi, '');
  for (const el of DROP_ELEMENTS) {
    out = out.replace(new RegExp(`<${el}\\b[\\s\\S]*?<\\/${el}\\s*>`, 'gi'), '').replace(new RegExp(`<\\/?${el}\\b[^>]*>`, 'gi'), '');
  }
  out = out.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (_, open: string, css: string, close: string) => `${open}${sanitizeCss(css)}${close}`);
  // Tags are matched quote-aware; a `<` that does not start a well-formed tag is escaped, so no fragment
  // the matcher skipped can become markup in the browser.
  return out.replace(TOKEN_RE, (m, tag: string | undefined, close: string | undefined, stray: string | undefined) =>
    tag ? sanitizeTag(tag, allow) : close ? close : stray ? '&lt;' : m,
  );
}

function cellText(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v, 5);
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** An HTML table (numbers shown as on the page, the exact value in `data-value`). */
export function tableHtml(t: ExportTable): string {
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${t.columns.map((_, j) => (typeof r[j] === 'number' ? `<td class="num" data-value="${escapeHtml(String(r[j]))}">` : '<td>') + escapeHtml(cellText(r[j])) + '</td>').join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>${t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export interface ReportInput {
  title: string;
  summary?: string;
  notebookId: string;
  seed: number;
  shareLink: string;
  /** ISO 8601. */
  generatedAt: string;
  playgroundVersion: string;
  inputs: { name: string; label: string; value: unknown }[];
  verdicts: Pick<ExportedVerdict, 'claim' | 'verdict' | 'rule'>[];
  /** The cleaned notebook article (outer HTML). A `<div data-report-meta></div>` marks where the report facts go. */
  articleHtml: string;
  /** CSS of the page (fonts embedded or dropped by the caller). */
  css: string;
  /** Things the reader should know, e.g. cells still running when the report was written. */
  warnings?: string[];
}

const REPORT_CSS = `
body { max-width: 980px; margin: 0 auto; padding: 1rem 1.2rem 4rem; background: var(--bg, #fff); }
.report-meta { border: 1px solid var(--line, #ddd); border-radius: 8px; background: var(--panel, #fff); padding: 0.6rem 1rem; margin: 0.8rem 0 1.2rem; font-size: 0.92rem; }
.report-meta h2 { font-size: 1.05rem; margin: 0.2rem 0 0.5rem; }
.report-meta dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.6rem; }
.report-meta dt { color: var(--muted, #555); }
.report-meta dd { margin: 0; overflow-wrap: anywhere; }
.report-meta .share-link { font-family: ui-monospace, monospace; font-size: 0.8rem; }
.report-warning { color: var(--warn, #8a5a00); }
.input-value { font-weight: 650; font-variant-numeric: tabular-nums; }
details.report-extra { margin: 0.4rem 0; }
details.report-extra > summary { cursor: pointer; color: var(--accent, #1f5fbf); font-size: 0.85rem; }
@media print { .report-meta { break-inside: avoid; } .cell, figure, .verdict { break-inside: avoid; } }
`;

export function reportMetaHtml(r: ReportInput): string {
  const inputs = r.inputs.length
    ? `<h3>Inputs</h3>${tableHtml({ columns: ['input', 'name', 'value'], rows: r.inputs.map((i) => [i.label, i.name, i.value]) })}`
    : '';
  const verdicts = r.verdicts.length ? `<h3>Verdicts</h3>${tableHtml({ columns: ['claim', 'verdict', 'rule'], rows: r.verdicts.map((v) => [v.claim, v.verdict, v.rule]) })}` : '';
  const warnings = (r.warnings ?? []).map((w) => `<p class="report-warning" role="note">${escapeHtml(w)}</p>`).join('');
  return `<section class="report-meta" aria-label="About this report">
<h2>About this report</h2>
<dl>
<dt>Notebook</dt><dd>${escapeHtml(r.title)} (<code>${escapeHtml(r.notebookId)}</code>)</dd>
<dt>Generated</dt><dd><time datetime="${escapeHtml(r.generatedAt)}" data-testid="report-date">${escapeHtml(r.generatedAt)}</time></dd>
<dt>Seed</dt><dd data-testid="report-seed">${escapeHtml(String(r.seed))}</dd>
<dt>Playground version</dt><dd data-testid="report-version">${escapeHtml(r.playgroundVersion)}</dd>
<dt>Share link</dt><dd><a class="share-link" data-testid="report-share-link" href="${escapeHtml(r.shareLink)}">${escapeHtml(r.shareLink)}</a><br /><span class="help">Opening this link in the playground reruns the experiment with the same code, inputs and seed, and regenerates these figures.</span></dd>
</dl>
${warnings}${inputs}${verdicts}
</section>`;
}

/** The whole report document. */
export function buildReportHtml(r: ReportInput): string {
  const meta = reportMetaHtml(r);
  const marker = /<div data-report-meta(?:="")?><\/div>/;
  const article = marker.test(r.articleHtml) ? r.articleHtml.replace(marker, () => meta) : meta + r.articleHtml;
  const body = sanitizeHtml(article, [r.shareLink]);
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${csp}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="Sema Playground ${escapeHtml(r.playgroundVersion)}" />
<title>${escapeHtml(r.title)} — report</title>
<style>
${sanitizeCss(r.css)}
${REPORT_CSS}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
