import { OrgAuthError, OrgConfigError } from './connection';

/** Exit codes shared by the org CLIs: 1 = the check/seed failed, 2 = configuration or usage error. */
export const EXIT_FAILED = 1;
export const EXIT_CONFIG = 2;

export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

/**
 * Runs a CLI body and turns errors into one clear line on stderr plus an exit code. Only messages
 * are printed, never error objects: jsforce errors can carry request details.
 */
export function runCli(name: string, body: () => Promise<number>): void {
    body().then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            const config = error instanceof OrgConfigError || error instanceof UsageError;
            const message = error instanceof Error ? error.message : String(error);
            const kind = config ? 'configuration error' : error instanceof OrgAuthError ? 'login failed' : 'failed';
            process.stderr.write(`${name}: ${kind}: ${message}\n`);
            process.exitCode = config ? EXIT_CONFIG : EXIT_FAILED;
        }
    );
}
