import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  // assembly/: AssemblyScript (compiled to wasm by scripts/build-wasm.mjs), not TypeScript.
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'bench/.build/**', 'test/e2e/screenshots/**', 'src/engine/quantum/wasm/assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No `any`: untyped values are `unknown` and narrowed. Untyped libraries are viewed through a small local
      // interface (mathjs in src/notebook/formula.ts, the peer simulators in bench/).
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // The engine layer is pure: no DOM, no Svelte, no UI or notebook code, no ambient randomness or clock.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/ui/**', '**/notebook/**', '**/share/**', '**/workers/**', 'svelte', 'svelte/*', '*.svelte'],
            message: 'src/engine must not import UI, notebook, share or worker code (layers point downwards only).' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use createRng(seed) from src/engine/random.ts.' },
        { object: 'Date', property: 'now', message: 'Engine code takes time as an input; no wall clock.' },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
  {
    // The notebook layer (host, runtime, protocol) sits on the engine only: workers/ and the page import it, never the reverse.
    files: ['src/notebook/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/ui/**', '**/share/**', '**/workers/**', 'svelte', 'svelte/*', '*.svelte'],
            message: 'src/notebook must not import UI, share or worker code (the protocol lives in src/notebook/protocol.ts).' },
        ],
      }],
    },
  },
);
