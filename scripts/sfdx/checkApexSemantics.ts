import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { isApexSource, listSourceFiles, relative, type Problem } from './problem';

/**
 * Semantic Apex check with apex-ls (Apex Dev Tools), whose jar ships inside @salesforce/code-analyzer-pmd-engine:
 * unknown types and methods, wrong argument types, unknown fields on standard objects and on the project's own
 * __mdt/__c types, reserved identifiers. It knows the Salesforce type library (API 65 tables), so it catches what
 * a compiler would, short of an org. SOQL text inside strings is not checked.
 */
const JAVA_LIB = path.join(path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')), 'dist', 'java-lib', '*');

interface ApexLsReport {
    files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

export async function checkApexSemantics(root: string): Promise<Problem[]> {
    if (listSourceFiles(root, isApexSource).length === 0) return [];
    const { code, stdout, stderr } = await run('java', [
        '-cp',
        JAVA_LIB,
        'io.github.apexdevtools.apexls.CheckForIssues',
        '-n',
        '-f',
        'json',
        '-w',
        root
    ]);
    // Exit 0: clean; 4: issues found (reported in the JSON). Anything else is a tool failure, reported as such.
    if (code !== 0 && code !== 4) {
        return [
            {
                check: 'apex-semantics',
                file: '(apex-ls)',
                message: `apex-ls failed with exit code ${code}: ${stderr.trim().split('\n')[0] ?? ''}`
            }
        ];
    }
    const start = stdout.indexOf('{');
    if (start < 0) return [];
    const report = JSON.parse(stdout.slice(start)) as ApexLsReport;
    return report.files.flatMap((f) =>
        f.messages.map((m) => ({
            check: 'apex-semantics',
            file: relative(root, f.path),
            line: m.start.line,
            message: `${m.category}: ${m.message}`
        }))
    );
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}
