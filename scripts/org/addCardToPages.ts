import { parseArgs } from 'node:util';
import type { Connection } from 'jsforce';
import { runCli, UsageError } from './cli';
import { createConnection } from './connection';

/**
 * `npm run org:add-card`: puts the customer profile card on the record pages the org already uses for Case,
 * Contact and Lead, instead of shipping pages of its own that would replace them (and lose the Case Feed,
 * publisher, Activity timeline and Path agents rely on). Through the Metadata API (jsforce):
 * 1. finds the active pages: each object's org default (CustomObject action override View -> Flexipage) and,
 *    with --app, the app and app-and-profile assignments of those Lightning apps;
 * 2. reads each page and adds the card to its side region (`sidebar` of the standard record templates, or
 *    --region), after what is already there, unless the card is on the page already;
 * 3. with --apply, saves the page (updateMetadata). Without it, only prints the plan.
 * An object that still uses Salesforce's standard page has no page to edit: the plan says how to make one in
 * App Builder (Edit Page, Save, Activate), which copies every standard component, then run this again.
 */

export const CARD_COMPONENT = 'customerProfileCard';
export const CARD_OBJECTS = ['Case', 'Contact', 'Lead'] as const;
/** Side regions of the standard record page templates, in order of preference. */
const SIDE_REGIONS = ['sidebar', 'rightcol', 'pinnedRight', 'right', 'sidebarRight'];

/** Child order of a FlexiPageRegion in the Metadata API schema; other orders are rejected on save. */
const REGION_ORDER = [
    'appendable',
    'componentInstances',
    'flexiPageRegions',
    'itemInstances',
    'mode',
    'name',
    'prependable',
    'replaceable',
    'type'
];

type Xml = Record<string, unknown>;

export interface AddCardOptions {
    objects?: readonly string[];
    /** Lightning apps whose app (and app-and-profile) page assignments count too. */
    apps?: readonly string[];
    /** Pages to edit instead of the ones found. */
    pages?: readonly string[];
    region?: string;
    mode: 'plan' | 'apply' | 'remove';
}

export interface PageResult {
    object: string;
    page: string | null;
    /** Where the page is active: org default, app X, or given. */
    activeAs: string;
    status: 'plan' | 'done' | 'unchanged' | 'action' | 'fail';
    detail: string;
}

function asArray<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null || (value as unknown) === '') return [];
    return Array.isArray(value) ? value : [value];
}

const isViewPage = (o: Xml) => o.actionName === 'View' && o.type === 'Flexipage' && (!o.formFactor || o.formFactor === 'Large');

/** Object -> the record pages active for it, with where they are active. */
export async function activeRecordPages(
    conn: Connection,
    objects: readonly string[],
    apps: readonly string[]
): Promise<Map<string, { page: string; activeAs: string }[]>> {
    const found = new Map<string, { page: string; activeAs: string }[]>(objects.map((o) => [o, []]));
    const add = (object: string, page: string, activeAs: string) => {
        const list = found.get(object);
        if (list && !list.some((p) => p.page === page)) list.push({ page, activeAs });
    };
    const definitions = asArray((await conn.metadata.read('CustomObject', [...objects])) as unknown as Xml | Xml[]);
    for (const definition of definitions) {
        const object = String(definition.fullName ?? '');
        for (const override of asArray(definition.actionOverrides as Xml | Xml[])) {
            if (isViewPage(override) && override.content) add(object, String(override.content), 'org default');
        }
    }
    if (apps.length > 0) {
        const applications = asArray((await conn.metadata.read('CustomApplication', [...apps])) as unknown as Xml | Xml[]);
        for (const app of applications) {
            const name = String(app.fullName ?? '');
            if (!name) continue;
            for (const override of [
                ...asArray(app.actionOverrides as Xml | Xml[]),
                ...asArray(app.profileActionOverrides as Xml | Xml[])
            ]) {
                const object = String(override.pageOrSobjectType ?? '');
                const who = override.profile ? `app ${name}, profile ${String(override.profile)}` : `app ${name}`;
                if (isViewPage(override) && override.content) add(object, String(override.content), who);
            }
        }
    }
    return found;
}

