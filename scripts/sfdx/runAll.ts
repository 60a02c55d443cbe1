import * as path from 'node:path';
import { checkApexFormat } from './checkApexFormat';
import { checkApexPmd } from './checkApexPmd';
import { checkApexSemantics } from './checkApexSemantics';
import { checkApexSuppressions } from './checkApexSuppressions';
import { checkApexSyntax } from './checkApexSyntax';
import { checkFieldLengths } from './checkFieldLengths';
import { checkLabels } from './checkLabels';
import { checkLwcLint } from './checkLwcLint';
import { checkMetadata } from './checkMetadata';
import { checkPackages, type ConvertedPackage } from './checkPackages';
import { checkReferences } from './checkReferences';
import { formatProblem, type Problem } from './problem';

export interface OfflineReport {
    problems: Problem[];
    pmdRules: string[];
    apexFiles: number;
    /** Each package directory as source-deploy-retrieve converts it for deploy. */
    packages: ConvertedPackage[];
}

/** All offline Salesforce checks of a project (a folder holding sfdx-project.json and force-app/). */
export async function runAllChecks(root: string, opts: { pmd?: boolean } = {}): Promise<OfflineReport> {
    // prettier and ESLint run in child processes and PMD in a JVM: start them together, then do the quick checks.
    const [format, lint, semantics, pmd, converted] = await Promise.all([
        checkApexFormat(root),
        checkLwcLint(root),
        checkApexSemantics(root),
        opts.pmd === false ? Promise.resolve(null) : checkApexPmd(root),
        checkPackages(root)
    ]);
    const problems: Problem[] = [
        ...checkApexSyntax(root),
        ...checkApexSuppressions(root),
        ...converted.problems,
        ...checkMetadata(root),
        ...checkFieldLengths(root),
        ...checkReferences(root),
        ...checkLabels(root),
        ...format,
        ...lint,
        ...semantics,
        ...(pmd?.problems ?? [])
    ];
    return { problems, pmdRules: pmd?.rulesRun ?? [], apexFiles: pmd?.filesScanned ?? 0, packages: converted.packages };
}

async function main(): Promise<void> {
    const root = path.resolve(process.argv[2] ?? process.cwd());
    const report = await runAllChecks(root);
    for (const p of report.problems) console.error(formatProblem(p));
    for (const p of report.packages) console.log(`package directory ${p.path}: ${p.components.length} components convert for deploy`);
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
