import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { addCardToPages, formatResults } from '../addCardToPages';
import { createConnection } from '../connection';
import { startFakeOrg, type FakeOrg } from './fakeOrg';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
jest.setTimeout(30_000);

/** A record page as App Builder saves it: highlights, a tabset with the details facet, the activity timeline. */
const region = (name: string, type: 'Region' | 'Facet', components: string[], extra = '') =>
    `<flexiPageRegions>${components
        .map(
            (c) =>
                `<itemInstances><componentInstance><componentName>${c}</componentName><identifier>${c.replace(':', '_')}</identifier></componentInstance></itemInstances>`
        )
        .join('')}${extra}${type === 'Region' ? '<mode>Replace</mode>' : ''}<name>${name}</name><type>${type}</type></flexiPageRegions>`;

const recordPage = (object: string, label: string, sideRegion = 'sidebar') =>
    [
        region('header', 'Region', ['force:highlightsPanel']),
        region('detailTabContent', 'Facet', ['force:detailPanel']),
        region('main', 'Region', ['flexipage:tabset']),
        region(sideRegion, 'Region', ['runtime_sales_activities:activityPanel', 'forceChatter:recordFeedContainer']),
        `<masterLabel>${label}</masterLabel><parentFlexiPage>sfa__${object}_rec_L</parentFlexiPage><sobjectType>${object}</sobjectType>`,
        '<template><name>flexipage:recordHomeTemplateDesktop</name></template><type>RecordPage</type>'
    ].join('');

const viewOverride = (page: string) =>
    `<actionOverrides><actionName>View</actionName><content>${page}</content><formFactor>Large</formFactor><skipRecordTypeSelect>false</skipRecordTypeSelect><type>Flexipage</type></actionOverrides>`;

let org: FakeOrg;
let conn: Connection;

beforeEach(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    org.insert('LightningComponentBundle', { DeveloperName: 'customerProfileCard' });
    // Contact: a custom page active as the org default. Case: still Salesforce's standard page. Lead: a page
    // whose side region has another name.
    org.putMetadata('CustomObject', 'Contact', `${viewOverride('Contact_Record_Page')}<label>Contact</label>`);
    org.putMetadata('CustomObject', 'Case', '<label>Case</label>');
    org.putMetadata('CustomObject', 'Lead', `${viewOverride('Lead_Workspace')}<label>Lead</label>`);
    org.putMetadata('FlexiPage', 'Contact_Record_Page', recordPage('Contact', 'Contact Record Page'));
    org.putMetadata('FlexiPage', 'Lead_Workspace', recordPage('Lead', 'Lead Workspace', 'rightPanel'));
    org.putMetadata('FlexiPage', 'Contact_Service_Console', recordPage('Contact', 'Contact (Service Console)'));
    org.putMetadata(
        'CustomApplication',
        'Service_Console',
        `<label>Service Console</label><profileActionOverrides><actionName>View</actionName><content>Contact_Service_Console</content><formFactor>Large</formFactor><pageOrSobjectType>Contact</pageOrSobjectType><type>Flexipage</type><profile>Agent</profile></profileActionOverrides>`
    );
    org.requests.length = 0;
});
afterEach(() => org.close());

const soapCalls = () =>
    org.requests.filter((r) => r.path.startsWith('/services/Soap/m/')).map((r) => /<soapenv:Body[^>]*><(\w+)>/.exec(r.body)?.[1]);

