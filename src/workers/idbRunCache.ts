/**
 * The experiment result cache in the page: one IndexedDB object store (database `sema-ledger-cache`), usable
 * from the notebook worker. Values are stored by structured clone (NaN and typed arrays survive). If
 * IndexedDB is unavailable (private mode, blocked storage), nothing is cached and the ledger says so by never
 * marking a result "cached". Clear it with the browser's site-data settings, or `indexedDB.deleteDatabase('sema-ledger-cache')`.
 */
import type { RunCacheStore } from '../notebook/runCache';

export const LEDGER_CACHE_DB = 'sema-ledger-cache';
const STORE = 'runs';

export function idbRunCache(idb: IDBFactory | undefined = globalThis.indexedDB): RunCacheStore {
  let db: Promise<IDBDatabase | null> | null = null;
  const open = () => (db ??= new Promise<IDBDatabase | null>((resolve) => {
    if (!idb) return resolve(null);
    try {
      const req = idb.open(LEDGER_CACHE_DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  }));
  const tx = <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> =>
    open().then((d) => new Promise<T | undefined>((resolve) => {
      if (!d) return resolve(undefined);
      try {
        const req = f(d.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    }));
  return {
    get: (key) => tx('readonly', (s) => s.get(key)),
    set: async (key, value) => { await tx('readwrite', (s) => s.put(value, key)); },
  };
}
