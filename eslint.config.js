import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The layers below the UI: schemas, pure geo and plan code, map style. */
const LOWER_LAYERS = ['src/lib/{data,geo,plan,map}/**/*.{ts,svelte}'];
/** Relative imports of a `server` folder (package names such as `@hono/node-server` are fine). */
const NO_SERVER = {
  regex: '^(\\.{1,2}/)+(.*/)?server(/|$)',
  message: 'Only src/server imports the server: the app and src/lib stay runnable without it.',
};
/** Relative imports of the `ui` folder or of the app's root component. */
const NO_UI = {
  regex: '^(\\.{1,2}/)+((.*/)?ui(/|$)|(.*/)?App\\.svelte$)',
  message: 'data, geo, plan and map sit below the UI: pass what they need as arguments instead.',
};

export default ts.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'tests/fixtures',
      'bench/.out',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // Tests poke at fixtures and at the map handle in the page: `any` is the honest type there.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Every e2e test fails on page and console errors through one fixture: specs take `test` and
    // `expect` from it, never straight from Playwright (a spec that did would silently lose the check).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: "Import test and expect from './support/test' (it fails on page errors).",
            },
          ],
        },
      ],
    },
  },
  {
    // Data flows one way (README, "Code map"): the app never reaches into the server.
    files: ['src/**/*.{ts,svelte}'],
    // `*.server.test.ts`: tests that run app code against the real server (never shipped).
    ignores: ['src/server/**', 'src/**/*.server.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SERVER] }] },
  },
  {
    // …and the pure layers never reach up into the UI (nor the server).
    files: LOWER_LAYERS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SERVER, NO_UI] }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
);
