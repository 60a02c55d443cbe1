/*
 * setupFilesAfterEnv of the `lwc` jest project: the sa11y matcher (`toBeAccessible()`) and the real
 * English Custom Labels (see ./labels.js).
 */
const { registerSa11yMatcher } = require('@sa11y/jest');
const { labelsFor, registerLabels } = require('./labels');

registerSa11yMatcher();
registerLabels(labelsFor('en_US'));
