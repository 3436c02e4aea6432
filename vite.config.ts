/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataFingerprint, engineSalt } from './scripts/engineSalt.ts';

// Cross-origin isolation: without these two headers Chromium coarsens performance.now()
// to 100 µs and SharedArrayBuffer is unavailable. The timing notebook reports which mode it ran in.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig(({ command }) => ({
  plugins: [svelte()],
  // The ledger's result cache (src/notebook/runCache.ts) keys on these: a build of other sources or data never
  // reuses a stored result. The dev server hashes at start (restart it, or untick the cache, after editing).
  define: {
    'import.meta.env.LEDGER_CACHE_SALT': JSON.stringify(`${command === 'serve' ? `dev-${Date.now()}-` : ''}${engineSalt()}`),
    'import.meta.env.LEDGER_DATA_FINGERPRINT': JSON.stringify(dataFingerprint()),
  },
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
}));
