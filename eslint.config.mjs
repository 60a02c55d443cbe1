import { createRequire } from 'node:module';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
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
 * - The proxy's borders as import rules (eslint-plugin-import no-restricted-paths), described in proxy/README.md.
 */
const LWC_FILES = ['force-app/**/*.js', 'scripts/preview/src/modules/**/*.js'];
const TS_FILES = ['**/*.ts'];
const NODE_JS_FILES = ['**/*.mjs', '**/*.cjs', 'jest.config.js'];
const BROWSER_JS_FILES = ['scripts/preview/platform/**/*.js', 'scripts/preview/src/main.js'];

const SRC = './proxy/src';
/** Folders below http/ and lookup/: they are used by those two and never use them. */
const LOWER_LAYERS = ['aep', 'auth', 'cache', 'card', 'contract', 'identity', 'lib', 'observability', 'config.ts', 'errors.ts'];

/** Who may import whom (https://github.com/import-js/eslint-plugin-import/blob/main/docs/rules/no-restricted-paths.md). */
const BORDERS = [
    {
        target: `${SRC}/contract`,
        from: SRC,
        except: ['./contract'],
        message: 'proxy/src/contract/ holds the shapes that cross a border and imports nothing else of ours.'
    },
    {
        target: `${SRC}/contract`,
        from: ['./proxy/emulator', './scripts'],
        message: 'proxy/src/contract/ holds the shapes that cross a border and imports nothing else of ours.'
    },
    {
        target: [`${SRC}/identity`, `${SRC}/card`],
        from: [`${SRC}/http`, `${SRC}/aep`, `${SRC}/lookup`],
        message: 'identity/ and card/ are pure: they take parsed values and never reach HTTP, AEP clients or the look-up.'
    },
    {
        target: LOWER_LAYERS.map((dir) => `${SRC}/${dir}`),
        from: [`${SRC}/http`, `${SRC}/lookup`],
        message: 'http/ and lookup/ sit on top: lower layers never import them.'
    },
    { target: `${SRC}/lookup`, from: `${SRC}/http`, message: 'lookup/ is called by http/, never the other way round.' },
    {
        target: SRC,
        from: ['./proxy/emulator', './scripts'],
        message: 'Production code never knows the emulator: it reaches any AEP, real or emulated, through AEP_* settings.'
    },
    {
        target: ['./scripts', './proxy/test', './proxy/emulator', './bench'],
        from: SRC,
        except: ['./index.ts', './contract'],
        message: 'Outside proxy/src, import the proxy through its front door (proxy/src/index.ts) or the contracts (proxy/src/contract/).'
    }
];

export default [
    {
        ignores: [
            'node_modules/**',
            '**/dist/**',
            '.cache/**',
            'coverage/**',
            'test-results/**',
            'tmp/**',
            '.sf/**',
            '.sfdx/**',
            '.localdevserver/**'
        ]
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
        files: ['proxy/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
        plugins: { import: importPlugin },
        settings: { 'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] } } },
        rules: { 'import/no-restricted-paths': ['error', { zones: BORDERS }] }
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
