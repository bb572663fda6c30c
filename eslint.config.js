// Lint: ESLint's and typescript-eslint's recommended rules on every file, and on production code
// (src/, ingest/) typescript-eslint's type-checked rules too, which read the types through the
// TypeScript project service (tsconfig.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'neo4j/target/', '.neo4j*/', 'coverage/', 'reports/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Tests, benchmarks and scripts read loosely typed GraphQL JSON: they keep the syntactic rules only.
  {
    files: ['src/**/*.ts', 'ingest/**/*.ts'],
    extends: tseslint.configs.recommendedTypeChecked,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', AbortSignal: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read loosely-typed GraphQL JSON; explicit any is allowed there only.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