describe('addCardToPages (fake org, Metadata API)', () => {
    it('plans the card for the active pages and changes nothing without --apply', async () => {
        const before = org.metadataXml('FlexiPage', 'Contact_Record_Page');
        const results = await addCardToPages(conn, { mode: 'plan' });

        expect(results.map((r) => [r.object, r.page, r.activeAs, r.status])).toEqual([
            ['Case', null, 'standard page', 'action'],
            ['Contact', 'Contact_Record_Page', 'org default', 'plan'],
            ['Lead', 'Lead_Workspace', 'org default', 'fail']
        ]);
        expect(results[0]?.detail).toMatch(
            /^Case uses Salesforce's standard record page, .*Edit Page, Save .*Activate it as the org default, then run this again$/
        );
        expect(results[1]?.detail).toBe('would add the card to region sidebar, after its components (run with --apply)');
        expect(results[2]?.detail).toBe('no side region on this page (regions: header, main, rightPanel); choose one with --region');
        expect(soapCalls()).not.toContain('updateMetadata');
        expect(org.metadataXml('FlexiPage', 'Contact_Record_Page')).toBe(before);
    });

    it("adds the card after the page's own components and keeps everything else of the page", async () => {
        const before = org.metadataXml('FlexiPage', 'Contact_Record_Page')!;
        const results = await addCardToPages(conn, { mode: 'apply', objects: ['Contact'] });

        expect(results).toEqual([
            expect.objectContaining({
                page: 'Contact_Record_Page',
                status: 'done',
                detail: 'add the card to region sidebar, after its components: saved'
            })
        ]);
        const after = org.metadataXml('FlexiPage', 'Contact_Record_Page')!;
        const sidebar =
            /<flexiPageRegions>((?:(?!<flexiPageRegions>).)*?<name>sidebar<\/name>.*?)<\/flexiPageRegions>/.exec(after)?.[1] ?? '';
        expect([...sidebar.matchAll(/<componentName>([^<]+)<\/componentName>/g)].map((m) => m[1])).toEqual([
            'runtime_sales_activities:activityPanel',
            'forceChatter:recordFeedContainer',
            'customerProfileCard'
        ]);
        // Everything but the sidebar is byte for byte what the page was.
        const withoutSidebar = (xml: string) =>
            xml.replace(/<flexiPageRegions>(?:(?!<flexiPageRegions>).)*?<name>sidebar<\/name>.*?<\/flexiPageRegions>/, '');
        expect(withoutSidebar(after)).toBe(withoutSidebar(before));
    });

    it('leaves a page that already has the card alone', async () => {
        await addCardToPages(conn, { mode: 'apply', objects: ['Contact'] });
        org.requests.length = 0;
        const again = await addCardToPages(conn, { mode: 'apply', objects: ['Contact'] });
        expect(again).toEqual([expect.objectContaining({ status: 'unchanged', detail: 'the card is already on this page' })]);
        expect(soapCalls()).not.toContain('updateMetadata');
    });

    it('uses the region the admin names, and the pages an app assigns', async () => {
        const lead = await addCardToPages(conn, { mode: 'apply', objects: ['Lead'], region: 'rightPanel' });
        expect(lead).toEqual([expect.objectContaining({ page: 'Lead_Workspace', status: 'done' })]);
        expect(org.metadataXml('FlexiPage', 'Lead_Workspace')).toContain('<componentName>customerProfileCard</componentName>');

        const withApp = await addCardToPages(conn, { mode: 'plan', objects: ['Contact'], apps: ['Service_Console'] });
        expect(withApp.map((r) => [r.page, r.activeAs])).toEqual([
            ['Contact_Record_Page', 'org default'],
            ['Contact_Service_Console', 'app Service_Console, profile Agent']
        ]);
    });

    it('takes the card off again with --remove', async () => {
        const before = org.metadataXml('FlexiPage', 'Contact_Record_Page');
        await addCardToPages(conn, { mode: 'apply', objects: ['Contact'] });
        const removed = await addCardToPages(conn, { mode: 'remove', objects: ['Contact'] });
        expect(removed).toEqual([expect.objectContaining({ status: 'done', detail: 'remove the card: saved' })]);
        expect(org.metadataXml('FlexiPage', 'Contact_Record_Page')).toBe(before);
    });

    it("reports the org's refusal, page by page", async () => {
        // The package is not deployed: the org does not know the component.
        org.remove('LightningComponentBundle', org.rows('LightningComponentBundle')[0]!.Id);
        const results = await addCardToPages(conn, { mode: 'apply', objects: ['Contact'] });
        expect(results).toEqual([
            expect.objectContaining({ status: 'fail', detail: 'not saved: Component [c:customerProfileCard] was not found' })
        ]);
        const missing = await addCardToPages(conn, { mode: 'plan', pages: ['No_Such_Page'] });
        expect(missing).toEqual([expect.objectContaining({ status: 'fail', detail: 'FlexiPage No_Such_Page was not found in this org' })]);
        expect(formatResults(missing)).toMatch(/^FAIL  -\s+No_Such_Page\s+given: FlexiPage No_Such_Page was not found in this org$/);
    });
});

describe('npm run org:add-card (CLI)', () => {
    const run = (args: string[]) => {
        const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SF_')));
        return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
            execFile(
                TSX,
                [join(ROOT, 'scripts/org/addCardToPages.ts'), ...args],
                { env: { ...clean, SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken }, timeout: 60000 },
                (error, stdout, stderr) =>
                    resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr })
            );
        });
    };

    it('prints the plan, exits 1 when a page cannot take the card, and refuses a name that is not an API name', async () => {
        const plan = await run([]);
        expect(plan.stdout).toMatch(/^TODO  Case\s+\(standard page\)/m);
        expect(plan.stdout).toMatch(/^PLAN  Contact\s+Contact_Record_Page\s+org default: would add the card to region sidebar/m);
        expect(plan.stdout).toMatch(/^FAIL  Lead\s+Lead_Workspace/m);
        expect(plan.status).toBe(1);

        const contact = await run(['--apply', '--object', 'Contact']);
        expect(contact.stdout).toMatch(/^DONE  Contact\s+Contact_Record_Page/m);
        expect(contact.status).toBe(0);

        const bad = await run(['--page', "x'; drop"]);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/^org:add-card: configuration error: not an API name: "x'; drop"/);
    });
});
