import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';
import { isolatedEnv, startStack } from './stack';

/**
 * `npm run preview:screenshot`: starts the local stack on ephemeral ports, opens Jane Doe's Contact in the
 * console preview and saves docs/screenshots/card-jane-doe.png (the README's picture of the card).
 */

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'docs/screenshots/card-jane-doe.png');

async function main(): Promise<void> {
    const stack = await startStack({ env: isolatedEnv(), log: (l) => console.log(l) });
    const browser = await launchChromium({ width: 1400, height: 1000 });
    try {
        const page = await browser.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await page.goto(`${stack.preview.url}/?record=0038c00002JaneDAAR&layout=record&locale=en_US`, { waitUntil: 'networkidle' });
        await page.locator('main c-customer-profile-card c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();
        if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
        mkdirSync(path.dirname(OUT), { recursive: true });
        // The record page scrolls inside the console; size the window so the whole card is in view.
        const box = await page.locator('main c-customer-profile-card').boundingBox();
        const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 900) + 60);
        await page.setViewportSize({ width: 1400, height: Math.min(Math.max(height, 900), 2600) });
        await page.screenshot({ path: OUT });
        console.log(`saved ${path.relative(ROOT, OUT)}`);
    } finally {
        await browser.close();
        await stack.close();
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
