/** Served by the Vite plugin in scripts/ledgerCacheKeys.ts: the ledger result cache's engine salt and data fingerprint. */
declare module 'virtual:ledger-cache-keys' {
  export const LEDGER_CACHE_SALT: string;
  export const LEDGER_DATA_FINGERPRINT: string;
}
