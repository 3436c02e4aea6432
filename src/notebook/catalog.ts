/** The shipped notebooks: parsed once from their Markdown sources (a path → text record from Vite or fs). */
import { parseNotebook, type Notebook } from './format';

export function buildCatalog(files: Record<string, string>): Notebook[] {
  const list: Notebook[] = [];
  for (const [path, text] of Object.entries(files)) {
    const fallbackId = path.replace(/^.*\//, '').replace(/\.md$/, '');
    list.push(parseNotebook(text, fallbackId));
  }
  const ids = new Set<string>();
  for (const nb of list) {
    if (ids.has(nb.meta.id)) throw new Error(`two notebooks share the id '${nb.meta.id}'`);
    ids.add(nb.meta.id);
  }
  return list.sort((a, b) => a.meta.order - b.meta.order || a.meta.title.localeCompare(b.meta.title));
}
