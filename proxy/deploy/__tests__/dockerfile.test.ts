import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { DOCKERFILE, parseDockerfile } from '../../test/support/dockerfile';

/**
 * proxy/Dockerfile, checked as far as it can be without a Docker daemon (none runs here): dockerfile-utils' linter
 * (the one behind VS Code's Dockerfile support), then the stages, what the runtime stage copies and runs. That
 * the image's command serves a card is proxy/test/builtProxy.test.ts, which runs this CMD.
 */
const ROOT = join(__dirname, '..', '..', '..');
const text = readFileSync(DOCKERFILE, 'utf8');
const { stages, cmd } = parseDockerfile(text);
const stage = (name: string) => {
    const found = stages.find((s) => s.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found;
};

describe('proxy/Dockerfile', () => {
    it('passes the Dockerfile linter without a diagnostic', () => {
        expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });

    it('builds in three stages on the current Node LTS, the major CI tests the built proxy on', () => {
        expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
        const images = new Set(stages.map((s) => s.image));
        expect(images.size).toBe(1);
        const [image] = [...images];
        expect(image).toMatch(/^node:26-[a-z]+-slim$/);
        const script = readFileSync(join(ROOT, 'scripts', 'ci', 'with-node-lts.sh'), 'utf8');
        expect(/^NODE_LTS_VERSION=(\d+)\./m.exec(script)?.[1]).toBe('26');
    });

    it('installs from the lock with npm ci: everything to build, production dependencies only to run', () => {
        expect(stage('build').runs.join('\n')).toMatch(/npm ci\b/);
        expect(stage('build').runs.join('\n')).toMatch(/npm run build\b/);
        expect(stage('deps').runs.join('\n')).toMatch(/npm ci --omit=dev\b/);
        expect(stages.flatMap((s) => s.runs).join('\n')).not.toMatch(/npm (install|i)\b/);
        const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
        for (const dev of ['tsx', 'typescript', 'jest']) expect(Object.keys(pkg.dependencies)).not.toContain(dev);
    });

    it('copies into the runtime stage only the build output, production node_modules, package.json and the OpenAPI document', () => {
        expect(stage('runtime').copies.map((c) => [c.from, c.sources.join(' '), c.destination])).toEqual([
            ['deps', '/app/node_modules', './node_modules'],
            [null, 'package.json', './'],
            ['build', '/app/proxy/dist', './proxy/dist'],
            [null, 'proxy/openapi', './proxy/openapi']
        ]);
        expect(stage('runtime').runs).toEqual([]);
    });

    it('runs node on the compiled entry point as the unprivileged node user', () => {
        expect(cmd).toEqual(['node', '--enable-source-maps', 'proxy/dist/main.js']);
        const build = JSON.parse(readFileSync(join(ROOT, 'proxy', 'tsconfig.build.json'), 'utf8')) as {
            compilerOptions: { rootDir: string; outDir: string };
        };
        expect(join('proxy', build.compilerOptions.outDir, 'main.js')).toBe(cmd?.[2]);
        const keywords = stage('runtime').instructions.map((i) => [i.getKeyword(), i.getArgumentsContent()]);
        expect(keywords).toContainEqual(['USER', 'node']);
        expect(keywords.filter(([k]) => k === 'ENTRYPOINT')).toEqual([]);
    });
});
