// Reads {files, config} on stdin; prints [{file, status: 'ok'|'unformatted'|'error', message?}] (see checkApexFormat.ts).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const apexPlugin = require.resolve('prettier-plugin-apex');
const { files, config } = JSON.parse(fs.readFileSync(0, 'utf8'));

const results = [];
for (const file of files) {
    const options = (await prettier.resolveConfig(file, { editorconfig: false, config })) ?? {};
    try {
        const ok = await prettier.check(fs.readFileSync(file, 'utf8'), { ...options, filepath: file, plugins: [apexPlugin] });
        results.push({ file, status: ok ? 'ok' : 'unformatted' });
    } catch (err) {
        results.push({ file, status: 'error', message: String(err?.message ?? err).split('\n')[0] });
    }
}
process.stdout.write(JSON.stringify(results));