/** Every componentInstance of the page, wherever it sits. */
function componentInstances(page: Xml): Xml[] {
    return asArray(page.flexiPageRegions as Xml | Xml[]).flatMap((region) =>
        asArray(region.itemInstances as Xml | Xml[])
            .map((item) => item.componentInstance as Xml | undefined)
            .filter((c): c is Xml => !!c)
    );
}

function hasCard(page: Xml): boolean {
    return componentInstances(page).some((c) => c.componentName === CARD_COMPONENT);
}

/** The region's children with itemInstances where the schema wants it (before mode, name and type). */
function withItems(region: Xml, items: Xml[]): Xml {
    const at = REGION_ORDER.indexOf('itemInstances');
    const out: Xml = {};
    let placed = false;
    for (const [key, value] of Object.entries(region)) {
        if (key === 'itemInstances') continue;
        if (!placed && REGION_ORDER.indexOf(key) > at) {
            if (items.length > 0) out.itemInstances = items;
            placed = true;
        }
        out[key] = value;
    }
    if (!placed && items.length > 0) out.itemInstances = items;
    return out;
}

function cardInstance(page: Xml): Xml {
    const taken = new Set(componentInstances(page).map((c) => String(c.identifier ?? '')));
    let identifier = CARD_COMPONENT;
    for (let n = 2; taken.has(identifier); n++) identifier = `${CARD_COMPONENT}${n}`;
    // Design properties are left out: the component's defaults apply, as when an admin drops it in App Builder.
    return { componentInstance: { componentName: CARD_COMPONENT, identifier } };
}

/** The page with the card added to `regionName`, or the reason it cannot be. */
function addCard(page: Xml, regionName: string | undefined): { page: Xml; region: string } | { problem: string } {
    const regions = asArray(page.flexiPageRegions as Xml | Xml[]);
    const names = regions.filter((r) => r.type === 'Region').map((r) => String(r.name));
    const target = regionName ?? SIDE_REGIONS.find((n) => names.includes(n));
    if (!target || !names.includes(target)) {
        return {
            problem: `no ${regionName ? `region ${regionName}` : 'side region'} on this page (regions: ${names.join(', ') || 'none'}); choose one with --region`
        };
    }
    const updated = regions.map((r) =>
        r.type === 'Region' && r.name === target ? withItems(r, [...asArray(r.itemInstances as Xml | Xml[]), cardInstance(page)]) : r
    );
    return { page: { ...page, flexiPageRegions: updated }, region: target };
}

function removeCard(page: Xml): Xml {
    const regions = asArray(page.flexiPageRegions as Xml | Xml[]).map((r) => {
        const items = asArray(r.itemInstances as Xml | Xml[]);
        const kept = items.filter((item) => (item.componentInstance as Xml | undefined)?.componentName !== CARD_COMPONENT);
        return kept.length === items.length ? r : withItems(r, kept);
    });
    return { ...page, flexiPageRegions: regions };
}

function saveProblem(result: unknown): string | null {
    const r = result as { success?: boolean | string; errors?: Xml | Xml[] };
    if (r.success === true || r.success === 'true') return null;
    const messages = asArray(r.errors).map((e) => String(e.message ?? e.statusCode ?? 'error'));
    return messages.join('; ') || 'the org refused the change';
}

const STANDARD_PAGE_STEPS = (object: string) =>
    `${object} uses Salesforce's standard record page, which has no metadata to edit: open a ${object}, gear > Edit Page, ` +
    'Save (App Builder saves a copy with every standard component), Activate it as the org default, then run this again';

