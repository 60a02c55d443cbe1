'use strict';
// Run by the npm scripts before anything else (plain CommonJS, so that any Node can parse it): stops with one line
// when this Node is older than package.json's "engines" allow, instead of a failure deep inside a dependency
// (Node 18, say, stops with "File is not defined"). Range syntax: comparators (>=, >, <=, <, =) joined by
// spaces, alternatives by ||, as npm writes them (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#engines).

var path = require('path');

function parts(version) {
    var nums = String(version).replace(/^v/, '').split('.');
    return [Number(nums[0]) || 0, Number(nums[1]) || 0, Number(nums[2]) || 0];
}

function compare(a, b) {
    for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

function meets(version, comparator) {
    var m = /^(>=|<=|>|<|=)?\s*v?(\d+(?:\.\d+){0,2})$/.exec(comparator);
    if (!m) throw new Error('unsupported engines comparator: ' + comparator);
    var c = compare(parts(version), parts(m[2]));
    switch (m[1] || '=') {
        case '>=':
            return c >= 0;
        case '>':
            return c > 0;
        case '<=':
            return c <= 0;
        case '<':
            return c < 0;
        default:
            return c === 0;
    }
}

/** Whether `version` (e.g. "20.19.1") is in `range` (e.g. ">=20.19 <21 || >=22.12"). */
function satisfies(version, range) {
    return range.split('||').some(function (alternative) {
        return alternative
            .trim()
            .replace(/(>=|<=|>|<|=)\s+/g, '$1')
            .split(/\s+/)
            .every(function (comparator) {
                return meets(version, comparator);
            });
    });
}

/** The one line to print when `version` is not supported, or null. */
function problem(version, range) {
    if (satisfies(version, range)) return null;
    return (
        'Customer Activity Hub needs Node ' +
        range +
        ' (package.json "engines"); this is Node ' +
        version +
        '. Install a supported Node (26 LTS, which the image runs, or 24 or 22.12 and later) and run the command again.'
    );
}

module.exports = { satisfies: satisfies, problem: problem };

if (require.main === module) {
    var range = require(path.join(__dirname, '..', 'package.json')).engines.node;
    var message = problem(process.versions.node, range);
    if (message) {
        process.stderr.write(message + '\n');
        process.exit(1);
    }
}
