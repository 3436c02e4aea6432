/**
 * Fingerprints for the experiment result cache (src/notebook/runCache.ts), computed from the files on disk:
 * - the engine salt: every file under src/ plus package-lock.json (the code and the dependency versions), so
 *   any change to them invalidates every cached run;
 * - the data fingerprint: every shipped data file under public/data/.
 * Used by vite.config.ts (built into the page) and by the headless runner (computed at start, ~0.1 s).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function hashTree(paths: string[]): string {
  const h = createHash('sha256');
  const files: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
    else files.push(p);
  };
  for (const p of paths) walk(join(root, p));
  for (const f of files.sort()) {
    h.update(relative(root, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

export function engineSalt(): string {
  return hashTree(['src', 'package-lock.json']);
}

export function dataFingerprint(): string {
  return hashTree(['public/data']);
}
