import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { isolatedEnv, startStack } from './stack';

/**
 * `npm run preview:screenshot`: starts the local stack on ephemeral ports, opens Jane Doe's Contact in the
 * console preview and saves the README's pictures of the card:
 * - docs/screenshots/card-jane-doe.png: the record page's side panel;
 * - docs/screenshots/card-jane-doe-utility-340.png: the utility bar's panel at Salesforce's default 340 px,
 *   unrolled to the card's full length (the real panel scrolls).
 */

const ROOT = path.resolve(__dirname, '../..');
const SIDE_PANEL = path.join(ROOT, 'docs/screenshots/card-jane-doe.png');
const UTILITY = path.join(ROOT, 'docs/screenshots/card-jane-doe-utility-340.png');
const JANE = '0038c00002JaneDAAR';

async function openCard(page: Page, url: string, card: string): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator(`${card} c-profile-summary`).waitFor();
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
}

/** Sizes the window so the whole of `selector` is in view, then saves the window. */
async function saveWholeElement(page: Page, selector: string, out: string, width: number): Promise<void> {
    const box = await page.locator(selector).boundingBox();
    const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 900) + 60);
    await page.setViewportSize({ width, height: Math.min(Math.max(height, 900), 3200) });
    await page.screenshot({ path: out });
    console.log(`saved ${path.relative(ROOT, out)}`);
}

async function main(): Promise<void> {
    const stack = await startStack({ env: isolatedEnv(), log: (l) => console.log(l) });
    const browser = await launchChromium({ width: 1400, height: 1000 });
    try {
        mkdirSync(path.dirname(SIDE_PANEL), { recursive: true });
        const page = await browser.context.newPage();
        await openCard(page, `${stack.preview.url}/?record=${JANE}&layout=record&locale=en_US`, 'main c-customer-profile-card');
        await saveWholeElement(page, 'main c-customer-profile-card', SIDE_PANEL, 1400);

        const utility = await browser.context.newPage();
        await openCard(
            utility,
            `${stack.preview.url}/?record=${JANE}&layout=utility&locale=en_US`,
            'x-utility-bar c-customer-profile-card'
        );
        // Unroll the docked panel (it scrolls in the console) so the picture shows the whole card; the width stays 340 px.
        await utility.addStyleTag({
            content:
                '.utility-panel { height: auto !important; max-height: none !important; } .utility-body { overflow: visible !important; }'
        });
        const panel = await utility.locator('.utility-panel').boundingBox();
        await utility.setViewportSize({ width: 1000, height: Math.min(Math.ceil((panel?.height ?? 900) + 400), 3600) });
        const box = await utility.locator('.utility-panel').boundingBox();
        if (!box) throw new Error('the utility panel is not visible');
        await utility.screenshot({
            path: UTILITY,
            clip: { x: Math.max(box.x - 8, 0), y: Math.max(box.y - 8, 0), width: box.width + 16, height: box.height + 16 }
        });
        console.log(`saved ${path.relative(ROOT, UTILITY)}`);
    } finally {
        await browser.close();
        await stack.close();
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
