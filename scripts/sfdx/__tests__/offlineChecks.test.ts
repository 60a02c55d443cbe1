import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkApexFormat } from '../checkApexFormat';
import { checkApexPmd, type PmdReport } from '../checkApexPmd';
import { checkApexSemantics } from '../checkApexSemantics';
import { checkApexSuppressions } from '../checkApexSuppressions';
import { checkApexSyntax } from '../checkApexSyntax';
import { checkLabels } from '../checkLabels';
import { checkLwcLint } from '../checkLwcLint';
import { checkFieldLengths } from '../checkFieldLengths';
import { checkMetadata } from '../checkMetadata';
import { checkPackages } from '../checkPackages';
import { checkReferences } from '../checkReferences';
import { formatProblem, type Problem } from '../problem';
import { runAllChecks, type OfflineReport } from '../runAll';
import { describeWithTools } from '../../systemTools';
import { CLASSES, GOOD_CLASS, LWC, REPO_ROOT, classMeta, makeProject, removeProject } from './tempProject';

// PMD starts a JVM; on a busy 2-core machine a run can take 15-30 s.
const HOOK_TIMEOUT_MS = 120_000;
jest.setTimeout(60_000);

const created: string[] = [];
function project(files: Record<string, string>): string {
    const root = makeProject(files);
    created.push(root);
    return root;
}
afterAll(() => created.forEach(removeProject));

const messages = (problems: Problem[]) => problems.map(formatProblem);

const PMD_PROJECT: Record<string, string> = {
    [`${CLASSES}/Leaky.cls`]: `/**
 * @description Reads accounts without sharing or user mode.
 */
public class Leaky {
    /**
     * @description Finds an account by name.
     * @param name account name
     * @return the accounts
     */
    public static List<Account> find(String name) {
        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');
    }

    /**
     * @description Counts contacts in system mode.
     * @return the count
     */
    public static Integer countContacts() {
        return [SELECT Id FROM Contact].size();
    }
}
`,
    [`${CLASSES}/Unparseable.cls`]: 'public with sharing class Unparseable {\n    Integer x = \n}\n',
    [`${CLASSES}/Typo.cls`]: `/**
 * @description Calls an assertion that does not exist.
 */
public with sharing class Typo {
    /**
     * @description Checks a flag.
     * @param flag the flag
     */
    public static void check(Boolean flag) {
        Assert.isTrueX(flag, 'flag must be set');
    }
}
`
};

