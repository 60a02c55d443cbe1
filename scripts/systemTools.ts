import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The Debian packages some tests need beyond npm (installed by scripts/install-system-deps.sh): Chromium for the
 * preview's browser tests, Java for PMD and apex-ls, redis-server for the shared-cache test and the bench. A suite
 * that needs a missing one fails once, with the command that fixes it, instead of every test failing with
 * "spawn ENOENT".
 */
export type SystemTool = 'chromium' | 'java' | 'redis-server';

/** Debian's Chromium, driven by playwright-core (scripts/preview/chromium.ts); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const PACKAGE: Record<SystemTool, string> = {
    chromium: 'chromium',
    java: 'openjdk-17-jre-headless',
    'redis-server': 'redis-server'
};

function onPath(command: string): boolean {
    return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

function present(tool: SystemTool): boolean {
    return tool === 'chromium' ? existsSync(CHROMIUM) : onPath(tool);
}

/** One line naming what is missing and how to install it, or null when every tool is there. */
export function missingToolsMessage(tools: readonly SystemTool[]): string | null {
    const missing = tools.filter((tool) => !present(tool));
    if (missing.length === 0) return null;
    return `${missing.join(', ')} not found: run \`bash scripts/install-system-deps.sh\` (Debian packages ${missing.map((t) => PACKAGE[t]).join(', ')})`;
}

/** `describe(name, fn)` when the tools are installed; otherwise one failing test that says how to install them. */
export function describeWithTools(tools: readonly SystemTool[], name: string, fn: () => void): void {
    const message = missingToolsMessage(tools);
    if (message === null) describe(name, fn);
    else
        describe(name, () => {
            it(`needs ${tools.join(', ')}`, () => {
                throw new Error(message);
            });
        });
}
