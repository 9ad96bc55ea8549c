import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'bench/data/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Electron stays at the edge: only main/app/ may import it, so the engine runs in plain Node.
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/app/ may import electron (DESIGN.md).' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', 'bench/**', 'examples/**'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['main/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/contract/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The contract and the renderer never import electron.' }],
        patterns: [{ group: ['node:*'], message: 'The contract and the renderer run in the page: no Node modules.' }],
      }],
    },
  },
);
