/**
 * The headless notebook worker, prebundled: scripts/nodeWorker.ts and everything it imports from src/ built
 * once into one ES module (esbuild, which tsx already brings), so a headless run's worker threads load plain
 * JavaScript instead of compiling TypeScript through tsx's loader in every thread (0.3–0.6 s each, plus
 * starting the loader). The bundle is named by a hash of its sources (src/, scripts/, the lock file)
 * and rebuilt when they change; dependencies stay in node_modules. Set SEMA_WORKER_TSX=1 to skip it.
 * Location: .cache/headless/ (gitignored; delete it to force a rebuild).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, '.cache', 'headless');
const SOURCES = ['src', 'scripts', 'package-lock.json'];

function sourcesHash(): string {
  const h = createHash('sha256');
  const walk = (p: string): string[] => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return [];
    return st.isDirectory() ? readdirSync(p).sort().flatMap((f) => walk(join(p, f))) : [p];
  };
  for (const f of SOURCES.flatMap((s) => walk(join(repoRoot, s)))) h.update(`${relative(repoRoot, f)}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

let built: URL | null = null;

/**
 * Another process may still be running on an older bundle (a test run while you edit src/): a bundle is
 * touched whenever a run starts on it and removed only when no run has started on it for this long.
 */
const KEEP_UNUSED_MS = 3 * 3600_000;

/** The bundled worker (built if missing or stale), or null if bundling is off or failed (tsx fallback). */
export async function workerBundleUrl(): Promise<URL | null> {
  if (process.env.SEMA_WORKER_TSX === '1') return null;
  if (built) return built;
  const file = join(outDir, `nodeWorker-${sourcesHash()}.mjs`);
  if (!existsSync(file)) {
    try {
      const { build } = await import('esbuild');
      mkdirSync(outDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await build({
        entryPoints: [join(repoRoot, 'scripts', 'nodeWorker.ts')], outfile: tmp, bundle: true, format: 'esm', platform: 'node',
        target: 'node20', packages: 'external', logLevel: 'silent', sourcemap: 'inline',
      });
      renameSync(tmp, file); // atomic: a concurrent run never loads half a file
      const now = Date.now();
      for (const f of readdirSync(outDir)) {
        const p = join(outDir, f);
        if (!f.startsWith('nodeWorker-') || p === file) continue;
        const st = statSync(p, { throwIfNoEntry: false });
        if (st && now - st.mtimeMs > KEEP_UNUSED_MS) rmSync(p, { force: true });
      }
    } catch (e) {
      process.stderr.write(`headless: could not prebundle the worker (${(e as Error).message}); compiling it with tsx instead\n`);
      return null;
    }
  } else {
    try {
      const t = new Date();
      utimesSync(file, t, t); // in use: see KEEP_UNUSED_MS
    } catch {
      /* read-only checkout: nothing is pruned there either */
    }
  }
  built = new URL(`file://${file}`);
  return built;
}
