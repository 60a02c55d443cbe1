/**
 * Build of the local console preview: the SAME force-app LWC sources (no copies) compiled with the
 * open-source LWC compiler, lightning-base-components and synthetic shadow, plus the preview's console page
 * app (src/modules/x/*). Settings follow @lwc/rollup-plugin
 * (https://github.com/salesforce/lwc/tree/master/packages/%40lwc/rollup-plugin) and lightning-base-components
 * (https://www.npmjs.com/package/lightning-base-components).
 *
 * Run through `npm run preview:build` (scripts/preview/build.ts), which skips the build when nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import platformModules from './build/platformModules.mjs';

const previewDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(previewDir, '../..');
const sourceDir = path.join(root, 'force-app/main/default');
const translationsDir = path.join(root, 'force-app/translations/translations');
const sfdxLwcDir = path.join(sourceDir, 'lwc');
const platformDir = path.join(previewDir, 'platform');
const outDir = process.env.PREVIEW_DIST_DIR ? path.resolve(process.env.PREVIEW_DIST_DIR) : path.join(previewDir, 'dist');

// SFDX has no namespace folder: map each bundle to c/<name> with alias records (absolute paths).
const sfdxModules = fs
    .readdirSync(sfdxLwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(sfdxLwcDir, d.name, `${d.name}.js`)))
    .map((d) => ({ name: `c/${d.name}`, path: path.join(sfdxLwcDir, d.name, `${d.name}.js`) }));

// Platform services LBC does not ship, implemented against the preview console (see platform/*.js).
const platformAliases = ['platformWorkspaceApi', 'messageService', 'navigation', 'uiRecordApi'].map((name) => ({
    name: `lightning/${name}`,
    path: path.join(platformDir, `${name}.js`)
}));
// Base components the alpha LBC build lacks, as the preview renders them (src/modules/lightning/*).
const componentAliases = ['clickToDial'].map((name) => ({
    name: `lightning/${name}`,
    path: path.join(previewDir, 'src/modules/lightning', name, `${name}.js`)
}));

export default {
    input: path.join(previewDir, 'src/main.js'),
    output: {
        dir: outDir,
        format: 'esm',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js'
    },
    onwarn(warning, warn) {
        // An unresolved import would become a bare import the browser cannot load: fail the build instead.
        if (warning.code === 'UNRESOLVED_IMPORT') {
            throw new Error(`preview build: ${warning.message}`);
        }
        // LBC's own templates produce ~20 harmless compiler warnings (LWC1149, LWC1057, LWC1137, LWC1145).
        const file = warning.loc?.file ?? warning.id ?? '';
        if (warning.plugin === 'rollup-plugin-lwc-compiler' && /node_modules/.test(file)) {
            return;
        }
        warn(warning);
    },
    plugins: [
        replace({
            preventAssignment: true,
            values: {
                // Development mode by default (the LWC engine's checks and warnings, as with Debug Mode on in an org);
                // PREVIEW_LWC_MODE=production builds what an org serves agents by default (build.ts, the bench).
                'process.env.NODE_ENV': JSON.stringify(process.env.PREVIEW_LWC_MODE === 'production' ? 'production' : 'development'),
                // LBC reads Vite-style import.meta.env.SSR; without this nothing renders.
                'import.meta.env.SSR': 'false'
            }
        }),
        platformModules({
            sourceDir,
            translationsDir,
            platformDir,
            apexMethods: [
                'CustomerProfileController.startLookup',
                'ProfileCardConfigController.getCardConfig',
                'ProfileChoiceController.rememberChoice',
                'ProfileChoiceController.forgetChoice',
                'ProfileChoiceController.reportNotThisPerson'
            ]
        }),
        lwc({
            rootDir: path.join(previewDir, 'src/modules'),
            enableDynamicComponents: true,
            modules: [...sfdxModules, ...platformAliases, ...componentAliases, { npm: 'lightning-base-components' }]
        })
    ]
};
