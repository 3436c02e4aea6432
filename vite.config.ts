/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { ledgerCacheKeys } from './scripts/ledgerCacheKeys.ts';

// Cross-origin isolation: without these two headers Chromium coarsens performance.now()
// to 100 µs and SharedArrayBuffer is unavailable. The timing notebook reports which mode it ran in.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // The ledger's result cache (src/notebook/runCache.ts) keys on a hash of src/ and the shipped data, served as
  // `virtual:ledger-cache-keys`: a build of other sources or data never reuses a stored result, and the dev
  // server recomputes the hash after every edit under src/ (scripts/ledgerCacheKeys.ts).
  plugins: [svelte(), ledgerCacheKeys({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: {
    include: [
      'monaco-editor/editor',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/javascript/register',
      'monaco-editor/languages/definitions/typescript/register',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
  },
});
