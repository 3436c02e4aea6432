import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../src/notebook/catalog';

const dir = fileURLToPath(new URL('../notebooks/', import.meta.url));

export function loadCatalog() {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.md')) files[`/notebooks/${f}`] = readFileSync(dir + f, 'utf8');
  return buildCatalog(files);
}
