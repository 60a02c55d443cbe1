import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

/**
 * ESLint for the Lightning web components (force-app/**), the lwc-recipes way: the recommended LWC
 * config everywhere, relaxed in tests where wire adapters are emitted by hand and jest globals exist.
 * The TypeScript proxy and scripts are checked by tsc, not by this config.
 */
export default [
    {
        ignores: ['node_modules/**', 'proxy/**', 'scripts/**', 'preview/**', 'bench/**', '**/dist/**', 'coverage/**']
    },
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: ['force-app/**/*.js'] })),
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
    }
];
