import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CardModel, IdentityTried } from '../../../proxy/src/contract/cardModel';
import { postLookup } from '../../org/proxyLookup';
import { NO_STITCHING_POLICY_ID } from '../../../proxy/emulator/src/index';
import { readApexSettings } from '../apex/apexSettings';
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
const NO_IDENTITY_LEAD = '00Q8c00000NoIdnEAF';
const MARIA = '0038c00002MLopzAAD';
const GARY = '0038c00002GaryGAAR';
const LOCALES = ['en_US', 'ko', 'nl_NL', 'de', 'fr', 'zh_TW'] as const;

let stack: RunningStack;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/**
 * One page for the whole suite: each test navigates it (and clears what the card remembers in localStorage), on the
 * suite's stack or on one of its own (another merge policy).
 */
async function openPreview(query: Record<string, string>, on: RunningStack = stack): Promise<Page> {
    await page.goto(`${on.preview.url}/?${new URLSearchParams(query).toString()}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.localStorage.clear());
    return page;
}

function card(p: Page) {
    return p.locator('main c-customer-profile-card');
}

/** What the proxy answers for a record's identity fields, called like the Apex does (for expectations). */
async function proxyAnswer(recordId: string): Promise<{ status: number; body: unknown }> {
    const { LocalCrm } = await import('../crm/localCrm');
    const record = LocalCrm.fromFile().readIdentityFields(recordId);
    if (!record) throw new Error(`no local CRM record ${recordId}`);
    const caller = { proxyUrl: stack.proxy.url, sharedSecret: stack.sharedSecret, agentUserId: PREVIEW_AGENT_USER_ID, timeoutMs: 60_000 };
    // The same number of events the relay stand-in asks for (Customer_Profile_Setting.Default).
    const answer = await postLookup(caller, record, { maxEvents: readApexSettings().maxEvents });
    return { status: answer.status, body: answer.json };
}

/** Picks a candidate of the AMBIGUOUS state and waits for that person's card. */
async function pickCandidate(p: Page, name: string): Promise<void> {
    const candidate = card(p).locator('c-profile-candidate-picker li.candidate').filter({ hasText: name });
    await candidate.locator('button').click();
    await card(p).locator('c-profile-header').getByText(name, { exact: true }).waitFor();
}

async function shot(p: Page, name: string): Promise<void> {
    await p.screenshot({ path: screenshotPath(SHOTS, name), fullPage: true });
}

interface CardReport {
    /** Text elements whose content is wider than their box (cut off or spilling out), with the text. */
    clipped: string[];
    /** The card's visible text. */
    text: string;
    /** Where recent activity starts, in px from the card's top; null without the section. */
    activityTop: number | null;
    width: number;
}

/**
 * Reads the rendered card in the browser, through its (synthetic) shadow roots: every element that holds text and
 * has a box must fit its text (scrollWidth <= clientWidth); the visible text; where recent activity starts.
 */
async function inspectCard(p: Page, selector: string): Promise<CardReport> {
    return p.locator(selector).evaluate((host) => {
        const nodes: Node[] = [];
        const walk = (node: Node) => {
            nodes.push(node);
            const root = (node as Element).shadowRoot;
            if (root) root.childNodes.forEach(walk);
            node.childNodes.forEach(walk);
        };
        walk(host);
        const visible = (el: Element) => {
            const style = getComputedStyle(el);
            return el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
        };
        const clipped: string[] = [];
        const texts: string[] = [];
        for (const node of nodes) {
            if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '' && node.parentElement && visible(node.parentElement)) {
                texts.push(node.textContent!.trim());
            }
            if (node.nodeType !== Node.ELEMENT_NODE) continue;
            const el = node as HTMLElement;
            const ownText = Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== '');
            // SLDS assistive text is clipped to 1 px on purpose: it is for screen readers only.
            if (!ownText || el.clientWidth === 0 || !visible(el) || el.classList.contains('slds-assistive-text')) continue;
            if (el.scrollWidth > el.clientWidth + 1)
                clipped.push(`${el.tagName.toLowerCase()}.${el.className}: "${el.textContent!.trim()}"`);
        }
        const hostBox = host.getBoundingClientRect();
        const events = nodes.find((n) => n.nodeType === Node.ELEMENT_NODE && (n as Element).getAttribute('data-section') === 'events') as
            Element | undefined;
        return {
            clipped,
            text: texts.join(' '),
            activityTop: events ? events.getBoundingClientRect().top - hostBox.top : null,
            width: hostBox.width
        };
    });
}

/** Opens every collapsed section and every "Show all", so the whole card is checked. */
async function expandEverything(p: Page, selector: string): Promise<void> {
    const closed = p.locator(`${selector} c-profile-section button.toggle[aria-expanded="false"]`);
    while ((await closed.count()) > 0) await closed.first().click();
    const more = p.locator(`${selector} lightning-button.show-all button`);
    while ((await more.count()) > 0) await more.first().click();
}

describeWithTools(['chromium'], 'console preview (Chromium)', () => {
    beforeAll(async () => {
        // Builds the bundle only when its sources changed (dist/<source hash>); the developer's real settings stay out.
        stack = await startStack({ env: isolatedEnv() });
        browser = await launchChromium({ width: 1440, height: 900 });
        page = await browser.context.newPage();
        watchPage(page, problems);
    }, 240_000);

    afterAll(async () => {
        await browser?.close();
        await stack?.close();
    });

    beforeEach(async () => {
        problems.length = 0;
        // Profile choices and reports live as long as the preview: every test starts without them.
        stack.choices.feedback.length = 0;
        await stack.choices.forget({ recordId: HOUSEHOLD_CASE });
    });

    afterEach(() => {
        // Any console error, page error or failed request fails the test that caused it.
        expect(problems).toEqual([]);
    });

    it("answers the agent's questions on Jane Doe's card: summary and next step, activity, campaigns by name", async () => {
        const answer = await proxyAnswer(JANE);
        expect(answer.status).toBe(200);
        const jane = answer.body as CardModel;
        expect(jane.campaigns.length).toBeGreaterThanOrEqual(3);

        const p = await openPreview({ record: JANE, layout: 'record', locale: 'en_US' });
        const profile = card(p);
        await profile.locator('c-profile-header').getByText(jane.person.displayName, { exact: true }).waitFor();
        await expect(profile.locator('.next-step-text').textContent()).resolves.toBe(labelText('CAH_NextStep_GoldRetention', 'en_US'));
        const campaigns = profile.locator('c-profile-campaigns li.campaign p.name');
        await expect(campaigns.allTextContents()).resolves.toEqual(jane.campaigns.map((c) => c.name));
        const purchase = jane.events.items.find((e) => e.category === 'purchase')!;
        await expect(profile.locator('[data-section="events"]').textContent()).resolves.toContain(purchase.title);
        // The record page around the card is the Contact's.
        await expect(p.locator('x-record-highlights').textContent()).resolves.toContain('Jane Doe');
        await shot(p, '01-jane-doe-record-page');
    });

    it.each(LOCALES)('fits, speaks and leads with activity at 340 px (utility bar) and 400 px (side panel) in %s', async (locale) => {
        const jane = (await proxyAnswer(JANE)).body as CardModel;
        const factorCodes = jane.scores.flatMap((s) => s.factors.map((f) => f.code));
        const raw = [
            ...factorCodes,
            'Contact.Id',
            'SuppliedEmail',
            'not_specified',
            'crmid',
            'ecid',
            'MSG-',
            'c.CAH_',
            '{0}',
            'one:',
            'other:'
        ];
        for (const [layout, extra, selector, width] of [
            ['utility', {}, 'x-utility-bar c-customer-profile-card', 340],
            ['record', { sideWidth: '400' }, 'main c-customer-profile-card', 400]
        ] as const) {
            const p = await openPreview({ record: JANE, layout, locale, ...extra });
            const profile = p.locator(selector);
            await profile.locator('c-profile-header h3.name').waitFor();
            await profile.locator('.next-step-text').waitFor();

            const first = await inspectCard(p, selector);
            // The panel is that wide; the card fills it.
            expect(first.width).toBeGreaterThan(width - 40);
            expect(first.width).toBeLessThanOrEqual(width);
            expect(first.activityTop).not.toBeNull();
            expect(first.activityTop!).toBeLessThan(600);
            await p.screenshot({ path: screenshotPath(SHOTS, `10-jane-${locale}-${layout}-${width}`) });

            await expandEverything(p, selector);
            const report = await inspectCard(p, selector);
            expect({ locale, layout, clipped: report.clipped }).toEqual({ locale, layout, clipped: [] });
            for (const value of raw)
                expect({ locale, layout, raw: value, found: report.text.includes(value) }).toMatchObject({ found: false });
            for (const campaign of jane.campaigns) expect(report.text).toContain(campaign.name);
            if (locale !== 'en_US') expect(report.text).not.toContain('Recent activity');
        }
    });

    it('shows the household Case as the one profile AEP merged the two Riveras into, and says it may combine them', async () => {
        const answer = await proxyAnswer(HOUSEHOLD_CASE);
        expect(answer.status).toBe(200);
        const merged = answer.body as CardModel;
        expect(merged.match.collapse).toMatchObject({ namespace: 'CRMID', people: 2 });

        const p = await openPreview({ record: HOUSEHOLD_CASE, layout: 'record', locale: 'en_US' });
        await card(p).locator('c-profile-header').getByText(merged.person.displayName, { exact: true }).waitFor();
        const notice = card(p).locator('c-profile-collapse-notice');
        await notice.waitFor();
        await expect(notice.textContent()).resolves.toContain('This profile may combine 2 people');
        const listed = (await notice.locator('li').allTextContents()).map((t) => t.trim());
        expect(listed).toHaveLength(merged.match.collapse!.ids.length);
        merged.match.collapse!.ids.forEach((id, n) => expect(listed[n]).toContain(id.maskedValue));
        await shot(p, '02-household-collapsed');
    });

    it('lets the agent pick a household profile under a merge policy without stitching, remembers it, and takes "Not this person"', async () => {
        // Without stitching AEP answers each person's record on its own: the shared phone reaches two people (409).
        const unstitched = await startStack({ env: { ...isolatedEnv(), AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID } });
        try {
            const p = await openPreview({ record: JANE_CASE, layout: 'record', locale: 'en_US' }, unstitched);
            await card(p).getByText('Jane Doe', { exact: true }).first().waitFor();

            // Switch records with the preview's record picker, like opening another console tab.
            await p.locator('select[data-control="record"]').selectOption(HOUSEHOLD_CASE);
            const picker = card(p).locator('c-profile-candidate-picker');
            await picker.locator('li.candidate').nth(1).waitFor();
            await expect(picker.locator('li.candidate').count()).resolves.toBe(2);
            await expect(card(p).textContent()).resolves.toContain(labelText('CAH_AmbiguousTitle', 'en_US'));
            const names = (await picker.locator('li.candidate .slds-text-title_bold').allTextContents()).map((n) => n.trim()).sort();
            expect(names).toEqual(['Alex Rivera', 'Sam Rivera']);
            await shot(p, '03-household-candidates');

            await pickCandidate(p, 'Alex Rivera');
            await expect(card(p).locator('p.choice').textContent()).resolves.toMatch(/^Chosen by Avery Agent on /);
            // The other household member stays one click away (match.alternatives), the picked one is not offered again.
            const alternatives = card(p).locator('c-profile-notices c-profile-candidate-picker li.candidate');
            await expect(alternatives.allTextContents()).resolves.toEqual([expect.stringContaining('Sam Rivera')]);
            await shot(p, '03-household-picked-alex');

            // Reopen the Case: the stored choice applies, no pick needed.
            await openPreview({ record: HOUSEHOLD_CASE, layout: 'record', locale: 'en_US' }, unstitched);
            await card(p).locator('c-profile-header').getByText('Alex Rivera', { exact: true }).waitFor();
            expect(await card(p).locator('c-profile-message').count()).toBe(0);

            // "Not this person" is recorded for data stewards and drops the choice: the profiles are offered again.
            await card(p).locator('lightning-button-menu.more-actions button').first().click();
            await card(p)
                .getByRole('menuitem', { name: labelText('CAH_NotThisPerson', 'en_US') })
                .click();
            await card(p).locator('c-profile-candidate-picker li.candidate').nth(1).waitFor();
            expect(unstitched.choices.feedback).toEqual([
                expect.objectContaining({ recordId: HOUSEHOLD_CASE, agentId: PREVIEW_AGENT_USER_ID, matchedNamespace: 'Phone' })
            ]);
            expect(unstitched.choices.find(HOUSEHOLD_CASE)).toBeNull();
        } finally {
            await unstitched.close();
        }
    });

    it("says when a customer's identity graph is over AEP's limit, instead of 'no profile found'", async () => {
        const answer = await proxyAnswer(GARY);
        expect(answer.status).toBe(422);
        expect((answer.body as { error: { code: string } }).error.code).toBe('IDENTITY_GRAPH_TOO_LARGE');

        const p = await openPreview({ record: GARY, layout: 'record', locale: 'en_US' });
        const profile = card(p);
        await profile.getByText(labelText('CAH_GraphTooLargeTitle', 'en_US')).waitFor();
        await expect(profile.textContent()).resolves.toContain(labelText('CAH_GraphTooLargeBody', 'en_US'));
        await expect(profile.textContent()).resolves.not.toContain(labelText('CAH_NotFoundTitle', 'en_US'));
        await shot(p, '08-graph-too-large');
    });

    it('shows the not-found state with the identities tried for the unknown-email Lead', async () => {
        const answer = await proxyAnswer(UNKNOWN_LEAD);
        expect(answer.status).toBe(404);
        const tried = (answer.body as { error: { details: { identitiesTried: IdentityTried[] } } }).error.details.identitiesTried;
        expect(tried.length).toBeGreaterThan(0);

        const p = await openPreview({ record: UNKNOWN_LEAD, layout: 'record', locale: 'en_US' });
        const profile = card(p);
        await profile.getByText(labelText('CAH_NotFoundTitle', 'en_US')).waitFor();
        const listed = profile.locator('c-profile-identities-tried li.tried');
        await expect(listed.count()).resolves.toBe(tried.length);
        const text = await profile.locator('c-profile-identities-tried').textContent();
        for (const identity of tried) expect(text).toContain(identity.maskedValue);
        // The unmasked email never reaches the card.
        expect(await profile.textContent()).not.toContain('unknown.person@example.com');
        await shot(p, '04-unknown-lead-not-found');
    });

    it('draws the utility panel above the record page, follows the focused tab, and shows the Lead layout', async () => {
        const p = await openPreview({ record: JANE, layout: 'utility', locale: 'en_US' });
        const utility = p.locator('x-utility-bar c-customer-profile-card');
        await utility.locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();
        // No card on the record page itself in this layout: the utility item is the only one.
        await expect(p.locator('main c-customer-profile-card').count()).resolves.toBe(0);
        // The panel is on top: what is at the name's position is the name, not the record highlights.
        const covered = await utility.locator('c-profile-header h3.name').evaluate((el) => {
            const box = el.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
            return hit?.closest('x-record-highlights') !== null && hit?.closest('x-record-highlights') !== undefined;
        });
        expect(covered).toBe(false);

        await p.locator('select[data-control="record"]').selectOption('00Q8c00000KSatoEAD');
        await utility.locator('c-profile-header').getByText('Kenji Sato', { exact: true }).waitFor();
        await shot(p, '05-utility-bar-follows-focused-tab');

        await p.getByRole('radio', { name: 'Lead / sales layout' }).check({ force: true });
        const main = card(p);
        await main.locator('c-profile-header').getByText('Kenji Sato', { exact: true }).waitFor();
        // The sales layout leads (after the summary) with campaigns, audiences and propensities.
        const order = await main
            .locator('c-profile-section')
            .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement & { name: string }).name));
        expect(order.slice(0, 2)).toEqual(['campaigns', 'audiences']);
        await shot(p, '06-lead-sales-layout');
    });

    it.each([
        ['noPermission', JANE, 'CAH_NoPermissionTitle'],
        ['noIdentity', NO_IDENTITY_LEAD, 'CAH_NoIdentityTitle'],
        ['configError', JANE, 'CAH_AdminTitle']
    ] as const)('shows the %s scenario from the preview controls', async (scenario, record, title) => {
        // Jane, not Maria: the last test needs a record no test has looked up.
        const p = await openPreview({ record: JANE_CASE, layout: 'record', locale: 'en_US' });
        await card(p).locator('c-profile-header').waitFor();
        await Promise.all([
            p.waitForURL(new RegExp(`scenario=${scenario}`)),
            p.locator('select[data-control="scenario"]').selectOption(scenario)
        ]);
        await p.waitForLoadState('networkidle');
        if (scenario !== 'noIdentity') await p.locator('select[data-control="record"]').selectOption(record);
        await card(p).getByText(labelText(title, 'en_US')).waitFor();
        expect(new URL(p.url()).searchParams.get('record')).toBe(record);
        await shot(p, `07-scenario-${scenario}`);
    });

    it('shows a profile without the sensitive fields', async () => {
        const p = await openPreview({ record: JANE, layout: 'record', locale: 'en_US', scenario: 'sensitiveHidden' });
        await card(p).locator('p.sensitive').waitFor();
        expect(await card(p).locator('p.person-details').count()).toBe(0);
        await shot(p, '07-scenario-sensitiveHidden');
    });

    it('keeps the card on a refresh while AEP fails (saved copy), and a clear error for a record never loaded', async () => {
        const emulator = stack.emulator!;
        const p = await openPreview({ record: HOUSEHOLD_CASE, layout: 'record', locale: 'en_US' });
        const profile = card(p);
        // The merged household profile (the collapse flag aside, a card like any other).
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
            await shot(p, '09-stale-banner');

            await p.locator('select[data-control="record"]').selectOption(MARIA);
            await profile.getByText(labelText('CAH_UnavailableTitle', 'en_US')).waitFor({ timeout: 30_000 });
            await expect(profile.getByRole('button', { name: labelText('CAH_Retry', 'en_US') }).isVisible()).resolves.toBe(true);
            await expect(profile.textContent()).resolves.not.toContain('Maria');
            await shot(p, '10-upstream-unavailable-error');
        } finally {
            emulator.faults.clear();
        }
    });

    it('shows translated labels after switching the user language to Korean', async () => {
        const p = await openPreview({ record: JANE, layout: 'record', locale: 'en_US' });
        const korean = labelText('CAH_CardTitle', 'ko');
        await card(p).locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();

        await Promise.all([p.waitForURL(/locale=ko/), p.locator('select[data-control="locale"]').selectOption('ko')]);
        await p.waitForLoadState('networkidle');
        const profile = card(p);
        await profile.locator('c-profile-header').getByText('Jane Doe', { exact: true }).waitFor();
        await expect(profile.locator('.slds-card__header').textContent()).resolves.toContain(korean);
        await expect(profile.textContent()).resolves.toContain(labelText('CAH_AudiencesHeading', 'ko'));
        await expect(profile.locator('.next-step-text').textContent()).resolves.toBe(labelText('CAH_NextStep_GoldRetention', 'ko'));
        await expect(p.evaluate(() => document.documentElement.lang)).resolves.toBe('ko');
    });
});
