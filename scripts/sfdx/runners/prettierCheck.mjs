// Reads {files, config} on stdin; prints [{file, status: 'ok'|'unformatted'|'error', message?}] (see checkApexFormat.ts).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const apexPlugin = require.resolve('prettier-plugin-apex');
// Read stdin as a stream: a synchronous read of the pipe fails with EAGAIN when the parent has not written yet.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { files, config } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

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