export async function addCardToPages(conn: Connection, opts: AddCardOptions): Promise<PageResult[]> {
    const objects = opts.objects?.length ? opts.objects : CARD_OBJECTS;
    const targets: { object: string; page: string | null; activeAs: string }[] = [];
    if (opts.pages?.length) {
        for (const page of opts.pages) targets.push({ object: '-', page, activeAs: 'given' });
    } else {
        const active = await activeRecordPages(conn, objects, opts.apps ?? []);
        for (const [object, pages] of active) {
            if (pages.length === 0) targets.push({ object, page: null, activeAs: 'standard page' });
            for (const p of pages) targets.push({ object, ...p });
        }
    }

    const results: PageResult[] = [];
    for (const target of targets) {
        const base = { object: target.object, page: target.page, activeAs: target.activeAs };
        if (!target.page) {
            results.push({ ...base, status: 'action', detail: STANDARD_PAGE_STEPS(target.object) });
            continue;
        }
        const page = (await conn.metadata.read('FlexiPage', target.page)) as unknown as Xml;
        if (!page?.fullName) {
            results.push({ ...base, status: 'fail', detail: `FlexiPage ${target.page} was not found in this org` });
            continue;
        }
        let next: Xml;
        let summary: string;
        if (opts.mode === 'remove') {
            if (!hasCard(page)) {
                results.push({ ...base, status: 'unchanged', detail: 'the card is not on this page' });
                continue;
            }
            next = removeCard(page);
            summary = 'remove the card';
        } else {
            if (hasCard(page)) {
                results.push({ ...base, status: 'unchanged', detail: 'the card is already on this page' });
                continue;
            }
            const added = addCard(page, opts.region);
            if ('problem' in added) {
                results.push({ ...base, status: 'fail', detail: added.problem });
                continue;
            }
            next = added.page;
            summary = `add the card to region ${added.region}, after its components`;
        }
        if (opts.mode === 'plan') {
            results.push({ ...base, status: 'plan', detail: `would ${summary} (run with --apply)` });
            continue;
        }
        const problem = saveProblem(await conn.metadata.update('FlexiPage', next as never));
        results.push(
            problem
                ? { ...base, status: 'fail', detail: `not saved: ${problem}` }
                : { ...base, status: 'done', detail: `${summary}: saved` }
        );
    }
    return results;
}

export function formatResults(results: PageResult[]): string {
    const tag: Record<PageResult['status'], string> = { plan: 'PLAN', done: 'DONE', unchanged: 'SKIP', action: 'TODO', fail: 'FAIL' };
    return results
        .map((r) => `${tag[r.status]}  ${r.object.padEnd(8)} ${(r.page ?? '(standard page)').padEnd(36)} ${r.activeAs}: ${r.detail}`)
        .join('\n');
}

const USAGE = [
    'Usage: npm run org:add-card -- [--apply | --remove] [--object Case|Contact|Lead ...] [--app <App API name> ...]',
    '                              [--page <FlexiPage API name> ...] [--region <region name>]',
    'Without --apply or --remove only the plan is printed. Needs SF_* (scripts/org/README.md) for a user with',
    'Customize Application (Metadata API). Retrieve the pages first if you want a copy:',
    '  sf project retrieve start --metadata FlexiPage:<name>'
].join('\n');

async function main(argv: string[]): Promise<number> {
    let values: { apply?: boolean; remove?: boolean; object?: string[]; app?: string[]; page?: string[]; region?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                apply: { type: 'boolean' },
                remove: { type: 'boolean' },
                object: { type: 'string', multiple: true },
                app: { type: 'string', multiple: true },
                page: { type: 'string', multiple: true },
                region: { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            }
        }));
    } catch (error) {
        throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (values.apply && values.remove) throw new UsageError(`use either --apply or --remove\n${USAGE}`);
    const names = [...(values.object ?? []), ...(values.app ?? []), ...(values.page ?? []), ...(values.region ? [values.region] : [])];
    const bad = names.find((n) => !/^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(n));
    if (bad !== undefined) throw new UsageError(`not an API name: ${JSON.stringify(bad)}\n${USAGE}`);
    const conn = await createConnection(process.env);
    const results = await addCardToPages(conn, {
        objects: values.object,
        apps: values.app,
        pages: values.page,
        region: values.region,
        mode: values.apply ? 'apply' : values.remove ? 'remove' : 'plan'
    });
    process.stdout.write(`${formatResults(results)}\n`);
    return results.some((r) => r.status === 'fail') ? 1 : 0;
}

if (require.main === module) runCli('org:add-card', () => main(process.argv.slice(2)));
