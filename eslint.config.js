// ESLint flat config: type-checked rules for the TypeScript sources, plain recommended rules for the
// Node scripts. Only rules with a stated reason are relaxed.
'use strict';
const { defineConfig } = require('eslint/config');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'reports/',
      'bin/',
      'spec/generated/',
      // Root-level config files (this one, jest.config.js); the scripts below are linted.
      '*.js',
      '*.cjs',
      '*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
      globals: globals.node,
    },
    rules: {
      // A promise nobody awaits hides failures (an unawaited delivery or listen); keep it an error.
      '@typescript-eslint/no-floating-promises': 'error',
      // Express needs the four-argument error handler signature even when `next` is unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // `expect(service.method).toHaveBeenCalled()` passes methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // supertest types `res.body` (and JSON.parse its result) as `any`; a test reads it to assert on
      // it, and a wrong shape fails the assertion. Source files keep these rules.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The QA console's browser modules (E70), served as they are: no build step.
    files: ['mock-server/console/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['scripts/**/*.js', 'spec/spectral-functions/**/*.js', 'bench/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'commonjs',
      globals: globals.node,
    },
  },
  {
    files: ['bench/**/*.test.js'],
    languageOptions: { globals: globals.jest },
  },
);
