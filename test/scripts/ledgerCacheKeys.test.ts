/** The dev server's ledger cache keys follow code changes (scripts/ledgerCacheKeys.ts). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ViteDevServer } from 'vite';
import { LEDGER_KEYS_MODULE, ledgerCacheKeys, movesLedgerKeys } from '../../scripts/ledgerCacheKeys';

type Hook = (...a: unknown[]) => unknown;
const call = (h: unknown, ...a: unknown[]) => (typeof h === 'function' ? (h as Hook)(...a) : (h as { handler: Hook }).handler(...a));

describe('ledger cache keys plugin', () => {
  it('serves the salt and the data fingerprint as a module, recomputed after an edit under src/ only', async () => {
    let version = 1;
    const plugin = ledgerCacheKeys({ root: '/repo', salt: () => `salt-${version}`, data: () => 'data-1' });
    const resolved = call(plugin.resolveId, LEDGER_KEYS_MODULE) as string;
    expect(resolved).toBe(`\0${LEDGER_KEYS_MODULE}`);
    expect(call(plugin.resolveId, 'other')).toBeUndefined();
    expect(call(plugin.load, resolved)).toBe('export const LEDGER_CACHE_SALT = "salt-1";\nexport const LEDGER_DATA_FINGERPRINT = "data-1";\n');

    // A dev server: its watcher reports file changes; the virtual module is invalidated for engine edits.
    const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
    const mod = { id: resolved };
    const invalidated: unknown[] = [];
    const server = { watcher, moduleGraph: { getModuleById: (id: string) => (id === resolved ? mod : undefined), invalidateModule: (m: unknown) => invalidated.push(m) } };
    call(plugin.configureServer, server as unknown as ViteDevServer);
    watcher.emit('change', '/repo/README.md');
    watcher.emit('change', '/repo/notebooks/claims-ledger.md'); // the notebook's text is part of each key already
    expect(invalidated).toEqual([]);
    version = 2;
    watcher.emit('change', '/repo/src/engine/ensemble/stacking.ts');
    expect(invalidated).toEqual([mod]);
    expect(call(plugin.load, resolved)).toContain('"salt-2"');
    watcher.emit('add', '/repo/public/data/new.csv');
    watcher.emit('unlink', '/repo/package-lock.json');
    expect(invalidated).toHaveLength(3);
  });

  it('names the files that move a key', () => {
    expect(movesLedgerKeys('/r', '/r/src/a.ts')).toBe(true);
    expect(movesLedgerKeys('/r', '/r/public/data/x.csv')).toBe(true);
    expect(movesLedgerKeys('/r', '/r/package-lock.json')).toBe(true);
    expect(movesLedgerKeys('/r', '/r/srcx/a.ts')).toBe(false);
    expect(movesLedgerKeys('/r', '/r/public/index.html')).toBe(false);
    expect(movesLedgerKeys('/r', '/other/src/a.ts')).toBe(false);
  });
});
