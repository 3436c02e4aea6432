import { buildCatalog } from '../notebook/catalog';

// The notebooks are small Markdown files: bundling their text lets the home page list them with no request.
const files = import.meta.glob('/notebooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const catalog = buildCatalog(files);

export function findNotebook(id: string) {
  return catalog.find((n) => n.meta.id === id);
}
