// ESLint (flat config): the recommended rules of ESLint and typescript-eslint for the server,
// the tests, the newsroom app, the benchmarks and the scripts. Run with `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The Node globals our plain .js/.mjs files use (the `globals` package is not a dependency).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'structuredClone', 'fetch'].map((g) => [g, 'readonly']),
);

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'bench/results/**', 'test-results/**', 'scratch/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Migrations are frozen and must not depend on today's table types, so they take a
    // `Kysely<any>` (Kysely's own advice for migrations); the runner passes them that handle.
    files: ['src/db/migrations/**', 'src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read API answers as parsed JSON and poke at them field by field; typing every
    // response shape there would duplicate the presenters without testing anything more.
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The rules of hooks are real bugs in the newsroom app; exhaustive-deps is a warning because
    // some effects run on purpose only on mount (marked with a disable comment saying so).
    files: ['admin/src/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      // Unused names are mistakes, except the ones named on purpose: `_req`, `_`, and the rest
      // siblings of a destructuring that drops a field (`const { a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
);
