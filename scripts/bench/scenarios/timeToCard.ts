import type { Page } from 'playwright-core';
import { CaseArrival } from '../../preview/apex/caseArrival';
import { CustomerProfileRelay } from '../../preview/apex/customerProfileRelay';
import { previewApex } from '../../preview/apex/previewApex';
import { ProfileChoices } from '../../preview/apex/profileChoices';
import { localRecordSource } from '../../preview/apex/recordSource';
import { ensurePreviewBundle } from '../../preview/build';
import { launchChromium, watchPage } from '../../preview/chromium';
import { LocalCrm } from '../../preview/crm/localCrm';
import { startPreviewServer } from '../../preview/server';
import { withProxy, type BenchContext } from '../context';
import { metricSamples } from '../infra/metricSamples';
import { BENCH_AGENT_ID, BENCH_SHARED_SECRET, lookupSpec } from '../infra/proxyInstance';
import { round, summarise } from '../infra/stats';
import type { CardTimeShares, TimeToCardCase, TimeToCardResult } from '../report/types';

interface NewCase {
    id: string;
    email: string;
}

interface Opening extends CardTimeShares {
    total: number;
}

/**
 * Scenario 8: time to card where the agent sits. The real card in the console preview, in Chromium, through the
 * Apex stand-in, the proxy (its own process) and the emulator answering in `latencyMs`. New Cases (Web Email of
 * generated customers) are created through the preview's Case path, some with warming on arrival as the org's
 * trigger does it; then each is opened with the console's record switcher and timed from the switch to the card
 * showing the customer's email. Cases: cold (nobody warmed it), warm (opened again: the proxy's cache), warmed by
 * arrival, and the utility bar following the switch. The Apex stand-in's session cache is off, so every opening
 * reaches the proxy. The parts come from the Apex action's Server-Timing (relay / proxy / aep) and the browser's
 * clock (render: the rest of the time until the data is on screen).
 */
