import { createRequire } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

/**
 * One ESLint config for the whole tree (`npm run lint`, run by `npm test`):
 * - Lightning web components (force-app/**) the lwc-recipes way: @salesforce/eslint-config-lwc recommended,
 *   relaxed in tests where wire adapters are emitted by hand and jest globals exist. The preview's own console
 *   modules (scripts/preview/src/modules) are LWC too and get the same rules.
 * - TypeScript (proxy/, scripts/): typescript-eslint recommended.
 * - Plain JavaScript (build scripts, runners, the preview's platform stand-ins): ESLint recommended.
 */
const LWC_FILES = ['force-app/**/*.js', 'scripts/preview/src/modules/**/*.js'];
const TS_FILES = ['**/*.ts'];
const NODE_JS_FILES = ['**/*.mjs', '**/*.cjs', 'jest.config.js'];
const BROWSER_JS_FILES = ['scripts/preview/platform/**/*.js', 'scripts/preview/src/main.js'];

export default [
    {
        ignores: ['node_modules/**', '**/dist/**', 'coverage/**', 'test-results/**', 'tmp/**', '.sf/**', '.sfdx/**', '.localdevserver/**']
    },
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: LWC_FILES })),
    {
        files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        languageOptions: {
            globals: { ...globals.node, ...globals.jest }
        },
        rules: {
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-inner-html': 'off',
            '@lwc/lwc/no-document-query': 'off'
        }
    },
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),
    {
        files: TS_FILES,
        rules: {
            // `_name` marks a deliberately unused binding (a destructured field left out, a required callback parameter).
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }
            ],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            eqeqeq: ['error', 'always']
        }
    },
    {
        // Tests read parsed JSON bodies field by field; their assertions are the type check.
        files: ['**/__tests__/**/*.ts', 'proxy/test/**/*.ts'],
        rules: { '@typescript-eslint/no-explicit-any': 'off' }
    },
    {
        files: [...NODE_JS_FILES, ...BROWSER_JS_FILES],
        ...js.configs.recommended,
        languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } }
    },
    {
        files: BROWSER_JS_FILES,
        languageOptions: { globals: { ...globals.browser } }
    },
    {
        files: ['jest.config.js', '**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' }
    }
];
