// Lint rules; the important one keeps src/core free of host, Node and DOM APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostGlobals = ['window', 'document', 'navigator', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require',
  'SpreadsheetApp', 'PropertiesService', 'HtmlService', 'UrlFetchApp', 'Session', 'Utilities', 'Excel', 'Office', 'CustomFunctions',
  '__dirname', 'setTimeout', 'console'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'bench/results/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'stream', 'util', 'crypto', 'buffer'], message: 'src/core is pure: no Node APIs.' },
        { group: ['**/hosts/**', '**/cli/**', '**/sidebar/**', 'exceljs', 'csv-parse', 'csv-parse/*'], message: 'src/core must not import a host, the CLI or the sidebar.' },
      ] }],
      'no-restricted-globals': ['error', ...hostGlobals.map((name) => ({ name, message: `src/core is pure: ${name} is a host API.` }))],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
