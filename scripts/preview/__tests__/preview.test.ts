import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CardModel, IdentityTried } from '../../../proxy/src/contract/cardModel';
import { postLookup } from '../../org/proxyLookup';
import { NO_STITCHING_POLICY_ID } from '../../../proxy/emulator/src/index';
import { isolatedEnv, startStack, PREVIEW_AGENT_USER_ID, type RunningStack } from '../stack';
import { launchChromium, ROOT, screenshotPath, watchPage, type Browser } from '../chromium';
import { describeWithTools } from '../../systemTools';
import { labelText } from './customLabels';

/**
 * The console preview end to end: real bundle (force-app LWC sources), real relay stand-in, real proxy, AEP
 * emulator, in Debian's Chromium. Expectations come from the proxy's own answers and the label files, so the
 * test checks what the card shows against what the product computes, not against copied values.
 */

const SHOTS = path.join(ROOT, 'test-results/preview');
const JANE = '0038c00002JaneDAAR';
const JANE_CASE = '5008c00001CsJanAAF';
const HOUSEHOLD_CASE = '5008c00001CsHouAAF';
const UNKNOWN_LEAD = '00Q8c00000UnKnwEAF';
const MARIA = '0038c00002MLopzAAD';
const GARY = '0038c00002GaryGAAR';

let stack: RunningStack;
let browser: Browser;
let problems: string[] = [];

async function openPreview(query: Record<string, string>, on: RunningStack = stack): Promise<Page> {
    const page = await browser.context.newPage();
    watchPage(page, problems);
    await page.goto(`${on.preview.url}/?${new URLSearchParams(query).toString()}`, { waitUntil: 'networkidle' });
    return page;
}

function card(page: Page) {
    return page.locator('main c-customer-profile-card');
}

/** What the proxy answers for a record's identity fields, called like the Apex does (for expectations). */
async function proxyAnswer(recordId: string): Promise<{ status: number; body: unknown }> {
    const { LocalCrm } = await import('../crm/localCrm');
    const record = LocalCrm.fromFile().readIdentityFields(recordId);
    if (!record) throw new Error(`no local CRM record ${recordId}`);
    const caller = { proxyUrl: stack.proxy.url, sharedSecret: stack.sharedSecret, agentUserId: PREVIEW_AGENT_USER_ID, timeoutMs: 60_000 };
    const answer = await postLookup(caller, record, { maxEvents: 15 });
    return { status: answer.status, body: answer.json };
}

/** Picks a candidate of the AMBIGUOUS state and waits for that person's card. */
async function pickCandidate(page: Page, name: string): Promise<void> {
    const candidate = card(page).locator('c-profile-candidate-picker li.candidate').filter({ hasText: name });
    await candidate.locator('button').click();
    await card(page).locator('c-profile-header').getByText(name, { exact: true }).waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: screenshotPath(SHOTS, name), fullPage: true });
}