export async function runTimeToCard(ctx: BenchContext, profiles: { next(): number }): Promise<TimeToCardResult> {
    const o = ctx.opts.timeToCard;
    // The card as an org serves it to agents: LWC in production mode (Debug Mode off, the default). Development
    // mode adds the engine's checks and a performance mark per component operation, which is not what agents run.
    const bundle = await ensurePreviewBundle({ log: ctx.log, mode: 'production' });
    ctx.note(
        'Time to card: the preview bundle is built with the LWC engine in production mode, as an org runs components with Debug Mode off.'
    );
    return withProxy(ctx, 'time-to-card', { AEP_MAX_RPS: '100000' }, async (proxy) => {
        await ctx.emulator.setLatency(o.latencyMs);
        // A proxy that has served before: IMS token, namespaces, merge policy and audience names loaded, as in an
        // org that is open for business (a first-ever look-up also resolves audience names: a second AEP round).
        for (let i = 0; i < 5; i++) {
            const spec = lookupSpec(ctx.emulator.lookupBody(profiles.next(), { maxEvents: 10 }));
            const res = await fetch(`${proxy.url}${spec.path}`, { method: spec.method, headers: spec.headers, body: spec.body });
            if (res.status !== 200) throw new Error(`warm-up look-up answered ${res.status}`);
            await res.arrayBuffer();
        }
        const crm = LocalCrm.fromFile();
        const views = crm.views();
        const caller = { proxyUrl: proxy.url, sharedSecret: BENCH_SHARED_SECRET, agentUserId: BENCH_AGENT_ID, timeoutMs: 30_000 };
        const source = localRecordSource(crm);
        const choices = new ProfileChoices(source);
        const relay = new CustomerProfileRelay({ ...caller, source, choices, canViewSensitiveFields: false, maxEvents: 10, cacheTtlMs: 0 });
        const apex = previewApex({ relay, choices, proxyUrl: proxy.url, agent: { id: BENCH_AGENT_ID, name: 'Bench Agent' } });
        const arrival = new CaseArrival({ crm, views, caller, maxEvents: 10, warmOnArrival: false });
        const preview = await startPreviewServer({
            distDir: bundle.distDir,
            apex,
            records: { source: 'local', views },
            caseArrival: arrival
        });
        const browser = await launchChromium();
        const problems: string[] = [];
        try {
            const create = async (warmOnArrival: boolean): Promise<NewCase> => {
                const email = ctx.emulator.identities(profiles.next()).email;
                const res = await fetch(`${preview.url}/preview/api/cases`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ subject: 'Cannot log in', suppliedEmail: email, warmOnArrival })
                });
                const body = (await res.json()) as { id: string; warm: { status: number } | null };
                if (res.status !== 201 || (warmOnArrival && body.warm?.status !== 202))
                    throw new Error(`new Case answered ${res.status}, warm ${JSON.stringify(body.warm)}`);
                return { id: body.id, email };
            };
            const cold: NewCase[] = [];
            for (let i = 0; i <= o.samples; i++) cold.push(await create(false));
            const warmed: NewCase[] = [];
            for (let i = 0; i < o.samples; i++) warmed.push(await create(true));
            ctx.log(`time to card: ${o.samples} Cases warmed on arrival, waiting for the proxy to finish (AEP at ${o.latencyMs} ms)`);
            const warmedOk = await waitForWarming(proxy.url, o.samples);

            const page = await browser.context.newPage();
            await page.addInitScript({ content: CARD_SHOWS });
            watchPage(page, problems);
            const main = page.locator('main c-customer-profile-card');
            // The first Case loads the console page itself (bundle, labels): not timed.
            await page.goto(`${preview.url}/?record=${cold[0]!.id}`, { waitUntil: 'networkidle' });
            await main.getByText(cold[0]!.email).first().waitFor({ timeout: 30_000 });

            const timed = async (p: Page, where: 'main' | 'x-utility-bar', cases: readonly NewCase[]) => {
                const openings: Opening[] = [];
                for (const c of cases) openings.push(await open(p, where, c));
                return openings;
            };
            ctx.log('time to card: cold, warm, warmed by arrival, utility bar');
            const coldRuns = await timed(page, 'main', cold.slice(1));
            const warmRuns = await timed(page, 'main', cold.slice(1));
            const warmedRuns = await timed(page, 'main', warmed);

            const utilityPage = await browser.context.newPage();
            await utilityPage.addInitScript({ content: CARD_SHOWS });
            watchPage(utilityPage, problems);
            const utility = utilityPage.locator('x-utility-bar c-customer-profile-card');
            await utilityPage.goto(`${preview.url}/?record=${cold[0]!.id}&layout=utility`, { waitUntil: 'networkidle' });
            await utility.getByText(cold[0]!.email).first().waitFor({ timeout: 30_000 });
            const utilityRuns = await timed(utilityPage, 'x-utility-bar', [...warmed].reverse());
            if (problems.length > 0) throw new Error(`the console page reported problems: ${problems.slice(0, 3).join('; ')}`);

            return {
                emulatorLatencyMs: o.latencyMs,
                samples: o.samples,
                chromium: browser.context.browser()?.version() ?? 'chromium',
                warmedOk,
                cases: [
                    summariseCase('cold', 'a new Case nobody warmed: the AEP round on the critical path', coldRuns),
                    summariseCase('warm', 'the same Cases opened again: the proxy cache answers', warmRuns),
                    summariseCase(
                        'warmedByArrival',
                        'new Cases warmed on arrival (the trigger path) before the agent opens them',
                        warmedRuns
                    ),
                    summariseCase('utilityBar', 'the utility-bar card following the switch to another (warmed) Case', utilityRuns)
                ]
            };
        } finally {
            await browser.close();
            await preview.close();
            await ctx.emulator.setLatency(0);
        }
    });
}

/**
 * In the page: performance.now() once a card inside `container` (found through every shadow root) shows `email`,
 * else false. The cards found are kept between frames (while still in the page), so the check polled on every
 * animation frame does not walk the whole console each time: that walk took the main thread away from the card.
 * Installed as source text (an init script): the bench runs through tsx, whose transform would add helpers the
 * page does not have.
 */
