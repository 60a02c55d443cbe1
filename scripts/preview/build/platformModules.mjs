/**
 * Rollup plugin: the `@salesforce/*` scoped modules an org generates for a component (labels, custom
 * permissions, message channels, i18n, Apex methods), generated here as virtual modules. It runs before the
 * LWC plugin, so the LBC components' own `@salesforce/i18n/locale|lang|...` imports get the preview locale too;
 * every other `@salesforce/*` import of LBC falls through to the package's stubs.
 */
import path from 'node:path';
import { readLabels } from './labels.mjs';

const PREFIX = '\0preview-platform:';

/** i18n values the preview knows; the rest (formats, calendar data) stay LBC's en-US stubs. */
const I18N = {
    locale: 'CURRENT_LOCALE.locale',
    lang: 'CURRENT_LOCALE.lang',
    currency: JSON.stringify('USD'),
    timeZone: JSON.stringify('America/Los_Angeles'),
    dir: JSON.stringify('ltr')
};

/** The preview agent's Salesforce User Id, like scripts/preview/stack.ts PREVIEW_AGENT_USER_ID. */
const PREVIEW_USER_ID = '0058c00000PrevwAAA';

export default function platformModules({ sourceDir, translationsDir, platformDir, apexMethods }) {
    const localeModule = JSON.stringify(path.join(platformDir, 'previewLocale.js'));
    const scenarioModule = JSON.stringify(path.join(platformDir, 'previewScenario.js'));
    const apexClient = JSON.stringify(path.join(platformDir, 'apexClient.js'));
    let labels;

    return {
        name: 'preview-platform-modules',
        buildStart() {
            labels = readLabels(sourceDir, translationsDir);
            this.addWatchFile(path.join(sourceDir, 'labels/CustomLabels.labels-meta.xml'));
            this.addWatchFile(translationsDir);
        },
        resolveId(source, importer) {
            if (importer?.startsWith(PREFIX) && path.isAbsolute(source)) {
                return source;
            }
            const match = /^@salesforce\/(label|customPermission|messageChannel|i18n|apex|apexContinuation|user)\/(.+)$/.exec(source);
            if (!match) {
                return null;
            }
            const [, kind, name] = match;
            if (kind === 'label' && !name.startsWith('c.')) {
                return null;
            }
            if (kind === 'i18n' && !(name in I18N)) {
                return null;
            }
            if (kind === 'user' && name !== 'Id') {
                return null;
            }
            return `${PREFIX}${kind}/${name}`;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) {
                return null;
            }
            const [kind, ...rest] = id.slice(PREFIX.length).split('/');
            const name = rest.join('/');
            switch (kind) {
                case 'label': {
                    const translations = labels.get(name.slice(2));
                    if (!translations) {
                        // Deploying a component that imports a missing label fails in an org too.
                        this.error(`@salesforce/label/${name}: no such label in force-app/main/default/labels`);
                    }
                    return `import { pickLabel } from ${localeModule};\nexport default pickLabel(${JSON.stringify(translations)});\n`;
                }
                case 'customPermission':
                    // The preview user holds the package's permission sets, unless the chosen scenario takes one away.
                    return `import { hasCustomPermission } from ${scenarioModule};\nexport default hasCustomPermission(${JSON.stringify(name)});\n`;
                case 'user':
                    return `export default ${JSON.stringify(PREVIEW_USER_ID)};\n`;
                case 'messageChannel':
                    return `export default Object.freeze({ channelName: ${JSON.stringify(name)} });\n`;
                case 'i18n':
                    return `import { CURRENT_LOCALE } from ${localeModule};\nexport default ${I18N[name]};\n`;
                case 'apex':
                case 'apexContinuation': {
                    const [className, methodName] = name.split('.');
                    if (!apexMethods.includes(`${className}.${methodName}`)) {
                        this.error(
                            `@salesforce/${kind}/${name}: the preview's Apex stand-in has no such method (known: ${apexMethods.join(', ')})`
                        );
                    }
                    return `import { invokeApex } from ${apexClient};\nexport default function ${methodName}(params) {\n    return invokeApex(${JSON.stringify(className)}, ${JSON.stringify(methodName)}, params);\n}\n`;
                }
                default:
                    return null;
            }
        }
    };
}
