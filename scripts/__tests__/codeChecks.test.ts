import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scripts } from '../../package.json';
import { GOOD_CLASS, REPO_ROOT, makeProject, removeProject } from '../sfdx/__tests__/tempProject';

/**
 * `npm test` runs prettier --check (every language, Apex included) and ESLint (TypeScript, JavaScript, the proxy's
 * import borders): each command is run here, exactly as package.json writes it, on a throw-away copy of this
 * repository's configuration, once clean and once with a file that breaks it.
 */
jest.setTimeout(120_000);

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

function project(files: Record<string, string>): string {
    const root = makeProject({
        'eslint.config.mjs': fs.readFileSync(path.join(REPO_ROOT, 'eslint.config.mjs'), 'utf8'),
        // as prettier writes it (makeProject's copy is compact)
        'sfdx-project.json': '{ "packageDirectories": [{ "path": "force-app", "default": true }], "sourceApiVersion": "66.0" }\n',
        ...files
    });
    created.push(root);
    return root;
}

/** Runs an npm script's command line in `cwd`, with this checkout's tools on PATH (as npm does). */
function run(command: string, cwd: string): { status: number | null; output: string } {
    const bin = path.join(REPO_ROOT, 'node_modules', '.bin');
    const result = spawnSync('sh', ['-c', command], {
        cwd,
        encoding: 'utf8',
        // CI may set FORCE_COLOR; the assertions read plain text, so colour is off and any left is stripped.
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }
    });
    return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

/** A tiny proxy tree that keeps every border. */
const PROXY = {
    'proxy/src/contract/cardModel.ts': 'export const CARD_LIMITS = { events: 15 } as const;\n',
    'proxy/src/errors.ts': "import { CARD_LIMITS } from './contract/cardModel';\n\nexport const MAX_EVENTS = CARD_LIMITS.events;\n",
    'proxy/src/index.ts': "export { MAX_EVENTS } from './errors';\n",
    'scripts/use.ts': "import { MAX_EVENTS } from '../proxy/src/index';\n\nexport const events = MAX_EVENTS;\n"
};

describe('npm test runs the formatter and the linter', () => {
    it('has both in the test command', () => {
        expect(scripts.test).toMatch(/npm run format:check && npm run lint && jest/);
        expect(scripts['format:check']).toBe('prettier --check .');
        expect(scripts.lint).toBe('eslint .');
    });
});

describe('npm run lint', () => {
    it('passes a tree that keeps the borders', () => {
        const result = run(scripts.lint, project(PROXY));
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
    });

    it('fails on a contract that imports another module of ours, naming the border', () => {
        const root = project({
            ...PROXY,
            'proxy/src/contract/lookupRequest.ts': "import { MAX_EVENTS } from '../errors';\n\nexport const maxEvents = MAX_EVENTS;\n"
        });
        const result = run(scripts.lint, root);
        expect(result.status).toBe(1);
        expect(result.output).toMatch(
            /lookupRequest\.ts[\s\S]*"\.\.\/errors" imported in restricted zone[\s\S]*imports nothing else of ours/
        );
    });

    it('fails on outside code that bypasses the front door, and on production code that imports the emulator', () => {
        const root = project({
            ...PROXY,
            'proxy/emulator/src/index.ts': 'export const startEmulator = () => undefined;\n',
            'proxy/src/main.ts': "import { startEmulator } from '../emulator/src/index';\n\nexport const start = startEmulator;\n",
            'scripts/use.ts': "import { MAX_EVENTS } from '../proxy/src/errors';\n\nexport const events = MAX_EVENTS;\n"
        });
        const result = run(scripts.lint, root);
        expect(result.status).toBe(1);
        expect(result.output).toMatch(/main\.ts[\s\S]*Production code never knows the emulator/);
        expect(result.output).toMatch(/use\.ts[\s\S]*front door \(proxy\/src\/index\.ts\)/);
    });

    it('fails on a TypeScript rule (an unused variable)', () => {
        const result = run(scripts.lint, project({ ...PROXY, 'scripts/unused.ts': 'const forgotten = 1;\nexport {};\n' }));
        expect(result.status).toBe(1);
        expect(result.output).toMatch(/'forgotten' is assigned a value but never used/);
    });
});

describe('npm run format:check', () => {
    it('passes formatted TypeScript and Apex', () => {
        const root = project({ ...PROXY, 'force-app/main/default/classes/Greeter.cls': GOOD_CLASS });
        const result = run(scripts['format:check'], root);
        expect(result.output).toMatch(/All matched files use Prettier code style/);
        expect(result.status).toBe(0);
    });

    it('fails on an unformatted TypeScript file and an unformatted Apex class, naming both', () => {
        const root = project({
            ...PROXY,
            'proxy/src/errors.ts': 'import {CARD_LIMITS} from "./contract/cardModel"\nexport const MAX_EVENTS=CARD_LIMITS.events\n',
            'force-app/main/default/classes/Greeter.cls': GOOD_CLASS.replace(
                '    public static String greet',
                'public   static String greet'
            )
        });
        const result = run(scripts['format:check'], root);
        expect(result.status).toBe(1);
        expect(result.output).toMatch(/\[warn\] proxy\/src\/errors\.ts/);
        expect(result.output).toMatch(/\[warn\] force-app\/main\/default\/classes\/Greeter\.cls/);
    });
});
