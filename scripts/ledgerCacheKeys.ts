/**
 * Vite plugin: the claims ledger's cache keys as a module, `virtual:ledger-cache-keys` (imported by the notebook
 * worker): the engine salt (a hash of src/ and package-lock.json) and the shipped data's fingerprint (see
 * engineSalt.ts and src/notebook/runCache.ts). A build computes them once. The dev server recomputes them
 * after any change under src/, public/data/ or to the lock file (the module is invalidated, so the next page
 * load's worker gets the new keys): results cached before an engine edit are never served after it, and an
 * unchanged tree keeps its keys across restarts.
 */
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { dataFingerprint, engineSalt } from './engineSalt.ts';

export const LEDGER_KEYS_MODULE = 'virtual:ledger-cache-keys';
const RESOLVED = `\0${LEDGER_KEYS_MODULE}`;

export interface LedgerKeySources {
  /** Repository root (the paths below are relative to it). */
  root: string;
  salt?: () => string;
  data?: () => string;
}

/** Whether a changed file (absolute path) moves a key: anything under src/ or public/data/, or the lock file. */
export function movesLedgerKeys(root: string, file: string): boolean {
  const rel = relative(root, file).split(sep).join('/');
  return rel.startsWith('src/') || rel.startsWith('public/data/') || rel === 'package-lock.json';
}

export function ledgerCacheKeys({ root, salt = engineSalt, data = dataFingerprint }: LedgerKeySources): Plugin {
  return {
    name: 'ledger-cache-keys',
    resolveId: (id) => (id === LEDGER_KEYS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const LEDGER_CACHE_SALT = ${JSON.stringify(salt())};\nexport const LEDGER_DATA_FINGERPRINT = ${JSON.stringify(data())};\n` : undefined),
    configureServer(server) {
      const changed = (file: string) => {
        if (!movesLedgerKeys(root, file)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
      };
      server.watcher.add(join(root, 'package-lock.json'));
      server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
    },
  };
}
