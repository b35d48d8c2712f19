// Lint: typescript-eslint + React hooks, and the layer rules of HOUSE_STYLE.md as
// no-restricted-imports per folder (a forbidden import fails `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { regex: '^(node:.*|fs|path|os|crypto|child_process|url|http|https|net|worker_threads)(/.*)?$', message: 'core/renderer/preload code must not use Node built-ins.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only main and preload talk to Electron.' };
const react = { group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'recharts'], message: 'UI libraries belong in the renderer.' };
const dexie = { group: ['dexie', 'dexie-react-hooks'], message: 'Only the renderer database layer uses Dexie.' };
const layer = (name) => ({ regex: `(^|/)${name}(/|$)`, message: `This layer may not import ${name}.` });

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist-web', 'dist-cli', 'release', 'test-results', 'playwright-report', '.tmp', 'tests/fixtures/lint/**', 'scripts/bench/.out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, react, dexie, layer('main'), layer('renderer'), layer('preload'), layer('cli'), layer('shared')] }],
      'no-restricted-globals': ['error', { name: 'window', message: 'core is pure: no DOM.' }, { name: 'document', message: 'core is pure: no DOM.' }, { name: 'localStorage', message: 'core is pure.' }, { name: 'process', message: 'core is pure: no Node.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core has no clock: pass `now`.' }, { object: 'Math', property: 'random', message: 'core has no randomness: pass a seed.' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, react, dexie, layer('main'), layer('renderer'), layer('preload'), layer('cli')] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, dexie, layer('renderer'), layer('preload'), layer('cli')] }] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, react, dexie, layer('core'), layer('main'), layer('renderer'), layer('cli'), { group: ['zod', 'yaml', '@noble/*'], message: 'The preload uses no npm packages.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, layer('main'), layer('preload'), layer('cli')] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react, dexie, layer('main'), layer('renderer'), layer('preload')] }] },
  },
);
