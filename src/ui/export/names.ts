/** Download file names: `<notebook>-<cell>[-<n>].<ext>`, safe on every file system. */
export function safeName(part: string): string {
  return (
    part
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'export'
  );
}

/** `index` is the figure's position among the exportable figures of its cell (0 → no suffix). */
export function exportFileName(notebookId: string, cellId: string | undefined, index: number, ext: string, suffix = ''): string {
  const parts = [safeName(notebookId)];
  if (cellId) parts.push(safeName(cellId));
  if (index > 0) parts.push(String(index + 1));
  if (suffix) parts.push(safeName(suffix));
  return `${parts.join('-')}.${ext}`;
}
