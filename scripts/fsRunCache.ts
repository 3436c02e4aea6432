/**
 * The experiment result cache headless: one JSON file per run under a folder (default `.cache/ledger/`,
 * gitignored), named by the run's cache key (src/notebook/runCache.ts). Delete the folder to clear it;
 * `npm run ledger -- --no-cache` computes every experiment now (and refreshes the stored results).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeCacheValue, encodeCacheValue, type RunCacheStore } from '../src/notebook/runCache';

export function fsRunCache(dir: string): RunCacheStore {
  const file = (key: string) => {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new Error(`invalid cache key '${key}'`);
    return join(dir, `${key}.json`);
  };
  return {
    async get(key) {
      try {
        return decodeCacheValue(await readFile(file(key), 'utf8'));
      } catch {
        return undefined; // missing or unreadable: computed again
      }
    },
    async set(key, value) {
      await mkdir(dir, { recursive: true });
      const f = file(key), tmp = `${f}.${process.pid}.tmp`;
      await writeFile(tmp, encodeCacheValue(value));
      await rename(tmp, f); // atomic: a concurrent run never reads half a file
    },
  };
}
