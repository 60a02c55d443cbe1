import * as path from 'node:path';
import { checkApexFormat } from './checkApexFormat';
import { checkApexPmd } from './checkApexPmd';
import { checkApexSuppressions } from './checkApexSuppressions';
import { checkApexSyntax } from './checkApexSyntax';
import { checkLabels } from './checkLabels';
import { checkLwcLint } from './checkLwcLint';
import { checkMetadata } from './checkMetadata';
import { checkReferences } from './checkReferences';
import { formatProblem, type Problem } from './problem';

export interface OfflineReport {
    problems: Problem[];
    pmdRules: string[];
    apexFiles: number;
}

/** All offline Salesforce checks of a project (a folder holding sfdx-project.json and force-app/). */
export async function runAllChecks(root: string, opts: { pmd?: boolean } = {}): Promise<OfflineReport> {
    const problems: Problem[] = [
        ...checkApexSyntax(root),
        ...checkApexSuppressions(root),
        ...checkMetadata(root),
        ...checkReferences(root),
        ...checkLabels(root),
        ...(await checkApexFormat(root)),
        ...(await checkLwcLint(root))
    ];
    let pmdRules: string[] = [];
    let apexFiles = 0;
    if (opts.pmd !== false) {
        const pmd = await checkApexPmd(root);
        problems.push(...pmd.problems);
        pmdRules = pmd.rulesRun;
        apexFiles = pmd.filesScanned;
    }
    return { problems, pmdRules, apexFiles };
}

async function main(): Promise<void> {
    const root = path.resolve(process.argv[2] ?? process.cwd());
    const report = await runAllChecks(root);
    for (const p of report.problems) console.error(formatProblem(p));
    console.log(
        `offline Salesforce checks: ${report.apexFiles} Apex files, ${report.pmdRules.length} PMD rules, ${report.problems.length} problem(s)`
    );
    process.exitCode = report.problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
    main().catch((err: unknown) => {
        console.error(err);
        process.exitCode = 2;
    });
}
