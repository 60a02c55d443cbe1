const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// swc compiles the TypeScript proxy; jose ships ESM only, so it is transformed too.
const tsTransform = {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }]
};
const esmOnly = ['/node_modules/(?!jose/)'];

module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
            // sa11y's toBeAccessible() and the real Custom Label texts (force-app/test/jest-mocks/labels.js)
            setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-mocks/setupTests.js']
        },
        {
            displayName: 'proxy',
            rootDir: __dirname,
            roots: ['<rootDir>/proxy'],
            testEnvironment: 'node',
            testMatch: ['**/*.test.ts'],
            transform: tsTransform,
            transformIgnorePatterns: esmOnly
        },
        {
            displayName: 'scripts',
            rootDir: __dirname,
            roots: ['<rootDir>/scripts'],
            testEnvironment: 'node',
            testMatch: ['**/*.test.ts'],
            transform: tsTransform,
            transformIgnorePatterns: esmOnly,
            setupFilesAfterEnv: ['<rootDir>/scripts/jest.setup.ts']
        }
    ]
};
