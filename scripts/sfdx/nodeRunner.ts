import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * Runs one of the ESM runners in ./runners in a plain Node process: prettier loads its plugins and ESLint its
 * flat config with dynamic import(), which Jest's CommonJS VM refuses ("dynamic import callback was invoked
 * without --experimental-vm-modules"). The payload goes in on stdin, the JSON answer comes back on stdout.
 */
export function runNodeJson<T>(runner: string, payload: unknown, cwd: string): Promise<T> {
    const script = path.join(__dirname, 'runners', runner);
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code !== 0) {
                reject(new Error(`${runner} exited with ${code}: ${err.trim().split('\n').slice(0, 5).join('\n')}`));
                return;
            }
            try {
                resolve(JSON.parse(out) as T);
            } catch {
                reject(new Error(`${runner} printed no JSON: ${out.slice(0, 200)}`));
            }
        });
        child.stdin.end(JSON.stringify(payload));
    });
}
