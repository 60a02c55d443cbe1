import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../systemTools';

/**
 * Debian's Chromium driven by playwright-core: a persistent context, because `launch()` rejects --user-data-dir
 * (https://playwright.dev/docs/api/class-browsertype#browser-type-launch-persistent-context), with the flags
 * proven on this machine.
 */
export const ROOT = path.resolve(__dirname, '../..');

const FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export interface Browser {
    context: BrowserContext;
    close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1400, height: 1000 }): Promise<Browser> {
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cah-preview-chromium-'));
    const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, viewport, args: FLAGS });
    return {
        context,
        async close() {
            await context.close().catch(() => undefined);
            rmSync(profileDir, { recursive: true, force: true });
        }
    };
}

/**
 * Records everything that counts as a broken page: console errors, uncaught exceptions, requests that fail
 * at the network level and HTTP error answers.
 */
export function watchPage(page: Page, problems: string[]): void {
    page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
        problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
    });
    page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
}

export function screenshotPath(dir: string, name: string): string {
    mkdirSync(dir, { recursive: true });
    return path.join(dir, `${name}.png`);
}
