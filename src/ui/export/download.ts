/** Save a file from the page (browser only): an `<a download>` on an object URL. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** The notebook id and cell id around an element on the notebook page, and its index among the cell's exportable figures. */
export function exportContext(el: Element): { notebookId: string; cellId?: string; index: number } {
  const notebookId = el.closest('article.notebook')?.getAttribute('data-notebook') ?? 'notebook';
  const cell = el.closest('[data-cell]');
  const target = el.closest('[data-export]');
  const index = cell && target ? [...cell.querySelectorAll('[data-export]')].indexOf(target) : 0;
  return { notebookId, cellId: cell?.getAttribute('data-cell') ?? undefined, index: Math.max(0, index) };
}
