// Reads {configFile, patterns} on stdin (cwd = project root); prints [{filePath, messages:[{line, ruleId, message}]}].
import * as fs from 'node:fs';
import { ESLint } from 'eslint';

const { configFile, patterns } = JSON.parse(fs.readFileSync(0, 'utf8'));
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
