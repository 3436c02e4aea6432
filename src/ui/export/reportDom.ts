/**
 * The report's raw material from the live page (browser only): a cleaned clone of the notebook article
 * and the page's CSS. Cleaning removes everything interactive (buttons, editors, the toolbar, banners,
 * progress bars) and replaces each input widget by its current value as text, so the report shows the
 * figures exactly as they are on the page. Chart data tables and values that the page shows only on
 * demand are added from the cell states (`extras`), collapsed in `<details>`.
 */
import { escapeHtml, tableHtml } from './report';
import type { ExportTable } from './tables';

export interface CellExtras {
  /** The data twins of the cell's charts, in render order (null for a chart without one). */
  plotTables: (ExportTable | null)[];
  /** Named values as [name, shown text, exact value when scalar]. */
  values: [string, string, string | undefined][];
}

const REMOVE = [
  'button', 'textarea', 'progress', 'script', 'input[type="file"]', '.dropzone', '.toolbar', '.banner', '.stepper', '.speaker-notes',
  '.monaco-host', '.monaco-editor', '.plain-editor', '.untrusted', '.spacer', '[data-export-controls]',
].join(',');

function valueSpan(doc: Document, name: string | null, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'input-value';
  if (name) span.setAttribute('data-input-value', name);
  span.textContent = text;
  return span;
}

/** Clone and clean the article; returns its outer HTML with a report-meta marker after the header. */
export function cleanArticle(article: Element, extras: (cellId: string) => CellExtras | undefined): string {
  const doc = article.ownerDocument;
  // Inputs first (their live values are properties, not attributes, so read them from the original).
  const live = new Map<string, string>();
  for (const el of article.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[data-input], select[data-input]')) {
    const name = el.getAttribute('data-input')!;
    if (el instanceof HTMLSelectElement) live.set(name, el.selectedOptions[0]?.textContent?.trim() ?? el.value);
    else if (el.type === 'checkbox') live.set(name, el.checked ? 'yes' : 'no');
    else live.set(name, el.value);
  }
  const clone = article.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll('input[data-input], select[data-input]')) {
    const name = el.getAttribute('data-input');
    el.replaceWith(valueSpan(doc, name, live.get(name ?? '') ?? ''));
  }
  for (const el of clone.querySelectorAll('.input-row output')) el.remove(); // the slider's echo: the value span replaces it
  for (const el of clone.querySelectorAll('label[for]')) el.removeAttribute('for');
  for (const el of clone.querySelectorAll('input, select')) {
    const v = el instanceof HTMLInputElement ? el.value : el instanceof HTMLSelectElement ? el.value : '';
    el.replaceWith(valueSpan(doc, null, v));
  }

  // Chart data tables and on-demand values, from the cell states.
  for (const cellEl of clone.querySelectorAll('[data-cell]')) {
    const x = extras(cellEl.getAttribute('data-cell') ?? '');
    if (!x) continue;
    cellEl.querySelectorAll('figure.plot').forEach((fig, i) => {
      const t = x.plotTables[i];
      fig.querySelector('.table-wrap')?.remove();
      if (t) fig.insertAdjacentHTML('beforeend', `<details class="report-extra"><summary>Data table</summary>${tableHtml({ ...t, caption: undefined })}</details>`);
    });
    // Input cells: the value span already says it all.
    // Raw data (arrays, objects) is not a figure: the report keeps only scalar values, collapsed.
    for (const kv of cellEl.querySelectorAll('.kv')) if (!kv.querySelector('dd[data-value]')) kv.remove();
    for (const d of cellEl.querySelectorAll('details.values')) {
      if (!d.querySelector('.kv')) d.remove();
      else {
        d.removeAttribute('open');
        d.classList.add('report-extra');
        const n = d.querySelectorAll('.kv').length;
        const summary = d.querySelector('summary');
        if (summary) summary.textContent = `${n} value${n === 1 ? '' : 's'}`;
      }
    }
    const scalars = x.values.filter(([, , exact]) => exact !== undefined);
    if (scalars.length && !cellEl.querySelector('.inspector') && !cellEl.classList.contains('cell-input')) {
      const rows = scalars
        .map(([name, text, exact]) => `<div class="kv" data-name="${escapeHtml(name)}"><dt>${escapeHtml(name)}</dt><dd${exact !== undefined ? ` data-value="${escapeHtml(exact)}"` : ''}>${escapeHtml(text)}</dd></div>`)
        .join('');
      cellEl.insertAdjacentHTML('beforeend', `<details class="report-extra"><summary>${scalars.length} value${scalars.length === 1 ? '' : 's'}</summary><dl class="inspector">${rows}</dl></details>`);
    }
  }

  for (const el of clone.querySelectorAll(REMOVE)) el.remove();
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of clone.querySelectorAll('[aria-busy]')) el.removeAttribute('aria-busy');
  for (const el of clone.querySelectorAll('[aria-expanded]')) el.removeAttribute('aria-expanded');
  clone.classList.remove('presenting');
  const header = clone.querySelector('header.nb-header');
  const marker = doc.createElement('div');
  marker.setAttribute('data-report-meta', '');
  if (header) header.after(marker);
  else clone.prepend(marker);
  return clone.outerHTML;
}

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const weightOf = (w: string) => (w === 'normal' ? '400' : w === 'bold' ? '700' : w);
const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

/**
 * The page's CSS as text. Editor styles (Monaco) are left out. Of the @font-face rules only KaTeX fonts
 * this page actually loaded are kept, each with its woff2 file embedded as base64 (a typical notebook
 * uses 3–6 of them, ~15–30 KB each); every other font rule is dropped, so the report never fetches one.
 */
export async function collectCss(doc: Document = document): Promise<string> {
  const loaded = new Set<string>();
  doc.fonts?.forEach((f) => {
    if (f.status === 'loaded') loaded.add(`${unquote(f.family)}|${f.style}|${weightOf(f.weight)}`);
  });
  const parts: string[] = [];
  for (const sheet of [...doc.styleSheets]) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // cross-origin sheet: unreadable, and not ours
    }
    for (const rule of [...rules]) {
      if (rule instanceof CSSFontFaceRule) {
        const family = unquote(rule.style.getPropertyValue('font-family'));
        const key = `${family}|${rule.style.getPropertyValue('font-style') || 'normal'}|${weightOf(rule.style.getPropertyValue('font-weight') || 'normal')}`;
        if (!family.startsWith('KaTeX') || !loaded.has(key)) continue;
        const m = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(rule.style.getPropertyValue('src'));
        if (!m) continue;
        try {
          const res = await fetch(new URL(m[1], sheet.href ?? doc.baseURI));
          if (!res.ok) continue;
          const data = base64(await res.arrayBuffer());
          parts.push(`@font-face{font-family:${family};font-style:${rule.style.getPropertyValue('font-style') || 'normal'};font-weight:${rule.style.getPropertyValue('font-weight') || 'normal'};src:url(data:font/woff2;base64,${data}) format("woff2")}`);
        } catch {
          // Without the font, math falls back to the reader's fonts: still legible.
        }
        continue;
      }
      const text = rule.cssText;
      if (/monaco|codicon|\.mtk\d|\.vs-dark|\.hc-black/.test(text)) continue;
      parts.push(text);
    }
  }
  return parts.join('\n');
}
