// Reads {configFile, patterns} on stdin (cwd = project root); prints [{filePath, messages:[{line, ruleId, message}]}].
import { ESLint } from 'eslint';

// Read stdin as a stream: a synchronous read of the pipe fails with EAGAIN when the parent has not written yet.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { configFile, patterns } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: configFile, errorOnUnmatchedPattern: false });
const results = await eslint.lintFiles(patterns);
process.stdout.write(
    JSON.stringify(
        results.map((r) => ({
            filePath: r.filePath,
            messages: r.messages.map((m) => ({ line: m.line, ruleId: m.ruleId, message: m.message }))
        }))
    )
);
