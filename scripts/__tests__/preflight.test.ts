import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { engines, scripts } from '../../package.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the preflight is plain CommonJS so that any Node can run it
const { problem, satisfies } = require('../preflight.cjs') as {
    problem(version: string, range: string): string | null;
    satisfies(version: string, range: string): boolean;
};

describe('Node version preflight (scripts/preflight.cjs)', () => {
    it("reads package.json's engines range as npm does", () => {
        expect(engines.node).toBe('>=20.19 <21 || >=22.12');
        for (const ok of ['20.19.0', '20.20.1', '22.12.0', '24.3.0', '26.12.1']) expect(satisfies(ok, engines.node)).toBe(true);
        for (const old of ['18.19.1', '20.18.3', '20.9.0', '21.7.3', '22.11.0', '16.20.2'])
            expect(satisfies(old, engines.node)).toBe(false);
    });

    it('names the version needed in one line, for an older Node', () => {
        expect(problem('18.19.1', engines.node)).toBe(
            'Customer Activity Hub needs Node >=20.19 <21 || >=22.12 (package.json "engines"); this is Node 18.19.1. Install a supported Node (26 LTS, which the image runs, or 24 or 22.12 and later) and run the command again.'
        );
        expect(problem(process.versions.node, engines.node)).toBeNull();
    });

    it('lets a supported Node through silently, and runs before npm start and npm test', () => {
        const run = spawnSync(process.execPath, [join(__dirname, '..', 'preflight.cjs')], { encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(scripts.start).toMatch(/^node scripts\/preflight\.cjs && /);
        expect(scripts.test).toMatch(/^node scripts\/preflight\.cjs && /);
    });
});
