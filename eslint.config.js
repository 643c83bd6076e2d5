// One lint set-up for every workspace (flat config). Formatting belongs to Prettier alone,
// so eslint-config-prettier switches off every stylistic rule that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// miniapp/src/features: page features, and the shared ones any feature may build on
const MINIAPP_SHARED_FEATURES = ['filing', 'evidence', 'phone', 'privacy', 'subscriptions'];
const MINIAPP_FEATURES = [
  'articles',
  'auth',
  'cases',
  'claim',
  'consult',
  'file-complaint',
  'home',
  'inbox',
  'me',
  'merchant',
  'report',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['miniapp/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The mini-program's feature boundaries: a feature uses src/components, hooks, lib, i18n, api
    // and the shared features (the filing's parts, evidence, the verified phone, privacy, subscriptions), never
    // another feature's internals; the shared floors never reach up into features/.
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...MINIAPP_FEATURES.map((feature) => ({
              target: `./miniapp/src/features/${feature}`,
              from: './miniapp/src/features',
              except: [`./${feature}`, ...MINIAPP_SHARED_FEATURES.map((f) => `./${f}`)],
              message: 'A feature imports shared components, hooks, lib and the shared features only',
            })),
            ...MINIAPP_SHARED_FEATURES.map((feature) => ({
              target: `./miniapp/src/features/${feature}`,
              from: './miniapp/src/features',
              except: MINIAPP_SHARED_FEATURES.map((f) => `./${f}`),
              message: 'A shared feature builds on the other shared features only',
            })),
            {
              target: [
                './miniapp/src/components',
                './miniapp/src/hooks',
                './miniapp/src/lib',
                './miniapp/src/i18n',
                './miniapp/src/api',
              ],
              from: './miniapp/src/features',
              message: 'Shared floors never import a feature: move the shared part down instead',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**', 'miniapp/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Floors: errors.ts and the domain/data layers sit below http/ and never import it (http/ imports them).
    files: ['bff/src/**/*.ts'],
    ignores: ['bff/src/http/**', 'bff/src/app.ts', 'bff/src/main.ts', 'bff/src/worker-main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)http(/|$)', message: 'Lower floors do not import http/; use bff/src/errors.ts' },
          ],
        },
      ],
    },
  },
  {
    // Small files named for what they hold (tests, migrations and message catalogues aside).
    files: ['bff/src/**/*.ts', 'shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  prettier,
);