const CARD_SHOWS = `window.__benchCardShows = (container, email) => {
    const known = (window.__benchCards ??= {});
    let cards = (known[container] ?? []).filter((el) => el.isConnected);
    if (cards.length === 0) {
        const walk = (root, inside) => {
            for (const el of root.querySelectorAll('*')) {
                const within = inside || el.closest(container) !== null;
                if (within && el.localName === 'c-customer-profile-card') cards.push(el);
                if (el.shadowRoot) walk(el.shadowRoot, within);
            }
        };
        walk(document, false);
        known[container] = cards;
    }
    return cards.some((el) => el.innerText.includes(email)) ? performance.now() : false;
}`;

/** Opens `c` with the console's record switcher; times it until the card in `where` shows the customer's email. */
async function open(page: Page, where: 'main' | 'x-utility-bar', c: NewCase): Promise<Opening> {
    await page.evaluate(() => performance.clearResourceTimings());
    const switcher = page.locator('select[data-control="record"]');
    const t0 = await switcher.evaluate((el: HTMLSelectElement, id: string) => {
        const started = performance.now();
        el.value = id;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        return started;
    }, c.id);
    // Checked in the page on every animation frame (a locator's polling backs off to hundreds of ms): the time of
    // the first frame whose card (found through the shadow roots) shows the customer's email.
    const shown = await page.waitForFunction(
        ([container, email]) =>
            (window as unknown as { __benchCardShows(c: string, e: string): number | false }).__benchCardShows(container, email),
        [where, c.email] as const,
        { polling: 'raf', timeout: 30_000 }
    );
    const t1 = (await shown.jsonValue()) as number;
    const { action } = await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const last = entries.filter((e) => e.name.includes('/CustomerProfileController/startLookup')).pop();
        return {
            action: last
                ? {
                      start: last.startTime,
                      end: last.responseEnd,
                      timing: Object.fromEntries(last.serverTiming.map((t) => [t.name, t.duration]))
                  }
                : null
        };
    });
    if (!action) throw new Error(`opening ${c.id} made no Apex call`);
    const total = t1 - t0;
    const actionMs = action.end - action.start;
    const aep = action.timing.aep ?? 0;
    const proxy = action.timing.proxy ?? 0;
    return { total, aep, proxy, relay: Math.max(0, actionMs - aep - proxy), render: Math.max(0, total - actionMs) };
}

function summariseCase(name: string, description: string, runs: readonly Opening[]): TimeToCardCase {
    const parts = ['aep', 'proxy', 'relay', 'render'] as const;
    const median = (k: keyof Opening) => summarise(runs.map((r) => r[k])).p50;
    const mean = (k: keyof Opening) => runs.reduce((s, r) => s + r[k], 0) / runs.length;
    const sum = parts.reduce((s, k) => s + mean(k), 0);
    return {
        name,
        description,
        totalMs: summarise(runs.map((r) => r.total)),
        medianMs: Object.fromEntries(parts.map((k) => [k, median(k)])) as unknown as CardTimeShares,
        share: Object.fromEntries(parts.map((k) => [k, round((mean(k) / sum) * 100, 1)])) as unknown as CardTimeShares
    };
}

/** Polls the proxy's metrics until `count` warm records are done (any outcome); returns how many were OK. */
async function waitForWarming(proxyUrl: string, count: number): Promise<number> {
    const deadline = Date.now() + 120_000;
    for (;;) {
        const samples = await metricSamples(proxyUrl, 'proxy_warmed_records_total');
        const done = samples.reduce((s, m) => s + m.value, 0);
        if (done >= count) return samples.filter((m) => m.labels.outcome === 'OK').reduce((s, m) => s + m.value, 0);
        if (Date.now() > deadline) throw new Error(`warming did not finish: ${done} of ${count} records after 120 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}
