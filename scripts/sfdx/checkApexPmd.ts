import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type EngineLogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { isApexSource, listSourceFiles, relative, type Problem } from './problem';

/**
 * Salesforce Code Analyzer's PMD Apex rules, run through @salesforce/code-analyzer-core and the PMD engine on the
 * machine's Java, without the sf CLI and its code-analyzer plugin
 * (https://www.npmjs.com/package/@salesforce/code-analyzer-pmd-engine).
 */

/** Rule categories enforced on all Apex. Design/CodeStyle (complexity, parameter counts) are left to review. */
export const PMD_CATEGORIES = ['Security', 'Performance', 'BestPractices', 'ErrorProne'] as const;
/** Single rules enforced on top of the categories: ApexDoc on public members (the team's Apex style). */
export const PMD_EXTRA_RULES = ['ApexDoc'] as const;
/**
 * Rules of the selected categories that are deliberately not enforced, each with the reason.
 * ApexUnitTestClassShouldHaveRunAs: pure unit tests (response mapping, cache keys, settings) have no user
 * context to switch; the permission-dependent tests of the controller do use System.runAs.
 */
export const PMD_EXCLUDED_RULES: Record<string, string> = {
    ApexUnitTestClassShouldHaveRunAs: 'pure unit tests have no user context; permission tests use System.runAs'
};

export interface PmdReport {
    problems: Problem[];
    /** Names of the PMD rules that ran, sorted. */
    rulesRun: string[];
    filesScanned: number;
}

/** Engine messages span several lines (file, then the parser's reason); keep them readable in one line. */
function oneLine(message: string): string {
    const flat = message.replace(/\s+/g, ' ').trim();
    return flat.length > 400 ? `${flat.slice(0, 400)}...` : flat;
}

export async function checkApexPmd(root: string): Promise<PmdReport> {
    const classesAndTriggers = listSourceFiles(root, isApexSource);
    if (classesAndTriggers.length === 0) return { problems: [], rulesRun: [], filesScanned: 0 };

    const logFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sfdx-pmd-log-'));
    const engineErrors: string[] = [];
    try {
        const config = CodeAnalyzerConfig.fromObject({ log_folder: logFolder, engines: { cpd: { disable_engine: true } } }, root);
        const analyzer = new CodeAnalyzer(config);
        // A file PMD cannot parse is not a violation: it only shows up as an engine log event at Error level.
        analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
            if (event.logLevel <= LogLevel.Error) engineErrors.push(event.message);
        });
        await analyzer.addEnginePlugin(createEnginePlugin());
        const workspace = await analyzer.createWorkspace(classesAndTriggers);
        const byCategory = await analyzer.selectRules([`(${PMD_CATEGORIES.join(',')}):Apex`], { workspace });
        const names = new Set(byCategory.getRulesFor('pmd').map((r) => r.getName()));
        PMD_EXTRA_RULES.forEach((name) => names.add(name));
        Object.keys(PMD_EXCLUDED_RULES).forEach((name) => names.delete(name));
        const rulesRun = [...names].sort();
        const selection = await analyzer.selectRules(
            rulesRun.map((name) => `pmd:${name}`),
            { workspace }
        );
        const results = await analyzer.run(selection, { workspace });

        const problems: Problem[] = results.getViolations().map((v) => {
            const location = v.getCodeLocations()[v.getPrimaryLocationIndex()];
            const file = location?.getFile();
            return {
                check: 'pmd',
                file: file ? relative(root, file) : '(unknown file)',
                line: location?.getStartLine(),
                message: `${v.getRule().getName()} (severity ${v.getRule().getSeverityLevel()}): ${v.getMessage().trim()}`
            };
        });
        for (const message of engineErrors) {
            problems.push({ check: 'pmd', file: '(engine)', message: `PMD reported an error: ${oneLine(message)}` });
        }
        return { problems, rulesRun, filesScanned: classesAndTriggers.length };
    } finally {
        fs.rmSync(logFolder, { recursive: true, force: true });
    }
}