const LINT_PROJECT: Record<string, string> = {
    'eslint.config.mjs': fs.readFileSync(path.join(REPO_ROOT, 'eslint.config.mjs'), 'utf8'),
    [`${LWC}/ticker/ticker.js`]: `import { LightningElement, api } from 'lwc';
export default class Ticker extends LightningElement {
    @api count = 0;
    connectedCallback() {
        this.count = 1;
        setTimeout(() => {}, 10);
    }
}
`,
    [`${LWC}/ticker/ticker.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>
`
};

// PMD and apex-ls run on Java: without it, one failure says how to install it (scripts/install-system-deps.sh).
describeWithTools(['java'], 'offline Salesforce checks', () => {
    // The slow runs (two JVMs for PMD, ESLint and prettier child processes) start together, once, and feed the
    // assertions below: the full check of this repository, PMD on a broken project, ESLint on a broken bundle.
    let report: OfflineReport;
    let pmd: PmdReport;
    let lint: Problem[];
    let semantics: Problem[];

    beforeAll(async () => {
        const broken = project(PMD_PROJECT);
        [report, pmd, lint, semantics] = await Promise.all([
            runAllChecks(REPO_ROOT),
            checkApexPmd(broken),
            checkLwcLint(project(LINT_PROJECT)),
            checkApexSemantics(broken)
        ]);
    }, HOOK_TIMEOUT_MS);

    describe('offline Salesforce checks on this repository', () => {
        it('finds no problem in force-app', () => {
            expect(messages(report.problems)).toEqual([]);
        });

        it('converts every package directory with source-deploy-retrieve: translations and the JWT credential outside the core', () => {
            const byPath = Object.fromEntries(report.packages.map((p) => [p.path, p.components]));
            expect(Object.keys(byPath)).toEqual(['force-app/main', 'force-app/translations', 'force-app/jwt']);
            expect(byPath['force-app/main']).toEqual(
                expect.arrayContaining([
                    'CustomLabels:CustomLabels',
                    'ExternalCredential:AEP_Proxy_Key',
                    'PermissionSet:Customer_Profile_Viewer'
                ])
            );
            expect(byPath['force-app/main']?.filter((c) => c.startsWith('Translations:') || c.includes('JWT'))).toEqual([]);
            expect(byPath['force-app/translations']).toEqual([
                'Translations:de',
                'Translations:fr',
                'Translations:ko',
                'Translations:nl_NL',
                'Translations:zh_TW'
            ]);
            expect(byPath['force-app/jwt']).toEqual([
                'ExternalCredential:AEP_Proxy_JWT',
                'NamedCredential:AEP_Profile_Proxy_JWT',
                'PermissionSet:Customer_Profile_Viewer_JWT'
            ]);
        });

        it('ran PMD security, performance and best-practice rules over every Apex file', () => {
            const classes = fs.readdirSync(path.join(REPO_ROOT, CLASSES)).filter((f) => f.endsWith('.cls'));
            const triggers = fs.readdirSync(path.join(REPO_ROOT, 'force-app/main/default/triggers')).filter((f) => f.endsWith('.trigger'));
            expect(triggers.length).toBeGreaterThan(0);
            expect(report.apexFiles).toBe(classes.length + triggers.length);
            expect(report.pmdRules).toEqual(
                expect.arrayContaining([
                    'ApexCRUDViolation',
                    'ApexSOQLInjection',
                    'ApexSharingViolations',
                    'ApexSuggestUsingNamedCred',
                    'ApexInsecureEndpoint',
                    'OperationWithLimitsInLoop',
                    'AvoidDebugStatements',
                    'ApexUnitTestClassShouldHaveAsserts',
                    'ApexAssertionsShouldIncludeMessage',
                    'ApexDoc'
                ])
            );
            expect(report.pmdRules).not.toContain('ApexUnitTestClassShouldHaveRunAs');
        });
    });

    describe('apex syntax', () => {
        it('reports a missing semicolon with file and line', () => {
            const root = project({
                [`${CLASSES}/Broken.cls`]:
                    'public with sharing class Broken {\n    public static Integer one() {\n        Integer x = 1\n        return x;\n    }\n}\n',
                [`${CLASSES}/Broken.cls-meta.xml`]: classMeta()
            });
            const problems = checkApexSyntax(root);
            expect(problems.length).toBeGreaterThan(0);
            expect(problems[0]).toMatchObject({ check: 'apex-syntax', file: `${CLASSES}/Broken.cls`, line: 4 });
            expect(problems[0]?.message).toMatch(/missing ';'/);
        });

        it('parses triggers with the trigger grammar', () => {
            const root = project({
                [`force-app/main/default/triggers/CaseTrigger.trigger`]:
                    'trigger CaseTrigger on Case (before insert) {\n    CaseHandler.run();\n}\n'
            });
            expect(checkApexSyntax(root)).toEqual([]);
        });
    });

    describe('apex formatting', () => {
        it('reports a class that prettier-plugin-apex would rewrite, and one it cannot parse', async () => {
            const root = project({
                [`${CLASSES}/Greeter.cls`]: GOOD_CLASS,
                [`${CLASSES}/Messy.cls`]: 'public with sharing class Messy{public static Integer one(){return 1;}}\n',
                [`${CLASSES}/Broken.cls`]: 'public with sharing class Broken {\n    Integer x = \n}\n'
            });
            const problems = await checkApexFormat(root);
            expect(messages(problems)).toEqual([
                expect.stringMatching(/^\[apex-format\] force-app\/main\/default\/classes\/Broken\.cls prettier cannot parse it/),
                `[apex-format] ${CLASSES}/Messy.cls not prettier-plugin-apex formatted; run \`npx prettier --write ${CLASSES}/Messy.cls\``
            ]);
        });
    });

    describe('metadata', () => {
        it('reports a class without -meta.xml, malformed XML, a missing or foreign apiVersion and an LWC bundle without js-meta.xml', () => {
            const root = project({
                [`${CLASSES}/Greeter.cls`]: GOOD_CLASS,
                [`${CLASSES}/Orphan.cls`]: GOOD_CLASS.replace('Greeter', 'Orphan'),
                [`${CLASSES}/Greeter.cls-meta.xml`]: classMeta(),
                [`${CLASSES}/Old.cls`]: GOOD_CLASS.replace('Greeter', 'Old'),
                [`${CLASSES}/Old.cls-meta.xml`]: classMeta('58.0'),
                [`${CLASSES}/NoVersion.cls`]: GOOD_CLASS.replace('Greeter', 'NoVersion'),
                [`${CLASSES}/NoVersion.cls-meta.xml`]: classMeta().replace(/\s*<apiVersion>.*<\/apiVersion>/, ''),
                'force-app/main/default/permissionsets/Bad.permissionset-meta.xml':
                    '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Bad</label>\n</PermissionSet\n',
                [`${LWC}/noMeta/noMeta.js`]:
                    "import { LightningElement } from 'lwc';\nexport default class NoMeta extends LightningElement {}\n"
            });
            const problems = messages(checkMetadata(root));
            expect(problems).toEqual(
                expect.arrayContaining([
                    `[metadata] ${CLASSES}/Orphan.cls has no Orphan.cls-meta.xml (the deploy would skip it)`,
                    `[metadata] ${CLASSES}/Old.cls-meta.xml <apiVersion> is 58.0, the project uses 66.0`,
                    `[metadata] ${CLASSES}/NoVersion.cls-meta.xml <apiVersion> is missing (use 66.0)`,
                    `[metadata] ${LWC}/noMeta LWC bundle has no noMeta.js-meta.xml`,
                    expect.stringMatching(
                        /^\[metadata\] force-app\/main\/default\/permissionsets\/Bad\.permissionset-meta\.xml:\d+ malformed XML: /
                    )
                ])
            );
            expect(problems).toHaveLength(5);
        });

        it('reports dangling references between metadata files', () => {
            const root = project({
                'force-app/main/default/permissionsets/Viewer.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
        <applicationVisibilities><application>Missing_App</application><visible>true</visible></applicationVisibilities>
        <classAccesses><apexClass>MissingController</apexClass><enabled>true</enabled></classAccesses>
        <customPermissions><enabled>true</enabled><name>Missing_Permission</name></customPermissions>
        <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>Nope-Service</externalCredentialPrincipal></externalCredentialPrincipalAccesses>
        <label>Viewer</label>
    </PermissionSet>
    `,
                'force-app/main/default/namedCredentials/Proxy.namedCredential-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
        <label>Proxy</label>
        <namedCredentialParameters><externalCredential>Missing_EC</externalCredential><parameterName>ExternalCredential</parameterName><parameterType>Authentication</parameterType></namedCredentialParameters>
        <namedCredentialType>SecuredEndpoint</namedCredentialType>
    </NamedCredential>
    `,
                [`${LWC}/card/card.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
    <LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
        <apiVersion>66.0</apiVersion>
        <isExposed>true</isExposed>
        <targets><target>lightning__RecordPage</target></targets>
        <targetConfigs><targetConfig targets="lightning__RecordPage"><property name="layout" type="String"/></targetConfig></targetConfigs>
    </LightningComponentBundle>
    `,
                'force-app/main/default/flexipages/Page.flexipage-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
        <flexiPageRegions>
            <itemInstances><componentInstance>
                <componentInstanceProperties><name>layout</name><value>full</value></componentInstanceProperties>
                <componentInstanceProperties><name>cardTitle</name><value>Profile</value></componentInstanceProperties>
                <componentName>card</componentName>
            </componentInstance></itemInstances>
            <name>sidebar</name><type>Region</type>
        </flexiPageRegions>
        <masterLabel>Page</masterLabel><type>RecordPage</type>
    </FlexiPage>
    `
            });
            expect(messages(checkReferences(root)).sort()).toEqual([
                '[references] force-app/main/default/flexipages/Page.flexipage-meta.xml property cardTitle is not a design property of card',
                '[references] force-app/main/default/namedCredentials/Proxy.namedCredential-meta.xml external credential Missing_EC does not exist in this package directory or the default one',
                '[references] force-app/main/default/permissionsets/Viewer.permissionset-meta.xml application Missing_App does not exist',
                '[references] force-app/main/default/permissionsets/Viewer.permissionset-meta.xml class MissingController does not exist',
                '[references] force-app/main/default/permissionsets/Viewer.permissionset-meta.xml custom permission Missing_Permission does not exist',
                '[references] force-app/main/default/permissionsets/Viewer.permissionset-meta.xml external credential principal Nope-Service does not exist (expected <ExternalCredential>-<principal name>)'
            ]);
        });
    });

    describe('references across package directories', () => {
        it('lets an optional directory use the default one, but never the default one use an optional one', () => {
            const root = project({
                'sfdx-project.json': JSON.stringify({
                    packageDirectories: [{ path: 'force-app/main', default: true }, { path: 'force-app/jwt' }],
                    sourceApiVersion: '66.0'
                }),
                [`${CLASSES}/Controller.cls`]: GOOD_CLASS.replace('Greeter', 'Controller'),
                [`${CLASSES}/Controller.cls-meta.xml`]: classMeta(),
                'force-app/main/default/permissionsets/Viewer.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
        <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>Jwt-Service</externalCredentialPrincipal></externalCredentialPrincipalAccesses>
        <label>Viewer</label>
    </PermissionSet>
    `,
                'force-app/jwt/externalCredentials/Jwt.externalCredential-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
        <authenticationProtocol>Jwt</authenticationProtocol>
        <externalCredentialParameters><parameterName>Service</parameterName><parameterType>NamedPrincipal</parameterType></externalCredentialParameters>
        <label>Jwt</label>
    </ExternalCredential>
    `,
                'force-app/jwt/permissionsets/Viewer_Jwt.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
        <classAccesses><apexClass>Controller</apexClass><enabled>true</enabled></classAccesses>
        <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>Jwt-Service</externalCredentialPrincipal></externalCredentialPrincipalAccesses>
        <label>Viewer JWT</label>
    </PermissionSet>
    `
            });
            expect(messages(checkReferences(root))).toEqual([
                '[references] force-app/main/default/permissionsets/Viewer.permissionset-meta.xml external credential principal Jwt-Service does not exist (expected <ExternalCredential>-<principal name>)'
            ]);
        });
    });

    describe('labels', () => {
        const labels = (names: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
    <CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    ${names.map((n) => `    <labels><fullName>${n}</fullName><language>en_US</language><protected>false</protected><shortDescription>${n}</shortDescription><value>${n} text</value></labels>`).join('\n')}
    </CustomLabels>
    `;
        const translation = (names: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
    <Translations xmlns="http://soap.sforce.com/2006/04/metadata">
    ${names.map((n) => `    <customLabels><label>${n} translated</label><name>${n}</name></customLabels>`).join('\n')}
    </Translations>
    `;
        const component = `import { LightningElement } from 'lwc';
    import TITLE from '@salesforce/label/c.CAH_Title';
    import RETRY from '@salesforce/label/c.CAH_Retry';
    import GONE from '@salesforce/label/c.CAH_Gone';
    export default class Card extends LightningElement {
        labels = { TITLE, RETRY, GONE };
    }
    `;

        it('reports an imported label missing from CustomLabels and a label missing one translation', () => {
            const all = ['CAH_Title', 'CAH_Retry'];
            const root = project({
                [`${LWC}/card/card.js`]: component,
                'force-app/main/default/labels/CustomLabels.labels-meta.xml': labels(all),
                'force-app/main/default/translations/ko.translation-meta.xml': translation(all),
                'force-app/main/default/translations/nl_NL.translation-meta.xml': translation(all),
                'force-app/main/default/translations/de.translation-meta.xml': translation(all),
                'force-app/main/default/translations/fr.translation-meta.xml': translation(all),
                'force-app/main/default/translations/zh_TW.translation-meta.xml': translation(['CAH_Title'])
            });
            expect(messages(checkLabels(root))).toEqual([
                `[labels] ${LWC}/card/card.js:4 imports label c.CAH_Gone, which is not in CustomLabels.labels-meta.xml`,
                `[labels] ${LWC}/card/card.js:3 label c.CAH_Retry has no translation for zh_TW`
            ]);
        });

        it('checks the labels custom metadata records name like the ones the LWC imports', () => {
            const all = ['CAH_Title', 'CAH_Retry', 'CAH_Gone', 'CAH_NextStep'];
            const record = (labelName: string) => `<?xml version="1.0" encoding="UTF-8"?>
    <CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
        <label>Rule</label>
        <values><field>Label_Name__c</field><value xsi:type="xsd:string">${labelName}</value></values>
        <values><field>Condition_1_Value__c</field><value xsi:type="xsd:string">CAH_NotALabelName</value></values>
    </CustomMetadata>
    `;
            const root = project({
                [`${LWC}/card/card.js`]: component,
                'force-app/main/default/customMetadata/Profile_Next_Step_Rule.A.md-meta.xml': record('CAH_NextStep'),
                'force-app/main/default/customMetadata/Profile_Next_Step_Rule.B.md-meta.xml': record('CAH_Missing'),
                'force-app/main/default/labels/CustomLabels.labels-meta.xml': labels(all),
                'force-app/main/default/translations/ko.translation-meta.xml': translation(all),
                'force-app/main/default/translations/nl_NL.translation-meta.xml': translation(all),
                'force-app/main/default/translations/de.translation-meta.xml': translation(all.filter((n) => n !== 'CAH_NextStep')),
                'force-app/main/default/translations/fr.translation-meta.xml': translation(all),
                'force-app/main/default/translations/zh_TW.translation-meta.xml': translation(all)
            });
            expect(messages(checkLabels(root))).toEqual([
                `[labels] force-app/main/default/customMetadata/Profile_Next_Step_Rule.B.md-meta.xml:4 imports label c.CAH_Missing, which is not in CustomLabels.labels-meta.xml`,
                `[labels] force-app/main/default/customMetadata/Profile_Next_Step_Rule.A.md-meta.xml:4 label c.CAH_NextStep has no translation for de`
            ]);
        });

        it('reports a missing translation file', () => {
            const all = ['CAH_Title', 'CAH_Retry', 'CAH_Gone'];
            const root = project({
                [`${LWC}/card/card.js`]: component,
                'force-app/main/default/labels/CustomLabels.labels-meta.xml': labels(all),
                'force-app/main/default/translations/ko.translation-meta.xml': translation(all),
                'force-app/main/default/translations/nl_NL.translation-meta.xml': translation(all),
                'force-app/main/default/translations/de.translation-meta.xml': translation(all),
                'force-app/main/default/translations/zh_TW.translation-meta.xml': translation(all)
            });
            const problems = messages(checkLabels(root));
            expect(problems).toContain(
                "[labels] fr.translation-meta.xml missing from every package directory: the fr translation of the card's labels"
            );
            expect(problems.filter((p) => p.includes('has no translation for fr'))).toHaveLength(3);
        });
    });

    describe('suppressions', () => {
        it('accepts @SuppressWarnings with a reason comment and reports one without', () => {
            const root = project({
                [`${CLASSES}/Quiet.cls`]: `public with sharing class Quiet {
        // Debug output is the purpose of this diagnostic method.
        @SuppressWarnings('PMD.AvoidDebugStatements')
        public static void explained() {
            System.debug(LoggingLevel.INFO, 'ok');
        }

        @SuppressWarnings('PMD.AvoidDebugStatements')
        public static void unexplained() {
            System.debug(LoggingLevel.INFO, 'ok');
        }
    }
    `
            });
            expect(messages(checkApexSuppressions(root))).toEqual([
                `[suppressions] ${CLASSES}/Quiet.cls:8 @SuppressWarnings without a reason: add a comment on the line above explaining why the rule does not apply`
            ]);
        });
    });

    describe('PMD', () => {
        it('fails on security violations with rule, file and line', () => {
            const found = messages(pmd.problems);
            expect(found).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(
                        /^\[pmd\] force-app\/main\/default\/classes\/Leaky\.cls:4 ApexSharingViolations \(severity \d\): /
                    ),
                    expect.stringMatching(/^\[pmd\] force-app\/main\/default\/classes\/Leaky\.cls:11 ApexSOQLInjection \(severity \d\): /),
                    expect.stringMatching(/^\[pmd\] force-app\/main\/default\/classes\/Leaky\.cls:19 ApexCRUDViolation \(severity \d\): /)
                ])
            );
        });

        it('fails on a file PMD cannot parse (reported only as an engine error event)', () => {
            expect(messages(pmd.problems)).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(/^\[pmd\] \(engine\) PMD reported an error: .*Unparseable\.cls.*[Ss]yntax error/)
                ])
            );
        });
    });

    describe('Apex semantics (apex-ls)', () => {
        it('reports a call to a method that does not exist, with file and line', () => {
            expect(messages(semantics)).toEqual(
                expect.arrayContaining([
                    `[apex-semantics] ${CLASSES}/Typo.cls:10 Missing: No matching method found for 'isTrueX' on 'System.Assert' taking arguments 'System.Boolean, System.String'`
                ])
            );
        });
    });

    describe('LWC lint', () => {
        it('runs the project ESLint config on LWC bundles and reports violations', () => {
            const found = messages(lint);
            expect(found).toEqual(
                expect.arrayContaining([
                    `[lwc-lint] ${LWC}/ticker/ticker.js:5 @lwc/lwc/no-api-reassignments: Invalid reassignment of public property "count"`,
                    expect.stringMatching(
                        /^\[lwc-lint\] force-app\/main\/default\/lwc\/ticker\/ticker\.js:6 @lwc\/lwc\/no-async-operation: /
                    )
                ])
            );
        });

        it('says so when the ESLint configuration is missing', async () => {
            const root = project({ [`${LWC}/ticker/ticker.js`]: 'export default 1;\n' });
            expect(messages(await checkLwcLint(root))).toEqual([
                '[lwc-lint] eslint.config.mjs missing: the LWC ESLint configuration (@salesforce/eslint-config-lwc)'
            ]);
        });
    });

    describe('package directories (source-deploy-retrieve)', () => {
        const twoDirectories = (dirs: { path: string; default?: boolean }[]) =>
            JSON.stringify({ packageDirectories: dirs, sourceApiVersion: '66.0' });
        const permissionSet = (label: string) =>
            `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>${label}</label></PermissionSet>\n`;

        it("fails on a folder and suffix that map to no metadata type, with the CLI's own error", async () => {
            const root = project({
                'sfdx-project.json': twoDirectories([{ path: 'force-app/core', default: true }]),
                'force-app/core/permissionsets/Ok.permissionset-meta.xml': permissionSet('Ok'),
                'force-app/core/credentials/Proxy.credential-meta.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<X/>\n'
            });
            const { problems } = await checkPackages(root);
            expect(messages(problems)).toEqual([
                expect.stringMatching(
                    /^\[packages\] force-app\/core cannot be converted for deploy: TypeInferenceError: force-app\/core\/credentials\/Proxy\.credential-meta\.xml: Could not infer a metadata type/
                )
            ]);
        });

        it('reports files a deploy would silently leave out, a component in two directories and a broken sfdx-project.json', async () => {
            const root = project({
                'sfdx-project.json': twoDirectories([
                    { path: 'force-app/core', default: true },
                    { path: 'force-app/extra', default: true },
                    { path: 'force-app/gone' }
                ]),
                'force-app/core/classes/Orphan.cls': GOOD_CLASS.replace('Greeter', 'Orphan'),
                'force-app/core/permissionsets/Typo.permissionset.xml': permissionSet('Typo'),
                'force-app/core/permissionsets/Shared.permissionset-meta.xml': permissionSet('Shared'),
                'force-app/extra/permissionsets/Shared.permissionset-meta.xml': permissionSet('Shared again')
            });
            const { problems, packages } = await checkPackages(root);
            expect(messages(problems).sort()).toEqual([
                '[packages] force-app/core/classes/Orphan.cls belongs to no metadata component, so a deploy would leave it out (check its folder and suffix)',
                '[packages] force-app/core/permissionsets/Typo.permissionset.xml belongs to no metadata component, so a deploy would leave it out (check its folder and suffix)',
                "[packages] force-app/extra PermissionSet:Shared is also in force-app/core: deploying one directory would overwrite the other's copy",
                '[packages] sfdx-project.json exactly one package directory must be "default": true (found 2)',
                '[packages] sfdx-project.json package directory force-app/gone does not exist'
            ]);
            expect(packages.map((p) => p.path)).toEqual(['force-app/core', 'force-app/extra']);
        });
    });

    describe('field lengths', () => {
        const longText = (n: number) => 'x'.repeat(n);

        it('reports a description, label, custom label and custom metadata value longer than its field', () => {
            const root = project({
                'force-app/main/default/externalCredentials/Jwt.externalCredential-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
        <authenticationProtocol>Jwt</authenticationProtocol>
        <description>${longText(272)}</description>
        <label>Jwt</label>
    </ExternalCredential>
    `,
                'force-app/main/default/permissionsets/Viewer.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><description>${longText(255)}</description><label>${longText(81)}</label></PermissionSet>
    `,
                'force-app/main/default/labels/CustomLabels.labels-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
        <labels><fullName>CAH_Long</fullName><language>en_US</language><protected>false</protected><shortDescription>${longText(81)}</shortDescription><value>${longText(1001)}</value></labels>
        <labels><fullName>CAH_Fine</fullName><language>en_US</language><protected>false</protected><shortDescription>Fine</shortDescription><value>${longText(1000)}</value></labels>
    </CustomLabels>
    `,
                'force-app/main/default/objects/Setting__mdt/Setting__mdt.object-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Setting</label><pluralLabel>Settings</pluralLabel></CustomObject>
    `,
                'force-app/main/default/objects/Setting__mdt/fields/Name__c.field-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Name__c</fullName><label>Name</label><length>10</length><type>Text</type></CustomField>
    `,
                'force-app/main/default/customMetadata/Setting.Default.md-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
    <CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
        <label>Default</label>
        <values><field>Name__c</field><value xsi:type="xsd:string">AEP_Profile_Proxy</value></values>
    </CustomMetadata>
    `
            });
            expect(messages(checkFieldLengths(root)).sort()).toEqual([
                '[field-lengths] force-app/main/default/customMetadata/Setting.Default.md-meta.xml Name__c is 17 characters; the field holds 10',
                '[field-lengths] force-app/main/default/externalCredentials/Jwt.externalCredential-meta.xml description is 272 characters; the limit is 255 (conservative: NamedCredential.Description)',
                '[field-lengths] force-app/main/default/labels/CustomLabels.labels-meta.xml labels CAH_Long: shortDescription is 81 characters; the limit is 80 (Help: Custom Labels, Short Description 80 characters)',
                '[field-lengths] force-app/main/default/labels/CustomLabels.labels-meta.xml labels CAH_Long: value is 1001 characters; the limit is 1000 (Help: Custom Labels, value up to 1,000 characters)',
                expect.stringMatching(
                    /^\[field-lengths\] force-app\/main\/default\/permissionsets\/Viewer\.permissionset-meta\.xml label is 81 characters; the limit is 80 \(https:\/\/developer\.salesforce\.com\/.*permissionset\.html\)$/
                )
            ]);
        });
    });
});