describeWithTools(['chromium'], 'console preview (Chromium)', () => {
    beforeAll(async () => {
        // Builds the bundle only when its sources changed (dist/<source hash>); the developer's real settings stay out.
        stack = await startStack({ env: isolatedEnv() });
        browser = await launchChromium();
    }, 240_000);

    afterAll(async () => {
        await browser?.close();
        await stack?.close();
    });

    beforeEach(() => {
        problems = [];
    });

    afterEach(() => {
        // Any console error, page error or failed request fails the test that caused it.
        expect(problems).toEqual([]);
    });

    it("shows Jane Doe's card with her audiences, scores and recent purchases", async () => {
        const answer = await proxyAnswer(JANE);
        expect(answer.status).toBe(200);
        const jane = answer.body as CardModel;
        const members = jane.audiences.filter((a) => a.status !== 'exited');
        const purchase = jane.events.items.find((e) => e.category === 'purchase');
        expect(members.length).toBeGreaterThanOrEqual(3);
        expect(purchase).toBeDefined();

        const page = await openPreview({ record: JANE, layout: 'record', locale: 'en_US' });
        const profile = card(page);
        await profile.getByText(jane.person.displayName, { exact: true }).first().waitFor();
        for (const audience of members.slice(0, 3)) {
            await expect(profile.locator('[data-section="audiences"]').getByText(audience.name).first().isVisible()).resolves.toBe(true);
        }
        const scores = profile.locator('[data-section="scores"]');
        await expect(scores.getByText(jane.scores[0]!.label).first().isVisible()).resolves.toBe(true);
        await expect(scores.textContent()).resolves.toContain(String(jane.scores[0]!.score));
        await expect(profile.locator('[data-section="events"]').textContent()).resolves.toContain(purchase!.title);
        // The record page around the card is the Contact's.
        await expect(page.locator('x-record-highlights').textContent()).resolves.toContain('Jane Doe');
        await shot(page, '1-jane-doe-record-page');
        await page.close();
    });

    it('shows the household Case as the one profile AEP merged the two Riveras into (graph collapse)', async () => {
        const answer = await proxyAnswer(HOUSEHOLD_CASE);
        expect(answer.status).toBe(200);
        const merged = answer.body as CardModel;
        expect(merged.match.collapse).toMatchObject({ namespace: 'CRMID', people: 2 });

        const page = await openPreview({ record: HOUSEHOLD_CASE, layout: 'record', locale: 'en_US' });
        await card(page).locator('c-profile-header').getByText(merged.person.displayName, { exact: true }).waitFor();
        await shot(page, '2-household-collapsed');
        await page.close();
    });

    it('lets the agent pick one of the two household profiles under a merge policy without identity stitching', async () => {
        // Without stitching AEP answers each person's record on its own: the shared phone reaches two people.
        const unstitched = await startStack({ env: { ...isolatedEnv(), AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID } });
        try {
            const page = await openPreview({ record: JANE_CASE, layout: 'record', locale: 'en_US' }, unstitched);
            await card(page).getByText('Jane Doe', { exact: true }).first().waitFor();

            // Switch records with the preview's record picker, like opening another console tab.
            await page.locator('select[data-control="record"]').selectOption(HOUSEHOLD_CASE);
            const picker = card(page).locator('c-profile-candidate-picker');
            await picker.locator('li.candidate').nth(1).waitFor();
            await expect(picker.locator('li.candidate').count()).resolves.toBe(2);
            await expect(card(page).textContent()).resolves.toContain(labelText('CAH_AmbiguousTitle', 'en_US'));
            const names = (await picker.locator('li.candidate .slds-text-title_bold').allTextContents()).map((n) => n.trim()).sort();
            expect(names).toEqual(['Alex Rivera', 'Sam Rivera']);
            await shot(page, '3-household-candidates');

            await pickCandidate(page, 'Alex Rivera');
            // The other household member stays one click away (match.alternatives), the picked one is not offered again.
            const alternatives = card(page).locator('c-profile-notices c-profile-candidate-picker li.candidate');
            await expect(alternatives.allTextContents()).resolves.toEqual([expect.stringContaining('Sam Rivera')]);
            await shot(page, '3-household-picked-alex');
            await page.close();
        } finally {
            await unstitched.close();
        }
    });

    it("says when a customer's identity graph is over AEP's limit, instead of 'no profile found'", async () => {
        const answer = await proxyAnswer(GARY);
        expect(answer.status).toBe(422);
        expect((answer.body as { error: { code: string } }).error.code).toBe('IDENTITY_GRAPH_TOO_LARGE');

        const page = await openPreview({ record: GARY, layout: 'record', locale: 'en_US' });
        const profile = card(page);
        await profile.getByText(labelText('CAH_GraphTooLargeTitle', 'en_US')).waitFor();
        await expect(profile.textContent()).resolves.toContain(labelText('CAH_GraphTooLargeBody', 'en_US'));
        await expect(profile.textContent()).resolves.not.toContain(labelText('CAH_NotFoundTitle', 'en_US'));
        await shot(page, '10-graph-too-large');
        await page.close();
    });

    it('shows the not-found state with the identities tried for the unknown-email Lead', async () => {
        const answer = await proxyAnswer(UNKNOWN_LEAD);
        expect(answer.status).toBe(404);
        const tried = (answer.body as { error: { details: { identitiesTried: IdentityTried[] } } }).error.details.identitiesTried;
        expect(tried.length).toBeGreaterThan(0);

        const page = await openPreview({ record: UNKNOWN_LEAD, layout: 'record', locale: 'en_US' });
        const profile = card(page);
        await profile.getByText(labelText('CAH_NotFoundTitle', 'en_US')).waitFor();
        const listed = profile.locator('c-profile-identities-tried li.tried');
        await expect(listed.count()).resolves.toBe(tried.length);
        const text = await profile.locator('c-profile-identities-tried').textContent();
        for (const identity of tried) expect(text).toContain(identity.maskedValue);
        // The unmasked email never reaches the card.
        expect(await profile.textContent()).not.toContain('unknown.person@example.com');
        await shot(page, '4-unknown-lead-not-found');
        await page.close();
    });

    it('follows the focused tab from the utility bar and shows the Lead layout', async () => {
        const page = await openPreview({ record: JANE, layout: 'utility', locale: 'en_US' });
        const utility = page.locator('x-utility-bar c-customer-profile-card');
        await utility.locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();
        // No card on the record page itself in this layout: the utility item is the only one.
        await expect(page.locator('main c-customer-profile-card').count()).resolves.toBe(0);

        await page.locator('select[data-control="record"]').selectOption('00Q8c00000KSatoEAD');
        await utility.locator('c-profile-header').getByText('Kenji Sato', { exact: true }).waitFor();
        await shot(page, '5-utility-bar-follows-focused-tab');

        await page.getByRole('radio', { name: 'Lead / sales layout' }).check({ force: true });
        const main = card(page);
        await main.locator('c-profile-header').getByText('Kenji Sato', { exact: true }).waitFor();
        // The sales layout leads with audiences and propensities.
        const order = await main.locator('[data-section]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section')));
        expect(order[0]).toBe('audiences');
        await shot(page, '6-lead-sales-layout');
        await page.close();
    });

    it('shows translated labels after switching the user language to Korean', async () => {
        const page = await openPreview({ record: JANE, layout: 'record', locale: 'en_US' });
        const english = labelText('CAH_CardTitle', 'en_US');
        const korean = labelText('CAH_CardTitle', 'ko');
        expect(korean).not.toBe(english);
        await card(page).locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();

        await Promise.all([page.waitForURL(/locale=ko/), page.locator('select[data-control="locale"]').selectOption('ko')]);
        await page.waitForLoadState('networkidle');
        const profile = card(page);
        await profile.locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();
        await expect(profile.locator('.slds-card__header').textContent()).resolves.toContain(korean);
        await expect(profile.textContent()).resolves.toContain(labelText('CAH_AudiencesHeading', 'ko'));
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ko');
        await shot(page, '7-korean-labels');
        await page.close();
    });

    it('shows the stale banner after a refresh while AEP fails, and a clear error for a record never loaded', async () => {
        const emulator = stack.emulator!;
        const page = await openPreview({ record: HOUSEHOLD_CASE, layout: 'record', locale: 'en_US' });
        const profile = card(page);
        await profile.locator('c-profile-header').getByText('Sam Rivera', { exact: true }).waitFor();

        emulator.faults.set({ group: 'all', action: { type: 'status', status: 503 } });
        try {
            // The card's refresh button: a refresh=true look-up of the same profile while AEP answers 503.
            await profile.locator('c-profile-header lightning-button-icon.refresh button').click();
            const banner = profile.locator('c-profile-notices .stale');
            await banner.waitFor({ timeout: 30_000 });
            await expect(banner.textContent()).resolves.toContain(labelText('CAH_StaleBanner', 'en_US'));
            // The last good card is still shown under the banner.
            await expect(profile.locator('c-profile-header').textContent()).resolves.toContain('Sam Rivera');
            await shot(page, '8-stale-banner');

            await page.locator('select[data-control="record"]').selectOption(MARIA);
            await profile.getByText('UPSTREAM_UNAVAILABLE').waitFor({ timeout: 30_000 });
            await expect(profile.getByRole('button', { name: labelText('CAH_Retry', 'en_US') }).isVisible()).resolves.toBe(true);
            await expect(profile.textContent()).resolves.not.toContain('Maria');
            await shot(page, '9-upstream-unavailable-error');
        } finally {
            emulator.faults.clear();
        }
        await page.close();
    });
});
